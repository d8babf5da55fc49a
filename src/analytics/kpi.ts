import { sharedRows } from '../engine/sharing';
import type { Engine } from '../engine/types';
import {
  addMonths,
  datasetCaps,
  dayBefore,
  monthEnd,
  monthsBetween,
  resolvePeriod,
  type Caps,
  type Period,
} from './common';
import { buildKpiMetricsSql, type KpiSqlParams } from './kpi-sql';
import { effectiveWeights, scoreAndTier, type KpiMetrics, type KpiScored, type Tier } from './kpi-score';
import type { Params } from './params';

export {
  averageRankScores,
  effectiveWeights,
  scoreAndTier,
  type KpiMetrics,
  type KpiScored,
  type Tier,
} from './kpi-score';
export { buildKpiMetricsSql } from './kpi-sql';

/** A scoring period: first and last day, and its calendar months. */
export interface ScoringPeriod {
  label: string;
  start: string;
  end: string;
  months: number;
}

/** Why a metric was dropped for the whole dataset (the UI says so). */
export type DropReason = 'no_plan' | 'plan_not_by_category' | 'no_quantity_or_product' | 'all_null';

/** One scored entity with its credit suggestion. */
export interface KpiRow extends KpiScored {
  /** Suggested credit limit: null = no limit (tier A). */
  credit: number | null;
  /** Average monthly revenue over the scoring period. */
  monthlyRevenue: number;
  /** Tier in the comparison period (null when not scored then, or no comparison). */
  previousTier: Tier | null;
}

/** Result of the KPI scorecard (§6). */
export interface KpiResult {
  /** The analysis period (with the data's first and last date, for period pickers). */
  analysis: Period;
  period: ScoringPeriod;
  comparePeriod: ScoringPeriod | null;
  /** The data covers the whole comparison period (else no tiers are compared, analytics.md §1). */
  compareCovered: boolean;
  byCategory: boolean;
  /** Plan basis (quantity when the plan has quantities), or none. */
  planBasis: 'quantity' | 'revenue' | 'none';
  /** Weights as given and as applied after dropping unavailable metrics. */
  weights: [number, number, number, number];
  appliedWeights: [number, number, number, number];
  /** Per metric: null when used, else why it was dropped. */
  dropped: [DropReason | null, DropReason | null, DropReason | null, DropReason | null];
  rows: KpiRow[];
  tierCounts: Record<Tier, number>;
  /** Score distribution: count per 10-point band of the total (0–10, …, 90–100). */
  distribution: { from: number; to: number; count: number }[];
  /** Tier in the comparison period → tier now (`null` = not scored then). */
  migration: { from: Tier | null; to: Tier; count: number }[];
}

/** Resolve `analysis`, `2025` or `2025-Q3` to dates, never past the last order date. */
export function scoringPeriod(spec: string, analysis: Period): ScoringPeriod {
  if (spec === 'analysis')
    return { label: 'analysis', start: analysis.start, end: analysis.asOf, months: analysis.months };
  const q = /^(\d{4})-Q([1-4])$/.exec(spec);
  const start = q ? `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01` : `${spec}-01-01`;
  let end = monthEnd(addMonths(start, q ? 2 : 11));
  if (end > analysis.dataEnd) end = analysis.dataEnd;
  return { label: spec, start, end, months: Math.max(1, monthsBetween(start, end) + 1) };
}

/** The comparison period: `previous` = the same number of months just before. */
export function comparePeriod(spec: string, current: ScoringPeriod, analysis: Period): ScoringPeriod | null {
  if (spec === 'none') return null;
  if (spec !== 'previous') return scoringPeriod(spec, analysis);
  const start = addMonths(current.start, -current.months);
  return { label: 'previous', start, end: dayBefore(current.start), months: current.months };
}

/** The plan basis of §6 (quantity when the plan has quantities and the sales do), and whether the plan is by category. */
export async function planBasis(
  db: Engine,
  caps: Caps,
): Promise<{ basis: 'quantity' | 'revenue' | 'none'; byCategory: boolean }> {
  if (!caps.plan) return { basis: 'none', byCategory: false };
  const [r] = await db.rows<{ q: number; r: number; c: number }>(
    'SELECT count(plan_quantity) AS q, count(plan_revenue) AS r, count(category) + count(product_id) AS c FROM plan',
  );
  // A quantity plan needs quantities in the sales to compare with; else fall back to the revenue plan.
  const basis = r.q > 0 && caps.quantity ? 'quantity' : r.r > 0 ? 'revenue' : 'none';
  return { basis, byCategory: r.c > 0 };
}

async function metrics(db: Engine, p: KpiSqlParams): Promise<KpiMetrics[]> {
  // Shared with the key-accounts factors in a run of the result files (engine/sharing.ts).
  const rows = await sharedRows<Record<string, number | string | null>>(db, buildKpiMetricsSql(p));
  return rows.map((r) => ({
    customerId: String(r.customer_id),
    category: p.byCategory ? String(r.category ?? '') : null,
    revenue: Number(r.revenue),
    r: [r.r1, r.r2, r.r3, r.r4].map((v) => (v === null ? null : Number(v))) as KpiMetrics['r'],
    missedMonths: String(r.missed_months ?? '') ? String(r.missed_months).split(';') : [],
  }));
}

