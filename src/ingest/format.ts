import { IngestError } from './types';

/** How a file's bytes are laid out. */
export type SourceFormat = 'csv' | 'xlsx' | 'parquet';

/**
 * Decide the format from the first bytes (not the name: a PDF renamed `.csv` is still a PDF).
 * Throws IngestError for files that are not tables.
 */
export function detectFormat(head: Uint8Array, name: string): SourceFormat {
  if (head.length === 0) throw new IngestError('empty_file', { file: name });
  const ascii = (n: number) => String.fromCharCode(...head.subarray(0, n));
  if (ascii(4) === 'PAR1') return 'parquet';
  if (ascii(5) === '%PDF-') throw new IngestError('pdf_file', { file: name });
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (/\.xls[xm]$/i.test(name) || /xl\//.test(ascii(Math.min(head.length, 2000)))) return 'xlsx';
    throw new IngestError('zip_file', { file: name });
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new IngestError('xls_file', { file: name });
  return 'csv';
}

/**
 * Text that is really binary: NUL bytes outside UTF-16, or many control characters. Checked on
 * the decoded sample.
 */
export function looksBinary(text: string): boolean {
  const probe = text.slice(0, 8192);
  if (!probe.length) return false;
  let control = 0;
  for (const ch of probe) {
    const c = ch.charCodeAt(0);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control / probe.length > 0.05;
}
