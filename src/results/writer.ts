import { compareCodePoints } from '../analytics/common';
import type { AllResults } from '../analytics/run-all';
import type { ParetoResult } from '../analytics/pareto';
import { toCsv, type ExportValue } from '../export/csv';
import { summaryInputs } from '../ingest/rejects';
import { clvCsv, forecastBlock } from './forecast-files';
import type { Headline, OverviewResult } from '../analytics/overview';
import type { LoadReport } from '../ingest/types';

/** A result file: name and UTF-8 text. */
export interface ResultFile {
  name: string;
  content: string;
}

function abc(r: ParetoResult | null, idColumn: string): string {
  const rows: ExportValue[][] = (r?.rows ?? []).map((x) => [
    x.id,
    x.value,
    x.share,
    x.cumShare,
    x.rank,
    x.class,
  ]);
  return toCsv([idColumn, 'value', 'share', 'cum_share', 'rank', 'class'], rows);
}

/**
 * The result files of outputs.md, in a fixed order, from one run of every analysis. Pure: the
 * same inputs always give the same bytes (no timestamps), so the browser export, the CLI and the
 * API agree to the byte.
 */
export function resultFiles(all: AllResults, inputs: LoadReport[]): ResultFile[] {
  const byCategory = all.kpi?.byCategory ?? false;
  const lifecycleRows = all.lifecycle.customers
    .filter((c) => c.stage !== 'potential')
    .sort((a, b) => compareCodePoints(a.customerId, b.customerId))
    .map((c) => [c.customerId, c.stage, c.firstMonth, c.lastMonth, c.cur, c.prev, c.change, c.trailingGp]);
  const kpiRows = (all.kpi?.rows ?? []).map((k) => [
    k.customerId,
    ...(byCategory ? [k.category] : []),
    k.revenue,
    ...k.r,
    ...k.s,
    k.total,
    k.rank,
    k.tier,
    k.forcedC,
    k.missedMonths.join(';'),
  ]);
  const rfmRows = [...all.rfm.rows]
    .sort((a, b) => compareCodePoints(a.customerId, b.customerId))
    .map((r) => [
      r.customerId,
      r.recencyDays,
      r.frequency,
      r.monetary,
      r.rScore,
      r.fScore,
      r.mScore,
      r.segment,
    ]);
  const turnoverRows = (all.turnover?.rows ?? []).map((t) => [
    t.productId,
    t.customerId,
    t.revenue,
    t.grossProfit,
    t.marginRate,
    t.avgInventory,
    t.turnover,
    t.crossRatio,
    t.salesShare,
    t.contribution,
    t.quadrant,
  ]);
  const clv = clvCsv(all.forecast);
  return [
    { name: 'abc_customers.csv', content: abc(all.abcCustomers, 'customer_id') },
    { name: 'abc_products.csv', content: abc(all.abcProducts, 'product_id') },
    {
      name: 'turnover.csv',
      content: toCsv(
        [
          'product_id',
          'customer_id',
          'revenue',
          'gross_profit',
          'margin_rate',
          'avg_inventory',
          'turnover',
          'cross_ratio',
          'sales_share',
          'contribution',
          'quadrant',
        ],
        turnoverRows,
      ),
    },
    {
      name: 'lifecycle.csv',
      content: toCsv(
        ['customer_id', 'stage', 'first_month', 'last_month', 'cur', 'prev', 'change', 'trailing_gp'],
        lifecycleRows,
      ),
    },
    {
      name: 'kpi.csv',
      content: toCsv(
        [
          'customer_id',
          ...(byCategory ? ['category'] : []),
          'revenue',
          'r1',
          'r2',
          'r3',
          'r4',
          's1',
          's2',
          's3',
          's4',
          'total',
          'rank',
          'tier',
          'forced_c',
          'missed_months',
        ],
        kpiRows,
      ),
    },
    {
      name: 'rfm.csv',
      content: toCsv(
        ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment'],
        rfmRows,
      ),
    },
    // Not written without a forecast (too few repeaters, no convergence): summary.json says why.
    ...(clv === null ? [] : [{ name: 'clv.csv', content: clv }]),
    { name: 'summary.json', content: JSON.stringify(summary(all, inputs), null, 2) + '\n' },
  ];
}

/** summary.json `overview`: the headline figures of the period and its comparisons (outputs.md). */
export function overviewBlock(o: OverviewResult): Record<string, unknown> {
  const block = (range: { start: string; end: string }, covered: boolean, h: Headline | null) => ({
    start: range.start,
    end: range.end,
    covered,
    revenue: h?.revenue ?? null,
    gross_profit: h?.grossProfit ?? null,
    customers: h?.customers ?? null,
    orders: h?.orders ?? null,
    revenue_without_customer: h?.revenueWithoutCustomer ?? null,
  });
  return {
    period: block({ start: o.period.start, end: o.period.asOf }, true, o.current),
    previous: block(o.previous, o.previous.covered, o.before),
    year_ago: block(o.lastYear, o.lastYear.covered, o.yearAgo),
  };
}

/** The summary.json object. */
export function summary(all: AllResults, inputs: LoadReport[]): Record<string, unknown> {
  const classes = (r: ParetoResult | null) =>
    Object.fromEntries(
      (r?.classes ?? []).map((c) => [c.class, { count: c.count, value: c.value, value_share: c.valueShare }]),
    );
  return {
    inputs: summaryInputs(inputs),
    parameters: {
      ...all.params,
      period: { start: all.period.start, as_of: all.period.asOf, months: all.period.months },
    },
    overview: overviewBlock(all.overview),
    abc: { customers: classes(all.abcCustomers), products: classes(all.abcProducts) },
    lifecycle: {
      as_of: all.lifecycle.asOf,
      basis: all.lifecycle.basis,
      stages: Object.fromEntries(all.lifecycle.stages.map((s) => [s.stage, s.count])),
    },
    kpi: all.kpi
      ? {
          period: all.kpi.period,
          plan_basis: all.kpi.planBasis,
          weights_applied: all.kpi.appliedWeights,
          dropped: all.kpi.dropped,
          tiers: all.kpi.tierCounts,
        }
      : null,
    rfm: {
      window_start: all.rfm.windowStart,
      frequency_basis: all.rfm.frequencyBasis,
      segments: Object.fromEntries(all.rfm.segments.map((s) => [s.segment, s.count])),
    },
    turnover: all.turnover
      ? {
          stock_basis: all.turnover.stockBasis,
          sales_basis: all.turnover.salesBasis,
          rows: all.turnover.rows.length,
        }
      : null,
    forecast: forecastBlock(all.forecast),
  };
}
