/**
 * SQL fragments for reading the plan table, shared by KPI (§6), target tracking and the
 * customer/product performance table: a plan row's category, and which plan rows a filtered
 * view counts.
 */
import { filterSql } from './common';
import type { Filters } from './params';

/**
 * CTE `product_category`: each product's category as the sales rows name it (the smallest when
 * they disagree), for plan rows that name a product but no category. Join it as `pc`
 * (planProductJoinSql).
 */
export const PRODUCT_CATEGORY_CTE = `product_category AS (
  SELECT product_id, min(category) AS category FROM sales WHERE product_id IS NOT NULL GROUP BY ALL
)`;

/** `LEFT JOIN` of PRODUCT_CATEGORY_CTE as `pc` onto the plan rows aliased `plan`. */
export function planProductJoinSql(plan: string): string {
  return `LEFT JOIN product_category pc ON pc.product_id = ${plan}.product_id`;
}

/**
 * A plan row's category: its own, else its product's (planProductJoinSql), else `fallback`
 * when given (SQL; without it NULL).
 */
export function planCategorySql(plan: string, fallback?: string): string {
  return `coalesce(${plan}.category, pc.category${fallback === undefined ? '' : `, ${fallback}`})`;
}

/**
 * `AND` condition for a filtered view: only the plans of customers that have filtered sales
 * rows (at any time) count; '' without a filter. `customerId` is the plan's customer column.
 */
export function planCustomersSql(customerId: string, filters: Filters): string {
  const f = filterSql(filters);
  return f === 'TRUE' ? '' : `AND ${customerId} IN (SELECT customer_id FROM sales WHERE ${f})`;
}
