/**
 * The comparison ranges of analytics.md §1 and the headline figures of the summary.json
 * `overview` block (outputs.md): revenue, gross profit, customers, orders and the revenue
 * without a customer, for the analysis period, the previous period and the year-ago period.
 * Written from the spec (and the readings of docs/analytics.md §1 that the brief names), not
 * from the project's SQL.
 */
import { add, columnKnown, dateOf, daysInMonth, gt, monthIndex, type Dataset, type SalesRow } from './common';
import type { Period } from './period';

/** A date range `start … end` (inclusive) and whether the data covers it (§1). */
export interface Range {
  start: string;
  end: string;
  covered: boolean;
}

/** One block of summary.json `overview`: the range and its figures (null when not covered). */
export interface OverviewFigures extends Range {
  revenue: number | null;
  gross_profit: number | null;
  customers: number | null;
  orders: number | null;
  revenue_without_customer: number | null;
}

/** The three blocks of summary.json `overview`. */
export interface OverviewBlock {
  period: OverviewFigures;
  previous: OverviewFigures;
  year_ago: OverviewFigures;
}

/**
 * A date shifted back `k` calendar months. The day of the month is kept, clipped to the
 * target month's length; with `monthEnd`, the last day of a month maps to the last day of the
 * target month (docs/analytics.md §1: 30 June − 3 months is 31 March, a whole month is
 * compared with a whole month).
 */
export function shiftBack(date: string, k: number, monthEnd: boolean): string {
  const m = monthIndex(date);
  const d = Number(date.slice(8, 10));
  const target = m - k;
  const last = daysInMonth(target);
  return dateOf(target, monthEnd && d === daysInMonth(m) ? last : Math.min(d, last));
}

/**
 * The range `k` months before the period: its start shifted back (clipped), its end T shifted
 * back (ending on T's day of the month, or on the month's last day when T is one). Covered
 * when the data's first order date (whole, unfiltered sales) is on or before its start.
 */
export function earlierRange(period: Period, k: number): Range {
  const start = shiftBack(period.start, k, false);
  return { start, end: shiftBack(period.asOf, k, true), covered: period.dataStart <= start };
}

/** Months of the period, M(start) … M(T) inclusive: the previous period's shift (§1). */
export const periodMonths = (period: Period) => period.endMonth - period.startMonth + 1;

/** The previous period of equal length, just before (§1). */
export const previousRange = (period: Period) => earlierRange(period, periodMonths(period));

/** The period shifted back 12 months (§1). */
export const yearAgoRange = (period: Period) => earlierRange(period, 12);

/**
 * Headline figures of the filtered sales in `start … end`: net revenue and gross profit of
 * every line (with or without a customer), customers with net revenue > 0, orders = order ids
 * whose net revenue in the range is > 0 (without order ids: purchase days, customer × day with
 * net revenue > 0, the lines without a customer forming one customer), and the net revenue of
 * the lines without a customer.
 */
function figures(sales: SalesRow[], range: Range, costKnown: boolean, byOrderId: boolean) {
  const rows = sales.filter((r) => r.order_date >= range.start && r.order_date <= range.end);
  let revenue = 0;
  let grossProfit = 0;
  let withoutCustomer = 0;
  const perCustomer = new Map<string, number>();
  const perOrder = new Map<string, number>();
  for (const r of rows) {
    revenue += r.revenue;
    if (costKnown) grossProfit += r.gross_profit!;
    if (r.customer_id === null) withoutCustomer += r.revenue;
    else add(perCustomer, r.customer_id, r.revenue);
    // JSON keys keep an order id apart from a customer × day pair and null apart from "null".
    add(perOrder, JSON.stringify(byOrderId ? [r.order_id] : [r.customer_id, r.order_date]), r.revenue);
  }
  const positive = (m: Map<string, number>) => [...m.values()].filter((v) => gt(v, 0)).length;
  return {
    revenue,
    gross_profit: costKnown ? grossProfit : null,
    customers: positive(perCustomer),
    orders: positive(perOrder),
    revenue_without_customer: withoutCustomer,
  };
}

/** The summary.json `overview` block: the period (always reported), previous and year ago. */
export function referenceOverview(period: Period, data: Dataset): OverviewBlock {
  const costKnown = columnKnown(data.sales, 'cost');
  const byOrderId = columnKnown(data.sales, 'order_id');
  const block = (range: Range): OverviewFigures => {
    const f = range.covered ? figures(period.sales, range, costKnown, byOrderId) : null;
    return {
      ...range,
      revenue: f?.revenue ?? null,
      gross_profit: f?.gross_profit ?? null,
      customers: f?.customers ?? null,
      orders: f?.orders ?? null,
      revenue_without_customer: f?.revenue_without_customer ?? null,
    };
  };
  return {
    // The analysis period itself is what is analysed: always reported (NOTES.md O2).
    period: block({ start: period.start, end: period.asOf, covered: true }),
    previous: block(previousRange(period)),
    year_ago: block(yearAgoRange(period)),
  };
}
