/**
 * The load report of one file (data-model.md "Nothing lost"): rows read = loaded + rejected +
 * summary, the totals as read and as loaded, the reject reasons with the physical line of each
 * rejected row, and the notes.
 */
import Papa from 'papaparse';
import type { Engine } from '../engine/types';
import { sqlString } from '../engine/sql';
import { CANONICAL, type TableKind } from './canonical';
import { recordLines } from './lines';
import type { LoadProgress, RawSource } from './raw-source';
import { summariseSurvey, surveyRejectSampleSql } from './survey-load';
import { isUtf8 } from './encoding';
import type { FilePlan, LoadReport, RejectedRow } from './types';
import { parseNumber } from './values';

/** Rejected rows kept in a report (with their cells, for the download); the reasons count them all. */
export const MAX_REJECTS = 1000;

/**
 * SQL: exact copies among loaded rows (same values in every canonical column; the source
 * columns not counted) in `from`, filtered by `where`.
 */
export function duplicatesSql(kind: TableKind, from: string, where: string): string {
  return `SELECT count(*) - count(DISTINCT hash(${CANONICAL[kind].map((c) => c.role).join(', ')})) AS n
     FROM ${from} WHERE ${where}`;
}

/** A file's report before its rows are read: what the plan already tells (notes on headers, encoding, line ends). */
export function newReport(plan: FilePlan): LoadReport {
  const report: LoadReport = {
    file: plan.file.name,
    kind: plan.kind,
    format: plan.format,
    encoding: plan.format === 'csv' ? plan.encoding : plan.format,
    delimiter: plan.delimiter,
    headers: plan.columns.map((c) => c.header),
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    summaryRows: 0,
    rejects: [],
    rejectReasons: {},
    totals: [],
    notes: [],
  };
  if (plan.duplicateHeaders.length)
    report.notes.push({
      key: 'note.duplicate_headers',
      params: { columns: plan.duplicateHeaders.join(', ') },
    });
  if (plan.format === 'csv' && !isUtf8(plan.encoding))
    report.notes.push({ key: 'note.transcoded', params: { encoding: plan.encoding } });
  if (plan.normaliseNewlines) report.notes.push({ key: 'note.mixed_newlines', params: {} });
  return report;
}

/** Rates and per-unit figures: the load report shows their mean, not their sum (ColumnTotal.mean). */
const MEAN_ROLES = new Set(['discount', 'unit_price', 'unit_cost', 'days_overdue']);

/**
 * Fill in a file's report from its staged rows (`typed`: the file's rows of the stage table):
 * counts, totals, reject reasons, the first rejected rows with their physical lines (and the rows
 * DuckDB's CSV reader refused), and the notes on what was kept but is easy to misread.
 */
