import { strToU8, zipSync } from 'fflate';
import { ZIP_EPOCH } from '../export/xlsx-zip';
import { concatBytes } from '../export/bytes';
import { textPieces, type Text } from '../export/csv';
import type { ResultFile } from './writer';

/** A text's UTF-8 bytes, piece by piece (no string longer than a piece is made). */
const utf8 = (t: Text): Uint8Array =>
  typeof t === 'string' ? strToU8(t) : concatBytes(Array.from(textPieces(t), (p) => strToU8(p)));

/**
 * Zip the result files (fixed timestamps, so the same results always give the same bytes), with
 * any binary files after them (the browser adds results.xlsx; the CLI adds none).
 */
export function zipResults(
  files: ResultFile[],
  binary: { name: string; bytes: Uint8Array }[] = [],
): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [utf8(f.content), { mtime: ZIP_EPOCH }];
  for (const f of binary) entries[f.name] = [f.bytes, { mtime: ZIP_EPOCH }];
  return zipSync(entries, { level: 6 });
}
