import { sqlDate } from '../engine/sql';
import { EPS, filterSql, relativeChangeSql, sig12Sql } from './common';
import { buildKpiMetricsSql } from './kpi-sql';
import { buildLifecycleSql } from './lifecycle-sql';
import type { Filters, Params } from './params';

/** Inputs of the factor SQL of one period (analytics.md §11). */
export interface KeyAccountSqlParams {
  /** The period: first and last day, calendar months. */
  start: string;
  end: string;
  months: number;
  /** The previous period of §1 (growth's base); null when the data does not cover it. */
  previous: { start: string; end: string } | null;
  filters: Filters;
  lifecycle: Params['lifecycle'];
  /** Gross profit known (lifecycle's no_value rule on it, the gross_profit factor). */
  hasGrossProfit: boolean;
  hasReceivables: boolean;
  /** The receivables as-of date used (the latest on or before `end`); null: no overdue share. */
  receivablesAsOf: string | null;
  /** Which customer-master columns exist (null without a master). */
  master: { costToServe: boolean; scope: boolean; partnership: boolean; name: boolean } | null;
  /** §6 plan basis (the sales team's plan fulfilment) and whether the plan is by category. */
  plan: 'none' | 'quantity' | 'revenue';
  planByCategory: boolean;
  quantity: boolean;
  /** The sales rows have a sales rep (the sales team view). */
  rep: boolean;
}

/**
 * The statements the factor SQL contains whole: §6's KPI metrics of the period (not by category)
 * and the lifecycle stages at its end. The kpi and lifecycle analyses run the same statements
 * when their settings agree; within one run of the result files the factor SQL then reads their
 * answers (`staged` of buildKeyAccountFactorsSql, engine/sharing.ts).
 */
export function keyAccountParts(p: KeyAccountSqlParams): { kpi: string; stages: string } {
  return {
    kpi: buildKpiMetricsSql({
      start: p.start,
      end: p.end,
      months: p.months,
      filters: p.filters,
      byCategory: false,
      plan: p.plan,
      planByCategory: p.planByCategory,
      quantity: p.quantity,
    }),
    stages: buildLifecycleSql({
      cut: p.end,
      filters: p.filters,
      rules: p.lifecycle,
      hasGrossProfit: p.hasGrossProfit,
      hasReceivables: p.hasReceivables,
    }),
  };
}

/**
 * One row per customer with revenue > 0 in the period (`ranked`), plus the customers with a plan
 * in it but no revenue (the sales team's plan fulfilment only): every factor of §11 that SQL
 * gives, the master's sub-classes, the customer's sales rep, plan and receivables figures.
 * Stability and price index are §6's R4 and R3 from the KPI SQL itself (one definition).
 */