export async function reportFromStage(
  db: Engine,
  plan: FilePlan,
  typed: string,
  src: RawSource,
  report: LoadReport,
  onProgress: ((p: LoadProgress) => void) | undefined,
  duplicatesLater: boolean,
): Promise<void> {
  const spec = CANONICAL[plan.kind];
  const numeric = spec.filter((c) => c.type === 'number').map((c) => c.role);
  const [head] = await db.rows<Record<string, number>>(`SELECT count(*) AS read,
      count(*) FILTER (WHERE _summary) AS summary,
      count(*) FILTER (WHERE NOT _summary AND _reject IS NOT NULL) AS rejected,
      count(*) FILTER (WHERE _nul) AS nul
    FROM ${typed}`);
  // Every row loaded (nearly always): the figures "as loaded" are those "as read", aggregated
  // once over the same rows in the same order, so the same numbers to the last bit.
  const all = head.summary === 0 && head.rejected === 0;
  const filter = (...conds: string[]) => {
    const where = [...(all ? [] : ['NOT _summary AND _reject IS NULL']), ...conds];
    return where.length ? ` FILTER (WHERE ${where.join(' AND ')})` : '';
  };
  const returned = '(revenue < 0 OR quantity < 0)';
  const aggregates = [
    ...(plan.kind === 'sales'
      ? [
          `count(*)${filter()} AS ok_rows`,
          `count(cost)${filter()} AS with_cost`,
          `count(*)${filter('customer_id IS NULL')} AS no_customer`,
          `sum(revenue)${filter('customer_id IS NULL')} AS no_customer_revenue`,
          `count(*)${filter(returned)} AS returns`,
          `count(DISTINCT order_id)${filter(returned)} AS return_orders`,
          `sum(revenue)${filter(returned)} AS returns_revenue`,
        ]
      : []),
    ...numeric.flatMap((r) => [
      `sum(${r}) AS "read_${r}"`,
      ...(all ? [] : [`sum(${r})${filter()} AS "loaded_${r}"`]),
    ]),
    ...numeric
      .filter((r) => MEAN_ROLES.has(r))
      .flatMap((r) => [
        `avg(${r}) AS "mean_read_${r}"`,
        ...(all ? [] : [`avg(${r})${filter()} AS "mean_loaded_${r}"`]),
      ]),
  ];
  const [sums] = aggregates.length
    ? await db.rows<Record<string, number>>(`SELECT ${aggregates.join(',\n      ')} FROM ${typed}`)
    : [{}];
  const counts: Record<string, number> = { ...head, ...sums };
  if (all)
    for (const r of numeric) {
      counts[`loaded_${r}`] = counts[`read_${r}`];
      if (MEAN_ROLES.has(r)) counts[`mean_loaded_${r}`] = counts[`mean_read_${r}`];
    }
  // No rejected row (nearly always): no reasons and no rows to list. (A survey's sample also
  // lists its importance row, which counts as a summary row.)
  const listRejects = plan.kind === 'survey' || counts.rejected > 0;
  const reasons = listRejects
    ? await db.rows<{ reason: string; n: number }>(
        `SELECT _reject AS reason, count(*) AS n FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL GROUP BY ALL ORDER BY n DESC, reason`,
      )
    : [];
  const sample = listRejects
    ? await db.rows<{ _rec: number; _line: number | null; _reject: string; _raw: string }>(
        plan.kind === 'survey'
          ? surveyRejectSampleSql(typed, MAX_REJECTS)
          : `SELECT source_row AS _rec, _line, _reject, _raw FROM ${typed} WHERE NOT _summary AND _reject IS NOT NULL ORDER BY source_row LIMIT ${MAX_REJECTS}`,
      )
    : [];
  let duck: { line: number; error_type: string; csv_line: string }[] = [];
  if (src.rejectsTable) {
    const exists = await db.rows(
      `SELECT 1 FROM duckdb_tables() WHERE table_name = ${sqlString(src.rejectsTable)}`,
    );
    if (exists.length)
      // DuckDB records one error per extra field: one row per line is what was rejected.
      duck = await db.rows(
        `SELECT line, min(error_type) AS error_type, min(csv_line) AS csv_line FROM ${src.rejectsTable} GROUP BY line ORDER BY line`,
      );
  }
  let lineOf = (r: { _rec: number; _line: number | null }) => r._line ?? r._rec;
  if (src.lines === 'scan' && sample.length) {
    onProgress?.({ file: plan.file.name, phase: 'locating' });
    const map = await recordLines(src.chunks(), {
      headerLine: plan.headerLine,
      wanted: sample.map((s) => s._rec),
      skipLines: new Set(duck.map((d) => d.line)),
    });
    lineOf = (r) => map.get(r._rec) ?? r._rec + plan.headerLine + 1;
  }
  const rejects: RejectedRow[] = sample.map((s) => ({
    line: lineOf(s),
    reason: s._reject,
    cells: s._raw.split('\u001f'),
  }));
  for (const d of duck) {
    const reason = /TOO MANY COLUMNS/i.test(d.error_type) ? 'too_many_columns' : 'unreadable_row';
    rejects.push({
      line: d.line,
      reason,
      cells: Papa.parse<string[]>(d.csv_line ?? '', { delimiter: plan.delimiter }).data[0] ?? [],
    });
  }
  rejects.sort((a, b) => a.line - b.line);
  if (counts.nul) report.notes.push({ key: 'note.nul_bytes', params: { n: counts.nul } });
  // Cost on some rows only: gross profit and margins then cover only those rows (the analyses
  // treat cost as known for the dataset), so the report says how many rows lack it.
  if (counts.with_cost > 0 && counts.with_cost < counts.ok_rows)
    report.notes.push({
      key: 'note.partial_cost',
      params: { n: counts.ok_rows - counts.with_cost, total: counts.ok_rows },
    });
  // Kept but easy to misread: sales without a customer (in totals, not in per-customer analyses)
  // and returns/cancellations (netted into every sum, analytics.md §0–§1).
  if (counts.no_customer > 0)
    report.notes.push({
      key: 'note.no_customer',
      params: { n: counts.no_customer, total: counts.ok_rows, amount: counts.no_customer_revenue ?? 0 },
    });
  if (counts.returns > 0)
    report.notes.push({
      key: counts.return_orders > 0 ? 'note.returns_orders' : 'note.returns',
      params: { n: counts.returns, orders: counts.return_orders, amount: counts.returns_revenue ?? 0 },
    });
  // Exact copies of a loaded row (same values in every canonical column) are kept: repeat orders
  // exist, but a file pasted twice also looks like this, so the report says how many.
  if (!duplicatesLater && plan.kind !== 'survey') {
    const [dup] = await db.rows<{ n: number }>(
      duplicatesSql(plan.kind, typed, 'NOT _summary AND _reject IS NULL'),
    );
    if (dup.n > 0) report.notes.push({ key: 'note.duplicate_rows', params: { n: dup.n } });
  }
  report.rowsRead = counts.read + duck.length;
  report.summaryRows = counts.summary;
  report.rowsRejected = counts.rejected + duck.length;
  report.rowsLoaded = counts.read - counts.summary - counts.rejected;
  report.rejects = rejects.slice(0, MAX_REJECTS);
  report.rejectReasons = Object.fromEntries(reasons.map((r) => [r.reason, r.n]));
  for (const d of duck) {
    const k = /TOO MANY COLUMNS/i.test(d.error_type) ? 'too_many_columns' : 'unreadable_row';
    report.rejectReasons[k] = (report.rejectReasons[k] ?? 0) + 1;
  }
  const mapped = new Set(plan.columns.flatMap((c) => (c.role ? [c.role] : [])));
  // Rows DuckDB refused never reached the typed table; their amounts still count as read.
  const duckRead: Record<string, number> = {};
  for (const d of duck) {
    const cells = Papa.parse<string[]>(d.csv_line ?? '', { delimiter: plan.delimiter }).data[0] ?? [];
    for (const c of plan.columns)
      if (c.role && numeric.includes(c.role))
        duckRead[c.role] = (duckRead[c.role] ?? 0) + (parseNumber(cells[c.index] ?? '', c.numberStyle) ?? 0);
  }
  report.totals = numeric
    .filter(
      (r) =>
        counts[`read_${r}`] !== null &&
        (mapped.has(r) || r === 'revenue' || r === 'cost' || r === 'gross_profit'),
    )
    .map((role) => ({
      role,
      read: (counts[`read_${role}`] ?? 0) + (duckRead[role] ?? 0),
      loaded: counts[`loaded_${role}`] ?? 0,
      // Over the rows that reached the typed table (rows DuckDB refused have no typed value).
      ...(MEAN_ROLES.has(role)
        ? {
            mean: {
              read: counts[`mean_read_${role}`] ?? null,
              loaded: counts[`mean_loaded_${role}`] ?? null,
            },
          }
        : {}),
    }));
  // A survey's stage holds answers: its report counts responses and answers instead.
  if (plan.kind === 'survey')
    await summariseSurvey(db, plan, typed, report, duck.length, (r) =>
      src.lines === 'scan' && !sample.length ? r._rec + plan.headerLine + 1 : lineOf(r),
    );
}
