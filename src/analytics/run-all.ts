import type { Engine } from '../engine/types';
import { datasetCaps, resolvePeriod, type Caps, type Period } from './common';
import type { Params } from './params';
import { ANALYSES, type Results } from './registry';

/** Everything the result files need, computed once (the browser export and the CLI both call this). */
export interface AllResults {
  params: Params;
  period: Period;
  caps: Caps;
  /** Each analysis of the registry that writes result files, by id. */
  results: Results;
}

/** Run every analysis of the result files (the registry's order). Null without sales data. */
export async function runAll(
  db: Engine,
  params: Params,
  onProgress?: (step: string) => void,
): Promise<AllResults | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const caps = await datasetCaps(db);
  const ctx = { params, period, caps };
  const results: Record<string, unknown> = {};
  for (const a of ANALYSES) {
    if (!a.run) continue;
    onProgress?.(a.id);
    results[a.id] = await (a.run as (db: Engine, c: typeof ctx) => Promise<unknown>)(db, ctx);
  }
  return { params, period, caps, results: results as Results };
}
