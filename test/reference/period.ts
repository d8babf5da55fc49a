import { monthIndex, type Dataset, type FilterKey, type RawParams, type SalesRow } from './common';

/** The analysis period of §0 with the filtered sales it covers. */
export interface Period {
  /** First day of the period (`YYYY-MM-DD`). */
  start: string;
  /** As-of date T, the last day of the period. */
  asOf: string;
  /** Month index of the start and of T (inclusive). */
  startMonth: number;
  endMonth: number;
  /** First and last order date of the whole, unfiltered sales table (what "the data covers"). */
  dataStart: string;
  dataEnd: string;
  /** Sales rows after the filters (all dates). */
  sales: SalesRow[];
  /** Filtered sales rows with start ≤ order_date ≤ T. */
  inPeriod: SalesRow[];
}

const FILTER_KEYS: FilterKey[] = ['region', 'channel', 'category', 'customer_type', 'sales_rep'];

/** Apply the filters of the parameters to sales rows (an empty list filters nothing). */
export function filterSales(rows: SalesRow[], params: RawParams): SalesRow[] {
  const active = FILTER_KEYS.flatMap((k) => {
    const values = params.filters?.[k] ?? [];
    return values.length ? [[k, new Set(values)] as const] : [];
  });
  if (!active.length) return rows;
  return rows.filter((r) => active.every(([k, set]) => r[k] !== null && set.has(r[k]!)));
}

function firstOfMonth(i: number): string {
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * §0: T = as_of or max(order_date) of all sales; start = period_start's month, or the first
 * day of M(T) − 11, or min(order_date) when the data starts later ("the whole span").
 * Returns null when there are no sales rows.
 */
export function resolvePeriod(data: Dataset, params: RawParams): Period | null {
  // T and the whole span come from the unfiltered sales (NOTES.md G1, changed after the comparison).
  if (!data.sales.length) return null;
  const sales = filterSales(data.sales, params);
  let min = data.sales[0].order_date;
  let max = min;
  for (const r of data.sales) {
    if (r.order_date < min) min = r.order_date;
    if (r.order_date > max) max = r.order_date;
  }
  const asOf = params.as_of ?? max;
  let start: string;
  if (params.period_start) start = firstOfMonth(monthIndex(params.period_start));
  else {
    start = firstOfMonth(monthIndex(asOf) - 11);
    if (min > start) start = min;
  }
  // T before the first order: the period cannot start after it; it is M(T) (NOTES.md G2).
  if (start > asOf) start = firstOfMonth(monthIndex(asOf));
  const inPeriod = sales.filter((r) => r.order_date >= start && r.order_date <= asOf);
  return {
    start,
    asOf,
    startMonth: monthIndex(start),
    endMonth: monthIndex(asOf),
    dataStart: min,
    dataEnd: max,
    sales,
    inPeriod,
  };
}
