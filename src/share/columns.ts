/**
 * Rows of cells ↔ a compact column layout for snapshots. Columns compress far better than rows
 * under DEFLATE: texts become a dictionary and small indexes, integer columns (dates as epoch
 * milliseconds, row numbers) become differences, which are mostly the same few values.
 * Decoding checks every value, so a crafted snapshot cannot smuggle in anything but cells.
 */
import type { Cell } from '../engine/types';
import { SnapshotError } from './codec';

/** Non-finite numbers (JSON has none) travel as these strings in a number column. */
type NumberCell = number | null | 'NaN' | 'Infinity' | '-Infinity';

/** One encoded column. */
export type EncodedColumn =
  /** Every value null. */
  | { t: 'z' }
  /** Integers without nulls, as the first value and then differences. */
  | { t: 'd'; v: number[] }
  | { t: 'n'; v: NumberCell[] }
  /** Texts: a dictionary and, per row, an index into it (null for null). */
  | { t: 's'; d: string[]; i: (number | null)[] }
  | { t: 'b'; v: (boolean | null)[] };

/** A table of rows as named columns. */
export interface EncodedTable {
  /** Number of rows. */
  n: number;
  cols: string[];
  data: EncodedColumn[];
}

function encodeColumn(values: Cell[]): EncodedColumn {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return { t: 'z' };
  if (present.every((v) => typeof v === 'number')) {
    const nums = values as (number | null)[];
    if (present.length === values.length && nums.every((v) => Number.isSafeInteger(v))) {
      let prev = 0;
      return {
        t: 'd',
        v: nums.map((v) => {
          const d = v! - prev;
          prev = v!;
          return d;
        }),
      };
    }
    return { t: 'n', v: nums.map((v) => (v === null || Number.isFinite(v) ? v : (String(v) as NumberCell))) };
  }
  if (present.every((v) => typeof v === 'string')) {
    const index = new Map<string, number>();
    const d: string[] = [];
    const i = values.map((v) => {
      if (v === null) return null;
      let k = index.get(v as string);
      if (k === undefined) {
        k = d.length;
        index.set(v as string, k);
        d.push(v as string);
      }
      return k;
    });
    return { t: 's', d, i };
  }
  if (present.every((v) => typeof v === 'boolean')) return { t: 'b', v: values as (boolean | null)[] };
  // DuckDB columns have one type; a mixed column means something upstream changed.
  throw new Error('snapshot: a column mixes value types');
}

/** Rows (as from Engine.rows) → columns. `names` fixes the column order (all rows' keys). */
export function encodeRows(
  rows: Record<string, Cell>[],
  names = rows.length ? Object.keys(rows[0]) : [],
): EncodedTable {
  return {
    n: rows.length,
    cols: names,
    data: names.map((name) => encodeColumn(rows.map((r) => r[name] ?? null))),
  };
}

const bad = (what: string): never => {
  throw new SnapshotError('bad_shape', what);
};
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

function decodeColumn(c: unknown, n: number): Cell[] {
  if (typeof c !== 'object' || c === null) return bad('column');
  const col = c as Record<string, unknown>;
  switch (col.t) {
    case 'z':
      return new Array<Cell>(n).fill(null);
    case 'd': {
      const v = col.v;
      if (!Array.isArray(v) || v.length !== n || !v.every(isInt)) return bad('integer column');
      let acc = 0;
      return v.map((d: number) => (acc += d));
    }
    case 'n': {
      const v = col.v;
      if (!Array.isArray(v) || v.length !== n) return bad('number column');
      return v.map((x: unknown) => {
        if (x === null || (typeof x === 'number' && Number.isFinite(x))) return x;
        if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return Number(x);
        return bad('number value');
      });
    }
    case 's': {
      const { d, i } = col;
      if (!Array.isArray(d) || !d.every((x) => typeof x === 'string')) return bad('dictionary');
      if (!Array.isArray(i) || i.length !== n) return bad('text column');
      return i.map((k: unknown) => {
        if (k === null) return null;
        if (!isInt(k) || k < 0 || k >= d.length) return bad('text index');
        return d[k] as string;
      });
    }
    case 'b': {
      const v = col.v;
      if (!Array.isArray(v) || v.length !== n || !v.every((x) => x === null || typeof x === 'boolean'))
        return bad('boolean column');
      return v as Cell[];
    }
    default:
      return bad('column type');
  }
}

/** Columns → rows, checking every value. Throws SnapshotError('bad_shape') on anything else. */
export function decodeRows(t: unknown, maxRows: number): Record<string, Cell>[] {
  if (typeof t !== 'object' || t === null) return bad('table');
  const { n, cols, data } = t as Record<string, unknown>;
  if (!isInt(n) || n < 0 || n > maxRows) return bad('row count');
  if (
    !Array.isArray(cols) ||
    !cols.every((x) => typeof x === 'string' && x !== '__proto__') ||
    new Set(cols).size !== cols.length
  )
    return bad('column names');
  if (!Array.isArray(data) || data.length !== cols.length) return bad('columns');
  const columns = data.map((c) => decodeColumn(c, n));
  const rows: Record<string, Cell>[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row: Record<string, Cell> = {};
    cols.forEach((name: string, k) => (row[name] = columns[k][r]));
    rows[r] = row;
  }
  return rows;
}
