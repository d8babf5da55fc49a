/**
 * `npm run bench [-- --rows N]`: measures the product in headless Chromium against bare
 * DuckDB-WASM in the same page and prints one JSON line per case, then a summary table.
 * Without --rows: CSV at 100 k and 1 M rows, Parquet at 10 M rows, GB18030 vs UTF-8 at 100 MB,
 * all analyses in Node, and `npm run analyze -- --engine native` on the 10 M Parquet rows
 * (native_parquet). With --rows N: the quick subset at N rows (no 10 M Parquet).
 */
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { defaultParams } from '../src/analytics/params';
import { launchBrowser } from '../test/e2e/browser';
import { serveStatic, type StaticServer } from '../test/e2e/static-server';
import { baselineOnly, dropCase, filterCase, paramCase, type Measured } from './cases';
import { dataUrlCase } from './data-url-case';
import { forecastCase } from './forecast-case';
import { keyAccountsCase } from './key-accounts-case';
import { generateChinesePair, generateSalesCsv } from './gen-sales';
import { generateSalesParquet } from './gen-parquet';
import { waitIdle } from './probe';

interface CaseResult extends Measured {
  machine: string;
}

const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const QUICK = rowsArg >= 0;
const CSV_SIZES = QUICK ? [Number(args[rowsArg + 1])] : [100_000, 1_000_000];
// --parquet-rows N overrides the Parquet size (e.g. a quick 1 M check of the Parquet path).
const pqArg = args.indexOf('--parquet-rows');
const PARQUET_ROWS = pqArg >= 0 ? Number(args[pqArg + 1]) : QUICK ? 0 : 10_000_000;
// --parquet-reader wasm|js|wasm,js: which reader loads the Parquet cases (default wasm: the
// app's, parquet-wasm; js: hyparquet, the reader before it), both in one run for a comparison.
const readerArg = args.indexOf('--parquet-reader');
const READERS = (readerArg >= 0 ? args[readerArg + 1] : 'wasm')
  .split(',')
  .map((r): 'auto' | 'js' => (r === 'js' ? 'js' : 'auto'));
