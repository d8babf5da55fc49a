import { SharingEngine } from '../engine/sharing';
import type { Engine } from '../engine/types';
import { datasetCaps, resolvePeriod, type Caps, type Period } from './common';
import type { Params } from './params';
import { ANALYSES, type Results } from './registry';

/** What every analysis of a run shares: the parameters, the resolved period and the data's capabilities. */
export interface RunInfo {
  params: Params;
  period: Period;
  caps: Caps;
}

/** Everything the result files need, computed once (the browser export and the tests call this). */
export interface AllResults extends RunInfo {
  /** Each analysis of the registry that writes result files, by id. */
  results: Results;
}

/**
 * Run every analysis of the result files in the registry's order, handing each result to `each`
 * as soon as it is computed and keeping none of them (the CLI writes an analysis' files and lets
 * its result go before the next one runs: the JS heap then holds one result at a time). Null
 * without sales data (`each` is then never called).
 *
 * `ahead`: analyses started before the others, whose results are still handed over in the
 * registry's order. The CLI starts the forecast first: its SQL runs, then its fit goes to a worker
 * thread while DuckDB runs the next analyses' SQL. Each analysis reads the tables only, so the
 * order in which their statements run does not change any result.
 */
export async function runEach(
  db: Engine,
  params: Params,
  each: (id: keyof Results, result: unknown) => void | Promise<void>,
  onProgress?: (step: string) => void,
  options: { ahead?: readonly string[] } = {},
): Promise<RunInfo | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const caps = await datasetCaps(db);
  const ctx = { params, period, caps };
  // Answers several analyses contain are computed once in the run (engine/sharing.ts).
  const shared = new SharingEngine(db);
  const run = (a: (typeof ANALYSES)[number]) =>
    (a.run as (db: Engine, c: RunInfo) => Promise<unknown>)(shared, ctx);
  const started = new Map<string, Promise<unknown>>();
  try {
    for (const a of ANALYSES)
      if (a.run && options.ahead?.includes(a.id)) {
        const p = run(a);
        // Awaited in its turn below; until then a failure must not count as unhandled.
        p.catch(() => undefined);
        started.set(a.id, p);
      }
    for (const a of ANALYSES) {
      if (!a.run) continue;
      onProgress?.(a.id);
      await each(a.id, await (started.get(a.id) ?? run(a)));
      started.delete(a.id);
    }
  } finally {
    // An analysis started ahead may still be running after a failure: let it end first.
    await Promise.allSettled(started.values());
    await shared.dispose();
  }
  return ctx;
}

/** Run every analysis of the result files (the registry's order) and keep the results. Null without sales data. */
export async function runAll(
  db: Engine,
  params: Params,
  onProgress?: (step: string) => void,
): Promise<AllResults | null> {
  const results: Record<string, unknown> = {};
  const info = await runEach(db, params, (id, result) => void (results[id] = result), onProgress);
  return info && { ...info, results: results as Results };
}
