/**
 * The `forecast` case of `npm run bench` (product.md: value forecast at 1 M rows, fit + scoring
 * ≤ 1.5 s after load, the main thread never blocked > 100 ms). Run after a drop, with the data
 * loaded: open the Value forecast page and time it.
 *
 * - `ms`: fit + scoring, the worker's round trip (request posted → result back in the page,
 *   `forecast:compute`), of which `worker_ms` inside the worker.
 * - `page_ms`: the click on the page → the forecast drawn (input SQL, fit, scoring, drawing).
 * - `longest_task_ms`, `long_tasks`: the main thread's long tasks (PerformanceObserver
 *   'longtask', > 50 ms) from the click until the page is drawn and idle.
 * - `baseline_ms`: the same fit + scoring in the page's main thread on the bare engine
 *   (`__bench.bareForecast`), as before the worker; `baseline_longest_task_ms` is what that
 *   blocks the page for.
 */
import type { Page } from 'playwright-core';
import { defaultParams } from '../src/analytics/params';
import type { Measured } from './cases';
import { waitIdle } from './probe';

type LongTask = [start: number, duration: number];

/** Observe long tasks into `window.__longTasks` from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
}

/** The long tasks recorded since `watchLongTasks`, and clear them. */
async function takeLongTasks(page: Page): Promise<LongTask[]> {
  // A long task is reported after it ends: give the observer a moment.
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.splice(0));
}

const round = (n: number) => Math.round(n);

/** Open the Value forecast page with the data loaded; the bare engine must hold the same data. */
export async function forecastCase(page: Page, format: string, rows: number): Promise<Measured> {
  const version = Number(await page.getAttribute('[data-testid=app]', 'data-version'));
  await watchLongTasks(page);
  await page.evaluate(() => {
    performance.clearMeasures('forecast:compute');
    window.__bench.trace.length = 0;
    document.addEventListener(
      'click',
      () => ((window as unknown as { __clicked: number }).__clicked = performance.now()),
      { capture: true, once: true },
    );
  });
  await page.click('[data-testid=nav-forecast]');
  await page.waitForSelector('[data-testid=forecast-table] tbody tr, [data-testid=forecast-none]', {
    timeout: 600_000,
  });
  await waitIdle(page, version);
  const drawn = await page.evaluate(() => ({
    at: performance.now(),
    clicked: (window as unknown as { __clicked: number }).__clicked,
    fits: performance
      .getEntriesByName('forecast:compute')
      .map((m) => ({ ms: m.duration, worker: (m as PerformanceMeasure).detail as number })),
    customers: document.querySelector('[data-testid=forecast-scope]')?.textContent ?? '',
    none: document.querySelector('[data-testid=forecast-none]')?.textContent ?? null,
  }));
  const long = await takeLongTasks(page);
  const steps = await page.evaluate(() => window.__bench.trace.splice(0));
  // The forecast's input statement (the trace keeps a statement's first 120 characters).
  const sql = steps.filter((s) =>
    s.sql.startsWith('WITH rows AS ( SELECT customer_id, order_date, revenue, quantity FROM sales'),
  );
  const fit = drawn.fits[drawn.fits.length - 1];
  if (!fit) throw new Error(`forecast: no fit ran (${drawn.none ?? 'no message'})`);

  // Baseline: the same fit and scoring in the main thread, on the bare engine.
  await watchLongTasks(page);
  const base = await page.evaluate((p) => window.__bench.bareForecast(p), defaultParams());
  const baseLong = await takeLongTasks(page);

  const longest = Math.max(0, ...long.map(([, d]) => d));
  console.error(
    `\nforecast ${rows} rows: fit + scoring ${round(fit.ms)} ms (worker ${round(fit.worker)}), page ${round(drawn.at - drawn.clicked)} ms, ` +
      `input SQL ${sql.map((s) => round(s.ms)).join(' + ')} ms; long tasks ${long.map(([, d]) => round(d)).join(', ') || 'none'}; ` +
      `in the main thread: ${round(base.computeMs)} ms, longest task ${round(Math.max(0, ...baseLong.map(([, d]) => d)))} ms`,
  );
  return {
    case: 'forecast',
    format,
    rows,
    ms: round(fit.ms),
    baseline_ms: round(base.computeMs),
    ratio: Number((fit.ms / base.computeMs).toFixed(2)),
    worker_ms: round(fit.worker),
    page_ms: round(drawn.at - drawn.clicked),
    input_sql_ms: round(sql.reduce((s, x) => s + x.ms, 0)),
    customers: /([\d,]+) customers with a purchase day/.exec(drawn.customers)?.[1]?.replace(/,/g, '') ?? null,
    longest_task_ms: round(longest),
    long_tasks: long.map(([, d]) => round(d)),
    blocked_over_100ms: long.filter(([, d]) => d > 100).length,
    baseline_sql_ms: round(base.sqlMs),
    baseline_longest_task_ms: round(Math.max(0, ...baseLong.map(([, d]) => d))),
  };
}
