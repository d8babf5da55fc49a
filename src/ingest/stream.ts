import type { FileSource } from '../engine/types';
import { readRange } from './remote';
import { IngestError, type InputFile } from './types';

/** Read size for streaming a file. */
const CHUNK = 4 * 1024 * 1024;

/** Whether bytes start with the gzip magic number. */
export function isGzipBytes(b: Uint8Array): boolean {
  return b[0] === 0x1f && b[1] === 0x8b;
}

async function* nodeFileChunks(path: string): AsyncGenerator<Uint8Array> {
  const fs = await import(/* @vite-ignore */ 'node:fs');
  for await (const c of fs.createReadStream(path, { highWaterMark: CHUNK }))
    yield new Uint8Array(c as Buffer);
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < blob.size; off += CHUNK)
    yield new Uint8Array(await blob.slice(off, off + CHUNK).arrayBuffer());
}

async function* readerChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Raw bytes of a source, chunk by chunk (never the whole file at once). */
export function sourceChunks(source: FileSource): AsyncGenerator<Uint8Array> {
  if (source.kind === 'path') return nodeFileChunks(source.path);
  if (source.kind === 'blob') return blobChunks(source.blob);
  if (source.kind === 'url')
    return (async function* () {
      for (let off = 0; off < source.size; off += CHUNK)
        yield await readRange(source.url, off, Math.min(off + CHUNK, source.size), source.url);
    })();
  return (async function* () {
    for (let off = 0; off < source.bytes.length; off += CHUNK) yield source.bytes.subarray(off, off + CHUNK);
  })();
}

/**
 * Raw bytes of a source in one pass to the end: a Blob through its stream (one read pipeline:
 * 90 MB in 0.14–0.18 s in Chromium, against 0.28–0.44 s by 4 MB slices), other sources as
 * sourceChunks.
 */
export function wholeSourceChunks(source: FileSource): AsyncGenerator<Uint8Array> {
  return source.kind === 'blob' ? readerChunks(source.blob.stream()) : sourceChunks(source);
}

/** Decompress gzip chunks with the platform's DecompressionStream (browsers and Node 18+). */
export function gunzipChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  return readerChunks(
    input.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>),
  );
}

/** The file's content bytes (decompressed when gzip), chunk by chunk. */
export function contentChunks(file: InputFile, gzip: boolean): AsyncGenerator<Uint8Array> {
  const raw = sourceChunks(file.source);
  return gzip ? damagedGzipIsIngestError(gunzipChunks(raw), file.name) : raw;
}

/** A gzip stream that ends early or has bad data: the file was cut off (interrupted copy or download). */
async function* damagedGzipIsIngestError(
  chunks: AsyncGenerator<Uint8Array>,
  file: string,
): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (err) {
    throw new IngestError('truncated_file', {
      file,
      message: err instanceof Error ? err.message : String(err),
    });
  }
}

/**
 * The first `max` bytes of the content. For gzip the head of the compressed file is inflated
 * until `max` bytes come out or the (cut) input ends.
 */
export async function contentHead(
  file: InputFile,
  gzip: boolean,
  max: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const parts: Uint8Array[] = [];
  let n = 0;
  let complete = true;
  const it = contentChunks(file, gzip);
  try {
    for await (const c of it) {
      parts.push(c);
      n += c.length;
      if (n >= max) {
        complete = false;
        break;
      }
    }
  } finally {
    await it.return(undefined);
  }
  const out = new Uint8Array(Math.min(n, max));
  let off = 0;
  for (const p of parts) {
    const take = Math.min(p.length, out.length - off);
    out.set(p.subarray(0, take), off);
    off += take;
    if (off >= out.length) break;
  }
  return { bytes: out, complete: complete && n <= max };
}

/**
 * Collect chunks into something DuckDB can read: in a browser a Blob (its data lives outside the
 * JS heap; parts are flushed every 16 MB so at most that much is held in JS), under Node a buffer.
 */
export async function collectSource(chunks: AsyncIterable<Uint8Array>, asBlob: boolean): Promise<FileSource> {
  const FLUSH = 16 * 1024 * 1024;
  const blobs: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const all: Uint8Array[] = [];
  for await (const c of chunks) {
    if (!asBlob) {
      all.push(c);
      continue;
    }
    pending.push(c);
    pendingBytes += c.length;
    if (pendingBytes >= FLUSH) {
      blobs.push(new Blob(pending as BlobPart[]));
      pending = [];
      pendingBytes = 0;
    }
  }
  if (asBlob) {
    if (pending.length) blobs.push(new Blob(pending as BlobPart[]));
    return { kind: 'blob', blob: new Blob(blobs) };
  }
  const total = all.reduce((s, c) => s + c.length, 0);
  const bytes = new Uint8Array(total);
  let off = 0;
  for (const c of all) {
    bytes.set(c, off);
    off += c.length;
  }
  return { kind: 'buffer', bytes };
}

/** Line-ending kinds present in some bytes. */
export function lineEndings(samples: Uint8Array[]): { cr: number; lf: number; crlf: number } {
  const r = { cr: 0, lf: 0, crlf: 0 };
  for (const b of samples)
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x0d) {
        if (b[i + 1] === 0x0a) {
          r.crlf++;
          i++;
        } else if (i + 1 < b.length) r.cr++;
      } else if (b[i] === 0x0a) r.lf++;
    }
  return r;
}

/** Rewrite every line ending (CRLF, lone CR) as LF, chunk by chunk (a CR at a chunk's end waits for the next). */
export async function* normaliseNewlines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pendingCR = false;
  for await (const chunk of chunks) {
    const out = new Uint8Array(chunk.length + 1);
    let n = 0;
    let i = 0;
    if (pendingCR) {
      out[n++] = 0x0a;
      if (chunk[0] === 0x0a) i = 1;
      pendingCR = false;
    }
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b !== 0x0d) {
        out[n++] = b;
        continue;
      }
      if (i + 1 === chunk.length) pendingCR = true;
      else {
        out[n++] = 0x0a;
        if (chunk[i + 1] === 0x0a) i++;
      }
    }
    if (n) yield out.subarray(0, n);
  }
  if (pendingCR) yield new Uint8Array([0x0a]);
}
