/**
 * A forecast runner for the CLI: `computeForecast` (the fit and scoring, ~10 s of JavaScript at
 * 200,000 customers) in a worker thread, so the next analyses' SQL runs on DuckDB's threads
 * meanwhile (`runEach`'s `ahead`). The request and the answer travel as columns (transfer.ts, as
 * to the browser's Web Worker); the worker runs the same code, so the result is the same to the
 * bit. If the thread cannot start or fails, the forecast fails with its error (no quiet fallback).
 */
import { Worker } from 'node:worker_threads';
import type { ForecastCompute, ForecastComputed, ForecastRequest } from '../analytics/forecast/forecast';
import { buffers, packRequest, unpackComputed, type PackedComputed } from '../analytics/forecast/transfer';

/** The worker's answer to a request. */
export type ThreadReply =
  { id: number; ok: true; result: PackedComputed } | { id: number; ok: false; message: string };

interface Waiting {
  request: ForecastRequest;
  resolve: (r: ForecastComputed) => void;
  reject: (e: Error) => void;
}

/** A worker thread for forecasts, started on the first one; `close` ends it. */
export function forecastThread(): { compute: ForecastCompute; close: () => Promise<void> } {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, Waiting>();
  const failAll = (err: Error) => {
    for (const job of waiting.values()) job.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./forecast-thread.boot.mjs', import.meta.url), { name: 'forecast' });
    w.on('message', (reply: ThreadReply) => {
      const job = waiting.get(reply.id);
      if (!job) return;
      waiting.delete(reply.id);
      if (!waiting.size) w.unref();
      if (reply.ok) job.resolve(unpackComputed(job.request, reply.result));
      else job.reject(new Error(`the forecast thread failed: ${reply.message}`));
    });
    w.on('error', (err) => {
      worker = null;
      failAll(new Error(`the forecast thread failed: ${err.message}`));
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (waiting.size) failAll(new Error(`the forecast thread stopped (exit code ${code})`));
    });
    return w;
  };
  return {
    compute: (request) =>
      new Promise<ForecastComputed>((resolve, reject) => {
        worker ??= start();
        // Kept alive while a forecast is on its way; an idle worker does not hold the process.
        worker.ref();
        const id = next++;
        waiting.set(id, { request, resolve, reject });
        const packed = packRequest(request);
        worker.postMessage({ id, request: packed }, buffers(packed));
      }),
    close: async () => {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
