/**
 * Shared pieces of the reference implementation of analytics.md: plain row types, the
 * parameter object of outputs.md with the spec's defaults, calendar-month arithmetic on
 * `YYYY-MM-DD` strings (no `Date` in local time), the 1e-9 comparisons of §0 and code-point
 * ordering. Written from the spec alone, without reading src/analytics (see NOTES.md).
 */

/**
 * A sales line of the canonical table; dates are `YYYY-MM-DD`. `customer_id` is null on a line
 * without a customer (walk-in sale, guest web order: §1 keeps them for company totals and
 * products, and leaves them out of every per-customer analysis).
 */
export interface SalesRow {
  order_date: string;
  order_id: string | null;
  customer_id: string | null;
  customer_type: string | null;
  product_id: string | null;
  category: string | null;
  region: string | null;
  channel: string | null;
  sales_rep: string | null;
  quantity: number | null;
  revenue: number;
  cost: number | null;
  gross_profit: number | null;
}

/** A plan row; `period` is `YYYY-MM`. */
export interface PlanRow {
  period: string;
  customer_id: string;
  product_id: string | null;
  category: string | null;
  plan_quantity: number | null;
  plan_revenue: number | null;
}

/** An inventory row; `period` is `YYYY-MM`. */
export interface InventoryRow {
  period: string;
  product_id: string;
  customer_id: string | null;
  opening: number | null;
  closing: number | null;
  on_hand: number | null;
  basis: string | null;
}

/** A receivables row; dates are `YYYY-MM-DD`. */
export interface ReceivableRow {
  customer_id: string;
  as_of_date: string;
  outstanding: number | null;
  overdue_amount: number | null;
  days_overdue: number | null;
  due_date: string | null;
}

/** A customer master row. */
export interface CustomerRow {
  customer_id: string;
  cost_to_serve: number | null;
}

/** The five canonical tables as plain arrays (an absent table is an empty array). */
export interface Dataset {
  sales: SalesRow[];
  plan: PlanRow[];
  inventory: InventoryRow[];
  receivables: ReceivableRow[];
  customers: CustomerRow[];
}

/** The parameter object of outputs.md, every key optional. */
export interface RawParams {
  period_start?: string;
  as_of?: string;
  measure?: 'revenue' | 'gross_profit' | 'quantity';
  filters?: Partial<Record<FilterKey, string[]>>;
  abc?: { a?: number; b?: number };
  turnover?: { basis?: 'quantity' | 'value' };
  lifecycle?: Partial<LifecycleParams>;
  kpi?: Partial<KpiParams>;
  rfm?: { window_months?: number };
  migration?: { compare?: string };
}

/** Sales columns a filter may name. */
export type FilterKey = 'region' | 'channel' | 'category' | 'customer_type' | 'sales_rep';

/** §5 parameters. */
export interface LifecycleParams {
  window_months: number;
  lost_months: number;
  new_months: number;
  growth_threshold: number;
  decline_threshold: number;
  overdue_days: number;
}

/** §6 parameters. */
export interface KpiParams {
  weights: number[];
  tier_share: number;
  missed_months_limit: number;
}

/** Tolerance of analytics.md §0. */
export const EPS = 1e-9;
/** "x < a" of §0. */
export const lt = (x: number, a: number) => x < a - EPS;
/** "x ≥ a" of §0. */
export const ge = (x: number, a: number) => x >= a - EPS;
/** "x ≤ a" of §0. */
export const le = (x: number, a: number) => x <= a + EPS;
/** "x > a": the complement of "x ≤ a" (§0 does not spell it out). */
export const gt = (x: number, a: number) => !le(x, a);

/**
 * A computed number rounded to 12 significant digits, the form in which §0 compares computed
 * values that are ordered or ranked ("ties of computed numbers"): read from the double's
 * decimal expansion, rounded half to even when the expansion stops exactly at a half (as
 * Python's `round` and `'%.12g'` do). The 100 digits of `toPrecision` show the expansion far
 * enough to tell an exact half from a near one for every magnitude a sales figure takes
 * (|x| between about 1e-10 and 1e88). A value within §0's 1e-9 of 0 is 0 (a sum that nets to
 * zero keeps only the rounding of its additions: Online Retail customer 18072 is −5.5e-14 or 0
 * depending on their order).
 */
export function sig12(x: number): number {
  if (le(Math.abs(x), 0)) return 0;
  if (!Number.isFinite(x)) return x;
  const [mantissa, exponent = '0'] = Math.abs(x).toPrecision(100).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const all = whole + fraction;
  const lead = all.search(/[1-9]/);
  // Power of ten of the first significant digit.
  const power = whole.length - 1 - lead + Number(exponent);
  const digits = all.slice(lead);
  const head = digits.slice(0, 12);
  const rest = digits.slice(12);
  const half = /^50*$/.test(rest);
  const up = rest[0] > '5' || (rest[0] === '5' && !half) || (half && Number(head[11]) % 2 === 1);
  const rounded = up ? String(BigInt(head) + 1n) : head;
  const value = Number(`${rounded}e${power - 11}`);
  return x < 0 ? -value : value;
}

/** Descending order of two computed numbers compared at 12 significant digits (§0). */
export const bySig12Desc = (a: number, b: number) => {
  const x = sig12(a);
  const y = sig12(b);
  return x === y ? 0 : y > x ? 1 : -1;
};

/** Compare strings by code point (not UTF-16 unit, not locale). */
export function byCodePoint(a: string, b: string): number {
  const ca = Array.from(a, (c) => c.codePointAt(0)!);
  const cb = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
  return ca.length - cb.length;
}

/** Month index (year × 12 + month − 1) of a `YYYY-MM` or `YYYY-MM-DD` string. */
export function monthIndex(d: string): number {
  return Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
}

/** `YYYY-MM` of a month index. */
export function monthLabel(i: number): string {
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string (UTC arithmetic, no local time). */
export function dayNumber(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}

/** A sales line that has a customer (§1: the only lines a per-customer analysis reads). */
export type CustomerSalesRow = SalesRow & { customer_id: string };

/** The lines with a customer: the input of every per-customer analysis (§1). */
export function withCustomer(rows: SalesRow[]): CustomerSalesRow[] {
  return rows.filter((r): r is CustomerSalesRow => r.customer_id !== null);
}

/** Days in the month of a month index. */
export function daysInMonth(i: number): number {
  return new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a month index and a day of that month. */
export function dateOf(i: number, d: number): string {
  return `${monthLabel(i)}-${String(d).padStart(2, '0')}`;
}

/** Sum of numbers in insertion order (IEEE doubles, as §0 says). */
export function add(map: Map<string, number>, key: string, v: number): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

/**
 * Whether a sales column is known for the dataset (NOTES.md G7): every row has it → true,
 * no row has it → false. A partly empty column is a case this reference does not decide.
 */
export function columnKnown(sales: SalesRow[], col: 'cost' | 'quantity' | 'order_id'): boolean {
  const n = sales.filter((r) => r[col] !== null).length;
  if (n > 0 && n < sales.length) throw new Error(`reference: ${col} is empty on some sales rows only`);
  return n > 0;
}
