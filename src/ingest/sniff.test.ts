import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { sqlString } from '../engine/sql';
import { sniffText } from './sniff';
import { summarySql } from './values';
import { mulberry32 } from '../../bench/gen-sales';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

/** The bytes in chunks of `size` (the sniff must not depend on where chunks end). */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

let files = 0;
/**
 * What the load SQL would find in each column, reading the text as csv-source.ts does: a cell
 * that trim() changes, a cell summarySql calls a summary.
 */
async function truth(
  bytes: Uint8Array,
  delimiter: string,
  columns: number,
  skip: number,
): Promise<{ edge: Set<number>; summary: Set<number> }> {
  const name = `sniff_${files++}.csv`;
  await db.registerFile(name, { kind: 'buffer', bytes });
  const cols = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const read = `read_csv(${sqlString(name)}, header = false, skip = ${skip}, delim = ${sqlString(delimiter)},
      quote = '"', escape = '"', auto_detect = false, columns = {${cols}}, null_padding = true, parallel = false,
      max_line_size = 16777216, store_rejects = true, rejects_table = 'rej_${name.slice(0, -4)}', rejects_scan = 'scan_${name.slice(0, -4)}')`;
  const parts = Array.from(
    { length: columns },
    (_, i) =>
      `coalesce(bool_or(c${i} <> trim(c${i})), FALSE) AS e${i}, coalesce(bool_or(${summarySql(`c${i}`)}), FALSE) AS s${i}`,
  );
  const [r] = await db.rows<Record<string, boolean>>(`SELECT ${parts.join(', ')} FROM ${read}`);
  await db.dropFile(name);
  const edge = new Set<number>();
  const summary = new Set<number>();
  for (let i = 0; i < columns; i++) {
    if (r[`e${i}`]) edge.add(i);
    if (r[`s${i}`]) summary.add(i);
  }
  return { edge, summary };
}

/** Whether the sniff's answer covers every column the SQL finds. */
function covers(found: ReadonlySet<number> | null, truth: Set<number>): boolean {
  return found === null || [...truth].every((c) => found.has(c));
}

const enc = new TextEncoder();

/** Deterministic PRNG: the bench's (same bytes every run). */
const random = mulberry32;

const PLAIN = [
  'C001',
  '12.5',
  '2024-03-05',
  '华东',
  '经销商',
  'Standard Class',
  'Sumatra',
  'totally',
  'Grand',
  'subtotal x',
  '合计金额',
  'st',
  '',
];
const SPACED = [' C001', 'C001 ', '\u00a0华东', '华东\u3000', '\u2009x', 'x\u202f', ' ', '\u3000'];
const SUMMARY = [
  'Total',
  '合计',
  ' 合 计 ',
  'Sum:',
  'GRAND TOTAL',
  'grand\u00a0total',
  '小计：',
  'Totals',
  '\u3000总计',
  'S\tum',
  'total\u2028',
  '\ufeffsum',
  '：合计：',
];

function field(rand: () => number, delimiter: string): string {
  const r = rand();
  const v = r < 0.8 ? PLAIN : r < 0.9 ? SPACED : SUMMARY;
  const s = v[Math.floor(rand() * v.length)];
  const q = rand();
  if (q < 0.1) return `"${s}${delimiter} ${s}"`;
  if (q < 0.15) return `"${s}""x"" "`;
  if (q < 0.2) return `"${s}\n${s}"`;
  if (q < 0.3 || s.includes('\n') || s.includes('\u2028') || s.includes(delimiter)) return `"${s}"`;
  return s;
}

