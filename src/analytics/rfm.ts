import type { Engine } from '../engine/types';
import { sqlDate, sqlNumber } from '../engine/sql';
import { addMonths, datasetCaps, EPS, filterSql, resolvePeriod, sig12Sql, type Caps } from './common';
import type { Filters, Params } from './params';

/** RFM segments of analytics.md §7. */
export const SEGMENTS = [
  'champion',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
] as const;
/** One segment key. */
export type Segment = (typeof SEGMENTS)[number];

/** Segment from the R and F scores, first match (R digit then F digit). */
export function segmentOf(r: number, f: number): Segment {
  if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
  if (r === 3) return f <= 2 ? 'about_to_sleep' : f === 3 ? 'need_attention' : 'loyal';
  if (r === 4) return f === 1 ? 'promising' : f <= 3 ? 'potential_loyalist' : 'loyal';
  return f === 1 ? 'new' : f <= 3 ? 'potential_loyalist' : 'champion';
}

/** Inputs of the RFM SQL. */
export interface RfmSqlParams {
  asOf: string;
  windowStart: string;
  filters: Filters;
  /** Count distinct order ids (else distinct purchase dates). */
  useOrderId: boolean;
  /** Gross profit is known. */
  grossProfit: boolean;
  /** A customers table with cost_to_serve to subtract from the gross profit. */
  costToServe: boolean;
  /** Months in the window (cost_to_serve is annual and is prorated to the window). */
  windowMonths: number;
}

/** SQL: one row per customer with M > 0 in the window, with R, F, M and their 1–5 scores. */
export function buildRfmSql(p: RfmSqlParams): string {
  const t = sqlDate(p.asOf);
  const score = (pExpr: string) => `least(5, 1 + floor(5 * ${pExpr}))`;
  return `WITH base AS (
  SELECT customer_id, order_id, order_date, revenue, gross_profit
  FROM sales
  WHERE order_date <= ${t} AND customer_id IS NOT NULL AND ${filterSql(p.filters)}
),
in_window AS (
  SELECT * FROM base WHERE order_date >= ${sqlDate(p.windowStart)}
),
per_customer AS (
  SELECT customer_id,
         datediff('day', max(order_date) FILTER (WHERE revenue > ${EPS}), ${t}) AS recency_days,
         count(DISTINCT ${p.useOrderId ? 'order_id' : 'order_date'}) FILTER (WHERE revenue > ${EPS}) AS frequency,
         sum(revenue) AS monetary,
         ${p.grossProfit ? 'sum(gross_profit)' : 'NULL::DOUBLE'} AS gross_profit
  FROM in_window
  GROUP BY ALL
  HAVING sum(revenue) > ${EPS}
),
counted AS (
  -- rank() − 1 counts the values strictly below (above for R). R and F are integers; M is a
  -- sum of doubles, compared at 12 significant digits (§0), so equal amounts added in another
  -- order tie.
  SELECT c.*, count(*) OVER () AS n,
         rank() OVER (ORDER BY recency_days DESC) - 1 AS r_more,
         rank() OVER (ORDER BY frequency) - 1 AS f_less,
         rank() OVER (ORDER BY ${sig12Sql('monetary')}) - 1 AS m_less
  FROM per_customer c
)
SELECT c.customer_id, c.recency_days, c.frequency, c.monetary, c.gross_profit,
       ${score('c.r_more / c.n')} AS r_score,
       ${score('c.f_less / c.n')} AS f_score,
       ${score('c.m_less / c.n')} AS m_score,
       ${p.costToServe && p.grossProfit ? `c.gross_profit - coalesce(cs.cost_to_serve, 0) * ${sqlNumber(p.windowMonths)} / 12` : 'NULL::DOUBLE'} AS net_value
FROM counted c
${p.costToServe && p.grossProfit ? 'LEFT JOIN (SELECT customer_id, sum(cost_to_serve) AS cost_to_serve FROM customers GROUP BY ALL) cs USING (customer_id)' : ''}
ORDER BY c.customer_id`;
}

/** One customer's RFM. */
export interface RfmRow {
  customerId: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  grossProfit: number | null;
  rScore: number;
  fScore: number;
  mScore: number;
  segment: Segment;
  /** Gross profit − cost to serve (prorated to the window); null without both. */
  netValue: number | null;
}

/** Result of the RFM analysis (§7). */
export interface RfmResult {
  asOf: string;
  windowStart: string;
  /**
   * First day of the analysis period when known (runRfm): the window is the months ending T
   * whatever the period, and the page says so when the two start on different days.
   */
  periodStart: string | null;
  frequencyBasis: 'order_id' | 'date';
  rows: RfmRow[];
  /** The R × F grid: count and monetary per cell (r, f in 1…5). */
  grid: { r: number; f: number; count: number; monetary: number; segment: Segment }[];
  /** Count and monetary per segment, in SEGMENTS order. */
  segments: { segment: Segment; count: number; monetary: number }[];
}

