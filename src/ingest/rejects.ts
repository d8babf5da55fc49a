import { toCsv } from '../export/csv';
import type { LoadReport } from './types';

/** The rejected rows of a report as a CSV (line, reason, then the original cells), defused. */
export function rejectsToCsv(report: LoadReport): string {
  return toCsv(
    ['line', 'reason', ...report.headers],
    report.rejects.map((r) => [r.line, r.reason, ...r.cells]),
  );
}

/** The `inputs` part of summary.json. */
export function summaryInputs(reports: LoadReport[]): Record<string, unknown>[] {
  return reports.map((r) => ({
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
