import { addMonths, resolvePeriod } from '../analytics/common';
import { runKpi } from '../analytics/kpi';
import { runLifecycle } from '../analytics/lifecycle';
import { runOverview } from '../analytics/overview';
import type { Params } from '../analytics/params';
import { runPareto } from '../analytics/pareto';
import { runPerformance, type SeriesRows } from '../analytics/performance';
import { runReceivables } from '../analytics/receivables';
import { runRfm } from '../analytics/rfm';
import { runTargets } from '../analytics/targets';
import { runTurnover } from '../analytics/turnover';
import type { Engine } from '../engine/types';

/**
 * One analysis a page shows: the cache name, the page's options (part of the cache key) and the
 * call. Pages and the benchmark's bare baseline share these, so the baseline runs exactly the
 * SQL the visible dashboards run.
 */
export interface PageAnalysis<T, D> {
  name: string;
  deps: D;
  run: (engine: Engine, params: Params, deps: D) => Promise<T>;
  /** `run` with this analysis' own deps. */
  call: (engine: Engine, params: Params) => Promise<T>;
}

/**
 * The Overview's monthly trend over every month of the data (filtered), not only the period's:
 * the chart marks the period, and a brush can then widen it as well as narrow it. It is keyed
 * like the other period analyses, so a period change runs it again (as when it showed the period
 * only) while a threshold change does not. `seriesRows`: the page's interaction reads pre-aggregates
 * (preagg.svelte.ts).
 */
export async function wholeDataTrend(e: Engine, p: Params, seriesRows?: SeriesRows) {
  const data = await resolvePeriod(e, { period_start: null, as_of: null });
  const whole = data ? { ...p, period_start: addMonths(data.dataStart, 0), as_of: data.dataEnd } : p;
  return runPerformance(e, whole, { entity: 'customer', grain: 'month', rows: false, seriesRows });
}

function analysis<T, D>(name: string, deps: D, run: PageAnalysis<T, D>['run']): PageAnalysis<T, D> {
  return { name, deps, run, call: (e, p) => run(e, p, deps) };
}

/** What the Overview page runs: headline figures, the monthly trend and the small chart of each analysis. */
export const OVERVIEW = {
  overview: analysis('overview', null, (e, p) => runOverview(e, p)),
  // The trend only (no per-customer table) over the whole data, and lifecycle without its
  // month-by-month history.
  series: analysis('performance', 'series-whole', (e, p) => wholeDataTrend(e, p)),
  pareto: analysis('pareto', 'customer' as const, (e, p, entity) => runPareto(e, p, entity)),
  lifecycle: analysis('lifecycle', 'summary', (e, p) => runLifecycle(e, p, { history: false })),
  kpi: analysis('kpi', null, (e, p) => runKpi(e, p)),
  rfm: analysis('rfm', null, (e, p) => runRfm(e, p)),
  receivables: analysis('receivables', null, (e, p) => runReceivables(e, p)),
  turnover: analysis('turnover', null, (e, p) => runTurnover(e, p)),
  targets: analysis('targets', 'total' as const, (e, p, d) => runTargets(e, p, d)),
};

/**
 * The Overview analyses drawn at the top of the page (headline figures, trend): on screen at
 * 1280 × 900 they run first; the others are `lazy` (OverviewPage) and the benchmark times a
 * filter change until these are drawn.
 */
export const OVERVIEW_ON_SCREEN: readonly (keyof typeof OVERVIEW)[] = ['overview', 'series'];

/** Run every analysis of a page once (the benchmark's baseline; the CLI runs runAll instead). */
export async function runPage(
  engine: Engine,
  params: Params,
  page: Record<string, { call: (engine: Engine, params: Params) => Promise<unknown> }>,
): Promise<void> {
  for (const a of Object.values(page)) await a.call(engine, params);
}