/** Score one period; returns the scored rows and what was dropped. */
async function scorePeriod(
  db: Engine,
  params: Params,
  period: ScoringPeriod,
  caps: Caps,
  plan: Awaited<ReturnType<typeof planBasis>>,
) {
  const byCategory = params.kpi.by_category;
  const r1Drop: DropReason | null =
    plan.basis === 'none'
      ? 'no_plan'
      : (byCategory || params.filters.category.length > 0) && !plan.byCategory
        ? 'plan_not_by_category'
        : null;
  const sqlParams: KpiSqlParams = {
    start: period.start,
    end: period.end,
    months: period.months,
    filters: params.filters,
    byCategory,
    plan: r1Drop ? 'none' : plan.basis,
    planByCategory: plan.byCategory,
    quantity: caps.quantity,
  };
  const ents = await metrics(db, sqlParams);
  const dropped: KpiResult['dropped'] = [
    r1Drop,
    null,
    caps.quantity && caps.product ? null : 'no_quantity_or_product',
    null,
  ];
  for (let i = 0; i < 4; i++)
    if (!dropped[i] && ents.length > 0 && ents.every((e) => e.r[i] === null)) dropped[i] = 'all_null';
  const available = dropped.map((d) => d === null) as [boolean, boolean, boolean, boolean];
  const rows = scoreAndTier(ents, {
    weights: params.kpi.weights,
    available,
    tierShare: params.kpi.tier_share,
    missedLimit: params.kpi.missed_months_limit,
  });
  return { rows, dropped, available };
}

const entityKey = (r: { customerId: string; category: string | null }) =>
  `${r.customerId}\u0000${r.category ?? ''}`;

/** Run the KPI scorecard. Returns null without sales data. */
export async function runKpi(
  db: Engine,
  params: Params,
  options: { compare?: boolean } = {},
): Promise<KpiResult | null> {
  const analysis = await resolvePeriod(db, params);
  if (!analysis) return null;
  return runKpiFor(db, params, analysis, await datasetCaps(db), options);
}

/**
 * Run the KPI scorecard for a resolved analysis period. `compare: false` skips scoring the
 * comparison period (tier migration), which the result files do not need.
 */
export async function runKpiFor(
  db: Engine,
  params: Params,
  analysis: Period,
  caps: Caps,
  options: { compare?: boolean } = {},
): Promise<KpiResult> {
  const plan = await planBasis(db, caps);
  const period = scoringPeriod(params.kpi.period, analysis);
  const cmp = options.compare === false ? null : comparePeriod(params.kpi.compare, period, analysis);
  const now = await scorePeriod(db, params, period, caps, plan);
  // Tiers are compared only when the data covers the whole comparison period (§1).
  const compareCovered = cmp !== null && cmp.start >= analysis.dataStart;
  const before = cmp && compareCovered ? await scorePeriod(db, params, cmp, caps, plan) : null;
  const prevTier = new Map((before?.rows ?? []).map((r) => [entityKey(r), r.tier]));
  // The scored rows are this run's own objects: completed in place (a spread copy of tens of
  // thousands of rows costs more than the scoring).
  const rows: KpiRow[] = now.rows.map((r) => {
    const monthlyRevenue = r.revenue / period.months;
    return Object.assign(r, {
      monthlyRevenue,
      credit:
        r.tier === 'A' ? null : (r.tier === 'B' ? params.kpi.credit_b : params.kpi.credit_c) * monthlyRevenue,
      previousTier: prevTier.get(entityKey(r)) ?? null,
    });
  });
  const tierCounts = { A: 0, B: 0, C: 0 };
  for (const r of rows) tierCounts[r.tier]++;
  const distribution = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + 10,
    count: rows.filter((r) => (i === 9 ? r.total >= 90 : r.total >= i * 10 && r.total < i * 10 + 10)).length,
  }));
  const mig = new Map<string, { from: Tier | null; to: Tier; count: number }>();
  if (before)
    for (const r of rows) {
      const k = `${r.previousTier}>${r.tier}`;
      const cur = mig.get(k) ?? { from: r.previousTier, to: r.tier, count: 0 };
      cur.count++;
      mig.set(k, cur);
    }
  const tierOrder = (t: Tier | null) => (t === null ? 3 : 'ABC'.indexOf(t));
  return {
    analysis,
    period,
    comparePeriod: cmp,
    compareCovered,
    byCategory: params.kpi.by_category,
    planBasis: now.dropped[0] ? 'none' : plan.basis,
    weights: params.kpi.weights,
    appliedWeights: effectiveWeights(params.kpi.weights, now.available),
    dropped: now.dropped,
    rows,
    tierCounts,
    distribution,
    migration: [...mig.values()].sort(
      (a, b) => tierOrder(a.from) - tierOrder(b.from) || tierOrder(a.to) - tierOrder(b.to),
    ),
  };
}
