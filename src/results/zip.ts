import { strToU8, zipSync } from 'fflate';
import { ZIP_EPOCH } from '../export/xlsx-zip';
import type { ResultFile } from './writer';

/**
 * Zip the result files (fixed timestamps, so the same results always give the same bytes), with
 * any binary files after them (the browser adds results.xlsx; the CLI adds none).
 */
export function zipResults(
  files: ResultFile[],
  binary: { name: string; bytes: Uint8Array }[] = [],
): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [strToU8(f.content), { mtime: ZIP_EPOCH }];
  for (const f of binary) entries[f.name] = [f.bytes, { mtime: ZIP_EPOCH }];
  return zipSync(entries, { level: 6 });
}
