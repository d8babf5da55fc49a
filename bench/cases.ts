/**
 * The in-browser cases of `npm run bench`: a file dropped → every dashboard of the Overview
 * ready, a filter change and a parameter change → every visible chart updated, each against the
 * bare baseline in the same page (bench-hook.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type * as Hook from '../src/bench-hook';
import type { Params } from '../src/analytics/params';
import { OVERVIEW_ON_SCREEN, type OVERVIEW } from '../src/state/page-analyses';
import {
  arm,
  dataVersion,
  marks,
  mb,
  rendererPid,
  resetPeakRss,
  rss,
  waitBackground,
  waitIdle,
  wasmBytes,
} from './probe';

type BenchHook = typeof Hook;
declare global {
  interface Window {
    __bench: BenchHook;
    __file: File | null;
  }
}

/** One measured case, before the machine is added. */
export interface Measured {
  case: string;
  format: string;
  rows: number;
  ms: number;
  baseline_ms: number | null;
  ratio: number | null;
  [k: string]: unknown;
}

const ratio = (ms: number, base: number | null) => (base ? Number((ms / base).toFixed(2)) : null);

/** The longest statements of a trace, for the report (what the time went into). */
function top(steps: Hook.TraceEntry[], n = 6): string[] {
  return [...steps]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((s) => `${Math.round(s.ms)} ms  ${s.sql.slice(0, 90)}`);
}

/**
 * Drop `path`, confirm the proposed mapping, wait for every analysis of the page. Time counted:
 * drop → mapping screen ready, plus confirm → all dashboards ready (the analyst's reading time
 * on the mapping screen is theirs, not the app's). Memory: main-thread JS heap peak during the
 * drop, DuckDB-WASM linear memory, the tab's peak resident memory.
 */
