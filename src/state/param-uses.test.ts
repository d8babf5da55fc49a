import { describe, expect, it } from 'vitest';
import { runMigration } from '../analytics/abc-migration';
import { runForecast } from '../analytics/forecast/forecast';
import { runKeyAccountInputs, runKeyAccounts } from '../analytics/key-accounts';
import { runKpi } from '../analytics/kpi';
import { runLifecycle } from '../analytics/lifecycle';
import { runOverview } from '../analytics/overview';
import { defaultParams, type Params } from '../analytics/params';
import { runPareto } from '../analytics/pareto';
import { runPerformance } from '../analytics/performance';
import { runReceivables } from '../analytics/receivables';
import { runRfm } from '../analytics/rfm';
import { runSatisfaction } from '../analytics/satisfaction';
import { runTargets } from '../analytics/targets';
import { runTurnover } from '../analytics/turnover';
import type { Engine } from '../engine/types';
import { demoEngine } from '../../test/helpers/demo';
import { PARAM_USES, paramsFor, type ParamKey } from './param-uses';
import { runCustomerNames, runProductNames } from '../analytics/names';

const engine = demoEngine();

/** Every analysis PARAM_USES names, in each variant a page runs. */
const RUNS: Record<string, (e: Engine, p: Params) => Promise<unknown>> = {
  overview: (e, p) => runOverview(e, p),
  performance: async (e, p) => [
    await runPerformance(e, p, { entity: 'customer', grain: 'month' }),
    await runPerformance(e, p, { entity: 'product', grain: 'quarter' }),
  ],
  pareto: async (e, p) => [await runPareto(e, p, 'customer'), await runPareto(e, p, 'product')],
  lifecycle: (e, p) => runLifecycle(e, p),
  kpi: (e, p) => runKpi(e, p),
  rfm: (e, p) => runRfm(e, p),
  receivables: (e, p) => runReceivables(e, p),
  turnover: (e, p) => runTurnover(e, p),
  targets: async (e, p) => [await runTargets(e, p, 'total'), await runTargets(e, p, 'customer')],
  forecast: (e, p) => runForecast(e, p),
  abc: async (e, p) => [await runPareto(e, p, 'customer'), await runPareto(e, p, 'product')],
  migration: (e, p) => runMigration(e, p),
  satisfaction: (e, p) => runSatisfaction(e, p),
  key_accounts: (e, p) => runKeyAccounts(e, p),
  // The page's factor values, with the forecast factors (what a standard using them runs).
  key_account_values: (e, p) => runKeyAccountInputs(e, p, { forecast: true }),
  // The names beside customer ids on the pages' tables.
  customer_names: async (e) => [...(await runCustomerNames(e))],
  product_names: async (e) => [...(await runProductNames(e))],
};

/** A non-default value for every top-level parameter (each one that matters changes some result). */
const ALTERED: Params = {
  ...defaultParams(),
  period_start: '2025-03-01',
  as_of: '2025-10-31',
  measure: 'gross_profit',
  filters: { ...defaultParams().filters, region: ['华东'] },
  abc: { a: 0.6, b: 0.9 },
  turnover: { basis: 'revenue' },
  lifecycle: { ...defaultParams().lifecycle, window_months: 6, lost_months: 4, growth_threshold: 0.1 },
  kpi: { ...defaultParams().kpi, weights: [40, 20, 20, 20], tier_share: 0.3 },
  rfm: { window_months: 6 },
  receivables: { warning_share: 0.05, base: 1_000_000 },
  forecast: { horizon_weeks: 26, holdout_weeks: 0 },
  migration: { compare: 'year_ago' },
  satisfaction: { weight_by_revenue: true, at_risk_index: 70, at_risk_drop: 5 },
  key_accounts: {
    ...defaultParams().key_accounts,
    factors: [
      ['revenue', 50],
      ['p_alive', 50],
    ],
    mode: 'threshold',
  },
};
const KEYS = Object.keys(ALTERED) as ParamKey[];
const json = (v: unknown) => JSON.stringify(v);

describe('PARAM_USES', () => {
  it('covers every analysis it names', () => {
    expect(Object.keys(RUNS).sort()).toEqual(Object.keys(PARAM_USES).sort());
  });

  for (const [name, uses] of Object.entries(PARAM_USES)) {
    it(`${name}: changing a parameter it does not list leaves the result unchanged`, async () => {
      const base = json(await RUNS[name](engine(), defaultParams()));
      for (const key of KEYS.filter((k) => !uses.includes(k))) {
        const p = { ...defaultParams(), [key]: ALTERED[key] } as Params;
        expect(json(await RUNS[name](engine(), p)), `${name} changed with ${key}`).toBe(base);
      }
    }, 120_000);
  }

  it('every listed parameter changes the result of some analysis that lists it (the test can fail)', async () => {
    for (const key of KEYS.filter((k) => Object.values(PARAM_USES).some((u) => u.includes(k)))) {
      let changed = false;
      for (const [name, uses] of Object.entries(PARAM_USES)) {
        if (!uses.includes(key) || changed) continue;
        const p = { ...defaultParams(), [key]: ALTERED[key] } as Params;
        changed = json(await RUNS[name](engine(), p)) !== json(await RUNS[name](engine(), defaultParams()));
      }
      expect(changed, `no analysis reacts to ${key}`).toBe(true);
    }
  }, 240_000);

  it('keys an analysis by its own parameters only', () => {
    const p = { ...defaultParams(), abc: { a: 0.5, b: 0.9 } };
    expect(paramsFor('kpi', p)).toEqual(paramsFor('kpi', defaultParams()));
    expect(paramsFor('pareto', p)).not.toEqual(paramsFor('pareto', defaultParams()));
    expect(paramsFor('decomposition', p)).toBe(p);
  });
});
