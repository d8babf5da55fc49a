import type { ExportValue } from '../../export/csv';

/** How a column's values are shown (formatting only; values are never recomputed). */
export type ColumnFormat = 'text' | 'int' | 'number' | 'amount' | 'pct' | 'date';

/** One column of a DataTable. */
export interface Column<R> {
  key: string;
  label: string;
  format: ColumnFormat;
  /** The cell value (for sorting, searching, export). */
  value: (row: R) => ExportValue;
  /** Digits for `number`/`pct`. */
  digits?: number;
  /** A sentence (e.g. why a tier): shown whole, not cut at the usual cell width. */
  wide?: boolean;
  /**
   * Draw the cell as a small stacked bar of these parts (0–100 across the bar); `value` stays
   * what sorting, searching, export and screen readers use.
   */
  bar?: (row: R) => { value: number; color: string; label: string }[];
}

/** Sort state. */
export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

/** Compare two cell values: nulls last, numbers numerically, text by code point. */
export function compareValues(a: ExportValue, b: ExportValue): number {
  const an = a === null || a === undefined || a === '';
  const bn = b === null || b === undefined || b === '';
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Rows matching a search term in any text column, sorted; a stable sort keeps the input order for ties. */
export function visibleRows<R>(rows: R[], columns: Column<R>[], search: string, sort: SortState | null): R[] {
  const term = search.trim().toLowerCase();
  let out = rows;
  if (term) {
    const textCols = columns.filter((c) => c.format === 'text' || c.format === 'date');
    out = rows.filter((r) =>
      textCols.some((c) =>
        String(c.value(r) ?? '')
          .toLowerCase()
          .includes(term),
      ),
    );
  }
  if (sort) {
    const col = columns.find((c) => c.key === sort.key);
    if (col) {
      const sign = sort.dir === 'asc' ? 1 : -1;
      // Nulls stay last whatever the direction.
      out = [...out].sort((a, b) => {
        const va = col.value(a);
        const vb = col.value(b);
        const nullA = va === null || va === undefined || va === '';
        const nullB = vb === null || vb === undefined || vb === '';
        if (nullA || nullB) return compareValues(va, vb);
        return sign * compareValues(va, vb);
      });
    }
  }
  return out;
}

/** The window of rows to render for a scroll position (fixed row height virtualisation). */
export function rowWindow(
  total: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  overscan = 8,
): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { start, end };
}

/**
 * The columns that hold a value in at least one row (a bar column always counts). A column with
 * no data at all (`SELECT *` of a table whose optional roles were not mapped, a cost column of
 * data without cost) only takes room and pushes the others out of view.
 */
export function columnsWithData<R>(columns: Column<R>[], rows: R[]): Column<R>[] {
  if (!rows.length) return columns;
  return columns.filter(
    (c) =>
      c.bar !== undefined ||
      rows.some((r) => {
        const v = c.value(r);
        return v !== null && v !== undefined && v !== '';
      }),
  );
}
