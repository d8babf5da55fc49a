/**
 * The browser's forecast runner: `computeForecast` in a Web Worker (forecast.worker.ts), started
 * on the first forecast and kept for the next ones. Each run is recorded as a performance measure
 * `forecast:compute` (sent → answered, with the worker's own milliseconds as `detail`) for the
 * benchmark. If the worker cannot start (the file is missing from a partial copy of the site), the
 * forecast runs in the page instead: slower to respond, but not lost.
 */
import type { ForecastComputed, ForecastRequest } from '../analytics/forecast/forecast';

/** The worker's answer to a request. */
export type ForecastReply =
  { id: number; ok: true; result: ForecastComputed; ms: number } | { id: number; ok: false; message: string };

interface Waiting {
  request: ForecastRequest;
  sent: number;
  resolve: (r: ForecastComputed) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let broken = false;
let next = 1;
const waiting = new Map<number, Waiting>();

/** In the page, for when no worker can run. */
async function inPage(request: ForecastRequest): Promise<ForecastComputed> {
  const { computeForecast } = await import('../analytics/forecast/compute');
  return computeForecast(request);
}

function start(): Worker {
  const w = new Worker(new URL('./forecast.worker.ts', import.meta.url), {
    type: 'module',
    name: 'forecast',
  });
  w.onmessage = (e: MessageEvent<ForecastReply>) => {
    const job = waiting.get(e.data.id);
    if (!job) return;
    waiting.delete(e.data.id);
    if (!e.data.ok) return job.reject(new Error(e.data.message));
    performance.measure('forecast:compute', { start: job.sent, end: performance.now(), detail: e.data.ms });
    job.resolve(e.data.result);
  };
  // The script did not load or threw at the top: run what waits (and what comes) in the page.
  w.onerror = (e) => {
    e.preventDefault();
    console.warn('The forecast worker could not run; the forecast runs in the page.', e.message);
    broken = true;
    w.terminate();
    worker = null;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      inPage(job.request).then(job.resolve, job.reject);
    }
  };
  return w;
}

/** Fit and score in the worker (one at a time, in the order asked). */
export function forecastInWorker(request: ForecastRequest): Promise<ForecastComputed> {
  if (broken || typeof Worker === 'undefined') return inPage(request);
  try {
    worker ??= start();
  } catch (err) {
    console.warn('The forecast worker could not start; the forecast runs in the page.', err);
    broken = true;
    return inPage(request);
  }
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { request, sent: performance.now(), resolve, reject });
    worker!.postMessage({ id, request });
  });
}
