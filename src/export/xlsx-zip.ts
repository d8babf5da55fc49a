import { zipSync } from 'fflate';

/**
 * Timestamp of every ZIP entry (result ZIPs, XLSX, Parquet bundles). ZIP (DOS) times are local
 * wall-clock times, so the date is built from local fields: the bytes are then the same in every
 * time zone.
 */
export const ZIP_EPOCH = new Date(2000, 0, 1, 0, 0, 0);

/**
 * The zip step of `write-excel-file`, put in place of its own by the build (vite.config.ts,
 * `xlsxSyncZip`). Its own step calls fflate's asynchronous `zip`, which compresses every part
 * over 160 kB in a Web Worker made from a `blob:` URL: the page's Content-Security-Policy
 * (`worker-src 'self'`, docs/security.md) forbids that worker, the browser blocks it without an
 * error the library sees, and the export never finishes. This one zips on the calling thread
 * (a results workbook of 20,000 customers takes well under a second) with fixed timestamps, so
 * the same table always gives the same bytes.
 *
 * Same contract as the module it replaces: parts by path → the archive as an ArrayBuffer.
 */
export default function zipToArrayBuffer(files: Record<string, Uint8Array>): Promise<ArrayBuffer> {
  const bytes = zipSync(files, { level: 6, mtime: ZIP_EPOCH });
  return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
