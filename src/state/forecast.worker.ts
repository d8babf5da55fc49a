/**
 * The value forecast's fit and scoring in a Web Worker (a module worker Vite builds as a file of
 * its own: `worker-src 'self'` allows it, it needs no cross-origin isolation and no
 * SharedArrayBuffer). Receives a packed ForecastRequest (transfer.ts), answers with
 * `computeForecast`'s result packed the same way and the milliseconds it took, or with the
 * error's message.
 */
import { computeForecast } from '../analytics/forecast/compute';
import { buffers, packComputed, unpackRequest, type PackedRequest } from '../analytics/forecast/transfer';
import type { ForecastReply } from './forecast-worker';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; request: PackedRequest }>) => void) | null;
  postMessage: (reply: ForecastReply, transfer?: Transferable[]) => void;
};

scope.onmessage = (e) => {
  const { id } = e.data;
  const t0 = performance.now();
  try {
    const request = unpackRequest(e.data.request);
    const result = packComputed(request, computeForecast(request));
    scope.postMessage({ id, ok: true, result, ms: performance.now() - t0 }, buffers(result));
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
