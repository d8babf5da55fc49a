import { sqlDate } from '../../engine/sql';
import { EPS, filterSql } from '../common';
import type { Filters } from '../params';

/** Inputs of the forecast's SQL. */
export interface ForecastSqlParams {
  /** As-of date T: rows after it are not read. */
  asOf: string;
  /**
   * Last day of the data the model sees (T, or T − 7·holdout_weeks days for the holdout check).
   * Purchase days after it, up to T, are counted as `holdout_days`.
   */
  calibrationEnd: string;
  /** Row filters (analytics.md §0). */
  filters: Filters;
}

/**
 * SQL: one row per customer with a purchase day on or before the calibration end (analytics.md
 * §10), whole history: `x` (purchase days after the first), `t_x` and `T_c` in weeks, `m_x`
 * (mean net revenue of the purchase days after the first; NULL when x = 0), `past_value`
 * (net revenue of all its purchase days up to the calibration end, the first included: what the
 * at-risk list ranks by) and `holdout_days` (purchase days after the calibration end, up to T). A
 * purchase day is a day with a sale row (revenue > 1e-9, or revenue 0 (±1e-9) with quantity >
 * 1e-9); its value is the day's net revenue, returns of that day included. Rows without a
 * customer are left out.
 */
export function buildForecastInputSql(p: ForecastSqlParams): string {
  const cal = sqlDate(p.calibrationEnd);
  return `WITH rows AS (
  SELECT customer_id, order_date, revenue, quantity
  FROM sales
  WHERE order_date <= ${sqlDate(p.asOf)}
    AND customer_id IS NOT NULL
    AND ${filterSql(p.filters)}
),
days AS (
  SELECT customer_id, order_date AS day, sum(revenue) AS value,
         bool_or(revenue > ${EPS} OR (abs(revenue) <= ${EPS} AND quantity > ${EPS})) AS is_purchase
  FROM rows
  GROUP BY customer_id, order_date
),
purchase_days AS (
  SELECT customer_id, day, value,
         min(CASE WHEN day <= ${cal} THEN day END) OVER (PARTITION BY customer_id) AS first_day,
         max(CASE WHEN day <= ${cal} THEN day END) OVER (PARTITION BY customer_id) AS last_day
  FROM days
  WHERE is_purchase
)
SELECT customer_id,
       count(*) FILTER (WHERE day <= ${cal}) - 1 AS x,
       datediff('day', any_value(first_day), any_value(last_day)) / 7.0 AS t_x,
       datediff('day', any_value(first_day), ${cal}) / 7.0 AS T_c,
       avg(value) FILTER (WHERE day > first_day AND day <= ${cal}) AS m_x,
       sum(value) FILTER (WHERE day <= ${cal}) AS past_value,
       count(*) FILTER (WHERE day > ${cal}) AS holdout_days
FROM purchase_days
WHERE first_day IS NOT NULL
GROUP BY customer_id
ORDER BY customer_id`;
}
