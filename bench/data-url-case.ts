/**
 * The `data_url` case of `npm run bench`: a review link naming a Parquet file on the intranet
 * server (`?data=bench-data/sales-N.parquet`, served by the bench's own static server next to the
 * app, so read with HTTP range requests) opened in a fresh tab; timed from navigation start to
 * every Overview dashboard ready, and from the engine being ready to then (the part the reader
 * and the analyses take). Also: the range requests the server saw, the main thread's JS heap peak,
 * DuckDB-WASM's memory and the tab's peak resident memory.
 */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../test/e2e/static-server';
import type { Measured } from './cases';
import { mb, rendererPid, rss, waitIdle, wasmBytes } from './probe';

export async function dataUrlCase(
  browser: Browser,
  server: StaticServer,
  dist: string,
  file: string,
  rows: number,
  reader: 'auto' | 'js',
): Promise<Measured> {
  // The file next to the app, as an analyst publishes it (a link, so nothing is copied).
  const dir = join(dist, 'bench-data');
  mkdirSync(dir, { recursive: true });
  const name = basename(file);
  rmSync(join(dir, name), { force: true });
  symlinkSync(resolve(file), join(dir, name));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  if (reader === 'js') await page.addInitScript("globalThis.__benchParquetReader = 'js';");
  // Recorded by the page: every dashboard ready with the link's data, and the JS heap's peak.
  await page.addInitScript(() => {
    const w = window as unknown as { __ready?: number; __heapPeak?: number };
    const mem = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    w.__heapPeak = 0;
    const timer = setInterval(() => {
      w.__heapPeak = Math.max(w.__heapPeak ?? 0, mem()?.usedJSHeapSize ?? 0);
    }, 20);
    setTimeout(() => clearInterval(timer), 15 * 60_000);
    new MutationObserver(() => {
      const app = document.querySelector('[data-testid=app]');
      if (
        w.__ready === undefined &&
        app?.getAttribute('data-version') === '1' &&
        app.getAttribute('data-pending') === '0' &&
        app.getAttribute('data-booted') === 'true'
      ) {
        w.__ready = performance.now();
        clearInterval(timer);
      }
    }).observe(document, { attributes: true, childList: true, subtree: true });
  });
  server.log.length = 0;
  await page.goto(`${server.url}?bench&data=${encodeURIComponent(`bench-data/${name}`)}`);
  await waitIdle(page, 1, 900_000);
  const pid = await rendererPid(browser);
  const m = await page.evaluate(() => {
    const w = window as unknown as { __ready: number; __heapPeak: number };
    const ready = performance.getEntriesByName('sw:engine-ready')[0]?.startTime ?? null;
    return { ready: w.__ready, engineReady: ready, heapPeak: w.__heapPeak };
  });
  const banner = (await page.textContent('[data-testid=source-banner]')) ?? '';
  if (!banner.includes(name)) throw new Error(`data_url: the page does not show ${name} as its data`);
  const wasm = await wasmBytes(page);
  const tab = rss(pid);
  const gets = server.log.filter((r) => r.path.endsWith(`/bench-data/${name}`) && r.method === 'GET');
  await context.close();
  rmSync(join(dir, name), { force: true });
  const ms = m.ready;
  console.error(
    `\ndata_url ${rows} rows (${reader === 'js' ? 'hyparquet' : 'parquet-wasm'}): ${Math.round(ms)} ms from navigation, ${Math.round(ms - (m.engineReady ?? 0))} ms after the engine was ready; ${gets.length} GETs`,
  );
  return {
    case: 'data_url',
    format: 'parquet',
    rows,
    ms: Math.round(ms),
    baseline_ms: null,
    ratio: null,
    reader: reader === 'js' ? 'hyparquet' : 'parquet-wasm',
    after_engine_ready_ms: m.engineReady === null ? null : Math.round(ms - m.engineReady),
    range_gets: gets.length,
    range_gets_all_206: gets.every((r) => r.range !== null && r.status === 206),
    js_heap_peak_mb: mb(m.heapPeak),
    wasm_mb: mb(wasm[0]),
    tab_peak_rss_mb: mb(tab.peak),
  };
}