describe('sniffText', () => {
  it('finds nothing in a clean file, and each column that needs a step in a dirty one', async () => {
    const clean = enc.encode('date,customer,amount\n2024-03-05,C001,12.5\n2024-03-06,"C002, Ltd",1\n');
    const facts = await sniffText(chunked(clean, 7), ',', 1, 3);
    expect(facts).toEqual({ nul: false, edgeSpace: new Set(), summaryWord: new Set() });
    const dirty = enc.encode('date,customer,amount\n2024-03-05, C001,12.5\n合计,,13.5\n');
    expect(await sniffText(chunked(dirty, 5), ',', 1, 3)).toEqual({
      nul: false,
      edgeSpace: new Set([1]),
      summaryWord: new Set([0]),
    });
    // A NUL byte: every cell is cleaned, as before.
    const nul = enc.encode('a,b\nx\u0000,y\n');
    expect(await sniffText(chunked(nul, 64), ',', 1, 2)).toEqual({
      nul: true,
      edgeSpace: null,
      summaryWord: null,
    });
  });

  it('leaves out the header, and looks at it when quotes could make the line count wrong', async () => {
    const header = enc.encode('Total,Name \nx,y\n');
    expect(await sniffText(chunked(header, 64), ',', 1, 2)).toEqual({
      nul: false,
      edgeSpace: new Set(),
      summaryWord: new Set(),
    });
    const quoted = enc.encode('"Total","Name "\nx,y\n');
    expect(await sniffText(chunked(quoted, 64), ',', 1, 2)).toEqual({
      nul: false,
      edgeSpace: new Set([1]),
      summaryWord: new Set([0]),
    });
  });

  it('answers for every column when the quoting cannot be followed', async () => {
    const stray = enc.encode('a,b\nx"y, z\n');
    expect(await sniffText(chunked(stray, 64), ',', 1, 2)).toEqual({
      nul: false,
      edgeSpace: null,
      summaryWord: new Set(),
    });
    const wide = enc.encode('a,b\nx,y,Total\n');
    expect(await sniffText(chunked(wide, 64), ',', 1, 2)).toEqual({
      nul: false,
      edgeSpace: new Set(),
      summaryWord: null,
    });
  });

  it('gives up (every step, every column) on a field over 64 KB that could still be a summary word', async () => {
    const long = enc.encode(`a,b\nx,${' '.repeat(70_000)}Total\n`);
    expect(await sniffText(chunked(long, 4096), ',', 1, 2)).toEqual({
      nul: true,
      edgeSpace: null,
      summaryWord: null,
    });
    // In one chunk it is decided: a summary word in column 1, spaces at its start.
    expect(await sniffText(chunked(long, 1 << 20), ',', 1, 2)).toEqual({
      nul: false,
      edgeSpace: new Set([1]),
      summaryWord: new Set([1]),
    });
  });

  it('covers every cell the SQL would trim or call a summary, whatever the chunk size (random files)', async () => {
    const rand = random(20);
    let found = 0;
    for (let n = 0; n < 100; n++) {
      const delimiter = [',', ';', '\t', '|'][n % 4];
      const columns = 2 + Math.floor(rand() * 4);
      const e = rand();
      const eol = e < 0.3 ? '\r\n' : e < 0.35 ? '\r' : '\n';
      const lines = [Array.from({ length: columns }, (_, i) => `h${i}`).join(delimiter)];
      const rows = 1 + Math.floor(rand() * 12);
      // One file in five is irregular: a record wider than the header, or a quote inside a field.
      const odd = rand();
      for (let r = 0; r < rows; r++) {
        const k = rand();
        const width = k < 0.1 ? columns - 1 : columns;
        lines.push(Array.from({ length: width }, () => field(rand, delimiter)).join(delimiter));
        if (rand() < 0.05) lines.push('');
      }
      if (odd < 0.1) lines.splice(1 + Math.floor(rand() * rows), 0, `x"y${delimiter}z`);
      else if (odd < 0.2)
        lines.splice(
          1 + Math.floor(rand() * rows),
          0,
          Array.from({ length: columns + 1 }, () => field(rand, delimiter)).join(delimiter),
        );
      const text = lines.join(eol) + (rand() < 0.7 ? eol : '');
      const bytes = enc.encode(text);
      const want = await truth(bytes, delimiter, columns, 1);
      found += want.edge.size + want.summary.size;
      for (const size of [1, 2, 3, 5, 17, 4096]) {
        const facts = await sniffText(chunked(bytes, size), delimiter, 1, columns);
        const ok = covers(facts.edgeSpace, want.edge) && covers(facts.summaryWord, want.summary);
        if (!ok) console.log(JSON.stringify(text), size, facts, want);
        expect(ok).toBe(true);
      }
    }
    // The files did hold cells of both kinds.
    expect(found).toBeGreaterThan(50);
  });
});
