import { sqlDate, sqlNumber } from '../engine/sql';
import { daysOverdueSql, EPS, filterSql } from './common';
import type { Filters, Params } from './params';

/** Lifecycle stages of analytics.md §5 (lower-case English keys). */
export const STAGES = [
  'potential',
  'new',
  'growth',
  'stable',
  'decline',
  'problem',
  'no_value',
  'lost',
] as const;
/** One stage key. */
export type Stage = (typeof STAGES)[number];

/** Inputs of the lifecycle classification SQL. */
export interface LifecycleSqlParams {
  /** Rows up to this date count; the month of `cut` is partial when `cut` is not a month end. */
  cut: string;
  filters: Filters;
  rules: Params['lifecycle'];
  /** Gross profit is known (else trailing revenue decides no_value). */
  hasGrossProfit: boolean;
  /** A receivables table is loaded (rule 2 applies). */
  hasReceivables: boolean;
}

/** Stage and deciding rule of §5 from the columns cur, prev, trailing_value, first_m, last_m, m, problem. */
function stageColumns(p: LifecycleSqlParams): string {
  const r = p.rules;
  const lost = `datediff('month', last_m, m) >= ${sqlNumber(r.lost_months)}`;
  const isNew = `datediff('month', first_m, m) < ${sqlNumber(r.new_months)}`;
  return `CASE WHEN prev > ${EPS} THEN (cur - prev) / prev END AS change,
         CASE
           WHEN last_m IS NULL THEN 'lost'
           WHEN ${lost} THEN 'lost'
           WHEN problem THEN 'problem'
           WHEN trailing_value <= ${EPS} THEN 'no_value'
           WHEN ${isNew} THEN 'new'
           WHEN prev <= ${EPS} THEN CASE WHEN cur > ${EPS} THEN 'growth' ELSE 'decline' END
           WHEN (cur - prev) / prev >= ${sqlNumber(r.growth_threshold)} - ${EPS} THEN 'growth'
           WHEN (cur - prev) / prev <= ${sqlNumber(r.decline_threshold)} + ${EPS} THEN 'decline'
           ELSE 'stable'
         END AS stage,
         CASE
           WHEN last_m IS NULL THEN 'no_revenue'
           WHEN ${lost} THEN 'lost'
           WHEN problem THEN 'problem'
           WHEN trailing_value <= ${EPS} THEN 'no_value'
           WHEN ${isNew} THEN 'new'
           ELSE 'window'
         END AS rule`;
}

/** The CTEs both variants share: filtered rows up to the cut, monthly sums, receivables flags. */
function sharedCtes(p: LifecycleSqlParams): string {
  const receivables = p.hasReceivables
    ? `,
receivable_rows AS (
  SELECT customer_id, as_of_date,
         coalesce(overdue_amount, 0) AS overdue_amount,
         ${daysOverdueSql()} AS days
  FROM receivables
  WHERE customer_id IS NOT NULL AND as_of_date IS NOT NULL
),
snapshots AS (
  SELECT DISTINCT as_of_date FROM receivable_rows
),
problem_flags AS (
  SELECT customer_id, as_of_date,
         bool_or(overdue_amount > ${EPS} AND days > ${sqlNumber(p.rules.overdue_days)} + ${EPS}) AS problem,
         max(days) FILTER (WHERE overdue_amount > ${EPS}) AS days,
         sum(overdue_amount) AS overdue
  FROM receivable_rows
  GROUP BY ALL
)`
    : '';
  return `base AS (
  SELECT customer_id, order_date, revenue, gross_profit
  FROM sales
  WHERE order_date <= ${sqlDate(p.cut)} AND customer_id IS NOT NULL AND ${filterSql(p.filters)}
),
monthly AS (
  SELECT customer_id, CAST(date_trunc('month', order_date) AS DATE) AS m,
         sum(revenue) AS rev, sum(gross_profit) AS gp
  FROM base
  GROUP BY ALL
)${receivables}`;
}

/** The receivables flag joined on each row's effective date (the snapshot on or before it). */
function flaggedCte(p: LifecycleSqlParams, from: string): string {
  return p.hasReceivables
    ? `flagged AS (
  SELECT r.*, coalesce(flag.problem, FALSE) AS problem, flag.days AS overdue_days, flag.overdue AS overdue_amount
  FROM ${from} r
  ASOF LEFT JOIN snapshots snap ON r.effective >= snap.as_of_date
  LEFT JOIN problem_flags flag ON flag.customer_id = r.customer_id AND flag.as_of_date = snap.as_of_date
)`
    : `flagged AS (
  SELECT r.*, FALSE AS problem, NULL::DOUBLE AS overdue_days, NULL::DOUBLE AS overdue_amount FROM ${from} r
)`;
}

