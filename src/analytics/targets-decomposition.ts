import type { Engine } from '../engine/types';
import { sqlDate, sqlIdent } from '../engine/sql';
import { EPS, filterSql, sig12Sql } from './common';
import type { Params } from './params';

/** Inputs of the target decomposition tool (§8). */
export interface DecompositionInput {
  /** The year the target is for; last year's data gives the shares. */
  year: number;
  /** Annual target amount. */
  target: number;
  /** Months by last year's monthly shares, or evenly. */
  method: 'seasonal' | 'even';
  /** Lines the target is split across. */
  dimension: 'product' | 'category' | 'region' | 'channel' | 'customer' | 'sales_rep';
  /** Per-line adjustment, e.g. `{ 华东: 0.1 }` = +10 % on that line's share. */
  adjustments: Record<string, number>;
}

/** One line of the decomposition. */
export interface DecompositionLine {
  key: string;
  lastYear: number;
  /** Share of last year's positive revenue. */
  share: number;
  adjustment: number;
  /** Target before and after adjustments (adjustments keep the annual total). */
  baseTarget: number;
  target: number;
  /** Target per month (12 values, January first). */
  months: number[];
}

/** Result of the decomposition. */
export interface DecompositionResult {
  input: DecompositionInput;
  /** Monthly shares used (sum to 1) and whether last year had data for seasonal shares. */
  monthShares: number[];
  seasonalFallback: boolean;
  lines: DecompositionLine[];
  /** 3-month moving-average baseline: per month of the data, revenue and the mean of the 3 months before. */
  baseline: { month: string; revenue: number; ma3: number | null }[];
}

/**
 * Split an annual target (pure). Line shares are last year's revenue shares (negative lines count
 * as 0); an adjustment multiplies a line's share by (1 + adj) and the shares are renormalised so
 * the lines still add up to the annual target. Months follow last year's seasonality or 1/12.
 */
export function decompose(
  input: DecompositionInput,
  lastYearByLine: { key: string; revenue: number }[],
  lastYearByMonth: number[],
): Omit<DecompositionResult, 'baseline'> {
  const positive = lastYearByMonth.map((v) => Math.max(v, 0));
  const monthTotal = positive.reduce((a, b) => a + b, 0);
  const seasonalFallback = input.method === 'seasonal' && monthTotal <= EPS;
  const monthShares =
    input.method === 'even' || seasonalFallback
      ? positive.map(() => 1 / 12)
      : positive.map((v) => v / monthTotal);
  const lineTotal = lastYearByLine.reduce((a, l) => a + Math.max(l.revenue, 0), 0);
  const shares = lastYearByLine.map((l) =>
    lineTotal > EPS ? Math.max(l.revenue, 0) / lineTotal : 1 / lastYearByLine.length,
  );
  const weights = lastYearByLine.map((l, i) => shares[i] * (1 + (input.adjustments[l.key] ?? 0)));
  const weightTotal = weights.reduce((a, b) => a + Math.max(b, 0), 0);
  const lines = lastYearByLine.map((l, i) => {
    const target = weightTotal > EPS ? (input.target * Math.max(weights[i], 0)) / weightTotal : 0;
    return {
      key: l.key,
      lastYear: l.revenue,
      share: shares[i],
      adjustment: input.adjustments[l.key] ?? 0,
      baseTarget: input.target * shares[i],
      target,
      months: monthShares.map((s) => target * s),
    };
  });
  return { input, monthShares, seasonalFallback, lines };
}

/** Run the decomposition on the loaded sales (filters apply to last year's figures). */
export async function runDecomposition(
  db: Engine,
  params: Params,
  input: DecompositionInput,
): Promise<DecompositionResult> {
  const y0 = `${input.year - 1}-01-01`;
  const y1 = `${input.year - 1}-12-31`;
  const f = filterSql(params.filters);
  const col = sqlIdent(
    input.dimension === 'customer'
      ? 'customer_id'
      : input.dimension === 'product'
        ? 'product_id'
        : input.dimension,
  );
  const byLine = await db.rows<{ key: string; revenue: number }>(
    `SELECT CAST(${col} AS VARCHAR) AS key, sum(revenue) AS revenue FROM sales
     WHERE order_date BETWEEN ${sqlDate(y0)} AND ${sqlDate(y1)} AND ${col} IS NOT NULL AND ${f}
     GROUP BY ALL ORDER BY ${sig12Sql('sum(revenue)')} DESC, key`,
  );
  const byMonth = await db.rows<{ m: number; revenue: number }>(
    `SELECT month(order_date) AS m, sum(revenue) AS revenue FROM sales
     WHERE order_date BETWEEN ${sqlDate(y0)} AND ${sqlDate(y1)} AND ${f} GROUP BY ALL`,
  );
  const months = Array.from({ length: 12 }, (_, i) => byMonth.find((r) => r.m === i + 1)?.revenue ?? 0);
  const baseline = await db.rows<{ month: string; revenue: number; ma3: number | null }>(
    `WITH monthly AS (
       SELECT CAST(date_trunc('month', order_date) AS DATE) AS m, sum(revenue) AS revenue FROM sales WHERE ${f} GROUP BY ALL
     ),
     dense AS (
       SELECT CAST(unnest(generate_series(min(m), max(m), INTERVAL 1 MONTH)) AS DATE) AS m FROM monthly
     )
     SELECT strftime(d.m, '%Y-%m') AS month, coalesce(x.revenue, 0) AS revenue,
            CASE WHEN count(*) OVER w = 3 THEN avg(coalesce(x.revenue, 0)) OVER w END AS ma3
     FROM dense d LEFT JOIN monthly x USING (m)
     WINDOW w AS (ORDER BY d.m ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING)
     ORDER BY d.m`,
  );
  return { ...decompose(input, byLine, months), baseline };
}
