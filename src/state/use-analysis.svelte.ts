import { untrack } from 'svelte';
import type { Params } from '../analytics/params';
import type { Engine } from '../engine/types';
import { withSignal } from '../engine/signal';
import { lease } from './analysis-cache';
import { AsyncResult } from './async-result.svelte';
import { useWorkbench } from './context';
import type { PageAnalysis } from './page-analyses';
import { paramsFor } from './param-uses';
import { memoized } from './query-memo';

/**
 * Run an analysis for the current data and parameters, re-running when either (or `deps`)
 * changes; results are shared across pages through the cache, keyed by the parameters the
 * analysis reads (param-uses.ts); superseded runs are cancelled. Call during component setup.
 */
export function useAnalysis<T, D = null>(
  name: string,
  run: (engine: Engine, params: Params, deps: D) => Promise<T>,
  deps: () => D = () => null as D,
): AsyncResult<T> {
  const wb = useWorkbench();
  const result = new AsyncResult<T>();
  $effect(() => {
    const engine = wb.engine;
    const version = wb.dataVersion;
    const params = $state.snapshot(wb.params) as Params;
    const d = deps();
    if (!engine || version === 0) return;
    const held = untrack(() => {
      const l = lease(name, version, { params: paramsFor(name, params), d }, (signal) =>
        run(withSignal(memoized(engine, version), signal), params, d),
      );
      void result.run(() => l.promise);
      return l;
    });
    // A newer run (or leaving the page) gives this one up; unfinished SQL nobody waits for is cancelled.
    return () => held.release();
  });
  return result;
}

/** useAnalysis for one of the shared definitions of page-analyses.ts. */
export function usePageAnalysis<T, D>(a: PageAnalysis<T, D>): AsyncResult<T> {
  return useAnalysis(a.name, a.run, () => a.deps);
}
