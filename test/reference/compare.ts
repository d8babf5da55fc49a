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
export function compareTable(file: string, ref: RefTable, csv: string): string[] {
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
  return out;
}
