import type { Engine } from '../engine/types';
import { sqlDate, sqlIdent, sqlString } from '../engine/sql';
import { FILTER_KEYS, type Filters, type Params } from './params';

/** Tolerance for threshold comparisons (analytics.md §0). */
export const EPS = 1e-9;

/**
 * A computed number rounded to 12 significant digits, the key under which it is ordered or
 * ranked (analytics.md §0, ties of computed numbers): two sums of the same numbers added in
 * another order (WASM vs native DuckDB with threads, SQL vs TypeScript) differ in the last
 * bits only, and must rank the same. Correctly rounded from the exact double, an exact half
 * to even: the very double `sig12Sql` gives in DuckDB (its `format` rounds so, as Python's
 * `round` and `'%.12g'` do; `toPrecision` alone would round a half away from zero).
 *
 * A value within §0's 1e-9 of 0 is 0: a sum that nets to zero keeps no significant digits,
 * only the rounding of its additions (Online Retail customer 18072: −5.5e-14 on DuckDB-WASM,
 * 0 on native DuckDB with threads), and 12 digits of that noise would still order it.
 * ±∞ and NaN are returned as they are.
 */
export function sig12(x: number): number {
  if (Math.abs(x) <= EPS) return 0;
  if (!Number.isFinite(x)) return x;
  const thirteen = x.toExponential(12);
  const e = thirteen.indexOf('e');
  // Only a 13th digit 5 can be an exact half; otherwise toExponential(11) rounds right.
  if (thirteen[e - 1] !== '5') return Number(x.toExponential(11));
  const digits13 = thirteen.slice(0, e);
  const exp = thirteen.slice(e + 1);
  const away = Number(x.toExponential(11));
  if (!isExactly(x, digits13, Number(exp))) return away;
  const kept = digits13.slice(0, -1);
  return Number(kept.at(-1)) % 2 === 0 ? Number(`${kept}e${exp}`) : away;
}

/** Whether the double x is exactly the 13-digit decimal `d.dddddddddddd × 10^exp` (BigInt arithmetic). */
function isExactly(x: number, digits13: string, exp: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  // |x| = mantissa × 2^twos; the decimal = integer × 10^tens.
  let mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const twos = biased === 0 ? -1074 : biased - 1075;
  let integer = BigInt(digits13.replace(/[-.]/g, ''));
  const tens = exp - 12;
  if (twos >= 0) mantissa <<= BigInt(twos);
  else integer <<= BigInt(-twos);
  if (tens >= 0) integer *= 10n ** BigInt(tens);
  else mantissa *= 10n ** BigInt(-tens);
  return mantissa === integer;
}

/**
 * SQL for `sig12(expr)`: DuckDB's `format` prints the exact double correctly rounded (an exact
 * half to even) and the cast back reads the nearest double, so the key is the same double as
 * the TypeScript `sig12` gives, in DuckDB-WASM and native DuckDB alike; within 1e-9 of 0 it
 * is 0. NULL stays NULL.
 */
export function sig12Sql(expr: string): string {
  const x = `CAST(${expr} AS DOUBLE)`;
  return `CASE WHEN abs(${x}) <= ${EPS} THEN 0.0 ELSE CAST(format('{:.11e}', ${x}) AS DOUBLE) END`;
}

/** Descending order of two computed numbers compared at 12 significant digits (0 when they tie). */
export function bySig12Desc(a: number, b: number): number {
  const x = sig12(a);
  const y = sig12(b);
  return x === y ? 0 : x > y ? -1 : 1;
}

/** The resolved analysis period. */
export interface Period {
  /** First day of the period, `YYYY-MM-DD`. */
  start: string;
  /** As-of date T (last day of the period), `YYYY-MM-DD`. */
  asOf: string;
  /** Calendar months from M(start) to M(T), inclusive. */
  months: number;
  /** Earliest and latest order date in the sales table (unfiltered). */
  dataStart: string;
  dataEnd: string;
}

