/**
 * Every analysis, declared once: its id (the cache name), the parameters it reads, its page, how
 * it runs for the result files, the files it writes (outputs.md) and its summary.json block.
 * `run-all`, the result writer, the CLI's file list and `--help`, Export results, the parameter
 * uses of the result cache and the page check all read this list; `registry.test.ts` fails when
 * an analysis lacks a piece (no page, a file of outputs.md nobody writes, a parameter read but
 * not declared).
 */
import type { Engine } from '../engine/types';
import type { Text } from '../export/csv';
import { clvCsv, forecastBlock } from '../results/forecast-files';
import { keyAccountFactorsCsv, keyAccountsBlock, keyAccountsCsv } from '../results/key-account-files';
import { migrationCsv } from '../results/migration-files';
import { overviewBlock } from '../results/overview-block';
import {
  satisfactionBlock,
  satisfactionCsv,
  satisfactionDimensionsCsv,
  satisfactionItemsCsv,
  satisfactionMissing,
} from '../results/satisfaction-files';
import { abcCsv, kpiCsv, lifecycleCsv, rfmCsv, turnoverCsv } from '../results/tables';
import type { PageId } from '../state/url-state';
import { runMigrationFor } from './abc-migration';
import type { Caps, Period } from './common';
import { runForecastFor } from './forecast/forecast';
import { runKeyAccountsFor } from './key-accounts';
import { runKpiFor } from './kpi';
import { runLifecycleFor } from './lifecycle';
import { runOverview } from './overview';
import type { Params } from './params';
import { paretoParams, runParetoFor, type ParetoResult } from './pareto';
import { runRfmFor } from './rfm';
import { runSatisfactionIfSurvey } from './satisfaction';
import { runTurnoverFor } from './turnover';

/** A top-level parameter key. */
export type ParamKey = keyof Params;

/** What every analysis of the result files gets: the parameters, the resolved period and the data's capabilities. */
export interface RunContext {
  params: Params;
  period: Period;
  caps: Caps;
}

/** A result file of outputs.md: its name and its text, or null when it is not written (summary.json says why). */
export interface FileSpec<R> {
  name: string;
  write: (result: R) => Text | null;
  /** Why the file is not written (a machine key for summary.json `not_written`). */
  missing?: (result: R) => string;
}

/** One analysis. */
export interface AnalysisSpec<Id extends string, R> {
  /** Cache name and result key. */
  id: Id;
  /** Top-level parameters the result depends on (the cache keys it by these only). */
  params: readonly ParamKey[];
  /** The page that shows it. */
  page: PageId;
  /** Run for the result files (null: the analysis has no result file and runs only on its page). */
  run: ((db: Engine, ctx: RunContext) => Promise<R>) | null;
  /** Files it writes, in order. */
  files: readonly FileSpec<R>[];
  /** Its summary.json block (key = id). */
  summary?: (result: R) => unknown;
}

/** Declare an analysis (keeps the literal id and the result type). */
function define<Id extends string, R>(spec: AnalysisSpec<Id, R>): AnalysisSpec<Id, R> {
  return spec;
}

/** Parameters every analysis over the period reads. */
const PERIOD = ['period_start', 'as_of', 'filters'] as const satisfies readonly ParamKey[];

const classes = (r: ParetoResult | null) =>
  Object.fromEntries(
    (r?.classes ?? []).map((c) => [c.class, { count: c.count, value: c.value, value_share: c.valueShare }]),
  );

/**
 * The analyses, in the order of summary.json's blocks and of the result files. Analyses with
 * `run: null` have a page but no result file (outputs.md lists none for them).
 */
