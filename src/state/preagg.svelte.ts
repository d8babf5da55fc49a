/**
 * Interaction from pre-aggregates (docs/architecture.md, "Pre-aggregates"). After a load, once
 * the dashboards are drawn, the Overview builds small tables of the sales (src/analytics/preagg.ts)
 * for the data and the analysis period in force, as after-load work (counted in
 * `wb.afterLoad.count`, given way to whenever an analysis starts, tried again after). From then on
 * a filter change answers the headline figures and the trend from them, and a change of an ABC
 * threshold reclassifies the kept ranking without any query.
 *
 * A build belongs to one data version: new data, a restarted engine and a review link's
 * recording (which bumps the version) leave it unused, and the next one is built; a change of
 * period builds one for the new period (until it is there, the headline is answered by the
 * scan, since its ranges are not the build's). Each build's tables have their own prefix and are
 * dropped once a newer build is ready and no analysis reads them any more.
 */
import { untrack } from 'svelte';
import { datasetCaps, hasTable, resolvePeriod } from '../analytics/common';
import { runOverview, scanHeadline } from '../analytics/overview';
import type { Params } from '../analytics/params';
import { paretoParams, runParetoFor, type ParetoEntity, type ParetoResult } from '../analytics/pareto';
import { withThresholds } from '../analytics/pareto-thresholds';
import { scanSeries } from '../analytics/performance';
import {
  buildPreaggregates,
  dropPreaggregates,
  headlineFromPreagg,
  preaggSpec,
  PreaggCollision,
  seriesFromPreagg,
  type PreaggBuild,
} from '../analytics/preagg';
import { EngineError } from '../engine/errors';
import type { Engine } from '../engine/types';
import { analysesSettled, inFlight } from './async-result.svelte';
import { useView } from './context';
import { OVERVIEW, wholeDataTrend, type PageAnalysis } from './page-analyses';
import type { Workbench } from './workbench.svelte';

/** One build: its tables (by spec) in `engine`, for data version `version` and the period params `key`. */
interface Build {
  build: PreaggBuild;
  engine: Engine;
  version: number;
  key: string;
  /** Analyses reading its tables now. */
  refs: number;
  /** A newer build replaced it: dropped when `refs` reaches 0. */
  retired: boolean;
}

let ready: Build | null = null;
let builds = 0;

const periodKey = (p: Pick<Params, 'period_start' | 'as_of'>) => `${p.period_start ?? ''}|${p.as_of ?? ''}`;

/** The prefix of the current build's tables, if one is ready (tests and the benchmark read it). */
export function preaggReady(): string | null {
  return ready?.build.spec.prefix ?? null;
}

async function drop(b: Build): Promise<void> {
  try {
    await dropPreaggregates(b.engine, b.build.spec);
  } catch (err) {
    // A closed or restarted engine took the tables with it.
    if (!(err instanceof EngineError)) throw err;
  }
}

/**
 * The ready build, if it belongs to what the page shows now (DuckDB itself, this data version,
 * no review link being recorded), held until `release`.
 */
function acquire(wb: Workbench): Build | null {
  const b = ready;
  if (!b || b.version !== wb.dataVersion || wb.engine !== wb.host.duckdb || wb.recording) return null;
  b.refs++;
  return b;
}

function release(b: Build): void {
  b.refs--;
  if (b.retired && b.refs === 0) void drop(b);
}

/** `f` with the ready build held (or null), released when it is done. */
async function withBuild<T>(wb: Workbench, f: (b: Build | null) => Promise<T>): Promise<T> {
  const b = acquire(wb);
  try {
    return await f(b);
  } finally {
    if (b) release(b);
  }
}

/**
 * Build the tables for `version` and the period of `params` when no analysis runs; given way
 * to (cancelled, then tried again) when one starts. Stops when `cancelled` aborts (the page
 * closed, the period or data changed) or the data version moved on.
 */
async function buildWhenIdle(
  wb: Workbench,
  engine: Engine,
  version: number,
  params: Pick<Params, 'period_start' | 'as_of'>,
  cancelled: AbortSignal,
): Promise<void> {
  wb.afterLoad.count++;
  try {
    for (;;) {
      await analysesSettled();
      if (cancelled.aborted || wb.dataVersion !== version) return;
      const stop = new AbortController();
      const onCancel = () => stop.abort();
      cancelled.addEventListener('abort', onCancel);
      const watch = setInterval(() => inFlight.count > 0 && stop.abort(), 30);
      try {
        // Survey answers alone (no sales table): nothing to pre-aggregate.
        if (!(await hasTable(engine, 'sales'))) return;
        const period = await resolvePeriod(engine, params);
        if (!period) return;
        const caps = await datasetCaps(engine);
        const spec = preaggSpec(`preagg_${++builds}`, period, caps.plan);
        const t0 = performance.now();
        const build = await buildPreaggregates(engine, spec, { signal: stop.signal });
        performance.measure('preagg-build', { start: t0, end: performance.now() });
        const b: Build = { build, engine, version, key: periodKey(params), refs: 0, retired: false };
        if (cancelled.aborted || wb.dataVersion !== version) {
          await drop(b);
          return;
        }
        const old = ready;
        ready = b;
        if (old) {
          old.retired = true;
          if (old.refs === 0) await drop(old);
        }
        return;
      } catch (err) {
        if (err instanceof PreaggCollision) {
          // Never seen: the scan answers every question of this data, and the console says so.
          console.warn(`pre-aggregates not used for this data: ${err.message}`);
          return;
        }
        if (!(err instanceof EngineError && err.kind === 'cancelled')) throw err;
        if (cancelled.aborted) return;
      } finally {
        clearInterval(watch);
        cancelled.removeEventListener('abort', onCancel);
      }
    }
  } catch (err) {
    // The page keeps working from the scan; a failed build is a bug to see, not a user's problem.
    console.error('pre-aggregates could not be built:', err);
  } finally {
    wb.afterLoad.count--;
  }
}

