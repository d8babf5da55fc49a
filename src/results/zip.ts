import { strToU8, zipSync } from 'fflate';
import { ZIP_EPOCH } from '../export/xlsx-writer';
import type { ResultFile } from './writer';

/** Zip the result files (fixed timestamps, so the same results always give the same bytes). */
export function zipResults(files: ResultFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [strToU8(f.content), { mtime: ZIP_EPOCH }];
  return zipSync(entries, { level: 6 });
}
