/**
 * The project's result files (runAll + the writer, i.e. what `npm run analyze` and "Export
 * results" write) against an independent plain-TypeScript implementation of analytics.md
 * (test/reference/*.ts), cell by cell: numbers within a relative 1e-9, everything else
 * exactly. Inputs go through the project's own ingest, so both sides read the same
 * canonical tables. Readings of the spec that had to be chosen: test/reference/NOTES.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/analytics/params';
import { runAll } from '../../src/analytics/run-all';
import { NodeEngine } from '../../src/engine/node';
import type { TableKind } from '../../src/ingest/canonical';
import type { LoadReport } from '../../src/ingest/types';
import { resultFiles } from '../../src/results/writer';
import { realDataPath, requireRealData } from '../helpers/real-data';
import { createTable } from '../helpers/tables';
import type { Dataset, RawParams } from './common';
import { compareSummary, compareTable } from './compare';
import { extractDataset, loadLikeCli } from './load';
import { generateCase } from './random-dataset';
import { runReference } from './spec-reference';
import { textString } from '../../src/export/csv';

const DEMO = 'sample-data/demo/';

/** Run both sides on the loaded database and return every disagreement as a readable line. */
async function mismatches(db: NodeEngine, data: Dataset, reports: LoadReport[], raw: RawParams) {
  const all = await runAll(db, resolveParams(raw));
  const ref = runReference(data, raw);
  if (!all || !ref) return all || ref ? [`one side has no result: project ${!!all}, reference ${!!ref}`] : [];
  const files = new Map(resultFiles(all, reports).map((f) => [f.name, textString(f.content)]));
  const out: string[] = [];
  for (const [name, table] of Object.entries(ref.files))
    out.push(...compareTable(name, table, files.get(name)));
  // A file the reference does not write (abc_migration.csv over an uncovered period) must be absent.
  for (const name of ref.notWritten)
    if (files.has(name))
      out.push(`${name}: not written by the reference (not covered), written by the project`);
  out.push(...compareSummary(ref, files.get('summary.json')!));
  return out.slice(0, 40);
}

/** A described group of scenarios over one loaded dataset. */
function datasetSuite(
  title: string,
  files: { kind: TableKind; path: string }[],
  scenarios: Record<string, RawParams>,
  options: { skip?: boolean; timeout?: number } = {},
) {
  describe.skipIf(options.skip ?? false)(title, () => {
    let db: NodeEngine;
    let data: Dataset;
    let reports: LoadReport[];
    beforeAll(async () => {
      db = await NodeEngine.start();
      reports = await loadLikeCli(db, files);
      data = await extractDataset(db);
    }, options.timeout ?? 120_000);
    afterAll(async () => {
      await db?.close();
    });
    for (const [name, raw] of Object.entries(scenarios))
      it(
        `${name}: every result file agrees with the reference`,
        async () => {
          expect(await mismatches(db, data, reports, raw)).toEqual([]);
        },
        options.timeout ?? 120_000,
      );
  });
}

const demoFiles = (kinds: TableKind[]) =>
  kinds.map((kind) => ({ kind, path: `${DEMO}${kind === 'sales' ? 'sales.csv.gz' : `${kind}.csv`}` }));

datasetSuite(
  'demo dataset (sales, plan, inventory, receivables, master)',
  demoFiles(['sales', 'plan', 'inventory', 'receivables', 'customers']),
  {
    defaults: {},
    'as of mid-year': { as_of: '2025-06-15' },
    // Two customers score exactly 15735/283: the KPI tie rule decides (revenue, then id).
    'as of 2024-03-10 (a partial first year)': { as_of: '2024-03-10' },
    'region filter': { filters: { region: ['华南'] } },
    'category and channel filter (plan not by category: R1 dropped)': {
      filters: { category: ['沥青'], channel: ['线上'] },
    },
    'gross profit, custom weights, tier share, missed-months limit': {
      measure: 'gross_profit',
      kpi: { weights: [10, 40, 25, 25], tier_share: 0.25, missed_months_limit: 2 },
    },
    'explicit period, quantity, lifecycle and RFM parameters': {
      period_start: '2024-04-01',
      as_of: '2025-03-31',
      measure: 'quantity',
      abc: { a: 0.7, b: 0.9 },
      lifecycle: {
        window_months: 2,
        lost_months: 4,
        new_months: 6,
        growth_threshold: 0.1,
        decline_threshold: -0.1,
        overdue_days: 30,
      },
      rfm: { window_months: 6 },
    },
  },
);

datasetSuite('demo sales alone (no plan, inventory, receivables or master)', demoFiles(['sales']), {
  defaults: {},
  'as of 2025-08-20, gross profit, rep and customer-type filter': {
    as_of: '2025-08-20',
    measure: 'gross_profit',
    filters: { sales_rep: ['赵磊'], customer_type: ['经销商'] },
  },
});

datasetSuite(
  'real Superstore export (ABC, lifecycle, RFM and the rest)',
  [{ kind: 'sales', path: realDataPath('superstore.csv') }],
  {
    defaults: {},
    'as of 2016-06-30, gross profit': { as_of: '2016-06-30', measure: 'gross_profit' },
    'region West, 24-month RFM window': { filters: { region: ['West'] }, rfm: { window_months: 24 } },
    'the whole span, quantity': { period_start: '2014-01-01', measure: 'quantity' },
  },
  { skip: !requireRealData(['superstore.csv']) },
);

// 540 k rows (135 k without a customer): minutes; run with REF_ONLINE_RETAIL=1.
datasetSuite(
  'real Online Retail export',
  [{ kind: 'sales', path: realDataPath('online_retail.csv.gz') }],
  {
    defaults: {},
    'as of 2011-06-30': { as_of: '2011-06-30' },
    // n = 6 months: the previous period 2011-01-01 … 2011-06-09 is covered; migration written.
    'second half of 2011 (previous period covered)': { period_start: '2011-07-01' },
    // The year-ago range 2010-12-01 … 2010-12-09 starts on the data's first day: covered.
    'December 2011 against a year earlier (starts on the first day of data)': {
      period_start: '2011-12-01',
      migration: { compare: 'year_ago' },
    },
  },
  { skip: !process.env.REF_ONLINE_RETAIL || !requireRealData(['online_retail.csv.gz']), timeout: 600_000 },
);

describe('generated small datasets (ties, returns, gaps, zero stock, every optional table)', () => {
  let db: NodeEngine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  });
  afterAll(async () => {
    await db?.close();
  });
  const seeds = Number(process.env.REF_SEEDS ?? 40);
  it(`seeds 1…${seeds} agree with the reference`, async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const c = generateCase(seed);
      for (const t of ['sales', 'plan', 'inventory', 'receivables', 'customers'] as const) {
        await db.exec(`DROP TABLE IF EXISTS ${t}`);
        if (c.tables[t]) await createTable(db, t, c.tables[t]!);
      }
      const found = await mismatches(db, await extractDataset(db), [], c.params);
      if (found.length) failures.push(`seed ${seed} ${JSON.stringify(c.params)}`, ...found.slice(0, 5));
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