export function buildKeyAccountFactorsSql(
  p: KeyAccountSqlParams,
  staged: { kpi: string | null; stages: string | null } = { kpi: null, stages: null },
  parts: { kpi: string; stages: string } = keyAccountParts(p),
): string {
  const start = sqlDate(p.start);
  const end = sqlDate(p.end);
  const inPeriod = `order_date BETWEEN ${start} AND ${end}`;
  const inPrevious = p.previous
    ? `order_date BETWEEN ${sqlDate(p.previous.start)} AND ${sqlDate(p.previous.end)}`
    : 'FALSE';
  const { kpi, stages } = parts;
  const m = p.master;
  const master = m
    ? `SELECT customer_id,
         ${m.name ? 'min(customer_name)' : 'NULL::VARCHAR'} AS name,
         ${m.costToServe ? 'sum(cost_to_serve)' : 'NULL::DOUBLE'} AS cost_to_serve,
         ${m.scope ? 'min(scope)' : 'NULL::VARCHAR'} AS scope,
         ${m.partnership ? 'min(partnership)' : 'NULL::VARCHAR'} AS partnership
  FROM customers WHERE customer_id IS NOT NULL GROUP BY ALL`
    : `SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS name, NULL::DOUBLE AS cost_to_serve,
         NULL::VARCHAR AS scope, NULL::VARCHAR AS partnership WHERE FALSE`;
  const owed = p.receivablesAsOf
    ? `SELECT customer_id, sum(coalesce(outstanding, 0)) AS outstanding, sum(coalesce(overdue_amount, 0)) AS overdue
  FROM receivables WHERE as_of_date = ${sqlDate(p.receivablesAsOf)} AND customer_id IS NOT NULL GROUP BY ALL`
    : `SELECT NULL::VARCHAR AS customer_id, NULL::DOUBLE AS outstanding, NULL::DOUBLE AS overdue WHERE FALSE`;
  // A customer's rep: the one with the most revenue for it in the period; without rows in the
  // period (a plan only), the rep of its latest row up to the period's end; ties by rep.
  const mainRep = p.rep
    ? `SELECT customer_id, sales_rep AS rep FROM (
    SELECT *, row_number() OVER (
      PARTITION BY customer_id
      ORDER BY n_period > 0 DESC, ${sig12Sql('r')} DESC, last DESC, sales_rep
    ) AS k
    FROM (
      SELECT customer_id, sales_rep,
             coalesce(sum(revenue) FILTER (WHERE order_date >= ${start}), 0) AS r,
             count(*) FILTER (WHERE order_date >= ${start}) AS n_period,
             max(order_date) AS last
      FROM sales
      WHERE customer_id IS NOT NULL AND sales_rep IS NOT NULL AND order_date <= ${end} AND ${filterSql(p.filters)}
      GROUP BY ALL
    )
  ) WHERE k = 1`
    : `SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS rep WHERE FALSE`;
  return `WITH kpi AS (
  ${staged.kpi ? `SELECT * FROM ${staged.kpi}` : kpi}
),
rows AS (
  SELECT customer_id, order_id, order_date, revenue, gross_profit, quantity, customer_name,
         ${inPeriod} AS in_period
  FROM sales
  WHERE customer_id IS NOT NULL AND (${inPeriod} OR ${inPrevious}) AND ${filterSql(p.filters)}
),
per_customer AS (
  SELECT customer_id,
         sum(revenue) FILTER (WHERE in_period) AS revenue,
         sum(gross_profit) FILTER (WHERE in_period) AS gross_profit,
         sum(quantity) FILTER (WHERE in_period) AS quantity,
         sum(revenue) FILTER (WHERE NOT in_period) AS previous_revenue,
         min(customer_name) FILTER (WHERE in_period) AS name
  FROM rows
  GROUP BY ALL
),
per_order AS (
  SELECT customer_id, order_id, CASE WHEN order_id IS NULL THEN order_date END AS day, sum(revenue) AS net
  FROM rows
  WHERE in_period
  GROUP BY ALL
),
orders AS (
  SELECT customer_id, count(*) FILTER (WHERE net > ${EPS}) AS orders FROM per_order GROUP BY ALL
),
stages AS (
  SELECT customer_id, stage FROM ${staged.stages ?? `(${stages})`}
),
master AS (
  ${master}
),
owed AS (
  ${owed}
),
main_rep AS (
  ${mainRep}
),
listed AS (
  SELECT customer_id FROM per_customer WHERE revenue > ${EPS}
  UNION
  SELECT customer_id FROM kpi WHERE planned > ${EPS}
)
SELECT l.customer_id,
       coalesce(ms.name, c.name, l.customer_id) AS name,
       coalesce(c.revenue, 0) > ${EPS} AS ranked,
       coalesce(c.revenue, 0) AS revenue,
       c.gross_profit,
       c.quantity,
       coalesce(o.orders, 0) AS orders,
       ${p.previous ? relativeChangeSql('coalesce(c.revenue, 0)', 'c.previous_revenue') : 'NULL::DOUBLE'} AS growth,
       k.r4 AS stability,
       st.stage,
       k.r3 AS price_index,
       ${p.receivablesAsOf ? `CASE WHEN coalesce(ow.outstanding, 0) > ${EPS} THEN ow.overdue / ow.outstanding ELSE 0 END` : 'NULL::DOUBLE'} AS overdue_share,
       ms.cost_to_serve,
       ms.scope,
       ms.partnership,
       r.rep,
       coalesce(k.actual_basis, 0) AS actual_basis,
       k.planned,
       ow.outstanding,
       ow.overdue
FROM listed l
LEFT JOIN per_customer c USING (customer_id)
LEFT JOIN kpi k USING (customer_id)
LEFT JOIN orders o USING (customer_id)
LEFT JOIN stages st USING (customer_id)
LEFT JOIN master ms USING (customer_id)
LEFT JOIN owed ow USING (customer_id)
LEFT JOIN main_rep r USING (customer_id)
ORDER BY l.customer_id`;
}

/** Per sales rep (NULL = rows without one): revenue and gross profit of the rows it sold in the period. */
export function buildRepTotalsSql(p: Pick<KeyAccountSqlParams, 'start' | 'end' | 'filters'>): string {
  return `SELECT sales_rep AS rep, sum(revenue) AS revenue, sum(gross_profit) AS gross_profit
FROM sales
WHERE order_date BETWEEN ${sqlDate(p.start)} AND ${sqlDate(p.end)} AND ${filterSql(p.filters)}
GROUP BY ALL
ORDER BY rep NULLS LAST`;
}