export const ANALYSES = [
  define({
    id: 'overview',
    params: PERIOD,
    page: 'overview',
    run: async (db, { params }) => (await runOverview(db, params))!,
    files: [],
    summary: overviewBlock,
  }),
  define({
    id: 'abc',
    params: [...PERIOD, 'measure', 'abc'],
    page: 'pareto',
    run: async (db, { params, period, caps }) => ({
      customers: await runParetoFor(db, paretoParams(params, period, 'customer'), true),
      products: caps.product ? await runParetoFor(db, paretoParams(params, period, 'product')) : null,
    }),
    files: [
      { name: 'abc_customers.csv', write: (r) => abcCsv(r.customers, 'customer_id') },
      { name: 'abc_products.csv', write: (r) => abcCsv(r.products, 'product_id') },
    ],
    summary: (r) => ({ customers: classes(r.customers), products: classes(r.products) }),
  }),
  define({
    id: 'lifecycle',
    params: [...PERIOD, 'lifecycle'],
    page: 'lifecycle',
    run: (db, { params, period, caps }) => runLifecycleFor(db, params, period, caps),
    files: [{ name: 'lifecycle.csv', write: lifecycleCsv }],
    summary: (l) => ({
      as_of: l.asOf,
      basis: l.basis,
      stages: Object.fromEntries(l.stages.map((s) => [s.stage, s.count])),
    }),
  }),
  define({
    id: 'kpi',
    params: [...PERIOD, 'kpi'],
    page: 'kpi',
    // Without the comparison period: tier migration is a page feature, not a result file.
    run: (db, { params, period, caps }) => runKpiFor(db, params, period, caps, { compare: false }),
    files: [{ name: 'kpi.csv', write: kpiCsv }],
    summary: (k) =>
      k
        ? {
            period: k.period,
            plan_basis: k.planBasis,
            weights_applied: k.appliedWeights,
            dropped: k.dropped,
            tiers: k.tierCounts,
          }
        : null,
  }),
  define({
    id: 'rfm',
    params: [...PERIOD, 'rfm'],
    page: 'rfm',
    run: (db, { params, period, caps }) => runRfmFor(db, params, period.asOf, caps),
    files: [{ name: 'rfm.csv', write: rfmCsv }],
    summary: (r) => ({
      window_start: r.windowStart,
      frequency_basis: r.frequencyBasis,
      segments: Object.fromEntries(r.segments.map((s) => [s.segment, s.count])),
    }),
  }),
  define({
    id: 'turnover',
    params: [...PERIOD, 'turnover'],
    page: 'turnover',
    run: (db, { params, period, caps }) => runTurnoverFor(db, params, period, caps),
    files: [{ name: 'turnover.csv', write: turnoverCsv }],
    summary: (t) =>
      t ? { stock_basis: t.stockBasis, sales_basis: t.salesBasis, rows: t.rows.length } : null,
  }),
  define({
    id: 'forecast',
    // Whole history up to T: the period's start does not matter.
    params: ['as_of', 'filters', 'forecast'],
    page: 'forecast',
    run: (db, { params, period }) => runForecastFor(db, params, period.asOf),
    // Not written without a forecast (too few repeaters, no convergence): summary.json says why.
    files: [{ name: 'clv.csv', write: clvCsv, missing: (f) => f.reason ?? 'no_forecast' }],
    summary: forecastBlock,
  }),
  define({
    id: 'migration',
    params: [...PERIOD, 'measure', 'abc', 'migration'],
    page: 'pareto',
    run: (db, { params, period }) => runMigrationFor(db, params, period),
    // Not written when the data does not cover the earlier period: summary.json says so.
    files: [{ name: 'abc_migration.csv', write: migrationCsv, missing: () => 'earlier_period_not_covered' }],
    summary: (m) => ({
      compare: m.compare,
      moved: m.compare.covered ? m.moved : null,
      matrix: m.compare.covered ? m.matrix : null,
    }),
  }),
  define({
    id: 'key_accounts',
    // Stage reads the lifecycle rules; p_alive / expected_value the forecast's horizon.
    params: [...PERIOD, 'lifecycle', 'forecast', 'key_accounts'],
    page: 'key_accounts',
    run: (db, { params, period, caps }) => runKeyAccountsFor(db, params, period, caps),
    files: [
      { name: 'key_accounts.csv', write: keyAccountsCsv },
      { name: 'key_account_factors.csv', write: keyAccountFactorsCsv },
    ],
    summary: keyAccountsBlock,
  }),
  define({
    id: 'satisfaction',
    // The period matters for the revenue weights only; surveys dated after T are ignored.
    params: [...PERIOD, 'satisfaction'],
    page: 'satisfaction',
    run: (db, { params, period }) => runSatisfactionIfSurvey(db, params, period),
    // Not written without a survey (or without an answered response up to T): summary.json says so.
    files: [
      { name: 'satisfaction.csv', write: satisfactionCsv, missing: satisfactionMissing },
      { name: 'satisfaction_dimensions.csv', write: satisfactionDimensionsCsv, missing: satisfactionMissing },
      { name: 'satisfaction_items.csv', write: satisfactionItemsCsv, missing: satisfactionMissing },
    ],
    summary: satisfactionBlock,
  }),
  // Analyses of a page only (outputs.md lists no file for them). Pareto is the page's ranking of
  // one entity (customer, product, region…), `abc` the result files' customers and products.
  define({ id: 'pareto', params: [...PERIOD, 'measure', 'abc'], page: 'pareto', run: null, files: [] }),
  define({ id: 'performance', params: PERIOD, page: 'customers', run: null, files: [] }),
  define({ id: 'targets', params: PERIOD, page: 'targets', run: null, files: [] }),
  // The key-account page's factor values: without the standard, so changing it re-runs no SQL.
  define({
    id: 'key_account_values',
    params: [...PERIOD, 'lifecycle', 'forecast'],
    page: 'key_accounts',
    run: null,
    files: [],
  }),
  define({
    id: 'receivables',
    params: [...PERIOD, 'receivables'],
    page: 'receivables',
    run: null,
    files: [],
  }),
] as const;

/** One analysis id. */
export type AnalysisId = (typeof ANALYSES)[number]['id'];

type Entry = (typeof ANALYSES)[number];
type ResultOf<A> = A extends AnalysisSpec<string, infer R> ? R : never;

/** The results of every analysis that has a `run`, by id. */
export type Results = {
  [A in Entry as A['run'] extends null ? never : A['id']]: ResultOf<A>;
};

/** The analysis with this id. */
export function analysisById(id: string): (typeof ANALYSES)[number] | undefined {
  return ANALYSES.find((a) => a.id === id);
}

/** Every result file name, in the order written (summary.json last). */
export const RESULT_FILES: readonly string[] = [
  ...ANALYSES.flatMap((a) => a.files.map((f) => f.name)),
  'summary.json',
];
