import type { Engine } from '../engine/types';
import { datasetCaps, resolvePeriod, type Caps, type Period } from './common';
import { runForecastFor, type ForecastResult } from './forecast/forecast';
import { runKpiFor, type KpiResult } from './kpi';
import { runLifecycleFor, type LifecycleResult } from './lifecycle';
import { runOverview, type OverviewResult } from './overview';
import type { Params } from './params';
import { paretoParams, runParetoFor, type ParetoResult } from './pareto';
import { runRfmFor, type RfmResult } from './rfm';
import { runTurnoverFor, type TurnoverResult } from './turnover';

/** Everything the result files need, computed once (the browser export and the CLI both call this). */
export interface AllResults {
  params: Params;
  period: Period;
  caps: Caps;
  /** The headline figures (summary.json `overview`), the same the Overview cards show. */
  overview: OverviewResult;
  abcCustomers: ParetoResult;
  abcProducts: ParetoResult | null;
  turnover: TurnoverResult | null;
  lifecycle: LifecycleResult;
  /** KPI tiers (without the comparison period: migration is a page feature, not a result file). */
  kpi: KpiResult | null;
  rfm: RfmResult;
  /** Value forecast (clv.csv, summary.json `forecast`). */
  forecast: ForecastResult;
}

/** Run every analysis of the result files. Null without sales data. */
export async function runAll(
  db: Engine,
  params: Params,
  onProgress?: (step: string) => void,
): Promise<AllResults | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const caps = await datasetCaps(db);
  const step = (s: string) => onProgress?.(s);
  step('overview');
  const overview = (await runOverview(db, params))!;
  step('abc');
  const abcCustomers = await runParetoFor(db, paretoParams(params, period, 'customer'));
  const abcProducts = caps.product ? await runParetoFor(db, paretoParams(params, period, 'product')) : null;
  step('turnover');
  const turnover = await runTurnoverFor(db, params, period, caps);
  step('lifecycle');
  const lifecycle = await runLifecycleFor(db, params, period, caps);
  step('kpi');
  const kpi = await runKpiFor(db, params, period, caps, { compare: false });
  step('rfm');
  const rfm = await runRfmFor(db, params, period.asOf, caps);
  step('forecast');
  const forecast = await runForecastFor(db, params, period.asOf);
  return {
    params,
    period,
    caps,
    overview,
    abcCustomers,
    abcProducts,
    turnover,
    lifecycle,
    kpi,
    rfm,
    forecast,
  };
}
