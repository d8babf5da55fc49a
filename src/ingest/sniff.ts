import Papa from 'papaparse';
import { IngestError } from './types';

/** What the first bytes of a file tell about its layout. */
export interface Sniffed {
  encoding: string;
  delimiter: string;
  /** 0-based index of the header line among the sample's lines. */
  headerLine: number;
  header: string[];
  /** Data rows after the header in the sample (for previews and content checks). */
  rows: string[][];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Decode a sample of bytes; v0 reads UTF-8 (with or without BOM) only. */
export function decodeSample(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length === 0) throw new IngestError('empty_file');
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  if (text.slice(0, 4096).includes('\u0000')) throw new IngestError('binary_file');
  return { text, encoding: start ? 'utf-8-bom' : 'utf-8' };
}

/** Parse a text sample with one delimiter (quotes respected), dropping a possibly cut last line. */
function parseSample(text: string, delimiter: string, truncated: boolean): string[][] {
  const res = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', quoteChar: '"' });
  const rows = res.data;
  if (truncated && rows.length > 1) rows.pop();
  return rows;
}

/** Pick the delimiter whose field count is most consistent and largest. */
function pickDelimiter(text: string, truncated: boolean): string {
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = parseSample(text, d, truncated).slice(0, 200);
    if (!rows.length) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [mode, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (mode < 2) continue;
    const score = (freq / rows.length) * Math.log2(mode + 1);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Find the header: the first row (of the first 30) with at least 60% of the widest row's cells filled. */
function pickHeader(rows: string[][]): number {
  const width = Math.max(...rows.slice(0, 30).map((r) => r.filter((c) => c.trim() !== '').length));
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const filled = rows[i].filter((c) => c.trim() !== '').length;
    if (filled >= Math.max(2, Math.ceil(width * 0.6))) return i;
  }
  return 0;
}

/** Sniff encoding, delimiter and header row from the first bytes of a file. */
export function sniff(bytes: Uint8Array, truncated: boolean): Sniffed {
  const { text, encoding } = decodeSample(bytes);
  if (!text.trim()) throw new IngestError('empty_file');
  const delimiter = pickDelimiter(text, truncated);
  const rows = parseSample(text, delimiter, truncated);
  const headerLine = pickHeader(rows);
  const header = rows[headerLine].map((h) => h.trim());
  return { encoding, delimiter, headerLine, header, rows: rows.slice(headerLine + 1) };
}