/** `WHERE`-clause fragment for the filters (always valid SQL; `TRUE` when nothing is filtered). */
export function filterSql(filters: Filters): string {
  const parts: string[] = [];
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values.length) parts.push(`${sqlIdent(key)} IN (${values.map(sqlString).join(', ')})`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** Months between two YYYY-MM-DD dates' months (M(b) − M(a)). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

/** First day of the month `delta` months from the month of `date`. */
export function addMonths(date: string, delta: number): string {
  const [y, m] = date.split('-').map(Number);
  const idx = y * 12 + (m - 1) + delta;
  const yy = Math.floor(idx / 12);
  const mm = (idx % 12) + 1;
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-01`;
}

/** Format epoch milliseconds (as DuckDB returns DATE) as YYYY-MM-DD, in UTC (calendar dates). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Resolve the analysis period of analytics.md §0. T defaults to the latest order date of the
 * whole sales table (filters do not move T, so filtered views share one period); the start
 * defaults to the first day of the month 11 months before M(T), or the first order date when
 * the data spans less.
 */
export async function resolvePeriod(
  db: Engine,
  params: Pick<Params, 'period_start' | 'as_of'>,
): Promise<Period | null> {
  const [r] = await db.rows<{ lo: number | null; hi: number | null }>(
    'SELECT min(order_date) AS lo, max(order_date) AS hi FROM sales',
  );
  if (!r || r.lo === null || r.hi === null) return null;
  const dataStart = isoDate(r.lo);
  const dataEnd = isoDate(r.hi);
  const asOf = params.as_of ?? dataEnd;
  let start: string;
  if (params.period_start) start = addMonths(params.period_start, 0);
  else {
    const twelve = addMonths(asOf, -11);
    start = dataStart > twelve ? dataStart : twelve;
  }
  if (start > asOf) start = addMonths(asOf, 0);
  return { start, asOf, months: monthsBetween(start, asOf) + 1, dataStart, dataEnd };
}

/** SQL for the filtered sales rows inside the period. */
export function periodSalesSql(period: Period, filters: Filters): string {
  return `SELECT * FROM sales
    WHERE order_date BETWEEN ${sqlDate(period.start)} AND ${sqlDate(period.asOf)}
      AND ${filterSql(filters)}`;
}

/** SQL for the filtered sales rows up to T (lifecycle looks at all history). */
export function historySalesSql(asOf: string, filters: Filters): string {
  return `SELECT * FROM sales
    WHERE order_date <= ${sqlDate(asOf)}
      AND ${filterSql(filters)}`;
}

/**
 * The tables in the database. One statement text for every caller (datasetCaps, the filter
 * bar's values, the names, the pre-aggregates…), so the query memo and a recorded view answer it
 * once per data version.
 */
export async function tableNames(db: Engine): Promise<Set<string>> {
  return new Set(
    (await db.rows<{ t: string }>('SELECT table_name AS t FROM duckdb_tables()')).map((r) => r.t),
  );
}

/** Whether a table exists in the database. */
export async function hasTable(db: Engine, name: string): Promise<boolean> {
  return (await tableNames(db)).has(name);
}

/** What the loaded data can support (a column that is all NULL counts as unknown). */
export interface Caps {
  /** Gross profit (hence cost) is known for the dataset: a cost, unit cost or profit column has values. */
  grossProfit: boolean;
  quantity: boolean;
  product: boolean;
  orderId: boolean;
  plan: boolean;
  inventory: boolean;
  receivables: boolean;
  customers: boolean;
}

/** Inspect the loaded tables once per analysis run. */
export async function datasetCaps(db: Engine): Promise<Caps> {
  const tables = await tableNames(db);
  const [r] = tables.has('sales')
    ? await db.rows<{ grossProfit: boolean; quantity: boolean; product: boolean; orderId: boolean }>(
        `SELECT count(gross_profit) > 0 AS "grossProfit", count(quantity) > 0 AS quantity,
                count(product_id) > 0 AS product, count(order_id) > 0 AS "orderId" FROM sales`,
      )
    : [{ grossProfit: false, quantity: false, product: false, orderId: false }];
  return {
    ...r,
    plan: tables.has('plan'),
    inventory: tables.has('inventory'),
    receivables: tables.has('receivables'),
    customers: tables.has('customers'),
  };
}

/** Same calendar day `months` months later (negative: earlier), clamped to the month's end. */
export function shiftDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const idx = y * 12 + (m - 1) + months;
  const yy = Math.floor(idx / 12);
  const mm = (idx % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** An earlier date range that the period is compared with (analytics.md §1, comparisons). */
export interface ComparisonRange {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`. */
  end: string;
  /** The data covers the whole range (its first order date ≤ the range's start). */
  covered: boolean;
}

/**
 * The end of a range `months` months before one ending on `end`: the same day of the month,
 * clipped to the month's length, so a partial last month is compared like for like. When `end`
 * is the last day of its month (a whole month), the earlier range ends on its month's last day
 * too: 30 June − 3 months is 31 March, not 30 March (docs/analytics.md, §1 reading).
 */
export function comparisonEnd(end: string, months: number): string {
  const shifted = shiftDate(end, -months);
  return monthEnd(end) === end ? monthEnd(shifted) : shifted;
}

/** The period shifted back `months` months (both ends), with its coverage by the data. */
export function shiftedRange(period: Period, months: number): ComparisonRange {
  const start = shiftDate(period.start, -months);
  return { start, end: comparisonEnd(period.asOf, months), covered: period.dataStart <= start };
}

/** The previous period: the same number of calendar months just before (analytics.md §1). */
export function previousRange(period: Period): ComparisonRange {
  return shiftedRange(period, period.months);
}

/** The period a year earlier (shifted back 12 months). */
export function yearAgoRange(period: Period): ComparisonRange {
  return shiftedRange(period, 12);
}

/** Relative change (this − before) / before; null when either is null or before ≤ 0. */
export function relativeChange(now: number | null, before: number | null): number | null {
  return now === null || before === null || before <= EPS ? null : (now - before) / before;
}

/** SQL of relativeChange: (now − before) / before; NULL when before is NULL or ≤ 0. */
export function relativeChangeSql(now: string, before: string): string {
  return `CASE WHEN ${before} > ${EPS} THEN (${now} - ${before}) / ${before} END`;
}

/** Margin rate: gross profit ÷ revenue; null when the gross profit is unknown or revenue ≤ 0. */
export function marginRate(grossProfit: number | null, revenue: number): number | null {
  return grossProfit !== null && revenue > EPS ? grossProfit / revenue : null;
}

/** SQL of marginRate; `known` is the condition that the gross profit is known (e.g. `gp_rows > 0`). */
export function marginRateSql(grossProfit: string, revenue: string, known: string): string {
  return `CASE WHEN ${known} AND ${revenue} > ${EPS} THEN ${grossProfit} / ${revenue} END`;
}

/** Format a DATE returned by DuckDB (epoch ms) as `YYYY-MM`. */
export function isoMonth(ms: number): string {
  return isoDate(ms).slice(0, 7);
}

/** Compare two strings by Unicode code point (JS `<` compares UTF-16 units, which differs for astral characters). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/**
 * round_half_up(x) = floor(x + 0.5) (analytics.md §0), with the 1e-9 tolerance: x is a
 * product like 0.35 × 90 = 31.5 whose double is 31.499999999999996, and a half must still
 * round up.
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + EPS);
}

/** Last day of the month of `date` (YYYY-MM-DD). */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${date.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The day before a date (calendar arithmetic, no local time). */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The period a brush over months `from` … `to` (`YYYY-MM`) selects: from the first day of `from`
 * to the last day of `to`, but never past the data's last day (a brush over a partial last month
 * keeps T where the data ends; else every recency would grow by the days to the month's end).
 */
export function brushedPeriod(
  from: string,
  to: string,
  dataEnd: string,
): { period_start: string; as_of: string } {
  const end = monthEnd(`${to}-01`);
  return { period_start: `${from}-01`, as_of: end > dataEnd ? dataEnd : end };
}

/**
 * SQL: days overdue of a receivables row — the file's `days_overdue`, else the days from its due
 * date to the snapshot date; never below 0 (not yet due). One formula for aging (§9) and the
 * lifecycle's "problem" rule (§5).
 */
export function daysOverdueSql(): string {
  return `greatest(coalesce(days_overdue, datediff('day', due_date, as_of_date)), 0)`;
}