/** Run RFM for resolved inputs (`periodStart`: the analysis period's first day, for the page). */
export async function runRfmFor(
  db: Engine,
  params: Params,
  asOf: string,
  caps: Caps,
  periodStart: string | null = null,
): Promise<RfmResult> {
  const windowStart = addMonths(asOf, -(params.rfm.window_months - 1));
  const raw = await db.rows<Record<string, number | string | null>>(
    buildRfmSql({
      asOf,
      windowStart,
      filters: params.filters,
      useOrderId: caps.orderId,
      grossProfit: caps.grossProfit,
      costToServe: caps.customers && (await hasCostToServe(db)),
      windowMonths: params.rfm.window_months,
    }),
  );
  const rows: RfmRow[] = raw.map((r) => ({
    customerId: String(r.customer_id),
    recencyDays: Number(r.recency_days),
    frequency: Number(r.frequency),
    monetary: Number(r.monetary),
    grossProfit: r.gross_profit === null ? null : Number(r.gross_profit),
    rScore: Number(r.r_score),
    fScore: Number(r.f_score),
    mScore: Number(r.m_score),
    segment: segmentOf(Number(r.r_score), Number(r.f_score)),
    netValue: r.net_value === null ? null : Number(r.net_value),
  }));
  const grid: RfmResult['grid'] = [];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++) {
      const cell = rows.filter((x) => x.rScore === r && x.fScore === f);
      grid.push({
        r,
        f,
        count: cell.length,
        monetary: cell.reduce((s, x) => s + x.monetary, 0),
        segment: segmentOf(r, f),
      });
    }
  return {
    asOf,
    windowStart,
    periodStart,
    frequencyBasis: caps.orderId ? 'order_id' : 'date',
    rows,
    grid,
    segments: SEGMENTS.map((segment) => {
      const m = rows.filter((x) => x.segment === segment);
      return { segment, count: m.length, monetary: m.reduce((s, x) => s + x.monetary, 0) };
    }),
  };
}

/** R or F scores no customer has, and the tie that skipped them (see unusedScores). */
export interface UnusedScores {
  axis: 'r' | 'f';
  /** The scores no customer has that this tie skipped, ascending. */
  scores: number[];
  /** The shared value (recency days or frequency), how many customers share it, and their score. */
  value: number;
  count: number;
  score: number;
}

/**
 * The R and F scores of the grid that no customer has, each with the tie that skipped it. §7
 * scores by the share of customers strictly below (`p`), equal values sharing a score, so a large
 * group of equal values makes `p` jump past a score: the skipped score's tie is the last group of
 * equal values before it (in the order of `p`: frequency ascending, recency descending). The page
 * names it, so an empty column of the grid is not a mystery.
 */
export function unusedScores(rows: readonly RfmRow[]): UnusedScores[] {
  const out: UnusedScores[] = [];
  for (const axis of ['r', 'f'] as const) {
    const groups = new Map<number, { value: number; count: number; score: number }>();
    for (const x of rows) {
      const value = axis === 'r' ? x.recencyDays : x.frequency;
      const g = groups.get(value) ?? { value, count: 0, score: axis === 'r' ? x.rScore : x.fScore };
      g.count++;
      groups.set(value, g);
    }
    // In the order of p: more days since the last purchase first for R, fewer purchases first for F.
    const ordered = [...groups.values()].sort((a, b) =>
      axis === 'r' ? b.value - a.value : a.value - b.value,
    );
    const used = new Set(ordered.map((g) => g.score));
    const byTie = new Map<number, UnusedScores>();
    for (let s = 1; s <= 5; s++) {
      if (used.has(s)) continue;
      const tie = ordered.filter((g) => g.score < s).at(-1);
      if (!tie) continue;
      const entry = byTie.get(tie.value) ?? { axis, scores: [], ...tie };
      entry.scores.push(s);
      byTie.set(tie.value, entry);
    }
    out.push(...byTie.values());
  }
  return out;
}

async function hasCostToServe(db: Engine): Promise<boolean> {
  const [r] = await db.rows<{ n: number }>('SELECT count(cost_to_serve) AS n FROM customers');
  return r.n > 0;
}

/** Run RFM as of T. Returns null without sales data. */
export async function runRfm(db: Engine, params: Params): Promise<RfmResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runRfmFor(db, params, period.asOf, await datasetCaps(db), period.start);
}
