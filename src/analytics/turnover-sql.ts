import { sqlDate } from '../engine/sql';
import { filterSql, sig12Sql } from './common';
import type { Filters } from './params';

/** Sales measure divided by average stock. */
export type SalesBasis = 'quantity' | 'cogs' | 'revenue';

/** Inputs of the turnover SQL. */
export interface TurnoverSqlParams {
  start: string;
  asOf: string;
  filters: Filters;
  /** Rows per customer × product (inventory has a customer column). */
  byCustomer: boolean;
  /** Inventory gives opening/closing (else on_hand month ends). */
  openingClosing: boolean;
  basis: SalesBasis;
}

/**
 * One row per product (or customer × product) with inventory rows in the period: average
 * stock over the months with stock rows, the chosen sales basis in those months, and revenue
 * and gross profit over the whole period.
 */
export function buildTurnoverSql(p: TurnoverSqlParams): string {
  const mStart = `CAST(date_trunc('month', ${sqlDate(p.start)}) AS DATE)`;
  const mEnd = `CAST(date_trunc('month', ${sqlDate(p.asOf)}) AS DATE)`;
  const cust = p.byCustomer ? 'customer_id' : 'NULL::VARCHAR AS customer_id';
  const keys = 'product_id, customer_id';
  const join = p.byCustomer
    ? 's.product_id = i.product_id AND s.customer_id = i.customer_id'
    : 's.product_id = i.product_id';
  const basisExpr = p.basis === 'quantity' ? 'quantity' : p.basis === 'cogs' ? 'cost' : 'revenue';
  // A category filter narrows the products; stock cannot be split by region, channel, rep or customer type.
  const categoryFilter = p.filters.category.length
    ? `AND product_id IN (SELECT DISTINCT product_id FROM sales WHERE ${filterSql({ ...p.filters, region: [], channel: [], customer_type: [], sales_rep: [] })})`
    : '';
  return `WITH stock_raw AS (
  SELECT product_id, ${cust}, period AS m,
         sum(opening) AS o, sum(closing) AS c, sum(on_hand) AS h
  FROM inventory
  WHERE product_id IS NOT NULL AND period IS NOT NULL ${categoryFilter}
  GROUP BY ALL
),
stock AS (
  SELECT ${keys}, m,
         ${
           p.openingClosing
             ? 'o AS opening, c AS closing'
             : `CASE WHEN lag(m) OVER w = CAST(m - INTERVAL 1 MONTH AS DATE) THEN lag(h) OVER w ELSE h END AS opening, h AS closing`
         }
  FROM stock_raw
  ${p.openingClosing ? '' : `WINDOW w AS (PARTITION BY ${keys} ORDER BY m)`}
),
stock_in_period AS (
  SELECT * FROM stock WHERE m BETWEEN ${mStart} AND ${mEnd}
),
average_stock AS (
  SELECT ${keys}, avg((coalesce(opening, closing) + coalesce(closing, opening)) / 2) AS avg_inventory, count(*) AS stock_months
  FROM stock_in_period
  GROUP BY ALL
),
period_sales AS (
  SELECT product_id, ${cust}, CAST(date_trunc('month', order_date) AS DATE) AS m,
         sum(revenue) AS revenue, sum(gross_profit) AS gross_profit, sum(${basisExpr}) AS basis
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(p.start)} AND ${sqlDate(p.asOf)} AND product_id IS NOT NULL AND ${filterSql(p.filters)}
  GROUP BY ALL
),
sales_totals AS (
  SELECT ${keys}, sum(revenue) AS revenue, sum(gross_profit) AS gross_profit, count(gross_profit) AS gp_rows
  FROM period_sales
  GROUP BY ALL
),
sales_in_stock_months AS (
  SELECT i.product_id, i.customer_id, sum(s.basis) AS basis
  FROM stock_in_period i JOIN period_sales s ON ${join} AND s.m = i.m
  GROUP BY ALL
),
positive_total AS (
  SELECT sum(greatest(revenue, 0)) AS total FROM sales_totals
)
SELECT a.product_id, a.customer_id,
       coalesce(t.revenue, 0) AS revenue,
       CASE WHEN t.gp_rows > 0 THEN t.gross_profit END AS gross_profit,
       t.product_id IS NULL AS unsold,
       a.avg_inventory, a.stock_months,
       coalesce(b.basis, 0) AS sales_basis,
       (SELECT total FROM positive_total) AS positive_total
FROM average_stock a
LEFT JOIN sales_totals t ON t.product_id = a.product_id AND t.customer_id IS NOT DISTINCT FROM a.customer_id
LEFT JOIN sales_in_stock_months b ON b.product_id = a.product_id AND b.customer_id IS NOT DISTINCT FROM a.customer_id`;
}

/** Products (or pairs) sold in the period that have no inventory rows in it. */
export function buildNoStockSql(p: TurnoverSqlParams): string {
  const cust = p.byCustomer ? 'customer_id' : 'NULL::VARCHAR AS customer_id';
  return `WITH sold AS (
  SELECT product_id, ${cust}, sum(revenue) AS revenue
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(p.start)} AND ${sqlDate(p.asOf)} AND product_id IS NOT NULL AND ${filterSql(p.filters)}
  GROUP BY ALL
),
stocked AS (
  SELECT DISTINCT product_id, ${cust} FROM inventory
  WHERE period BETWEEN CAST(date_trunc('month', ${sqlDate(p.start)}) AS DATE) AND CAST(date_trunc('month', ${sqlDate(p.asOf)}) AS DATE)
)
SELECT s.product_id, s.customer_id, s.revenue
FROM sold s
WHERE NOT EXISTS (SELECT 1 FROM stocked k WHERE k.product_id = s.product_id AND k.customer_id IS NOT DISTINCT FROM s.customer_id)
ORDER BY ${sig12Sql('s.revenue')} DESC, s.product_id, s.customer_id`;
}