const OUTPUT =
  'customer_id, m, effective, stage, rule, first_m, last_m, cur, prev, change, trailing_value, overdue_days, overdue_amount';

/**
 * SQL classifying every customer with a sales row up to `cut`, as of `cut` (one row per
 * customer): grouped sums over the monthly totals, then the first matching rule of §5.
 */
export function buildLifecycleSql(p: LifecycleSqlParams): string {
  const w = p.rules.window_months;
  const mCut = `CAST(date_trunc('month', ${sqlDate(p.cut)}) AS DATE)`;
  const monthsBack = (k: number) => `CAST(${mCut} - INTERVAL ${k} MONTH AS DATE)`;
  return `WITH ${sharedCtes(p)},
grouped AS (
  SELECT customer_id, ${mCut} AS m, ${sqlDate(p.cut)} AS effective,
         coalesce(sum(rev) FILTER (WHERE m >= ${monthsBack(w - 1)}), 0) AS cur,
         coalesce(sum(rev) FILTER (WHERE m BETWEEN ${monthsBack(2 * w - 1)} AND ${monthsBack(w)}), 0) AS prev,
         coalesce(sum(${p.hasGrossProfit ? 'gp' : 'rev'}) FILTER (WHERE m >= ${monthsBack(11)}), 0) AS trailing_value,
         min(m) FILTER (WHERE rev > ${EPS}) AS first_m,
         max(m) FILTER (WHERE rev > ${EPS}) AS last_m
  FROM monthly
  GROUP BY ALL
),
${flaggedCte(p, 'grouped')}
SELECT ${OUTPUT} FROM (SELECT *, ${stageColumns(p)} FROM flagged)`;
}

/**
 * SQL classifying every customer at every month end up to M(cut) (the row of M(cut) is the
 * classification as of `cut` itself): a dense monthly series per customer from its first row,
 * rolled with window functions. Used for stage counts month by month.
 */
export function buildLifecycleHistorySql(p: LifecycleSqlParams): string {
  const w = p.rules.window_months;
  const cut = sqlDate(p.cut);
  const win = (frame: string) => `OVER (PARTITION BY customer_id ORDER BY m ${frame})`;
  return `WITH ${sharedCtes(p)},
first_rows AS (
  SELECT customer_id, min(m) AS m0 FROM monthly GROUP BY ALL
),
months AS (
  SELECT CAST(unnest(generate_series((SELECT min(m) FROM monthly), CAST(date_trunc('month', ${cut}) AS DATE), INTERVAL 1 MONTH)) AS DATE) AS m
),
series AS (
  SELECT f.customer_id, mo.m, coalesce(x.rev, 0) AS rev, coalesce(x.gp, 0) AS gp
  FROM first_rows f
  JOIN months mo ON mo.m >= f.m0
  LEFT JOIN monthly x ON x.customer_id = f.customer_id AND x.m = mo.m
),
rolled AS (
  SELECT customer_id, m,
         CASE WHEN m = CAST(date_trunc('month', ${cut}) AS DATE) THEN ${cut} ELSE last_day(m) END AS effective,
         sum(rev) ${win(`ROWS BETWEEN ${w - 1} PRECEDING AND CURRENT ROW`)} AS cur,
         coalesce(sum(rev) ${win(`ROWS BETWEEN ${2 * w - 1} PRECEDING AND ${w} PRECEDING`)}, 0) AS prev,
         sum(${p.hasGrossProfit ? 'gp' : 'rev'}) ${win('ROWS BETWEEN 11 PRECEDING AND CURRENT ROW')} AS trailing_value,
         min(CASE WHEN rev > ${EPS} THEN m END) ${win('ROWS UNBOUNDED PRECEDING')} AS first_m,
         max(CASE WHEN rev > ${EPS} THEN m END) ${win('ROWS UNBOUNDED PRECEDING')} AS last_m
  FROM series
),
${flaggedCte(p, 'rolled')}
SELECT ${OUTPUT} FROM (SELECT *, ${stageColumns(p)} FROM flagged)`;
}
