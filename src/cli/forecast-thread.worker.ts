/**
 * The value forecast's fit and scoring in a Node worker thread (forecast-thread.ts starts it):
 * receives a packed ForecastRequest (transfer.ts, as the browser's Web Worker does), answers with
 * `computeForecast`'s result packed the same way, or with the error. The same code as in the main
 * thread, so the same bits.
 */
import { parentPort } from 'node:worker_threads';
import { computeForecast } from '../analytics/forecast/compute';
import { buffers, packComputed, unpackRequest, type PackedRequest } from '../analytics/forecast/transfer';
import type { ThreadReply } from './forecast-thread';

const port = parentPort!;
port.on('message', ({ id, request }: { id: number; request: PackedRequest }) => {
  try {
    const unpacked = unpackRequest(request);
    const result = packComputed(unpacked, computeForecast(unpacked));
    port.postMessage({ id, ok: true, result } satisfies ThreadReply, buffers(result));
  } catch (err) {
    port.postMessage({
      id,
      ok: false,
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    } satisfies ThreadReply);
  }
});