/**
 * Keep a build for the data and the analysis period in force (call during the Overview's
 * setup). Nothing is built for recorded or replayed answers (the opening view, a view link).
 */
export function usePreaggregates(wb: Workbench): void {
  const view = useView();
  $effect(() => {
    const engine = wb.engine;
    const version = wb.dataVersion;
    const params = { period_start: view.params.period_start, as_of: view.params.as_of };
    const loader = wb.host.duckdb;
    if (!engine || !loader || engine !== loader || version === 0) return;
    if (ready && ready.version === version && ready.key === periodKey(params)) return;
    const cancelled = new AbortController();
    untrack(() => void buildWhenIdle(wb, loader, version, params, cancelled.signal));
    return () => cancelled.abort();
  });
}

/** Rankings kept by data version and inputs other than the thresholds: the last few asked. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const rankings = new Map<string, ParetoResult>();
const MAX_RANKINGS = 8;

/**
 * The Pareto ranking kept apart from the thresholds: the last rankings computed (per data
 * version, period, filters, measure and entity) are kept, and a change of a threshold
 * classifies the kept one again (pareto-thresholds.ts) instead of running the SQL. The SQL is the
 * page's usual one, so the recorded opening view and the bare baseline answer it as before.
 */
async function rankedPareto(
  wb: Workbench,
  e: Engine,
  params: Params,
  entity: ParetoEntity,
): Promise<ParetoResult | null> {
  const version = wb.dataVersion;
  const period = await resolvePeriod(e, params);
  if (!period) return null;
  const p = paretoParams(params, period, entity);
  const { abc, ...ranking } = p;
  const key = `${version}|${JSON.stringify(ranking)}`;
  const kept = rankings.get(key);
  // A threshold the SQL would read as another double: its classes come from the SQL.
  const answer = (kept && withThresholds(kept, abc)) ?? (await runParetoFor(e, p));
  rankings.delete(key);
  rankings.set(key, kept ?? answer);
  // Another data version's rankings are of no use any more; then the oldest go first.
  for (const k of rankings.keys()) if (!k.startsWith(`${version}|`)) rankings.delete(k);
  for (const k of rankings.keys()) {
    if (rankings.size <= MAX_RANKINGS) break;
    rankings.delete(k);
  }
  return answer;
}

/** The Pareto analysis' run for a page: the kept ranking under the thresholds asked (the Pareto page's too). */
export function rankedParetoRun(
  wb: Workbench,
): (e: Engine, p: Params, entity: ParetoEntity) => Promise<ParetoResult | null> {
  return (e, p, entity) => rankedPareto(wb, e, p, entity);
}

type Overview = typeof OVERVIEW;

/** A page analysis with another `run` (same cache name and deps: results are shared with the scan's). */
function rerun<T, D>(a: PageAnalysis<T, D>, run: PageAnalysis<T, D>['run']): PageAnalysis<T, D> {
  return { name: a.name, deps: a.deps, run, call: (e, p) => run(e, p, a.deps) };
}

/**
 * The Overview's analyses for the page: the headline figures and the trend from the ready
 * build when there is one (each query it cannot answer exactly goes to the scan), the Pareto
 * ranking kept apart from the thresholds; the others as they are.
 */
export function interactiveOverview(wb: Workbench): Overview {
  return {
    ...OVERVIEW,
    overview: rerun(OVERVIEW.overview, (e, p) =>
      withBuild(wb, (b) =>
        runOverview(e, p, async (db, ranges, q) =>
          b
            ? ((await headlineFromPreagg(db, b.build, ranges, q)) ?? scanHeadline(db, ranges, q))
            : scanHeadline(db, ranges, q),
        ),
      ),
    ),
    series: rerun(OVERVIEW.series, (e, p) =>
      withBuild(wb, (b) =>
        wholeDataTrend(e, p, async (db, o) =>
          b && o.grain === 'month'
            ? ((await seriesFromPreagg(db, b.build, o)) ?? scanSeries(db, o))
            : scanSeries(db, o),
        ),
      ),
    ),
    pareto: rerun(OVERVIEW.pareto, rankedParetoRun(wb)),
  };
}
