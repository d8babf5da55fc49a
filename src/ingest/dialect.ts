import Papa from 'papaparse';

/** Delimiters tried, in preference order for ties. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The layout of a text table, found from a sample. */
export interface Dialect {
  delimiter: string;
  /** Records of the sample (quotes respected, blank lines dropped). */
  rows: string[][];
  /** Index of the header among `rows`. */
  headerRow: number;
  /** 0-based physical line of the header in the text (title and blank lines above it count). */
  headerLine: number;
}

interface Parsed {
  rows: string[][];
  /** Character offset where each row starts. */
  starts: number[];
}

function parse(text: string, delimiter: string, truncated: boolean): Parsed {
  const rows: string[][] = [];
  const starts: number[] = [];
  let lastEnd = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (r) => {
      const start = lastEnd;
      lastEnd = r.meta.cursor;
      const row = r.data;
      if (row.length === 1 && row[0] === '') return; // blank line
      rows.push(row);
      starts.push(start);
    },
  });
  if (truncated && rows.length > 1) {
    rows.pop();
    starts.pop();
  }
  return { rows, starts };
}

/** The delimiter whose field counts are most consistent (and largest) over the sample. */
function pickDelimiter(text: string, truncated: boolean): string {
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = parse(text, d, truncated).rows.slice(0, 300);
    if (!rows.length) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [mode, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (mode < 2) continue;
    const score = (freq / rows.length) * Math.log2(mode + 1);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * The header: among the first 30 records, the first whose filled cells reach 60 % of the widest
 * record and which is not mostly numbers (a title line has one cell; a data row has numbers).
 */
export function pickHeaderRow(rows: string[][]): number {
  const top = rows.slice(0, 30);
  const filled = (r: string[]) => r.filter((c) => c.trim() !== '').length;
  const width = Math.max(0, ...top.map(filled));
  for (let i = 0; i < top.length; i++) {
    const cells = top[i].filter((c) => c.trim() !== '');
    const numeric = cells.filter((c) => /^[\s\d.,%()¥$€£+-]+$/.test(c)).length;
    if (cells.length >= Math.max(2, Math.ceil(width * 0.6)) && numeric <= cells.length / 2) return i;
  }
  return 0;
}

/** Count line breaks (\r\n, \n or a lone \r) before `offset`. */
export function linesBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Find delimiter, records and header in a decoded sample. */
export function sniffDialect(text: string, truncated: boolean, delimiter?: string): Dialect {
  const d = delimiter ?? pickDelimiter(text, truncated);
  const { rows, starts } = parse(text, d, truncated);
  const headerRow = pickHeaderRow(rows);
  return {
    delimiter: d,
    rows,
    headerRow,
    headerLine: rows.length ? linesBefore(text, starts[headerRow]) : 0,
  };
}
