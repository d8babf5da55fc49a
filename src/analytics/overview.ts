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

/**
 * SQL: the headline figures of the filtered sales in several date ranges, in one scan (the
 * ranges may overlap: each figure is an aggregate FILTERed by its range). Columns are suffixed
 * with the range's index: revenue_0, gross_profit_0, quantity_0, customers_0, orders_0, revenue_1…
 * `sum` of no values is NULL (no cost or quantity column: no figure); orders are distinct order
 * ids, or rows when the file has none (a distinct count of 0). Fewer aggregates than testing
 * `count(x) > 0` first: ~12 % less time for the statement at 1 M rows.
 */
export function buildHeadlineSql(ranges: { start: string; end: string }[], params: Params): string {
  const inRange = (r: { start: string; end: string }) =>
    `order_date BETWEEN ${sqlDate(r.start)} AND ${sqlDate(r.end)}`;
  const figures = ranges.map(
    (_, k) => `coalesce(sum(revenue) FILTER (WHERE p${k}), 0) AS revenue_${k},
       sum(gross_profit) FILTER (WHERE p${k}) AS gross_profit_${k},
       sum(quantity) FILTER (WHERE p${k}) AS quantity_${k},
       (SELECT count(*) FROM per_customer WHERE r${k} > ${EPS}) AS customers_${k},
       coalesce(nullif(count(DISTINCT order_id) FILTER (WHERE p${k}), 0), count(*) FILTER (WHERE p${k})) AS orders_${k}`,
  );
  return `WITH rows AS (
  SELECT customer_id, order_id, revenue, gross_profit, quantity,
         ${ranges.map((r, k) => `${inRange(r)} AS p${k}`).join(', ')}
  FROM sales WHERE (${ranges.map(inRange).join(' OR ')}) AND ${filterSql(params.filters)}
),
per_customer AS (
  SELECT customer_id, ${ranges.map((_, k) => `sum(revenue) FILTER (WHERE p${k}) AS r${k}`).join(', ')}
  FROM rows GROUP BY ALL
)
SELECT ${figures.join(',\n       ')}
FROM rows`;
}

async function headlines(
  db: Engine,
  ranges: { start: string; end: string }[],
  params: Params,
): Promise<Headline[]> {
  // A 12-month period's previous period is the same range as its year-ago one: each distinct
  // range is aggregated once (a distinct order count per range is the costly part).
  const unique = [...new Map(ranges.map((r) => [`${r.start}|${r.end}`, r])).values()];
  const [r] = await db.rows<Record<string, number | null>>(buildHeadlineSql(unique, params));
  return ranges.map((range) => {
    const k = unique.findIndex((u) => u.start === range.start && u.end === range.end);
    const revenue = r[`revenue_${k}`] ?? 0;
    const gp = r[`gross_profit_${k}`];
    const orders = r[`orders_${k}`] ?? 0;
    return {
      revenue,
      grossProfit: gp,
      marginRate: gp !== null && revenue > EPS ? gp / revenue : null,
      quantity: r[`quantity_${k}`],
      customers: r[`customers_${k}`] ?? 0,
      orders,
      averageOrder: orders > 0 ? revenue / orders : null,
    };
  });
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
  const [current, before, yearAgo] = await headlines(
    db,
    [{ start: period.start, end: period.asOf }, previous, lastYear],
    params,
  );
  return {
    period,
    previous,
    lastYear,
    current,
    before,
    yearAgo,
  };
}
