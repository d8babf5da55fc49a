import { readRange } from './remote';
import type { InputFile } from './types';

/** A byte-range reader over a file, whatever its origin. */
export type ByteReader = (start: number, end: number) => Promise<Uint8Array>;

/** Read `[start, end)` of an input file without loading the rest. */
export function byteReader(file: InputFile): ByteReader {
  const src = file.source;
  if (src.kind === 'blob') return async (s, e) => new Uint8Array(await src.blob.slice(s, e).arrayBuffer());
  if (src.kind === 'buffer') return async (s, e) => src.bytes.subarray(s, e);
  if (src.kind === 'url') return (s, e) => readRange(src.url, s, Math.min(e, src.size), file.name);
  return async (s, e) => {
    // Node only (the CLI); kept out of the browser bundle by the dynamic import.
    const fs = await import(/* @vite-ignore */ 'node:fs/promises');
    const fh = await fs.open(src.path, 'r');
    try {
      const buf = new Uint8Array(Math.max(0, Math.min(e, file.size) - s));
      await fh.read(buf, 0, buf.length, s);
      return buf;
    } finally {
      await fh.close();
    }
  };
}

/** Wrap a browser File/Blob as an ingest input (DuckDB reads it lazily). */
export function fromBlob(blob: Blob, name = (blob as File).name ?? 'data.csv'): InputFile {
  return { name, size: blob.size, source: { kind: 'blob', blob } };
}

/** Wrap bytes already in memory as an ingest input. */
export function fromBytes(bytes: Uint8Array, name: string): InputFile {
  return { name, size: bytes.byteLength, source: { kind: 'buffer', bytes } };
}
