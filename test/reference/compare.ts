import Papa from 'papaparse';
import type { RefResults, RefTable } from './spec-reference';

/** Relative tolerance of the comparison (numbers); everything else must be equal. */
export const REL_TOL = 1e-9;

/** The text outputs.md asks for in a CSV cell (before CSV quoting). */
function expectedText(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * Whether two numbers agree within REL_TOL relative to the larger magnitude. Two values that
 * are both within 1e-9 of 0 also agree: a sum that nets to zero is 0 or ±5e-14 depending on
 * the order of the additions (§0 treats both as 0 in every comparison).
 */
export function closeEnough(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a) <= 1e-9 && Math.abs(b) <= 1e-9) return true;
  return Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Compare a reference table with the project's CSV text cell by cell. Returns readable
 * mismatch lines (`file row N (id) column: reference ≠ project`); empty when they agree.
 */
export function compareTable(file: string, ref: RefTable, csv: string | undefined): string[] {
  if (csv === undefined) return [`${file}: written by the reference, not by the project`];
  const parsed = Papa.parse<string[]>(csv.replace(/\n$/, ''), { header: false });
  const [header, ...rows] = parsed.data;
  const out: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(ref.header))
    return [`${file}: header ${JSON.stringify(header)} ≠ ${JSON.stringify(ref.header)}`];
  if (rows.length !== ref.rows.length)
    out.push(`${file}: ${ref.rows.length} reference rows ≠ ${rows.length} project rows`);
  const n = Math.min(rows.length, ref.rows.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < ref.header.length; c++) {
      const want = ref.rows[i][c];
      const got = rows[i][c];
      const ok =
        typeof want === 'number' && got !== '' && Number.isFinite(Number(got))
          ? closeEnough(want, Number(got))
          : expectedText(want) === got;
      if (!ok)
        out.push(
          `${file} row ${i + 1} (${String(ref.rows[i][0])}/${rows[i][0]}) ${ref.header[c]}: ` +
            `reference ${expectedText(want) || '∅'} ≠ project ${got || '∅'}`,
        );
    }
  }
  return out;
}

type Json = Record<string, unknown>;

/**
 * Compare the figures of summary.json with the reference: period, per-class count / value /
 * value share, stage counts (potential customers are not in lifecycle.csv and not compared),
 * tier counts, applied weights and segment counts.
 */
export function compareSummary(ref: RefResults, summaryJson: string): string[] {
  const s = JSON.parse(summaryJson) as Json;
  const out: string[] = [];
  const num = (where: string, want: number | null, got: unknown) => {
    const ok = want === null ? got === null : typeof got === 'number' && closeEnough(want, got);
    if (!ok) out.push(`summary ${where}: reference ${want} ≠ project ${String(got)}`);
  };
  const period = (s.parameters as Json).period as Json;
  if (period.start !== ref.period.start || period.as_of !== ref.period.asOf)
    out.push(`summary period: reference ${JSON.stringify(ref.period)} ≠ project ${JSON.stringify(period)}`);
  const abc = s.abc as Record<string, Record<string, Json>>;
  for (const entity of ['customers', 'products'] as const)
    for (const cls of ['A', 'B', 'C']) {
      const want = ref.classes[entity][cls];
      const got = abc[entity][cls];
      num(`abc.${entity}.${cls}.count`, want?.count ?? 0, got?.count ?? 0);
      if (want) {
        num(`abc.${entity}.${cls}.value`, want.value, got?.value);
        num(`abc.${entity}.${cls}.value_share`, want.value_share, got?.value_share);
      }
    }
  const counts = (where: string, want: Record<string, number>, got: Record<string, number>, skip = '') => {
    for (const k of new Set([...Object.keys(want), ...Object.keys(got)]))
      if (k !== skip) num(`${where}.${k}`, want[k] ?? 0, got[k] ?? 0);
  };
  counts(
    'lifecycle.stages',
    ref.stageCounts,
    (s.lifecycle as Json).stages as Record<string, number>,
    'potential',
  );
  const kpi = s.kpi as Json;
  counts('kpi.tiers', ref.tierCounts, kpi.tiers as Record<string, number>);
  ref.appliedWeights.forEach((w, i) =>
    num(`kpi.weights_applied[${i}]`, w, (kpi.weights_applied as number[])[i]),
  );
  counts('rfm.segments', ref.segmentCounts, (s.rfm as Json).segments as Record<string, number>);
  out.push(...compareOverview(ref, s), ...compareMigration(ref, s));
  return out;
}

/**
 * summary.json `overview` (outputs.md): for period, previous and year_ago the range and its
 * covered flag exactly, revenue / gross profit / revenue without a customer within REL_TOL
 * (or both null), customers and orders exactly (or both null).
 */
function compareOverview(ref: RefResults, s: Json): string[] {
  const out: string[] = [];
  const got = s.overview as Record<string, Json> | undefined;
  if (!got) return ['summary overview: missing in the project'];
  for (const block of ['period', 'previous', 'year_ago'] as const) {
    const want = ref.overview[block];
    const g = got[block] ?? {};
    for (const key of ['start', 'end', 'covered', 'customers', 'orders'] as const)
      if (g[key] !== want[key])
        out.push(`summary overview.${block}.${key}: reference ${want[key]} ≠ project ${String(g[key])}`);
    for (const key of ['revenue', 'gross_profit', 'revenue_without_customer'] as const) {
      const w = want[key];
      const v = g[key];
      const ok = w === null ? v === null : typeof v === 'number' && closeEnough(w, v);
      if (!ok) out.push(`summary overview.${block}.${key}: reference ${w} ≠ project ${String(v)}`);
    }
  }
  return out;
}

/**
 * abc_migration.csv written or not (summary.json `not_written` names it exactly when the
 * earlier period is not covered) and the `migration` block's range, covered flag and count of
 * customers that moved. The rows themselves are compared as a result file.
 */
function compareMigration(ref: RefResults, s: Json): string[] {
  const out: string[] = [];
  const listed = ((s.not_written as Json[] | undefined) ?? []).map((x) => x.file);
  const want = ref.notWritten.includes('abc_migration.csv');
  if (listed.includes('abc_migration.csv') !== want)
    out.push(
      `summary not_written: reference ${want ? 'lists' : 'does not list'} abc_migration.csv, project ${JSON.stringify(listed)}`,
    );
  const m = s.migration as Json | undefined;
  if (!m) return [...out, 'summary migration: missing in the project'];
  const range = (m.compare ?? {}) as Json;
  const r = ref.migration.range;
  if (range.start !== r.start || range.end !== r.end || range.covered !== r.covered)
    out.push(
      `summary migration.compare: reference ${JSON.stringify(r)} ≠ project ` +
        JSON.stringify({ start: range.start, end: range.end, covered: range.covered }),
    );
  if (m.moved !== ref.migration.moved)
    out.push(`summary migration.moved: reference ${ref.migration.moved} ≠ project ${String(m.moved)}`);
  return out;
}
