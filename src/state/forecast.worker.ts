/**
 * The value forecast's fit and scoring in a Web Worker (a module worker Vite builds as a file of
 * its own: `worker-src 'self'` allows it, it needs no cross-origin isolation and no
 * SharedArrayBuffer). Receives a ForecastRequest, answers with `computeForecast`'s result and the
 * milliseconds it took, or with the error's message.
 */
import { computeForecast } from '../analytics/forecast/compute';
import type { ForecastRequest } from '../analytics/forecast/forecast';
import type { ForecastReply } from './forecast-worker';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; request: ForecastRequest }>) => void) | null;
  postMessage: (reply: ForecastReply) => void;
};

scope.onmessage = (e) => {
  const { id, request } = e.data;
  const t0 = performance.now();
  try {
    const result = computeForecast(request);
    scope.postMessage({ id, ok: true, result, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