// --only csv,forecast,key_accounts,encoding,parquet,data_url,node,native runs a part (for working
// on one case; `forecast` and `key_accounts` drop the CSV first, as `csv` does; data_url opens a
// review link naming the Parquet file, read by range requests).
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : null;
const want = (group: string) => !ONLY || ONLY.has(group);
const MACHINE = `${cpus().length} cores ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
const DATA = resolve('bench-results/data');
const BROWSER_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

const results: CaseResult[] = [];
function emit(r: Measured): void {
  const full = { ...r, machine: MACHINE };
  results.push(full);
  console.log(JSON.stringify(full));
}

/** Open the app with the bench hook; resolves when the demo data is shown. Returns the page and that time. */
async function openApp(
  browser: Browser,
  server: StaticServer,
): Promise<{ page: Page; firstPaint: { shown: number; ready: number } }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  // tsx (esbuild) names functions with a `__name` helper that does not exist in the page.
  await page.addInitScript('globalThis.__name = (f) => f;');
  // Recorded by the page itself from navigation start: the first moment demo figures are on
  // screen (the headline cards), and the moment every dashboard of the page is there.
  await page.addInitScript(() => {
    const w = window as unknown as { __shown?: number; __ready?: number };
    const check = () => {
      const app = document.querySelector('[data-testid=app]');
      if (w.__shown === undefined && document.querySelector('[data-testid=headline]'))
        w.__shown = performance.now();
      if (
        w.__ready === undefined &&
        app?.getAttribute('data-version') === '1' &&
        app.getAttribute('data-pending') === '0' &&
        app.getAttribute('data-booted') === 'true'
      )
        w.__ready = performance.now();
    };
    new MutationObserver(check).observe(document, { attributes: true, childList: true, subtree: true });
  });
  await page.goto(`${server.url}?bench`);
  await waitIdle(page, 1);
  const firstPaint = await page.evaluate(() => {
    const w = window as unknown as { __shown: number; __ready: number };
    return { shown: w.__shown, ready: w.__ready };
  });
  const timeline = await page.evaluate(() =>
    [
      ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sw:')),
      ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.transferSize > 100_000 || r.name.endsWith('.wasm'))
        .map((r) => ({ name: `fetched ${r.name.split('/').pop()}`, startTime: r.responseEnd })),
    ]
      .map((m) => `${Math.round(m.startTime)} ms  ${m.name}`)
      .sort((a, b) => parseInt(a) - parseInt(b)),
  );
  console.error(`\nfirst visit: headline shown at ${Math.round(firstPaint.shown)} ms; timeline:`);
  for (const line of timeline) console.error(`  ${line}`);
  return { page, firstPaint };
}

async function csvCases(browser: Browser, server: StaticServer, rows: number): Promise<void> {
  const csv = await generateSalesCsv(join(DATA, `sales-${rows}.csv`), rows);
  const { page, firstPaint } = await openApp(browser, server);
  emit({
    case: 'first_paint_demo',
    format: 'arrow',
    rows: 0,
    ms: Math.round(firstPaint.shown),
    baseline_ms: null,
    ratio: null,
    all_dashboards_ms: Math.round(firstPaint.ready),
  });
  emit(await dropCase(browser, page, csv, 'csv', rows, { baseline: true }));
  const defaults = defaultParams();
  if (want('csv')) {
    emit(await filterCase(page, 'csv', rows, defaults));
    emit(await paramCase(page, 'csv', rows, defaults));
  }
  if (want('forecast')) emit(await forecastCase(page, 'csv', rows));
  if (want('key_accounts')) emit(await keyAccountsCase(page, 'csv', rows));
  await page.evaluate(() => window.__bench.bareClose());
  await page.context().close();
}

/**
 * Parquet: the baseline (same JS reader into DuckDB + the same SQL) runs first in its own page,
 * then the app in a fresh page: two engines holding 10 M rows do not fit in one tab.
 */
async function parquetCase(
  browser: Browser,
  server: StaticServer,
  rows: number,
  reader: 'auto' | 'js',
): Promise<void> {
  const file = await generateSalesParquet(join(DATA, `sales-${rows}.parquet`), rows);
  const first = await openApp(browser, server);
  await first.page.evaluate((use) => window.__bench.useParquetReader(use), reader);
  const base = await baselineOnly(first.page, file, 'parquet');
  await first.page.context().close();
  const { page } = await openApp(browser, server);
  await page.evaluate((use) => window.__bench.useParquetReader(use), reader);
  const app = await dropCase(browser, page, file, 'parquet', rows, { baseline: false });
  emit({
    ...app,
    reader: reader === 'js' ? 'hyparquet' : 'parquet-wasm',
    baseline_ms: Math.round(base.ms),
    ratio: Number((app.ms / base.ms).toFixed(2)),
    baseline_rows: base.rows,
    baseline_load_ms: Math.round(base.loadMs),
    baseline_sql_ms: Math.round(base.sqlMs),
    baseline_wasm_mb: base.wasmMb,
    baseline_page: 'separate',
  });
  await page.context().close();
}

/** GB18030 vs UTF-8: the same ~100 MB (scaled down with --rows) of Chinese sales data in both encodings. */
async function encodingCase(browser: Browser, server: StaticServer, rows: number): Promise<void> {
  const target = Math.round(100 * 1024 * 1024 * Math.min(1, rows / 1_000_000));
  const pair = await generateChinesePair(DATA, target);
  const ms: Record<string, number> = {};
  for (const [label, path] of [
    ['utf8', pair.utf8],
    ['gb18030', pair.gb],
  ] as const) {
    const { page } = await openApp(browser, server);
    ms[label] = (await dropCase(browser, page, path, 'csv', pair.rows, { baseline: false })).ms;
    await page.context().close();
  }
  emit({
    case: 'gb18030_vs_utf8',
    format: 'csv',
    rows: pair.rows,
    ms: Math.round(ms.gb18030),
    baseline_ms: Math.round(ms.utf8),
    ratio: Number((ms.gb18030 / ms.utf8).toFixed(2)),
    bytes: target,
  });
}

async function browserCases(): Promise<void> {
  execSync('bash scripts/ensure-chromium.sh', { stdio: 'inherit' });
  // BENCH_DIST=/tmp/x builds there instead of dist/ (several people working in one checkout).
  const dist = process.env.BENCH_DIST ?? 'dist';
  console.error(`building ${dist}/ …`);
  execSync(`npx vite build --outDir ${JSON.stringify(dist)} --emptyOutDir`, {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const server = await serveStatic({ root: dist, basePath: '/tools/sales/' });
  // One browser per group of cases, so one case's memory does not weigh on the next.
  const withBrowser = async (f: (b: Browser) => Promise<void>) => {
    const browser = await launchBrowser(BROWSER_ARGS);
    try {
      await f(browser);
    } finally {
      await browser.close();
    }
  };
  try {
    if (want('csv') || want('forecast') || want('key_accounts'))
      for (const rows of CSV_SIZES) await withBrowser((b) => csvCases(b, server, rows));
    if (want('encoding')) await withBrowser((b) => encodingCase(b, server, CSV_SIZES[CSV_SIZES.length - 1]));
    for (const reader of READERS)
      if (PARQUET_ROWS && want('parquet'))
        await withBrowser((b) => parquetCase(b, server, PARQUET_ROWS, reader));
    if (PARQUET_ROWS && ONLY?.has('data_url')) {
      const file = await generateSalesParquet(join(DATA, `sales-${PARQUET_ROWS}.parquet`), PARQUET_ROWS);
      for (const reader of READERS)
        await withBrowser(async (b) => emit(await dataUrlCase(b, server, dist, file, PARQUET_ROWS, reader)));
    }
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  // No site build and no browser when only the Node cases run (--only node,native).
  if (['csv', 'forecast', 'key_accounts', 'encoding', 'parquet'].some(want) || ONLY?.has('data_url'))
    await browserCases();
  // All analyses in Node after load (a separate process: no browser involved).
  const nodeRows = CSV_SIZES[CSV_SIZES.length - 1];
  if (want('node')) {
    const nodeLine = execSync(`npx tsx bench/analyze-node.ts --rows ${nodeRows}`, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop()!;
    const nodeResult = JSON.parse(nodeLine) as CaseResult;
    results.push(nodeResult);
    console.log(JSON.stringify(nodeResult));
  }
  // The command line on native DuckDB vs its bare read_parquet + the same SQL (own processes).
  const nativeRows = PARQUET_ROWS || CSV_SIZES[CSV_SIZES.length - 1];
  if (want('native')) {
    const line = execSync(`npx tsx bench/native-parquet.ts --rows ${nativeRows}`, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop()!;
    const nativeResult = JSON.parse(line) as CaseResult;
    results.push(nativeResult);
    console.log(JSON.stringify(nativeResult));
  }
  console.log('\n| case | format | rows | ms | baseline ms | ratio |\n|---|---|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.case} | ${r.format} | ${r.rows} | ${r.ms} | ${r.baseline_ms ?? ''} | ${r.ratio ?? ''} |`,
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
