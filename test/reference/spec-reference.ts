/**
 * Reference implementation of analytics.md §1 (overview figures and comparison ranges), §2,
 * §4–§7 and §13 in plain TypeScript (no SQL), producing
 * the result tables of outputs.md as header + cell strings. It exists to check the project's
 * DuckDB SQL: two honest implementations of the spec must give the same numbers. The readings
 * it had to choose are listed in test/reference/NOTES.md.
 */
import { referenceAbc, type AbcRow } from './abc';
import type { Dataset, RawParams } from './common';
import { referenceKpi } from './kpi';
import { referenceLifecycle } from './lifecycle';
import { referenceMigration, type MigrationResult } from './migration';
import { referenceOverview, type OverviewBlock } from './overview';
import { resolvePeriod } from './period';
import { referenceRfm } from './rfm';
import { referenceTurnover } from './turnover';

/** A result table: header row and data rows of typed cells. */
export interface RefTable {
  header: string[];
  rows: (string | number | boolean | null)[][];
}

/** Per-class summary of §2 step 5 (as summary.json carries it). */
export type ClassSummary = Record<string, { count: number; value: number; value_share: number | null }>;

/**
 * Every result file of outputs.md this reference covers except summary.json (a file that is
 * not written is absent), plus the figures summary.json carries.
 */
export interface RefResults {
  period: { start: string; asOf: string };
  files: Record<string, RefTable>;
  /** Files the reference says are not written (abc_migration.csv when not covered). */
  notWritten: string[];
  overview: OverviewBlock;
  migration: MigrationResult;
  classes: { customers: ClassSummary; products: ClassSummary };
  stageCounts: Record<string, number>;
  tierCounts: Record<string, number>;
  appliedWeights: number[];
  segmentCounts: Record<string, number>;
}

/** Class summary: count, Σ v, Σ share (the class's value share; null when P = 0). */
function classSummary(rows: AbcRow[]): ClassSummary {
  const out: ClassSummary = {};
  for (const r of rows) {
    const c = (out[r.class] ??= { count: 0, value: 0, value_share: 0 });
    c.count++;
    c.value += r.value;
    c.value_share = r.share === null || c.value_share === null ? null : c.value_share + r.share;
  }
  return out;
}

const abcTable = (idName: string, rows: AbcRow[]): RefTable => ({
  header: [idName, 'value', 'share', 'cum_share', 'rank', 'class'],
  rows: rows.map((r) => [r.id, r.value, r.share, r.cum_share, r.rank, r.class]),
});

const countBy = <T>(xs: T[], key: (x: T) => string) =>
  xs.reduce<Record<string, number>>((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {});

/** Run the reference over plain canonical rows. Null when the filtered sales are empty. */
export function runReference(data: Dataset, params: RawParams): RefResults | null {
  const period = resolvePeriod(data, params);
  if (!period) return null;
  const abcC = referenceAbc(period.inPeriod, (r) => r.customer_id, params);
  const abcP = referenceAbc(period.inPeriod, (r) => r.product_id, params);
  const turnover = referenceTurnover(period, data, params);
  const lifecycle = referenceLifecycle(data.sales, period.sales, data.receivables, period.asOf, params);
  const kpi = referenceKpi(period, data, params);
  const rfm = referenceRfm(period.sales, period.asOf, params);
  const migration = referenceMigration(period, abcC, params);
  const migrationFile: Record<string, RefTable> = migration.rows
    ? {
        'abc_migration.csv': {
          header: ['customer_id', 'class_before', 'class_now', 'value_before', 'value_now'],
          rows: migration.rows.map((r) => [
            r.customer_id,
            r.class_before,
            r.class_now,
            r.value_before,
            r.value_now,
          ]),
        },
      }
    : {};
  return {
    period: { start: period.start, asOf: period.asOf },
    notWritten: migration.rows ? [] : ['abc_migration.csv'],
    overview: referenceOverview(period, data),
    migration,
    classes: { customers: classSummary(abcC), products: classSummary(abcP) },
    stageCounts: countBy(lifecycle, (r) => r.stage),
    tierCounts: countBy(kpi.rows, (r) => r.tier),
    appliedWeights: kpi.appliedWeights,
    segmentCounts: countBy(rfm, (r) => r.segment),
    files: {
      'abc_customers.csv': abcTable('customer_id', abcC),
      'abc_products.csv': abcTable('product_id', abcP),
      'turnover.csv': {
        header: [
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
        rows: turnover.map((r) => [
          r.product_id,
          r.customer_id,
          r.revenue,
          r.gross_profit,
          r.margin_rate,
          r.avg_inventory,
          r.turnover,
          r.cross_ratio,
          r.sales_share,
          r.contribution,
          r.quadrant,
        ]),
      },
      'lifecycle.csv': {
        header: ['customer_id', 'stage', 'first_month', 'last_month', 'cur', 'prev', 'change', 'trailing_gp'],
        rows: lifecycle.map((r) => [
          r.customer_id,
          r.stage,
          r.first_month,
          r.last_month,
          r.cur,
          r.prev,
          r.change,
          r.trailing_gp,
        ]),
      },
      'kpi.csv': {
        header: [
          'customer_id',
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
        rows: kpi.rows.map((r) => [
          r.customer_id,
          r.revenue,
          ...r.r,
          ...r.s,
          r.total,
          r.rank,
          r.tier,
          r.forced_c,
          r.missed_months.length ? r.missed_months.join(';') : null,
        ]),
      },
      'rfm.csv': {
        header: [
          'customer_id',
          'recency_days',
          'frequency',
          'monetary',
          'r_score',
          'f_score',
          'm_score',
          'segment',
        ],
        rows: rfm.map((r) => [
          r.customer_id,
          r.recency_days,
          r.frequency,
          r.monetary,
          r.r_score,
          r.f_score,
          r.m_score,
          r.segment,
        ]),
      },
      ...migrationFile,
    },
  };
}
