/**
 * `npm run bench [-- --rows N]`: measures the product in headless Chromium against bare
 * DuckDB-WASM in the same page, and prints one JSON line per case, then a summary table.
 */
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser';
import { serveStatic } from '../test/e2e/static-server';
import { generateChinesePair, generateSalesCsv } from './gen-sales';

interface CaseResult {
  case: string;
  format: string;
  rows: number;
  ms: number;
  baseline_ms: number | null;
  ratio: number | null;
  machine: string;
  [k: string]: unknown;
}

const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const MACHINE = `${cpus().length} cores ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
const DATA = resolve('bench-results/data');

const results: CaseResult[] = [];
function emit(r: Omit<CaseResult, 'machine'>): void {
  const full = { ...r, machine: MACHINE };
  results.push(full);
  console.log(JSON.stringify(full));
}

async function main(): Promise<void> {
  execSync('bash scripts/ensure-chromium.sh', { stdio: 'inherit' });
  console.error('building dist/ …');
  execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
  const csv = await generateSalesCsv(join(DATA, `sales-${ROWS}.csv`), ROWS);
  const server = await serveStatic({ root: 'dist', basePath: '/tools/sales/' });
  const browser = await launchBrowser(['--js-flags=--expose-gc']);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const t0 = Date.now();
    await page.goto(`${server.url}?bench`);
    await waitIdle(page, 0);
    const firstPaint = Date.now() - t0;
    emit({
      case: 'first_paint_demo',
      format: 'csv',
      rows: 0,
      ms: firstPaint,
      baseline_ms: null,
      ratio: null,
    });

    // File dropped → every dashboard of the current page ready.
    const version = Number(await page.getAttribute('[data-testid=app]', 'data-version'));
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
      input.addEventListener(
        'change',
        () => {
          const g = globalThis as unknown as { __t0: number; __file: File | null };
          g.__t0 = performance.now();
          g.__file = input.files?.[0] ?? null;
        },
        { once: true, capture: true },
      );
    });
    await page.setInputFiles('[data-testid=file-input]', csv);
    await page.waitForSelector('[data-testid=confirm-mapping]:not([disabled])', { timeout: 120_000 });
    await page.click('[data-testid=confirm-mapping]');
    await waitIdle(page, version + 1);
    const dropMs = await page.evaluate(
      () => performance.now() - (globalThis as unknown as { __t0: number }).__t0,
    );
    const loaded = await page.locator('[data-testid=rows-loaded]').first().textContent();
    const heap = await page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
    );

    // Baseline: the same file, DuckDB-WASM's bare read_csv + the same SQL, in the same page.
    const handle = await page.evaluateHandle(() => (globalThis as unknown as { __file: File }).__file);
    const bare = await page.evaluate(
      async (file) =>
        (
          globalThis as unknown as {
            __bench: { bareBaseline(f: File): Promise<{ loadMs: number; sqlMs: number; rows: number }> };
          }
        ).__bench.bareBaseline(file as File),
      handle,
    );
    const baseline = bare.loadMs + bare.sqlMs;
    emit({
      case: 'drop_to_dashboards',
      format: 'csv',
      rows: ROWS,
      ms: Math.round(dropMs),
      baseline_ms: Math.round(baseline),
      ratio: Number((dropMs / baseline).toFixed(2)),
      rows_loaded: loaded,
      baseline_rows: bare.rows,
      js_heap_after_mb: heap === null ? null : Math.round(heap / 2 ** 20),
    });
  } finally {
    await browser.close();
    await server.close();
  }
  // GB18030 vs UTF-8: the same ~100 MB (scaled down with --rows) of Chinese sales data in both encodings.
  {
    const target = Math.round(100 * 1024 * 1024 * Math.min(1, ROWS / 1_000_000));
    const pair = await generateChinesePair(DATA, target);
    const server2 = await serveStatic({ root: 'dist', basePath: '/tools/sales/' });
    const browser2 = await launchBrowser();
    try {
      const ms: Record<string, number> = {};
      for (const [label, path] of [
        ['utf8', pair.utf8],
        ['gb18030', pair.gb],
      ] as const) {
        const page = await (await browser2.newContext()).newPage();
        await page.goto(server2.url);
        await waitIdle(page, 0);
        ms[label] = await dropTimed(page, path);
        await page.close();
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
    } finally {
      await browser2.close();
      await server2.close();
    }
  }

  // All analyses of the result files in Node after load (a separate process: no browser involved).
  const nodeLine = execSync(`npx tsx bench/analyze-node.ts --rows ${ROWS}`, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop()!;
  const nodeResult = JSON.parse(nodeLine) as CaseResult;
  results.push(nodeResult);
  console.log(JSON.stringify(nodeResult));
  console.log('\n| case | format | rows | ms | baseline ms | ratio |\n|---|---|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.case} | ${r.format} | ${r.rows} | ${r.ms} | ${r.baseline_ms ?? ''} | ${r.ratio ?? ''} |`,
    );
}

/** Drop a file, confirm the proposed mapping at once, and time change event → idle (in the page). */
async function dropTimed(page: Page, path: string): Promise<number> {
  const version = Number(await page.getAttribute('[data-testid=app]', 'data-version'));
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement;
    input.addEventListener(
      'change',
      () => ((globalThis as unknown as { __t0: number }).__t0 = performance.now()),
      {
        once: true,
        capture: true,
      },
    );
  });
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForSelector('[data-testid=confirm-mapping]:not([disabled])', { timeout: 300_000 });
  await page.click('[data-testid=confirm-mapping]');
  await waitIdle(page, version + 1);
  return page.evaluate(() => performance.now() - (globalThis as unknown as { __t0: number }).__t0);
}

async function waitIdle(page: Page, version: number): Promise<void> {
  await page.waitForFunction(
    (v) => {
      const app = document.querySelector('[data-testid=app]');
      return (
        app?.getAttribute('data-booted') === 'true' &&
        app?.getAttribute('data-status') === 'ready' &&
        Number(app.getAttribute('data-version')) >= v &&
        app.getAttribute('data-pending') === '0'
      );
    },
    version,
    { timeout: 300_000, polling: 'raf' },
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
