/**
 * What an embedded snapshot holds, and how it is checked. Two modes:
 * - `data`: the canonical tables as loaded (every row), so the reviewer's browser runs the very
 *   same SQL over the very same rows: every page, every filter works, with the same numbers;
 * - `view`: only what the shared view shows, for data too large to travel whole: where the page
 *   shows a summary of an analysis (the Overview's class counts, not every customer), that
 *   summary, keyed by analysis and parameters; for the rest, the answers of the SQL queries the
 *   analyses ran (engine/replay.ts), keyed by a hash of the SQL (format 2) or by the SQL text
 *   itself (format 1, still read).
 * Load reports travel too (without their rejected rows), so the reviewer sees the same sources
 * and row counts.
 */
import type { Cell } from '../engine/types';
import { CANONICAL, type TableKind } from '../ingest/canonical';
import type { LoadReport } from '../ingest/types';
import { isMessageKey } from '../i18n/translate';
import { SnapshotError } from './codec';
import { decodeRows, encodeRows, type EncodedTable } from './columns';
import { packValue, unpackValue } from './values';

/** Format version inside the payload (2: view snapshots carry results; 1 is still read). */
export const SNAPSHOT_VERSION = 2;
/** Most rows a decoded table may claim (bounds the work a crafted link can ask for). */
export const MAX_SNAPSHOT_ROWS = 200_000;
const MAX_QUERIES = 500;

/** Fields common to both modes. */
interface SnapshotBase {
  v: 1 | 2;
  /** When the link was made (`YYYY-MM-DD`, the analyst's calendar day). */
  created: string;
  /** Load reports of the analyst's files (rejected rows left out). */
  reports: LoadReport[];
}

/** The whole dataset. */
export interface DataSnapshot extends SnapshotBase {
  mode: 'data';
  tables: Partial<Record<TableKind, Record<string, Cell>[]>>;
}

/** What one view showed: summaries of its analyses, and the answers of its other queries. */
export interface ViewSnapshot extends SnapshotBase {
  mode: 'view';
  /** Summaries by `resultKey` (use-analysis.svelte.ts); empty in a format-1 link. */
  results: Map<string, unknown>;
  /** Answers by `sqlHash` of the SQL (format 2) or by the SQL text (format 1). */
  answers: Map<string, Record<string, Cell>[]>;
}

/** A decoded, checked snapshot. */
export type Snapshot = DataSnapshot | ViewSnapshot;

/** A snapshot → the JSON value that goes into the fragment. */
export function toPayload(s: Snapshot): unknown {
  const base = { v: s.v, mode: s.mode, created: s.created, reports: s.reports.map(slimReport) };
  if (s.mode === 'data') {
    const tables: Record<string, EncodedTable> = {};
    for (const [kind, rows] of Object.entries(s.tables)) {
      const names = [...CANONICAL[kind as TableKind].map((c) => c.role), 'source_file', 'source_row'];
      tables[kind] = encodeRows(rows, names);
    }
    return { ...base, tables };
  }
  if (s.v === 1)
    return { ...base, queries: [...s.answers].map(([sql, rows]) => ({ sql, table: encodeRows(rows) })) };
  return {
    ...base,
    results: [...s.results].map(([key, value]) => [key, packValue(value)]),
    answers: [...s.answers].map(([h, rows]) => ({ h, table: encodeRows(rows) })),
  };
}

/**
 * A report without its rejected rows (their cells are the bulk, and the counts stay) and without
 * the file's column headers (no page shows them; a survey's questions alone took 1,700
 * characters of a view link).
 */
export function slimReport(r: LoadReport): LoadReport {
  return { ...r, rejects: [], headers: [] };
}

const bad = (what: string): never => {
  throw new SnapshotError('bad_shape', what);
};
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

function checkParams(p: unknown): boolean {
  return p === undefined || (isObj(p) && Object.values(p).every((v) => isStr(v) || typeof v === 'number'));
}

