/**
 * ABC migration (analytics.md §13): each customer's ABC class (§2) in the analysis period against
 * an earlier period — the previous one of equal length (default), the same period a year earlier,
 * or a year / quarter the user picks — as a from → to matrix with `new` (ranked now, not before)
 * and `gone` (ranked before, not now), and the customers that moved with both values.
 */
import type { Engine } from '../engine/types';
import {
  addMonths,
  compareCodePoints,
  monthEnd,
  monthsBetween,
  previousRange,
  resolvePeriod,
  yearAgoRange,
  type ComparisonRange,
  type Period,
} from './common';
import type { Params } from './params';
import { paretoParams, runParetoFor, type AbcClass } from './pareto';

/** A class, or the side of a move where the customer was not ranked. */
export type MigrationFrom = AbcClass | 'new';
export type MigrationTo = AbcClass | 'gone';

/** One customer ranked in either period. */
export interface MigrationRow {
  customerId: string;
  label: string;
  /** Class in the earlier period; null when not ranked then (`new`). */
  classBefore: AbcClass | null;
  /** Class now; null when not ranked now (`gone`). */
  classNow: AbcClass | null;
  valueBefore: number | null;
  valueNow: number | null;
}

/** Result of §13. */
export interface MigrationResult {
  period: Period;
  /** The earlier period and whether the data covers it (else no matrix, no rows: §1). */
  compare: ComparisonRange & { spec: string };
  /** from → to counts (only the non-empty cells), A/B/C/new by A/B/C/gone. */
  matrix: { from: MigrationFrom; to: MigrationTo; count: number }[];
  /** Every customer ranked in either period, by id (code point). */
  rows: MigrationRow[];
  /** Customers whose class changed (including new and gone). */
  moved: number;
}

/** The earlier period of a `migration.compare` spec: previous, year_ago, `2025` or `2025-Q3`. */
export function migrationRange(spec: string, period: Period): ComparisonRange & { spec: string } {
  if (spec === 'previous') return { ...previousRange(period), spec };
  if (spec === 'year_ago') return { ...yearAgoRange(period), spec };
  const q = /^(\d{4})-Q([1-4])$/.exec(spec);
  const start = q ? `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01` : `${spec}-01-01`;
  const end = monthEnd(addMonths(start, q ? 2 : 11));
  return { start, end, covered: period.dataStart <= start && end <= period.dataEnd, spec };
}

const ORDER_FROM: MigrationFrom[] = ['A', 'B', 'C', 'new'];
const ORDER_TO: MigrationTo[] = ['A', 'B', 'C', 'gone'];

/** Pair the two rankings (pure; exported for tests). */
export function pairClasses(
  now: { id: string; label: string; value: number; class: AbcClass }[],
  before: { id: string; label: string; value: number; class: AbcClass }[],
): Pick<MigrationResult, 'matrix' | 'rows' | 'moved'> {
  const rows = new Map<string, MigrationRow>();
  for (const b of before)
    rows.set(b.id, {
      customerId: b.id,
      label: b.label,
      classBefore: b.class,
      classNow: null,
      valueBefore: b.value,
      valueNow: null,
    });
  for (const n of now) {
    const r = rows.get(n.id);
    if (r) Object.assign(r, { classNow: n.class, valueNow: n.value, label: n.label });
    else
      rows.set(n.id, {
        customerId: n.id,
        label: n.label,
        classBefore: null,
        classNow: n.class,
        valueBefore: null,
        valueNow: n.value,
      });
  }
  const sorted = [...rows.values()].sort((a, b) => compareCodePoints(a.customerId, b.customerId));
  const counts = new Map<string, number>();
  for (const r of sorted) {
    const k = `${r.classBefore ?? 'new'}>${r.classNow ?? 'gone'}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const matrix = ORDER_FROM.flatMap((from) =>
    ORDER_TO.flatMap((to) => {
      const count = counts.get(`${from}>${to}`) ?? 0;
      return count ? [{ from, to, count }] : [];
    }),
  );
  return { matrix, rows: sorted, moved: sorted.filter((r) => r.classBefore !== r.classNow).length };
}

/** Run §13 for a resolved analysis period. */
export async function runMigrationFor(db: Engine, params: Params, period: Period): Promise<MigrationResult> {
  const compare = migrationRange(params.migration.compare, period);
  if (!compare.covered) return { period, compare, matrix: [], rows: [], moved: 0 };
  const earlier: Period = {
    ...period,
    start: compare.start,
    asOf: compare.end,
    months: monthsBetween(compare.start, compare.end) + 1,
  };
  const now = await runParetoFor(db, paretoParams(params, period, 'customer'), true);
  const before = await runParetoFor(db, paretoParams(params, earlier, 'customer'));
  return { period, compare, ...pairClasses(now.rows, before.rows) };
}

/** Run §13. Null without sales data. */
export async function runMigration(db: Engine, params: Params): Promise<MigrationResult | null> {
  const period = await resolvePeriod(db, params);
  return period ? runMigrationFor(db, params, period) : null;
}
