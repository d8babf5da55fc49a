/**
 * Native DuckDB's answers as plain JS cells, column by column (Node only; native.ts uses it).
 *
 * `getRowObjectsJS()` of `@duckdb/node-api` builds each row by visiting every cell through a
 * generic converter and adding the properties one by one, and the engine then copied every row
 * into a second object: at 200,000 customers × 20 columns that took 4–9 s of the CLI's run
 * (`bench/profile-native.ts`). Here each column is read once (`getColumns()`: the raw values, no
 * converter), the primitive values are kept as they are, and the rows are made by one object
 * literal per row whose keys are the column names. The cells are the same: a number, string or
 * boolean is what the JS converter returns for it, a bigint becomes a number as before, and any
 * other value (dates, decimals, lists…) still goes through the JS converter and `toCell`.
 */
import type { Cell } from './types';

/** A JS value from DuckDB's node API as a result cell (the same conventions as arrowToRows). */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime();
  return String(v);
}

/** The part of a DuckDB result reader this needs (`DuckDBResultReader`). */
export interface ColumnReader<T> {
  /** The names as `getRowObjectsJS` keys them (a name given twice: `dup`, `dup:1`). */
  deduplicatedColumnNames(): string[];
  columnTypes(): T[];
  getColumns(): unknown[][];
}

/**
 * The answer's columns as cells (each array is reused from the reader's raw columns). `slow`
 * converts a value that is not a primitive: the JS converter of @duckdb/node-api, then `toCell`.
 */
export function cellColumns<T>(reader: ColumnReader<T>, slow: (value: unknown, type: T) => Cell): Cell[][] {
  const types = reader.columnTypes();
  return reader.getColumns().map((column, c) => {
    const type = types[c];
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v === null || v === undefined) column[i] = null;
      else if (typeof v === 'bigint') column[i] = Number(v);
      else if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean')
        column[i] = slow(v, type);
    }
    return column as Cell[];
  });
}

type RowMaker = (columns: Cell[][], i: number) => Record<string, Cell>;

const makers = new Map<string, RowMaker>();

/**
 * A function that makes row `i` of the columns as one object literal with the names as keys, in
 * their order (as many shapes as there are distinct column lists, each compiled once). A name
 * given twice keeps its first place and its last value, as property assignment would.
 */
function rowMaker(names: string[]): RowMaker {
  const key = JSON.stringify(names);
  let make = makers.get(key);
  if (!make) {
    if (names.includes('__proto__')) {
      // An object literal would read `__proto__` as the prototype: assign as the reader did.
      make = (columns, i) => {
        const row: Record<string, Cell> = {};
        names.forEach((n, c) => (row[n] = columns[c][i]));
        return row;
      };
    } else {
      const body = names.map((n, c) => `${JSON.stringify(n)}: c[${c}][i]`).join(', ');
      // The keys are JSON string literals and the values indexed reads: no name is ever evaluated as code.
      make = new Function('c', 'i', `return { ${body} };`) as RowMaker;
    }
    makers.set(key, make);
  }
  return make;
}

/** The answer as row objects, keyed as `getRowObjectsJS` keys them (see `cellColumns` for `slow`). */
export function cellRows<T>(
  reader: ColumnReader<T>,
  slow: (value: unknown, type: T) => Cell,
): Record<string, Cell>[] {
  return rowObjects(reader.deduplicatedColumnNames(), cellColumns(reader, slow));
}

/** Row objects (column name → cell) of columns of equal length. */
export function rowObjects(names: string[], columns: Cell[][]): Record<string, Cell>[] {
  const n = columns[0]?.length ?? 0;
  const make = rowMaker(names);
  const rows = new Array<Record<string, Cell>>(n);
  for (let i = 0; i < n; i++) rows[i] = make(columns, i);
  return rows;
}
