/**
 * The browser's forecast runner: `computeForecast` in a Web Worker (forecast.worker.ts), started
 * on the first forecast and kept for the next ones. Each run is recorded as a performance measure
 * `forecast:compute` (sent → answered, with the worker's own milliseconds as `detail`) for the
 * benchmark. If the worker cannot start (the file is missing from a partial copy of the site), the
 * forecast runs in the page instead: slower to respond, but not lost. The customers travel as
 * columns (transfer.ts), and packing, sending and rebuilding the rows each take a task of their
 * own, so no piece of it holds the page long.
 */
import type { ForecastComputed, ForecastRequest } from '../analytics/forecast/forecast';
import { buffers, packRequest, unpackComputed, type PackedComputed } from '../analytics/forecast/transfer';

/** The worker's answer to a request. */
export type ForecastReply =
  { id: number; ok: true; result: PackedComputed; ms: number } | { id: number; ok: false; message: string };

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
    const reply = e.data;
    if (!reply.ok) return job.reject(new Error(reply.message));
    // Rebuild the rows in a task of their own, after this message's.
    setTimeout(() => {
      const computed = unpackComputed(job.request, reply.result);
      performance.measure('forecast:compute', { start: job.sent, end: performance.now(), detail: reply.ms });
      job.resolve(computed);
    }, 0);
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
  const w = worker;
  const id = next++;
  return new Promise((resolve, reject) => {
    // Pack and send in a task of their own, after the one that turned DuckDB's answer into rows.
    setTimeout(() => {
      if (broken) return void inPage(request).then(resolve, reject);
      waiting.set(id, { request, sent: performance.now(), resolve, reject });
      const packed = packRequest(request);
      w.postMessage({ id, request: packed }, buffers(packed));
    }, 0);
  });
}
