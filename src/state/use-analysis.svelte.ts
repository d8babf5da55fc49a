import { untrack } from 'svelte';
import type { Params } from '../analytics/params';
import type { Engine } from '../engine/types';
import { withSignal } from '../engine/signal';
import { cancelledError } from '../engine/errors';
import { isCached, lease, type Lease } from './analysis-cache';
import { AsyncResult, pending } from './async-result.svelte';
import { useWorkbench } from './context';
import type { PageAnalysis } from './page-analyses';
import { paramsFor } from './param-uses';
import { memoized } from './query-memo';

/** Options of useAnalysis. */
export interface AnalysisOptions {
  /**
   * The result is shown below the fold: it starts off screen (until `inView` says otherwise),
   * and while off screen its run waits until the analyses on screen are done, so what the
   * analyst sees is updated first; it still runs right after, without being scrolled to.
   */
  lazy?: boolean;
}

/**
 * Resolve when an off-screen run may start: the result came on screen, or no on-screen work is
 * pending (checked every 30 ms). The on-screen analyses of a change have started by the first
 * check: their effects come first in the page and count themselves synchronously. Rejects when
 * `signal` aborts (the run was superseded or its page closed).
 */
function whenDue(result: AsyncResult<unknown>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (signal.aborted) return reject(cancelledError('-- waiting for the analyses on screen'));
      if (result.visible || pending.visible === 0) return resolve();
      setTimeout(check, 30);
    };
    check();
  });
}

/**
 * Run an analysis for the current data and parameters, re-running when either (or `deps`)
 * changes; results are shared across pages through the cache, keyed by the parameters the
 * analysis reads (param-uses.ts); superseded runs are cancelled. Call during component setup.
 */
export function useAnalysis<T, D = null>(
  name: string,
  run: (engine: Engine, params: Params, deps: D) => Promise<T>,
  deps: () => D = () => null as D,
  options: AnalysisOptions = {},
): AsyncResult<T> {
  const wb = useWorkbench();
  const result = new AsyncResult<T>();
  if (options.lazy) result.visible = false;
  $effect(() => {
    const engine = wb.engine;
    const version = wb.dataVersion;
    const params = $state.snapshot(wb.params) as Params;
    const d = deps();
    if (!engine || version === 0) return;
    const held = untrack(() => {
      const inputs = { params: paramsFor(name, params), d };
      const stop = new AbortController();
      let l: Lease<T> | null = null;
      const wait =
        options.lazy && !result.visible && !isCached(name, version, inputs)
          ? () => whenDue(result as AsyncResult<unknown>, stop.signal)
          : null;
      void result.run(async () => {
        if (wait) await wait();
        l = lease(name, version, inputs, (signal) =>
          run(withSignal(memoized(engine, version), signal), params, d),
        );
        return l.promise;
      });
      return {
        release: () => {
          stop.abort();
          l?.release();
        },
      };
    });
    // A newer run (or leaving the page) gives this one up; unfinished SQL nobody waits for is cancelled.
    return () => held.release();
  });
  return result;
}

/**
 * Svelte action: tell `result` whether `node` (the place its chart is drawn) is on screen.
 * Without IntersectionObserver the result counts as on screen.
 */
export function inView(node: HTMLElement, result: AsyncResult<unknown>): { destroy(): void } {
  if (typeof IntersectionObserver === 'undefined') {
    result.setVisible(true);
    return { destroy() {} };
  }
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) result.setVisible(e.isIntersecting);
  });
  io.observe(node);
  return { destroy: () => io.disconnect() };
}

/** useAnalysis for one of the shared definitions of page-analyses.ts. */
export function usePageAnalysis<T, D>(a: PageAnalysis<T, D>, options: AnalysisOptions = {}): AsyncResult<T> {
  return useAnalysis(a.name, a.run, () => a.deps, options);
}
