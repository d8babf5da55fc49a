/** The CSV result files of outputs.md, one writer per analysis result (pure: same input, same bytes). */
import { compareCodePoints } from '../analytics/common';
import type { KpiResult } from '../analytics/kpi';
import type { LifecycleResult } from '../analytics/lifecycle';
import type { ParetoResult } from '../analytics/pareto';
import type { RfmResult } from '../analytics/rfm';
import type { TurnoverResult } from '../analytics/turnover';
import { csvText, type ExportValue, type Text } from '../export/csv';

/** abc_customers.csv / abc_products.csv. */
export function abcCsv(r: ParetoResult | null, idColumn: string): Text {
  const rows: ExportValue[][] = (r?.rows ?? []).map((x) => [
    x.id,
    x.value,
    x.share,
    x.cumShare,
    x.rank,
    x.class,
  ]);
  return csvText([idColumn, 'value', 'share', 'cum_share', 'rank', 'class'], rows);
}

/** turnover.csv (empty table without inventory). */
export function turnoverCsv(t: TurnoverResult | null): Text {
  const rows = (t?.rows ?? []).map((x) => [
    x.productId,
    x.customerId,
    x.revenue,
    x.grossProfit,
    x.marginRate,
    x.avgInventory,
    x.turnover,
    x.crossRatio,
    x.salesShare,
    x.contribution,
    x.quadrant,
  ]);
  return csvText(
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
    rows,
  );
}

/** lifecycle.csv: customers with a sales row up to T (not the master's prospects), by id. */
export function lifecycleCsv(l: LifecycleResult): Text {
  const rows = l.customers
    .filter((c) => c.stage !== 'potential')
    .sort((a, b) => compareCodePoints(a.customerId, b.customerId))
    .map((c) => [c.customerId, c.stage, c.firstMonth, c.lastMonth, c.cur, c.prev, c.change, c.trailingGp]);
  return csvText(
    ['customer_id', 'stage', 'first_month', 'last_month', 'cur', 'prev', 'change', 'trailing_gp'],
    rows,
  );
}

/** kpi.csv (a `category` column when scored per customer × category). */
export function kpiCsv(k: KpiResult | null): Text {
  const byCategory = k?.byCategory ?? false;
  const rows = (k?.rows ?? []).map((x) => [
    x.customerId,
    ...(byCategory ? [x.category] : []),
    x.revenue,
    ...x.r,
    ...x.s,
    x.total,
    x.rank,
    x.tier,
    x.forcedC,
    x.missedMonths.join(';'),
  ]);
  return csvText(
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
    rows,
  );
}

/** rfm.csv, by customer id. */
export function rfmCsv(r: RfmResult): Text {
  const rows = [...r.rows]
    .sort((a, b) => compareCodePoints(a.customerId, b.customerId))
    .map((x) => [
      x.customerId,
      x.recencyDays,
      x.frequency,
      x.monetary,
      x.rScore,
      x.fScore,
      x.mScore,
      x.segment,
    ]);
  return csvText(
    ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment'],
    rows,
  );
}
