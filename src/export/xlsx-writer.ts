import type { Cell, Sheet } from 'write-excel-file/universal';
import { defuseFormula, type ExportValue } from './csv';

export { ZIP_EPOCH } from './xlsx-zip';

/** Number formats of the workbooks (Excel codes; the reader's Excel shows them in its own locale). */
export const XLSX_FORMAT = {
  /** Money: thousands separators, 2 decimals. */
  money: '#,##0.00',
  /** Counts. */
  int: '#,##0',
  /** Fractions shown as percentages (the cell keeps 0.25). */
  pct: '0.00%',
  /** Other numbers (scores, ratios). */
  number: '#,##0.####',
} as const;

/** A cell: a plain value, or a value with a number format and emphasis. */
export type XlsxValue = ExportValue | { value: ExportValue; format?: string; bold?: boolean; wrap?: boolean };

/** One sheet of a workbook: its name and rows (the first row is usually the header). */
export interface XlsxSheet {
  name: string;
  rows: XlsxValue[][];
  /** Column widths in characters (default: from the longest value, 8–60). */
  widths?: number[];
  /** Rows kept in view when scrolling (default 1: the header). */
  stickyRows?: number;
  /** Columns kept in view when scrolling (default 0). */
  stickyColumns?: number;
}

function plain(v: XlsxValue): ExportValue {
  return v !== null && typeof v === 'object' ? v.value : v;
}

function toCell(v: XlsxValue): Cell {
  const o = v !== null && typeof v === 'object' ? v : { value: v };
  const x = o.value;
  const style = {
    ...(o.format ? { format: o.format } : {}),
    ...(o.bold ? { fontWeight: 'bold' as const } : {}),
    ...(o.wrap ? { wrap: true } : {}),
  };
  if (x === null || x === undefined || x === '' || (typeof x === 'number' && !Number.isFinite(x)))
    return Object.keys(style).length ? { ...style, value: undefined } : null;
  // Text cells are never evaluated, but a reader may copy one into a formula bar: defuse anyway.
  if (typeof x === 'string') return { ...style, value: defuseFormula(x), type: String };
  if (typeof x === 'number') return { ...style, value: x, type: Number };
  return { ...style, value: x, type: Boolean };
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook. */
function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base =
      n
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++)
      name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Width in characters: CJK characters count double, as Excel draws them. */
function textWidth(v: ExportValue): number {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(2) : String(v);
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function widthsOf(rows: XlsxValue[][]): number[] {
  const out: number[] = [];
  for (const r of rows.slice(0, 500))
    r.forEach((v, i) => (out[i] = Math.max(out[i] ?? 8, Math.min(60, textWidth(plain(v)) + 2))));
  return out;
}

/**
 * A workbook of several sheets, written by `write-excel-file` (a maintained library, the sibling
 * of the `read-excel-file` that ingest reads with). Numbers stay numbers (formats only change how
 * Excel shows them), text is defused, the header row stays in view.
 */
export async function toXlsxBook(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const names = sheetNames(sheets.map((s) => s.name));
  const book: Sheet<never>[] = sheets.map((s, i) => ({
    sheet: names[i],
    data: s.rows.length ? s.rows.map((r) => r.map(toCell)) : [[null]],
    columns: (s.widths ?? widthsOf(s.rows)).map((width) => ({ width })),
    ...((s.stickyRows ?? 1) > 0 && s.rows.length > 1 ? { stickyRowsCount: s.stickyRows ?? 1 } : {}),
    ...(s.stickyColumns ? { stickyColumnsCount: s.stickyColumns } : {}),
  }));
  // write-excel-file is loaded when a workbook is written (an export), not with the page.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(book).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** One table as a workbook of one sheet: a bold header row kept in view, then the rows. */
export function toXlsx(sheetName: string, header: string[], rows: XlsxValue[][]): Promise<Uint8Array> {
  return toXlsxBook([{ name: sheetName, rows: [header.map((h) => ({ value: h, bold: true })), ...rows] }]);
}
