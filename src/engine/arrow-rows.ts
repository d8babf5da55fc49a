import type { Table } from 'apache-arrow';
import type { Cell } from './types';

/**
 * Turn a (small) Arrow table into plain row objects. BigInt values become numbers (DuckDB is
 * opened with castBigIntToDouble, this catches the rest); dates stay epoch milliseconds.
 */
export function arrowToRows<T extends Record<string, Cell>>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const out: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, Cell> = {};
    for (let c = 0; c < names.length; c++) {
      row[names[c]] = toCell(columns[c]?.get(i));
    }
    out[i] = row as T;
  }
  return out;
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime();
  return String(v);
}
