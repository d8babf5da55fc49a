import type { Engine } from '../engine/types';
import { sqlDate } from '../engine/sql';
import { addMonths, datasetCaps, daysOverdueSql, EPS, filterSql, isoDate, resolvePeriod } from './common';
import type { Params } from './params';

/** Aging buckets of overdue amount (analytics.md §9). */
export const AGING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
/** One bucket key. */
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** One customer's receivables in the snapshot used. */
export interface ReceivableRow {
  customerId: string;
  outstanding: number;
  overdue: number;
  /** overdue / outstanding; null when outstanding ≤ 0. */
  overdueRatio: number | null;
  /** Largest days overdue among overdue rows (null when nothing is overdue). */
  maxDaysOverdue: number | null;
  buckets: Record<AgingBucket, number>;
}

/** Result of the receivables analysis. */
export interface ReceivablesResult {
  /** The receivables snapshot read: the latest as_of_date on or before T. */
  asOfDate: string;
  asOf: string;
  rows: ReceivableRow[];
  totals: { outstanding: number; overdue: number; buckets: Record<AgingBucket, number> };
  /** Warning line: outstanding ÷ base against the warning share. */
  warning: {
    base: number | null;
    baseKind: 'given' | 'trailing_revenue';
    ratio: number | null;
    share: number;
    breached: boolean | null;
  };
}

/** SQL: per customer outstanding, overdue and overdue by bucket in the snapshot. */
export function buildReceivablesSql(asOfDate: string): string {
  // Buckets are half-open on the days, which may be fractional (a DOUBLE column): (−∞, 30],
  // (30, 60], (60, 90], (90, ∞). 30.5 days is 31–60; with closed edges (≤ 30 / ≥ 31) it fell
  // in no bucket. A row without any days counts as 0.
  const days = `coalesce(${daysOverdueSql()}, 0)`;
  const bucket = (lo: number | null, hi: number | null) =>
    `sum(CASE WHEN overdue > ${EPS}${lo === null ? '' : ` AND d > ${lo}`}${hi === null ? '' : ` AND d <= ${hi}`} THEN overdue ELSE 0 END)`;
  return `WITH snap AS (
  SELECT customer_id, coalesce(outstanding, 0) AS outstanding, coalesce(overdue_amount, 0) AS overdue, ${days} AS d
  FROM receivables
  WHERE as_of_date = ${sqlDate(asOfDate)} AND customer_id IS NOT NULL
)
SELECT customer_id, sum(outstanding) AS outstanding, sum(overdue) AS overdue,
       max(d) FILTER (WHERE overdue > ${EPS}) AS max_days,
       ${bucket(null, 30)} AS d0_30, ${bucket(30, 60)} AS d31_60, ${bucket(60, 90)} AS d61_90, ${bucket(90, null)} AS d90_plus
FROM snap
GROUP BY ALL
ORDER BY customer_id`;
}

/**
 * Run the receivables analysis as of T. Null without a receivables table or without a snapshot
 * on or before T. Filters on region/customer type apply through the customers seen in the
 * filtered sales; other filters cannot split a receivable and are ignored here (the UI says so).
 */
export async function runReceivables(db: Engine, params: Params): Promise<ReceivablesResult | null> {
  const period = await resolvePeriod(db, params);
  const caps = await datasetCaps(db);
  if (!period || !caps.receivables) return null;
  const [s] = await db.rows<{ d: number | null }>(
    `SELECT max(as_of_date) AS d FROM receivables WHERE as_of_date <= ${sqlDate(period.asOf)}`,
  );
  if (s.d === null) return null;
  const asOfDate = isoDate(s.d);
  const filtered = filterSql(params.filters) !== 'TRUE';
  const customers = filtered
    ? new Set(
        (
          await db.rows<{ id: string }>(
            `SELECT DISTINCT customer_id AS id FROM sales WHERE ${filterSql(params.filters)}`,
          )
        ).map((r) => r.id),
      )
    : null;
  const raw = await db.rows<Record<string, number | string | null>>(buildReceivablesSql(asOfDate));
  const rows: ReceivableRow[] = raw
    .filter((r) => !customers || customers.has(String(r.customer_id)))
    .map((r) => ({
      customerId: String(r.customer_id),
      outstanding: Number(r.outstanding),
      overdue: Number(r.overdue),
      overdueRatio: Number(r.outstanding) > EPS ? Number(r.overdue) / Number(r.outstanding) : null,
      maxDaysOverdue: r.max_days === null ? null : Number(r.max_days),
      buckets: {
        d0_30: Number(r.d0_30),
        d31_60: Number(r.d31_60),
        d61_90: Number(r.d61_90),
        d90_plus: Number(r.d90_plus),
      },
    }));
  const sum = (f: (r: ReceivableRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const totals = {
    outstanding: sum((r) => r.outstanding),
    overdue: sum((r) => r.overdue),
    buckets: {
      d0_30: sum((r) => r.buckets.d0_30),
      d31_60: sum((r) => r.buckets.d31_60),
      d61_90: sum((r) => r.buckets.d61_90),
      d90_plus: sum((r) => r.buckets.d90_plus),
    },
  };
  let base = params.receivables.base;
  const baseKind = base === null ? 'trailing_revenue' : 'given';
  if (base === null) {
    const [t] = await db.rows<{ rev: number | null }>(
      `SELECT sum(revenue) AS rev FROM sales
       WHERE order_date BETWEEN ${sqlDate(addMonths(period.asOf, -11))} AND ${sqlDate(period.asOf)} AND ${filterSql(params.filters)}`,
    );
    base = t.rev;
  }
  const ratio = base !== null && base > EPS ? totals.outstanding / base : null;
  const share = params.receivables.warning_share;
  return {
    asOfDate,
    asOf: period.asOf,
    rows,
    totals,
    warning: { base, baseKind, ratio, share, breached: ratio === null ? null : ratio >= share - EPS },
  };
}
