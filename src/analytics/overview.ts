import type { Engine } from '../engine/types';
import { sqlDate } from '../engine/sql';
import {
  EPS,
  filterSql,
  marginRate,
  previousRange,
  relativeChange,
  resolvePeriod,
  yearAgoRange,
  type ComparisonRange,
  type Period,
} from './common';
import type { Params } from './params';

/** The headline figures of a period. */
export interface Headline {
  revenue: number;
  grossProfit: number | null;
  marginRate: number | null;
  quantity: number | null;
  /** Customers with net revenue > 0 in the range (rows without a customer are not a customer). */
  customers: number;
  /**
   * Distinct order ids whose net revenue in the range is > 0 (a cancellation invoice is not an
   * order); purchase days (customer × day with net revenue > 0) for rows without an order id.
   */
  orders: number;
  averageOrder: number | null;
  /** Net revenue of the rows without a customer (kept in every total, analytics.md §1). */
  revenueWithoutCustomer: number;
}

/** Headline figures now, in the previous period of the same length, and a year earlier. */
export interface OverviewResult {
  period: Period;
  previous: ComparisonRange;
  lastYear: ComparisonRange;
  current: Headline;
  /** Null when the data does not cover the previous period (no comparison is shown). */
  before: Headline | null;
  /** Null when the data does not cover the range a year earlier. */
  yearAgo: Headline | null;
}

/**
 * SQL: the headline figures of the filtered sales in several date ranges, in one scan (the
 * ranges may overlap: each figure is an aggregate FILTERed by its range). Columns are suffixed
 * with the range's index: revenue_0, gross_profit_0, quantity_0, customers_0, orders_0, revenue_1…
 * Gross profit and quantity are null only when the whole sales table has none (a range without
 * rows has 0). An order is an order id
 * whose net revenue in the range is > 0; rows without an order id count by customer × day.
 */
export function buildHeadlineSql(ranges: { start: string; end: string }[], params: Params): string {
  const inRange = (r: { start: string; end: string }) =>
    `order_date BETWEEN ${sqlDate(r.start)} AND ${sqlDate(r.end)}`;
  const figures = ranges.map(
    (_, k) => `coalesce(sum(revenue) FILTER (WHERE p${k}), 0) AS revenue_${k},
       coalesce(sum(gross_profit) FILTER (WHERE p${k}), CASE WHEN (SELECT known_gp FROM known) THEN 0 END) AS gross_profit_${k},
       coalesce(sum(quantity) FILTER (WHERE p${k}), CASE WHEN (SELECT known_qty FROM known) THEN 0 END) AS quantity_${k},
       coalesce(sum(revenue) FILTER (WHERE p${k} AND customer_id IS NULL), 0) AS without_customer_${k},
       (SELECT count(*) FROM per_customer WHERE r${k} > ${EPS}) AS customers_${k},
       (SELECT count(*) FROM per_order WHERE r${k} > ${EPS}) AS orders_${k}`,
  );
  const sums = ranges.map((_, k) => `sum(revenue) FILTER (WHERE p${k}) AS r${k}`).join(', ');
  return `WITH rows AS (
  SELECT customer_id, order_id, order_date, revenue, gross_profit, quantity,
         ${ranges.map((r, k) => `${inRange(r)} AS p${k}`).join(', ')}
  FROM sales WHERE (${ranges.map(inRange).join(' OR ')}) AND ${filterSql(params.filters)}
),
-- Gross profit and quantity are null only when the data has none (§0): a range without rows has 0.
known AS (
  SELECT count(gross_profit) > 0 AS known_gp, count(quantity) > 0 AS known_qty FROM sales
),
per_customer AS (
  SELECT customer_id, ${sums}
  FROM rows WHERE customer_id IS NOT NULL GROUP BY ALL
),
per_order AS (
  SELECT order_id,
         CASE WHEN order_id IS NULL THEN customer_id END AS day_customer,
         CASE WHEN order_id IS NULL THEN order_date END AS day,
         ${sums}
  FROM rows GROUP BY ALL
)
SELECT ${figures.join(',\n       ')}
FROM rows`;
}

/**
 * The headline figures of some ranges: the one row of buildHeadlineSql (columns revenue_0,
 * gross_profit_0, …), from the scan or from pre-aggregates (src/analytics/preagg.ts).
 */
export type HeadlineFigures = (
  db: Engine,
  ranges: { start: string; end: string }[],
  params: Params,
) => Promise<Record<string, number | null>>;

/** The headline figures from a scan of the sales rows. */
export const scanHeadline: HeadlineFigures = async (db, ranges, params) =>
  (await db.rows<Record<string, number | null>>(buildHeadlineSql(ranges, params)))[0];

async function headlines(
  db: Engine,
  ranges: { start: string; end: string }[],
  params: Params,
  figures: HeadlineFigures,
): Promise<Headline[]> {
  // A 12-month period's previous period is the same range as its year-ago one: each distinct
  // range is aggregated once.
  const unique = [...new Map(ranges.map((r) => [`${r.start}|${r.end}`, r])).values()];
  const r = await figures(db, unique, params);
  return ranges.map((range) => {
    const k = unique.findIndex((u) => u.start === range.start && u.end === range.end);
    const revenue = r[`revenue_${k}`] ?? 0;
    const gp = r[`gross_profit_${k}`];
    const orders = r[`orders_${k}`] ?? 0;
    return {
      revenue,
      grossProfit: gp,
      marginRate: marginRate(gp, revenue),
      quantity: r[`quantity_${k}`],
      customers: r[`customers_${k}`] ?? 0,
      orders,
      averageOrder: orders > 0 ? revenue / orders : null,
      revenueWithoutCustomer: r[`without_customer_${k}`] ?? 0,
    };
  });
}

/** Relative change (this − before) / before; null when before ≤ 0 or not covered (null). */
export const change = relativeChange;

/**
 * Run the overview figures. Null without sales data. `figures` answers them: the scan by default
 * (the result files), pre-aggregates on the page (src/state/preagg.svelte.ts).
 */
export async function runOverview(
  db: Engine,
  params: Params,
  figures: HeadlineFigures = scanHeadline,
): Promise<OverviewResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const previous = previousRange(period);
  const lastYear = yearAgoRange(period);
  const current = { start: period.start, end: period.asOf };
  // Ranges the data does not cover are not aggregated: their figures are null.
  const ranges = [current, ...[previous, lastYear].filter((r) => r.covered)];
  const rows = await headlines(db, ranges, params, figures);
  const pick = (r: ComparisonRange) => (r.covered ? rows[ranges.indexOf(r)] : null);
  return { period, previous, lastYear, current: rows[0], before: pick(previous), yearAgo: pick(lastYear) };
}
