/**
 * What an embedded snapshot holds, and how it is checked. Two modes:
 * - `data`: the canonical tables as loaded (every row), so the reviewer's browser runs the very
 *   same SQL over the very same rows: every page, every filter works, with the same numbers;
 * - `view`: only the answers of the queries the shared view ran (see engine/replay.ts): the
 *   aggregates that view shows, for data too large to travel whole.
 * Load reports travel too (without their rejected rows), so the reviewer sees the same sources
 * and row counts.
 */
import type { Cell } from '../engine/types';
import { CANONICAL, type TableKind } from '../ingest/canonical';
import type { LoadReport } from '../ingest/types';
import { isMessageKey } from '../i18n/translate';
import { SnapshotError } from './codec';
import { decodeRows, encodeRows, type EncodedTable } from './columns';

/** Format version inside the payload. */
export const SNAPSHOT_VERSION = 1;
/** Most rows a decoded table may claim (bounds the work a crafted link can ask for). */
export const MAX_SNAPSHOT_ROWS = 200_000;
const MAX_QUERIES = 500;

/** Fields common to both modes. */
interface SnapshotBase {
  v: typeof SNAPSHOT_VERSION;
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

/** The answers of one view's queries, by SQL text. */
export interface ViewSnapshot extends SnapshotBase {
  mode: 'view';
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
  return { ...base, queries: [...s.answers].map(([sql, rows]) => ({ sql, table: encodeRows(rows) })) };
}

/** A report without its rejected rows (their cells are the bulk, and the counts stay). */
export function slimReport(r: LoadReport): LoadReport {
  return { ...r, rejects: [] };
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
  if (value.v !== SNAPSHOT_VERSION) return bad('version');
  if (!isStr(value.created) || !/^\d{4}-\d{2}-\d{2}$/.test(value.created)) return bad('created');
  if (!Array.isArray(value.reports) || value.reports.length > 50) return bad('reports');
  const reports = value.reports.map(checkReport);
  const base = { v: SNAPSHOT_VERSION, created: value.created, reports } as const;
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
  if (value.mode === 'view') {
    const q = value.queries;
    if (!Array.isArray(q) || q.length === 0 || q.length > MAX_QUERIES) return bad('queries');
    const answers = new Map<string, Record<string, Cell>[]>();
    for (const item of q) {
      if (!isObj(item) || !isStr(item.sql)) return bad('query');
      answers.set(item.sql, decodeRows(item.table, MAX_SNAPSHOT_ROWS));
    }
    return { ...base, mode: 'view', answers };
  }
  return bad('mode');
}
