/**
 * Data files named in a link (`?data=`), fetched by this browser from the intranet server that
 * hosts them. Parquet is read slice by slice with HTTP range requests when the server allows
 * them (the footer, then one row group at a time); CSV and XLSX, and Parquet from a server that
 * ignores ranges, are downloaded whole into a Blob. Nothing is ever sent: these are plain GETs.
 */
import { fetchDataFile } from './fetch-timeout';
import { IngestError, type InputFile } from './types';

/** Longest wait for a server's answer (or its next bytes) before the user is told it does not answer. */
const STALL_MS = 30_000;

/** The `Range` header for `[start, end)`. */
function rangeHeader(start: number, end: number): string {
  return `bytes=${start}-${end - 1}`;
}

/** A fetch that turns network and CORS failures into an error the user can act on. */
async function get(url: string, name: string, init?: RequestInit, stallMs = STALL_MS): Promise<Response> {
  let res: Response;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), stallMs);
  try {
    res = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      redirect: 'follow',
      signal: controller.signal,
    });
  } catch (err) {
    if (controller.signal.aborted)
      throw new IngestError('data_url_timeout', { file: name, url, seconds: Math.round(stallMs / 1000) });
    // A TypeError here is a network failure, a refused CORS request or a blocked address: the
    // browser does not say which, on purpose.
    throw new IngestError('data_url_unreachable', {
      file: name,
      url,
      message: err instanceof Error ? err.message : String(err),
    });
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) throw new IngestError('data_url_status', { file: name, url, status: res.status });
  return res;
}

/**
 * Read bytes `[start, end)` of a file on a server that answered a range request before. A
 * server that now sends the whole file (200) or a short answer is an error, not a silent
 * truncation.
 */
export async function readRange(url: string, start: number, end: number, name = url): Promise<Uint8Array> {
  if (end <= start) return new Uint8Array(0);
  const res = await get(url, name, { headers: { Range: rangeHeader(start, end) } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 206 || bytes.length !== end - start)
    throw new IngestError('data_url_range', { file: name, url, status: res.status });
  return bytes;
}

/**
 * Download a whole file into a Blob (its bytes live outside the JS heap), giving up when the
 * server stays silent for 30 s (fetchDataFile's stall timeout restarts with every chunk).
 */
export async function fetchWhole(url: string, stallMs = STALL_MS): Promise<Blob> {
  return fetchDataFile(url, { stallMs });
}

/** The file name a URL shows in reports: its last path segment, decoded. */
export function nameOfUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || url.host;
  } catch {
    return last || url.host;
  }
}

/** Total size from a 206 answer's `Content-Range: bytes 0-3/12345` (null when hidden or `*`). */
function totalFromContentRange(res: Response): number | null {
  const m = /\/(\d+)\s*$/.exec(res.headers.get('Content-Range') ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Open one `?data=` file as an ingest input. A `.parquet` URL is probed with a 4-byte range
 * request: a 206 answer makes it a range-read source (size from `Content-Range`, or from a HEAD
 * request's `Content-Length` when another host hides that header from scripts); a 200 answer
 * means the server ignores ranges, and the body already on its way is kept whole.
 */
export async function openDataUrl(url: URL, stallMs = STALL_MS): Promise<InputFile> {
  const name = nameOfUrl(url);
  const href = url.href;
  if (/\.parquet$/i.test(url.pathname)) {
    const probe = await get(href, name, { headers: { Range: rangeHeader(0, 4) } }, stallMs);
    if (probe.status === 206) {
      await probe.arrayBuffer();
      let size = totalFromContentRange(probe);
      if (size === null) {
        const head = await get(href, name, { method: 'HEAD' }, stallMs);
        const length = Number(head.headers.get('Content-Length'));
        size = Number.isFinite(length) && length > 0 ? length : null;
      }
      if (size !== null) return { name, size, source: { kind: 'url', url: href, size } };
      const blob = await fetchWhole(href, stallMs);
      return { name, size: blob.size, source: { kind: 'blob', blob } };
    }
    const blob = await probe.blob();
    return { name, size: blob.size, source: { kind: 'blob', blob } };
  }
  const blob = await fetchWhole(href, stallMs);
  return { name, size: blob.size, source: { kind: 'blob', blob } };
}
