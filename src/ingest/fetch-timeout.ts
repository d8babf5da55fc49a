/**
 * Fetch a data file named by URL with a stall timeout and typed errors. A server that
 * does not answer, answers 404, or stops sending in the middle must end in a message the user can
 * act on, never a page that waits forever. The timeout is for silence, not for the whole
 * download: it restarts with every chunk, so a large file on a slow link still arrives.
 * The `?data=` loader (review links) can use this for its whole-file downloads.
 */
import { IngestError } from './types';

/** Options of fetchDataFile. */
export interface FetchDataOptions {
  /** Longest silence (no answer, or no new bytes) before giving up, in ms. Default 30 s. */
  stallMs?: number;
  /** The fetch to use (tests pass a stub). */
  fetch?: typeof fetch;
}

const DEFAULT_STALL_MS = 30_000;

/**
 * Download `url` whole into a Blob. Throws IngestError `data_url_status` (HTTP error status),
 * `data_url_timeout` (silence longer than `stallMs`) or `data_url_unreachable` (network
 * failure, refused CORS, blocked by the page's policy).
 */
export async function fetchDataFile(url: string, options: FetchDataOptions = {}): Promise<Blob> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, stallMs);
  };
  const fail = (err: unknown): never => {
    if (err instanceof IngestError) throw err;
    if (timedOut) throw new IngestError('data_url_timeout', { url, seconds: Math.round(stallMs / 1000) });
    throw new IngestError('data_url_unreachable', {
      url,
      message: err instanceof Error ? err.message : String(err),
    });
  };
  arm();
  try {
    const res = await doFetch(url, { signal: controller.signal, credentials: 'same-origin' }).catch(fail);
    if (!res.ok) throw new IngestError('data_url_status', { url, status: res.status });
    if (!res.body) return await res.blob();
    const parts: Uint8Array[] = [];
    const reader = res.body.getReader();
    for (;;) {
      arm();
      const { done, value } = await reader.read().catch(fail);
      if (done) break;
      parts.push(value);
    }
    return new Blob(parts as BlobPart[], { type: res.headers.get('Content-Type') ?? '' });
  } catch (err) {
    return fail(err);
  } finally {
    clearTimeout(timer);
  }
}
