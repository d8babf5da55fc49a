import { untrack } from 'svelte';
import type { Params } from '../analytics/params';
import type { Engine } from '../engine/types';
import { withSignal } from '../engine/signal';
import { cancelledError } from '../engine/errors';
import { RecordingEngine } from '../engine/replay';
import { sqlHash } from '../share/sql-hash';
import { isCached, lease, type Lease } from './analysis-cache';
import { AsyncResult, inFlight } from './async-result.svelte';
import { useView, useWorkbench } from './context';
import type { PageAnalysis } from './page-analyses';
import { paramsFor } from './param-uses';
import { memoized } from './query-memo';
import { resultKey } from './result-key';

/** Options of useAnalysis. */
export interface AnalysisOptions<T = unknown, S = T> {
  /**
   * The result is shown below the fold: it starts off screen (until `inView` says otherwise),
   * and while off screen its run waits until the analyses on screen are done, so what the
   * analyst sees is updated first; it still runs right after, without being scrolled to.
   */
  lazy?: boolean;
  /**
   * What the page reads of the result, when it shows less than all of it (the Overview's class
   * counts, not every customer's row). The cache keeps the whole result, shared with other pages;
   * the page gets `pick(result)`, and a review link of the view carries only that (`id` names the
   * form in the link, docs/sharing.md).
   */
  summary?: { id: string; pick: (full: T) => S };
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
      if (result.visible || inFlight.visible === 0) return resolve();
      setTimeout(check, 30);
    };
    check();
  });
}

/**
 * Run an analysis for the current data and parameters, re-running when either (or `deps`)
 * changes; results are shared across pages through the cache, keyed by the parameters the
 * analysis reads (param-uses.ts); superseded runs are cancelled. Call during component setup.
 * What the page got is listed in `wb.shown` (a review link of the view carries it); under a
 * view snapshot a summary comes from the link (`wb.replayResults`), and a whole result is
 * computed by the same code from the link's query answers (the engine is then a ReplayEngine,
 * which refuses any query the link does not hold).
 */
export function useAnalysis<T, D = null, S = T>(
  name: string,
  run: (engine: Engine, params: Params, deps: D) => Promise<T>,
  deps: () => D = () => null as D,
  options: AnalysisOptions<T, S> = {},
): AsyncResult<S> {
  const wb = useWorkbench();
  const view = useView();
  const result = new AsyncResult<S>();
  const pick = options.summary?.pick ?? ((full: T) => full as unknown as S);
  const form = options.summary?.id ?? 'full';
  /** This use, as an entry of `wb.shown`. */
  const slot = {};
  /**
   * What this use last showed, and of which cached computation: a change of a parameter the
   * analysis does not read leases the same computation again, and the page keeps the very value
   * it shows (a new summary object would redraw its chart for nothing).
   */
  let last: { promise: Promise<unknown>; shown: S } | null = null;
  if (options.lazy) result.visible = false;
  $effect(() => {
    const engine = wb.engine;
    const version = wb.dataVersion;
    const params = $state.snapshot(view.params) as Params;
    const d = deps();
    const replay = wb.replayResults;
    if (!engine || version === 0) return;
    const held = untrack(() => {
      const inputs = { params: paramsFor(name, params), d };
      const key = resultKey(name, form, inputs.params, d);
      const stop = new AbortController();
      if (replay?.has(key)) {
        void result.run(async () => structuredClone(replay.get(key)) as S);
        return { release: () => stop.abort() };
      }
      // While a review link is made (review-link.svelte.ts): the queries of a result shown whole
      // are kept, their answers travel and the reviewer's page rebuilds it with the same code;
      // a summary travels itself (its queries would be every row behind it).
      const recording = wb.recording;
      let l: Lease<T> | null = null;
      const wait =
        options.lazy && !result.visible && !isCached(name, version, inputs)
          ? () => whenDue(result as AsyncResult<unknown>, stop.signal)
          : null;
      void result.run(async () => {
        if (wait) await wait();
        const rec = recording && form === 'full' ? new RecordingEngine(memoized(engine, version)) : null;
        rec?.start();
        l = lease(name, version, inputs, (signal) =>
          run(withSignal(rec ?? memoized(engine, version), signal), params, d),
        );
        const full = await l.promise;
        const shown = last?.promise === l.promise ? last.shown : pick(full);
        last = { promise: l.promise, shown };
        // Empty when the cache already held the result (another use computed it): then the
        // result itself travels.
        const answers = rec?.stop();
        for (const [sql, rows] of answers ?? []) recording!.answers.set(sqlHash(sql), rows);
        if (!stop.signal.aborted) wb.shown.set(slot, { key, value: shown, byAnswers: !!answers?.size });
        return shown;
      });
      return {
        release: () => {
          stop.abort();
          wb.shown.delete(slot);
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
export function usePageAnalysis<T, D, S = T>(
  a: PageAnalysis<T, D>,
  options: AnalysisOptions<T, S> = {},
): AsyncResult<S> {
  return useAnalysis(a.name, a.run, () => a.deps, options);
}
