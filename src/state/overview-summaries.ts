import type { KpiResult } from '../analytics/kpi';
import type { LifecycleResult } from '../analytics/lifecycle';
import type { ParetoResult } from '../analytics/pareto';
import type { PerformanceResult } from '../analytics/performance';
import type { ReceivablesResult } from '../analytics/receivables';
import type { RfmResult } from '../analytics/rfm';
import type { TargetsResult } from '../analytics/targets';
import type { TurnoverResult } from '../analytics/turnover';

/**
 * What the Overview reads of each analysis it shows (`summary` of useAnalysis): its small charts
 * draw counts per class, stage, tier, segment and quadrant, not the rows behind them. The cache
 * keeps the whole results (the Pareto page reuses the Overview's ranking); the page, and a review
 * link of the Overview, get only these, so the link holds a few hundred numbers instead of every
 * customer's row five times over (docs/sharing.md). The `id` names the form in the link; a
 * result of null (no sales data) stays null.
 */
export const OVERVIEW_SUMMARIES = {
  series: {
    id: 'trend',
    pick: (s: PerformanceResult | null) =>
      s && {
        period: s.period,
        planBasis: s.planBasis,
        series: s.series.map((b) => ({
          bucket: b.bucket,
          revenue: b.revenue,
          plan: b.plan,
          lastYear: b.lastYear,
        })),
      },
  },
  pareto: {
    id: 'classes',
    pick: (p: ParetoResult | null) => p && { params: p.params, n: p.n, classes: p.classes },
  },
  lifecycle: {
    id: 'stages',
    pick: (l: LifecycleResult | null) =>
      l && { asOf: l.asOf, stages: l.stages, customerCount: l.customers.length },
  },
  kpi: {
    id: 'tiers',
    pick: (k: KpiResult | null) =>
      k && {
        period: k.period,
        byCategory: k.byCategory,
        tierCounts: k.tierCounts,
        scored: k.rows.length,
      },
  },
  rfm: {
    id: 'segments',
    pick: (r: RfmResult | null) =>
      r && {
        asOf: r.asOf,
        windowStart: r.windowStart,
        segments: r.segments,
        customers: r.rows.length,
      },
  },
  receivables: {
    id: 'buckets',
    pick: (rv: ReceivablesResult | null) => rv && { totals: rv.totals },
  },
  turnover: {
    id: 'quadrants',
    pick: (t: TurnoverResult | null) => t && { quadrants: t.quadrants, products: t.rows.length },
  },
  targets: {
    id: 'total',
    pick: (t: TargetsResult | null) => t && { hasPlan: t.hasPlan, total: t.total },
  },
};