export async function dropCase(
  browser: Browser,
  page: Page,
  path: string,
  format: string,
  rows: number,
  opts: { baseline: boolean },
): Promise<Measured> {
  const version = await dataVersion(page);
  const pid = await rendererPid(browser);
  await arm(page);
  await page.evaluate(() => {
    window.__bench.trace.length = 0;
    const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
    input.addEventListener('change', () => (window.__file = input.files?.[0] ?? null), { once: true });
  });
  resetPeakRss(pid);
  // BENCH_PROFILE=DIR: a CPU profile of the page's main thread during the drop, to
  // DIR/<format>-<rows>.cpuprofile (open it in Chromium's DevTools, or sum self times by function).
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForSelector('[data-testid=confirm-mapping]:not([disabled])', { timeout: 600_000 });
  await page.click('[data-testid=confirm-mapping]');
  // Idle includes the work after the dashboards (the load report's duplicate count, not counted
  // in `ms`), so it neither runs beside the baseline nor into the next case.
  await waitIdle(page, version + 1);
  await waitBackground(page);
  const doneAt = await page.evaluate(() => performance.now());
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(process.env.BENCH_PROFILE!, `${format}-${rows}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
  const m = await marks(page);
  const backgroundMs = doneAt - m.idle!;
  const tab = rss(pid);
  const wasm = await wasmBytes(page);
  const steps = await page.evaluate(() => window.__bench.trace.splice(0));
  // BENCH_STEPS=DIR: every statement of the drop, in order, to DIR/<format>-<rows>.json.
  if (process.env.BENCH_STEPS)
    writeFileSync(join(process.env.BENCH_STEPS, `${format}-${rows}.json`), JSON.stringify(steps, null, 1));
  const inspectMs = m.mapped! - m.drop!;
  const ingestMs = m.loaded! - m.confirmed!;
  const analysesMs = m.idle! - m.loaded!;
  const ms = inspectMs + ingestMs + analysesMs;
  const loaded = await page.locator('[data-testid=rows-loaded]').first().textContent();
  let base: { loadMs: number; sqlMs: number; rows: number; steps: Hook.TraceEntry[] } | null = null;
  if (opts.baseline) {
    const file = await page.evaluateHandle(() => window.__file!);
    base = await page.evaluate(async (f) => window.__bench.bareBaseline(f), file);
  }
  const baseline = base ? base.loadMs + base.sqlMs : null;
  console.error(`\n${format} ${rows} rows: app ${Math.round(ms)} ms; longest statements:`);
  for (const line of top(steps)) console.error(`  ${line}`);
  if (base) {
    console.error(
      `baseline ${Math.round(baseline!)} ms (load ${Math.round(base.loadMs)}); longest analysis statements:`,
    );
    for (const line of top(base.steps)) console.error(`  ${line}`);
  }
  return {
    case: 'drop_to_dashboards',
    format,
    rows,
    ms: Math.round(ms),
    baseline_ms: baseline === null ? null : Math.round(baseline),
    ratio: ratio(ms, baseline),
    rows_loaded: loaded?.trim() ?? null,
    baseline_rows: base?.rows ?? null,
    inspect_ms: Math.round(inspectMs),
    ingest_ms: Math.round(ingestMs),
    analyses_ms: Math.round(analysesMs),
    // Dashboards ready → after-load work done (within the 50 ms the wait polls at).
    after_ready_background_ms: Math.round(backgroundMs),
    baseline_load_ms: base ? Math.round(base.loadMs) : null,
    baseline_sql_ms: base ? Math.round(base.sqlMs) : null,
    js_heap_start_mb: mb(m.heapStart),
    js_heap_peak_mb: mb(m.heapPeak),
    wasm_mb: mb(wasm[0]),
    tab_peak_rss_mb: mb(tab.peak),
  };
}

/**
 * The bare baseline alone, in its own page (for the 10 M-row Parquet file two engines of that
 * size do not fit in one tab): the file is picked through the app's file input (which only reads
 * its header for the mapping screen), then handed to the hook.
 */
export async function baselineOnly(
  page: Page,
  path: string,
  format: 'csv' | 'parquet',
): Promise<{ ms: number; loadMs: number; sqlMs: number; rows: number; wasmMb: number | null }> {
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
    input.addEventListener('change', () => (window.__file = input.files?.[0] ?? null), { once: true });
  });
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForFunction(() => !!window.__file);
  const file = await page.evaluateHandle(() => window.__file!);
  const base = await page.evaluate(
    async ({ f, fmt }) =>
      fmt === 'parquet' ? window.__bench.bareParquet(f) : window.__bench.bareBaseline(f),
    { f: file, fmt: format },
  );
  const wasm = await wasmBytes(page);
  console.error(
    `\nbaseline ${format} ${base.rows} rows: ${Math.round(base.loadMs + base.sqlMs)} ms (load ${Math.round(base.loadMs)})`,
  );
  for (const line of top(base.steps)) console.error(`  ${line}`);
  await page.evaluate(() => window.__bench.bareClose());
  return {
    ms: base.loadMs + base.sqlMs,
    loadMs: base.loadMs,
    sqlMs: base.sqlMs,
    rows: base.rows,
    wasmMb: mb(Math.max(0, ...wasm.slice(1))),
  };
}

/** The headline figures' text (to check that a change really updated the page). */
async function headline(page: Page): Promise<string> {
  return (await page.locator('[data-testid=headline]').textContent()) ?? '';
}

/**
 * Time one UI change: the input's change event → every chart on screen updated (`visible`,
 * the target's measure), and → every analysis of the page done, the ones below the fold too
 * (`all`).
 */
async function timedChange(page: Page, act: () => Promise<void>): Promise<{ visible: number; all: number }> {
  await page.evaluate(() => {
    const m = (window.__marks = {} as typeof window.__marks & { changed?: number; visible?: number });
    document.addEventListener('change', () => (m.changed = performance.now()), { once: true, capture: true });
    const app = document.querySelector('[data-testid=app]')!;
    let started = false;
    new MutationObserver(() => {
      if (app.getAttribute('data-pending') !== '0') started = true;
      if (started && m.visible === undefined && app.getAttribute('data-pending-visible') === '0')
        m.visible = performance.now();
      if (app.getAttribute('data-pending') === '0') m.idle = performance.now();
    }).observe(app, { attributes: true, attributeFilter: ['data-pending', 'data-pending-visible'] });
  });
  await act();
  await page.waitForFunction(() => (window.__marks as { changed?: number }).changed !== undefined, null, {
    timeout: 10_000,
  });
  // Pending rises above 0 when the re-runs start and falls back to 0 when the last one is done.
  await page.waitForFunction(
    () => {
      const m = window.__marks as { changed?: number; idle?: number };
      const app = document.querySelector('[data-testid=app]');
      return m.idle !== undefined && m.idle > m.changed! && app?.getAttribute('data-pending') === '0';
    },
    null,
    { timeout: 600_000, polling: 20 },
  );
  const m = (await marks(page)) as { changed?: number; idle?: number; visible?: number };
  return { visible: (m.visible ?? m.idle!) - m.changed!, all: m.idle! - m.changed! };
}

/** The Overview analyses on screen in the benchmark's 1280 × 900 window (OVERVIEW_ON_SCREEN). */
function onTop(names: (keyof typeof OVERVIEW)[]): (keyof typeof OVERVIEW)[] {
  return names.filter((n) => OVERVIEW_ON_SCREEN.includes(n));
}

/** Median of a list of numbers (the middle one, or the mean of the two middle ones). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** How many changes a change case times (the median is reported; each one a fresh result, never a cached one). */
export const CHANGES = 5;

/**
 * Filter change: pick one region in the filter bar (the biggest first, then the next ones, so
 * every change asks for figures not computed yet), timed until every chart on screen is updated,
 * then the pick undone; five times, the median reported. Baseline: the same Overview analyses on
 * screen with that filter on the bare engine, per pick, the median of the five.
 */
export async function filterCase(
  page: Page,
  format: string,
  rows: number,
  defaults: Params,
): Promise<Measured> {
  const names = await page.evaluate(() => window.__bench.affectedBy('filters'));
  const runs: { value: string; ms: number; all: number; base: number; baseAll: number }[] = [];
  await page.click('[data-testid=filter-region]');
  for (let i = 0; i < CHANGES; i++) {
    const before = await headline(page);
    await page.evaluate(() => (window.__bench.trace.length = 0));
    const option = page.locator('#filter-region label.option').nth(i);
    const value = ((await option.locator('.name').textContent()) ?? '').trim();
    const { visible: ms, all } = await timedChange(page, () => option.locator('input').check());
    const after = await headline(page);
    if (after === before) throw new Error('filter_change: the headline figures did not change');
    const steps = await page.evaluate(() => window.__bench.trace.splice(0));
    console.error(
      `\nfilter_change ${rows} rows, region=${value}: on screen ${Math.round(ms)} ms, all ${Math.round(all)} ms; statements in order:`,
    );
    for (const s of steps)
      console.error(`  ${Math.round(s.ms)} ms${s.cancelled ? ' (cancelled)' : ''}  ${s.sql.slice(0, 90)}`);
    const params: Params = { ...defaults, filters: { ...defaults.filters, region: [value] } };
    const base = await page.evaluate(({ p, n }) => window.__bench.bareRun(p, n), {
      p: params,
      n: onTop(names),
    });
    const baseAll = await page.evaluate(({ p, n }) => window.__bench.bareRun(p, n), { p: params, n: names });
    runs.push({ value, ms, all, base, baseAll });
    // Undo, so the next change starts from the unfiltered view (answered from the cache).
    await timedChange(page, () => option.locator('input').uncheck());
  }
  await page.click('[data-testid=filter-region]');
  const ms = median(runs.map((r) => r.ms));
  const base = median(runs.map((r) => r.base));
  return {
    case: 'filter_change',
    format,
    rows,
    ms: Math.round(ms),
    baseline_ms: Math.round(base),
    ratio: ratio(ms, base),
    all_ms: Math.round(median(runs.map((r) => r.all))),
    baseline_all_ms: Math.round(median(runs.map((r) => r.baseAll))),
    runs_ms: runs.map((r) => Math.round(r.ms)),
    baseline_runs_ms: runs.map((r) => Math.round(r.base)),
    all_runs_ms: runs.map((r) => Math.round(r.all)),
    filter: runs.map((r) => `region=${r.value}`).join(' '),
    reruns: names.join(' '),
  };
}

/** The ABC threshold a of the five parameter changes (the default is 0.8; each value is new). */
const ABC_A = [0.7, 0.75, 0.65, 0.6, 0.72];

/**
 * Parameter change: ABC threshold A from 80 % to 70 % in the parameters panel (then 75, 65, 60,
 * 72 %: each a result not computed yet), timed until every analysis is done; the median of the
 * five. Baseline: the Overview analyses that read the ABC thresholds, on the bare engine, per
 * value, the median of the five.
 */
export async function paramCase(
  page: Page,
  format: string,
  rows: number,
  defaults: Params,
): Promise<Measured> {
  await page.click('[data-testid=params-toggle]');
  const chart = page.locator('[data-testid=overview-abc]');
  const input = page.locator('[data-testid=param-abc-a]');
  const names = await page.evaluate(() => window.__bench.affectedBy('abc'));
  const runs: { ms: number; base: number }[] = [];
  for (const a of ABC_A) {
    const before = await chart.innerHTML();
    await page.evaluate(() => (window.__bench.trace.length = 0));
    // The ABC chart is below the fold: the time counted is until every analysis is done.
    const { all: ms } = await timedChange(page, async () => {
      await input.fill(String(a));
      await input.press('Tab');
    });
    if ((await chart.innerHTML()) === before)
      throw new Error(`param_change: the ABC chart did not change (a=${a})`);
    const steps = await page.evaluate(() => window.__bench.trace.splice(0));
    console.error(`\nparam_change ${rows} rows, abc.a=${a}: ${Math.round(ms)} ms; statements in order:`);
    for (const s of steps)
      console.error(`  ${Math.round(s.ms)} ms${s.cancelled ? ' (cancelled)' : ''}  ${s.sql.slice(0, 90)}`);
    const params: Params = { ...defaults, abc: { ...defaults.abc, a } };
    const base = await page.evaluate(({ p, n }) => window.__bench.bareRun(p, n), { p: params, n: names });
    runs.push({ ms, base });
  }
  const ms = median(runs.map((r) => r.ms));
  const base = median(runs.map((r) => r.base));
  return {
    case: 'param_change',
    format,
    rows,
    ms: Math.round(ms),
    baseline_ms: Math.round(base),
    ratio: ratio(ms, base),
    runs_ms: runs.map((r) => Math.round(r.ms)),
    baseline_runs_ms: runs.map((r) => Math.round(r.base)),
    param: ABC_A.map((a) => `abc.a=${a}`).join(' '),
    reruns: names.join(' '),
  };
}
