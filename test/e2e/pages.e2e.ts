import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startHarness, waitForIdle, type Harness, goToPage } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** What each page must show with the demo data (a test id that holds a chart or a table). */
const PAGES: [string, string][] = [
  ['overview', '[data-testid=trend-chart] svg'],
  ['pareto', '[data-testid=pareto-chart] svg'],
  ['customers', '[data-testid=customers-table] tbody tr'],
  ['products', '[data-testid=products-table] tbody tr'],
  ['turnover', '[data-testid=quadrant-chart] svg'],
  ['lifecycle', '[data-testid=stage-chart] svg'],
  ['kpi', '[data-testid=kpi-table] tbody tr'],
  ['key_accounts', '[data-testid=key-table] tbody tr'],
  ['targets', '[data-testid=range-ytd]'],
  ['rfm', '[data-testid=rfm-heatmap] svg'],
  ['receivables', '[data-testid=aging-chart] svg'],
  ['satisfaction', '[data-testid=satisfaction-ipa-chart] svg'],
  ['data', '[data-testid=sql-editor] .cm-editor'],
];

const headline = (page: Page) => page.locator('[data-testid=stat-revenue] .value').textContent();

describe('every page with the demo data', () => {
  it('shows its charts and tables, in English and in Chinese', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors } = await h.open({ locale });
      await waitForIdle(page, 1);
      for (const [id, selector] of PAGES) {
        await goToPage(page, id);
        await page.waitForSelector(selector, { timeout: 30_000 });
        expect(await page.locator('[role=alert]').count(), `${id} shows an error`).toBe(0);
        if (id === 'overview') {
          // A small chart of each analysis (the demo has plan, inventory and receivables).
          for (const panel of ['abc', 'lifecycle', 'kpi', 'rfm', 'targets', 'turnover', 'receivables'])
            await page.waitForSelector(`[data-testid=overview-${panel}] svg`);
        }
        // Tables name the customer or product beside its id (the demo's names are Chinese).
        const named = (labels: [string, string, string, string], rows: RegExp) => async () => {
          await waitForIdle(page, 1);
          const [idLabel, nameLabel] = locale === 'en-US' ? labels.slice(0, 2) : labels.slice(2);
          const table = page
            .locator('main table')
            .filter({ has: page.locator('th', { hasText: idLabel }) })
            .first();
          expect(await table.locator('thead').innerText(), id).toContain(nameLabel);
          expect(await table.locator('tbody tr').first().innerText(), id).toMatch(rows);
        };
        if (['kpi', 'rfm', 'receivables', 'customers', 'lifecycle', 'key_accounts'].includes(id))
          await named(['Customer id', 'Customer name', '客户编号', '客户名称'], /公司/)();
        if (['products', 'turnover'].includes(id))
          await named(['Product id', 'Product name', '产品编号', '产品名称'], /P\d+\s+\S*[\u4e00-\u9fff]/)();
        // Products sold without stock data are named too (the demo has three).
        if (id === 'turnover')
          expect(await page.locator('[data-testid=nostock-list]').innerText()).toMatch(
            /^\S*[\u4e00-\u9fff]\S* \S+ \(P\d+\): [\d.,]+\D*(, |$)/,
          );
        await page.screenshot({ path: join(SHOTS, `page-${id}-${locale}.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('interaction', () => {
  it('a click on a region bar filters every page, and the chip removes it', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto&ui.pareto.entity=region' });
    await waitForIdle(page, 1);
    const before = await page.locator('[data-testid=pareto-panel] .subtitle').textContent();
    await page.locator('[data-testid=pareto-chart] g[aria-label=bar] rect').first().click();
    await page.waitForSelector('[data-testid=active-filters]');
    await waitForIdle(page, 1);
    const chip = await page.locator('[data-testid=active-filters] .chip').first().textContent();
    expect(chip).toMatch(/^Region: /);
    expect(page.url()).toContain('filters.region=');
    expect(await page.locator('[data-testid=pareto-panel] .subtitle').textContent()).not.toBe(before); // 1 region left
    await goToPage(page, 'overview');
    const filtered = await headline(page);
    await page.locator('[data-testid=active-filters] .chip').first().click();
    await waitForIdle(page, 1);
    expect(await headline(page)).not.toBe(filtered);
    expect(errors).toEqual([]);
  });

  it('brushing the months of the trend sets the analysis period', async () => {
    const { page, errors } = await h.open();
    await waitForIdle(page, 1);
    const box = (await page.locator('[data-testid=trend-chart] svg').last().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    await waitForIdle(page, 1);
    const from = await page.locator('[data-testid=period-start]').inputValue();
    const asOf = await page.locator('[data-testid=as-of]').inputValue();
    // The trend shows every month of the data (2024–2025): 30–60 % of it starts before the
    // default period (2025), so the brush moved the start out as well as the end in.
    expect(from).toMatch(/^2024-\d\d$/);
    expect(asOf > `${from}-01`).toBe(true);
    expect(page.url()).toContain('period_start=');
    expect(errors).toEqual([]);
  });

  it('a customer row opens the drill-down with timeline, stage, tier, RFM and receivables', async () => {
    const { page, errors } = await h.open({ path: '?page=customers' });
    await waitForIdle(page, 1);
    await page.locator('[data-testid=customers-table] tbody tr').first().click();
    await page.waitForSelector('[data-testid=customer-panel]');
    await waitForIdle(page, 1);
    for (const part of ['drill-stage', 'drill-tier', 'drill-rfm', 'drill-receivables'])
      expect(await page.locator(`[data-testid=${part}]`).textContent()).not.toBe('');
    expect(await page.locator('[data-testid=drill-tier] table').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('customer=');
    await page.screenshot({ path: join(SHOTS, 'drill-down.png'), fullPage: false });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=customer-panel]', { state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('switching the language keeps the page, filters and parameters', async () => {
    const { page, errors } = await h.open({ path: '?page=kpi&filters.region=华东&kpi.weights=40,20,20,20' });
    await waitForIdle(page, 1);
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await waitForIdle(page, 1);
    expect(await page.locator('[data-testid=app]').getAttribute('data-page')).toBe('kpi');
    expect(await page.locator('[data-testid=active-filters]').textContent()).toContain('区域: 华东');
    expect(await page.locator('[data-testid=kpi-weights]').textContent()).toContain('计划兑现率 40');
    expect(errors).toEqual([]);
  });

  it('refuses KPI weights that do not sum to 100, with a message', async () => {
    const { page } = await h.open({ path: '?page=kpi' });
    await waitForIdle(page, 1);
    await page.fill('[data-testid=kpi-controls] [data-testid=weight-1]', '50');
    expect(
      await page.locator('[data-testid=kpi-controls] [data-testid=weights-sum]').textContent(),
    ).toContain('sum to 120');
    expect(await page.locator('[data-testid=kpi-controls] [data-testid=apply-weights]').isDisabled()).toBe(
      true,
    );
  });

  it('a table exports as CSV and the SQL console runs a query', async () => {
    const { page, errors } = await h.open({ path: '?page=data' });
    await waitForIdle(page, 1);
    // The mapping of every loaded file: the demo's 订单日期 column was read as the order date.
    await page.click('[data-testid=data-mapping] summary');
    await expect(page.locator('[data-testid=data-mapping]').textContent()).resolves.toMatch(
      /订单日期\s*Order date \(YYYY-MM-DD\)/,
    );
    await page.click('[data-testid=run-sql]');
    await page.waitForSelector('[data-testid=sql-result] tbody tr');
    expect(await page.locator('[data-testid=sql-meta]').textContent()).toMatch(/^7 rows/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=sql-result] [data-testid=export-csv]'),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('\uFEFFregion,customers,revenue');
    await page.locator('[data-testid=sql-editor] .cm-content').fill('DROP TABLE sales');
    await page.click('[data-testid=run-sql]');
    await page.waitForSelector('[data-testid=sql-error]');
    expect(await page.locator('[data-testid=sql-error]').textContent()).toContain('only runs queries');
    expect(errors).toEqual([]);
  });
});

describe('Export results', () => {
  it('downloads a ZIP identical to what npm run analyze writes for the same files', async () => {
    const { page, errors } = await h.open();
    await waitForIdle(page, 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-results]'),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const browserFiles = Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
    // The CLI on the same demo files (the browser reads sales.csv.gz decompressed as sales.csv).
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    writeFileSync(join(dir, 'sales.csv'), gunzipSync(readFileSync('sample-data/demo/sales.csv.gz')));
    const surveys = ['survey_2025h1', 'survey_2025h2', 'survey_items'];
    for (const f of ['plan', 'inventory', 'receivables', 'customers', ...surveys])
      writeFileSync(join(dir, `${f}.csv`), readFileSync(`sample-data/demo/${f}.csv`));
    const out = join(dir, 'out');
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/analyze.ts',
        '--sales',
        join(dir, 'sales.csv'),
        '--plan',
        join(dir, 'plan.csv'),
        '--inventory',
        join(dir, 'inventory.csv'),
        '--receivables',
        join(dir, 'receivables.csv'),
        '--customers',
        join(dir, 'customers.csv'),
        ...surveys.flatMap((f) => ['--survey', join(dir, `${f}.csv`)]),
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    // results.xlsx is the browser's reading copy of the same results (docs/sharing.md); the CLI
    // writes the machine files only.
    expect(Object.keys(browserFiles).sort()).toEqual([...readdirSync(out), 'results.xlsx'].sort());
    for (const name of readdirSync(out)) {
      const cli = readFileSync(join(out, name), 'utf8');
      // Every file to the byte, clv.csv too: the forecast's fit runs in the page's Web Worker
      // (Chromium's V8) and here in Node's, with the same elementary functions (fdmath.ts).
      expect(browserFiles[name], name).toBe(cli);
    }
    expect(errors).toEqual([]);
  }, 180_000);
});
