/**
 * ABC migration (analytics.md §13): the customer ABC classes (§2) of the analysis period
 * against an earlier period — the previous one of equal length (default), the period a year
 * earlier, or a year / quarter the user picks — for abc_migration.csv (outputs.md). Written from
 * the spec, not from the project's SQL.
 */
import { referenceAbc, type AbcRow } from './abc';
import { byCodePoint, dateOf, daysInMonth, monthIndex, withCustomer, type RawParams } from './common';
import { previousRange, yearAgoRange, type Range } from './overview';
import type { Period } from './period';

/** One row of abc_migration.csv: a customer ranked in either period. */
export interface MigrationRow {
  customer_id: string;
  class_before: AbcRow['class'] | null;
  class_now: AbcRow['class'] | null;
  value_before: number | null;
  value_now: number | null;
}

/** The earlier period, whether the data covers it, and (when it does) the rows. */
export interface MigrationResult {
  range: Range;
  rows: MigrationRow[] | null;
  /** Customers whose class changed, `new` and `gone` included; null when not covered. */
  moved: number | null;
}

/**
 * The earlier period of `migration.compare`. A picked year or quarter is covered when the data
 * runs over all of it (first order date ≤ its start and last order date ≥ its end: NOTES.md
 * M2); the previous and year-ago periods by §1's rule (first order date ≤ start).
 */
export function migrationRange(period: Period, compare: string): Range {
  if (compare === 'previous') return previousRange(period);
  if (compare === 'year_ago') return yearAgoRange(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(compare);
  const year = /^(\d{4})$/.exec(compare);
  if (!quarter && !year) throw new Error(`reference: migration.compare ${compare}`);
  const first = quarter
    ? monthIndex(`${quarter[1]}-01`) + (Number(quarter[2]) - 1) * 3
    : monthIndex(`${year![1]}-01`);
  const lastMonth = first + (quarter ? 2 : 11);
  const start = dateOf(first, 1);
  const end = dateOf(lastMonth, daysInMonth(lastMonth));
  return { start, end, covered: period.dataStart <= start && period.dataEnd >= end };
}

/** §13 over the filtered sales lines with a customer; `now` is the period's customer ABC. */
export function referenceMigration(period: Period, now: AbcRow[], params: RawParams): MigrationResult {
  const range = migrationRange(period, params.migration?.compare ?? 'previous');
  if (!range.covered) return { range, rows: null, moved: null };
  const earlier = withCustomer(period.sales).filter(
    (r) => r.order_date >= range.start && r.order_date <= range.end,
  );
  const before = new Map(referenceAbc(earlier, (r) => r.customer_id, params).map((r) => [r.id, r]));
  const current = new Map(now.map((r) => [r.id, r]));
  const ids = [...new Set([...before.keys(), ...current.keys()])].sort(byCodePoint);
  const rows = ids.map((id) => ({
    customer_id: id,
    class_before: before.get(id)?.class ?? null,
    class_now: current.get(id)?.class ?? null,
    value_before: before.get(id)?.value ?? null,
    value_now: current.get(id)?.value ?? null,
  }));
  return { range, rows, moved: rows.filter((r) => r.class_before !== r.class_now).length };
}
