import type { Engine } from '../engine/types';
import { sqlDate } from '../engine/sql';
import { addMonths, dayBefore, EPS, filterSql, resolvePeriod, shiftDate, type Period } from './common';
import type { Params } from './params';

/** The headline figures of a period. */
export interface Headline {
  revenue: number;
  grossProfit: number | null;
  marginRate: number | null;
  quantity: number | null;
  /** Customers with net revenue > 0 in the period. */
  customers: number;
  /** Distinct order ids (rows when the data has no order id). */
  orders: number;
  averageOrder: number | null;
}

/** Headline figures now, in the previous period of the same length, and a year earlier. */
export interface OverviewResult {
  period: Period;
  previous: { start: string; end: string };
  lastYear: { start: string; end: string };
  current: Headline;
  before: Headline;
  yearAgo: Headline;
}

/** SQL: the headline figures of the filtered sales between two dates. */
export function buildHeadlineSql(start: string, end: string, params: Params): string {
  return `WITH rows AS (
  SELECT * FROM sales WHERE order_date BETWEEN ${sqlDate(start)} AND ${sqlDate(end)} AND ${filterSql(params.filters)}
),
per_customer AS (
  SELECT customer_id, sum(revenue) AS revenue FROM rows GROUP BY ALL
)
SELECT coalesce(sum(revenue), 0) AS revenue,
       CASE WHEN count(gross_profit) > 0 THEN sum(gross_profit) END AS gross_profit,
       CASE WHEN count(quantity) > 0 THEN sum(quantity) END AS quantity,
       (SELECT count(*) FROM per_customer WHERE revenue > ${EPS}) AS customers,
       CASE WHEN count(order_id) > 0 THEN count(DISTINCT order_id) ELSE count(*) END AS orders
FROM rows`;
}

async function headline(db: Engine, start: string, end: string, params: Params): Promise<Headline> {
  const [r] = await db.rows<{
    revenue: number;
    gross_profit: number | null;
    quantity: number | null;
    customers: number;
    orders: number;
  }>(buildHeadlineSql(start, end, params));
  return {
    revenue: r.revenue,
    grossProfit: r.gross_profit,
    marginRate: r.gross_profit !== null && r.revenue > EPS ? r.gross_profit / r.revenue : null,
    quantity: r.quantity,
    customers: r.customers,
    orders: r.orders,
    averageOrder: r.orders > 0 ? r.revenue / r.orders : null,
  };
}

/** Relative change (this − before) / before; null when before ≤ 0. */
export function change(now: number | null, before: number | null): number | null {
  return now === null || before === null || before <= EPS ? null : (now - before) / before;
}

/** Run the overview figures. Null without sales data. */
export async function runOverview(db: Engine, params: Params): Promise<OverviewResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const previous = { start: addMonths(period.start, -period.months), end: dayBefore(period.start) };
  const lastYear = { start: shiftDate(period.start, -12), end: shiftDate(period.asOf, -12) };
  return {
    period,
    previous,
    lastYear,
    current: await headline(db, period.start, period.asOf, params),
    before: await headline(db, previous.start, previous.end, params),
    yearAgo: await headline(db, lastYear.start, lastYear.end, params),
  };
}