/** Check a load report field by field (it is shown on the page). */
function checkReport(r: unknown): LoadReport {
  if (!isObj(r)) return bad('report');
  const ok =
    isStr(r.file) &&
    isStr(r.kind) &&
    Object.hasOwn(CANONICAL, r.kind) &&
    (r.format === 'csv' || r.format === 'xlsx' || r.format === 'parquet') &&
    isStr(r.encoding) &&
    isStr(r.delimiter) &&
    isStrList(r.headers) &&
    [r.rowsRead, r.rowsLoaded, r.rowsRejected, r.summaryRows].every(isCount) &&
    Array.isArray(r.rejects) &&
    r.rejects.length === 0 &&
    isObj(r.rejectReasons) &&
    Object.values(r.rejectReasons).every(isCount) &&
    Array.isArray(r.totals) &&
    r.totals.every(
      (t) => isObj(t) && isStr(t.role) && typeof t.read === 'number' && typeof t.loaded === 'number',
    ) &&
    Array.isArray(r.notes) &&
    r.notes.every((n) => isObj(n) && isStr(n.key) && isMessageKey(n.key) && checkParams(n.params));
  if (!ok) return bad('report');
  return r as unknown as LoadReport;
}

/** Check a decoded fragment value and turn it into a Snapshot; throws SnapshotError('bad_shape'). */
export function fromPayload(value: unknown): Snapshot {
  if (!isObj(value)) return bad('payload');
  if (value.v !== 1 && value.v !== 2) return bad('version');
  if (!isStr(value.created) || !/^\d{4}-\d{2}-\d{2}$/.test(value.created)) return bad('created');
  if (!Array.isArray(value.reports) || value.reports.length > 50) return bad('reports');
  const reports = value.reports.map(checkReport);
  const base = { v: value.v, created: value.created, reports } as const;
  if (value.mode === 'data') {
    if (!isObj(value.tables)) return bad('tables');
    const tables: DataSnapshot['tables'] = {};
    for (const [kind, t] of Object.entries(value.tables)) {
      if (!Object.hasOwn(CANONICAL, kind)) return bad(`table ${kind}`);
      const known = new Set([
        ...CANONICAL[kind as TableKind].map((c) => c.role),
        'source_file',
        'source_row',
      ]);
      if (!isObj(t) || !isStrList(t.cols) || !t.cols.every((c) => known.has(c)))
        return bad(`columns of ${kind}`);
      tables[kind as TableKind] = decodeRows(t, MAX_SNAPSHOT_ROWS);
    }
    if (!tables.sales) return bad('no sales table');
    return { ...base, mode: 'data', tables };
  }
  if (value.mode === 'view' && value.v === 2) {
    const { results: r, answers: a } = value;
    if (!Array.isArray(r) || !Array.isArray(a) || r.length + a.length === 0) return bad('results');
    if (r.length > MAX_QUERIES || a.length > MAX_QUERIES) return bad('results');
    const results = new Map<string, unknown>();
    for (const item of r) {
      if (!Array.isArray(item) || item.length !== 2 || !isStr(item[0])) return bad('result');
      results.set(item[0], unpackValue(item[1]));
    }
    const answers = new Map<string, Record<string, Cell>[]>();
    for (const item of a) {
      if (!isObj(item) || !isStr(item.h)) return bad('answer');
      answers.set(item.h, decodeRows(item.table, MAX_SNAPSHOT_ROWS));
    }
    return { ...base, mode: 'view', results, answers };
  }
  if (value.mode === 'view') {
    const q = value.queries;
    if (!Array.isArray(q) || q.length === 0 || q.length > MAX_QUERIES) return bad('queries');
    const answers = new Map<string, Record<string, Cell>[]>();
    for (const item of q) {
      if (!isObj(item) || !isStr(item.sql)) return bad('query');
      answers.set(item.sql, decodeRows(item.table, MAX_SNAPSHOT_ROWS));
    }
    return { ...base, mode: 'view', answers, results: new Map() };
  }
  return bad('mode');
}
