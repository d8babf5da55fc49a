import { toCsv } from '../export/csv';
import type { LoadReport } from './types';

/** The rejected rows of a report as a CSV (line, reason, then the original cells), defused. */
export function rejectsToCsv(report: LoadReport): string {
  return toCsv(
    ['line', 'reason', ...report.headers],
    report.rejects.map((r) => [r.line, r.reason, ...r.cells]),
  );
}

const KIND_ORDER = ['sales', 'plan', 'inventory', 'receivables', 'customers', 'survey', 'survey_items'];

/** The `inputs` part of summary.json, by table kind then file name (independent of drop order). */
export function summaryInputs(reports: LoadReport[]): Record<string, unknown>[] {
  const ordered = [...reports].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  return ordered.map((r) => ({
    file: r.file,
    table: r.kind,
    format: r.format,
    encoding: r.encoding,
    rows_read: r.rowsRead,
    rows_loaded: r.rowsLoaded,
    rows_rejected: r.rowsRejected,
    summary_rows: r.summaryRows,
    reject_reasons: r.rejectReasons,
    totals: Object.fromEntries(r.totals.map((t) => [t.role, { read: t.read, loaded: t.loaded }])),
  }));
}
