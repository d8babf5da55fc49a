import { sqlDate, sqlString } from '../engine/sql';
import { EPS, filterSql } from './common';
import type { Filters } from './params';
import { PRODUCT_CATEGORY_CTE, planCategorySql, planCustomersSql, planProductJoinSql } from './plan-sql';

/** Inputs of the KPI metric SQL (analytics.md §6). */
export interface KpiSqlParams {
  /** Scoring period, first and last day. */
  start: string;
  end: string;
  /** Calendar months in the period (R4 denominator). */
  months: number;
  filters: Filters;
  /** Score customer × category instead of customer. */
  byCategory: boolean;
  /** Plan table present, and which basis it has. */
  plan: 'none' | 'quantity' | 'revenue';
  /** The plan can be split by category (has category or product ids). */
  planByCategory: boolean;
  /** Quantity known (R2 on quantity, R3 possible with products). */
  quantity: boolean;
}

/**
 * One row per scored entity with R1–R4 and what explains them. Entity = customer, or
 * customer × category. Plan rows count for the months of the period; with any filter active,
 * only plans of customers that have filtered sales rows (at any time) count, and with a
 * category filter only the plan rows of those categories (kpi.ts drops R1 when the plan has
 * neither category nor product).
 */
export function buildKpiMetricsSql(p: KpiSqlParams): string {
  const start = sqlDate(p.start);
  const end = sqlDate(p.end);
  const keyCols = p.byCategory ? 'customer_id, category' : 'customer_id';
  const actualBasis = p.plan === 'quantity' ? 'qty' : 'rev';
  const planBasis = p.plan === 'quantity' ? 'plan_quantity' : 'plan_revenue';
  const planCategory = planCategorySql('pl', "''");
  // A category filter narrows the plan too (a plan by category or product): the other
  // categories' targets are not this view's targets and must not count as missed months.
  const planCategoryFilter = p.filters.category.length
    ? `AND ${planCategory} IN (${p.filters.category.map(sqlString).join(', ')})`
    : '';
  const planCtes =
    p.plan === 'none'
      ? `plan_monthly AS (SELECT NULL::VARCHAR AS customer_id${p.byCategory ? ', NULL::VARCHAR AS category' : ''}, NULL::DATE AS m, NULL::DOUBLE AS planned WHERE FALSE)`
      : `${PRODUCT_CATEGORY_CTE},
plan_monthly AS (
  SELECT pl.customer_id${p.byCategory ? `, ${planCategory} AS category` : ''}, pl.period AS m, sum(pl.${planBasis}) AS planned
  FROM plan pl
  ${planProductJoinSql('pl')}
  WHERE pl.period BETWEEN CAST(date_trunc('month', ${start}) AS DATE) AND CAST(date_trunc('month', ${end}) AS DATE)
    AND pl.customer_id IS NOT NULL
    ${planCategoryFilter}
    ${planCustomersSql('pl.customer_id', p.filters)}
  GROUP BY ALL
)`;
  return `WITH base AS (
  SELECT customer_id, ${p.byCategory ? "coalesce(category, '') AS category" : "'' AS category"}, product_id, order_date, revenue, quantity
  FROM sales
  WHERE order_date BETWEEN ${start} AND ${end} AND customer_id IS NOT NULL AND ${filterSql(p.filters)}
),
${planCtes},
monthly AS (
  SELECT ${keyCols}, CAST(date_trunc('month', order_date) AS DATE) AS m, sum(revenue) AS rev, coalesce(sum(quantity), 0) AS qty
  FROM base
  GROUP BY ALL
),
actuals AS (
  SELECT ${keyCols}, sum(rev) AS rev, sum(qty) AS qty,
         count(*) FILTER (WHERE rev > ${EPS}) AS active_months
  FROM monthly
  GROUP BY ALL
),
plans AS (
  SELECT ${keyCols}, sum(planned) AS planned FROM plan_monthly GROUP BY ALL
),
scored AS (
  SELECT ${keyCols} FROM actuals WHERE abs(rev) > ${EPS} OR abs(qty) > ${EPS}
  UNION
  SELECT ${keyCols} FROM plans WHERE planned > ${EPS}
),
pairs AS (
  SELECT ${keyCols}, product_id, sum(revenue) AS rev, sum(quantity) AS qty
  FROM base
  WHERE product_id IS NOT NULL AND quantity IS NOT NULL
  GROUP BY ALL
  HAVING sum(quantity) > ${EPS}
),
average_price AS (
  SELECT product_id, sum(rev) / sum(qty) AS price
  FROM pairs
  GROUP BY ALL
  HAVING sum(qty) > ${EPS} AND sum(rev) / sum(qty) > ${EPS}
),
price_index AS (
  SELECT ${keyCols}, sum(pr.rev) / sum(pr.qty * ap.price) AS r3
  FROM pairs pr JOIN average_price ap USING (product_id)
  GROUP BY ALL
),
missed AS (
  SELECT pm.${p.byCategory ? 'customer_id, pm.category' : 'customer_id'},
         count(*) AS missed_count,
         string_agg(strftime(pm.m, '%Y-%m'), ';' ORDER BY pm.m) AS missed_months
  FROM plan_monthly pm
  LEFT JOIN monthly mo ON mo.customer_id = pm.customer_id AND mo.m = pm.m${p.byCategory ? ' AND mo.category = pm.category' : ''}
  WHERE pm.planned > ${EPS} AND coalesce(mo.${actualBasis}, 0) <= ${EPS}
  GROUP BY ALL
),
totals AS (
  SELECT sum(coalesce(a.${p.quantity ? 'qty' : 'rev'}, 0)) AS volume FROM scored s LEFT JOIN actuals a USING (${keyCols})
)
SELECT s.customer_id${p.byCategory ? ', s.category' : ''},
       coalesce(a.rev, 0) AS revenue,
       coalesce(a.qty, 0) AS quantity,
       coalesce(a.${actualBasis}, 0) AS actual_basis,
       pl.planned,
       CASE WHEN pl.planned > ${EPS} THEN coalesce(a.${actualBasis}, 0) / pl.planned END AS r1,
       CASE WHEN t.volume > ${EPS} THEN coalesce(a.${p.quantity ? 'qty' : 'rev'}, 0) / t.volume END AS r2,
       pi.r3,
       coalesce(a.active_months, 0) / ${p.months} AS r4,
       coalesce(a.active_months, 0) AS active_months,
       coalesce(ms.missed_count, 0) AS missed_count,
       coalesce(ms.missed_months, '') AS missed_months
FROM scored s
CROSS JOIN totals t
LEFT JOIN actuals a USING (${keyCols})
LEFT JOIN plans pl USING (${keyCols})
LEFT JOIN price_index pi USING (${keyCols})
LEFT JOIN missed ms USING (${keyCols})
ORDER BY ${keyCols}`;
}
