import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAndConfirm, SHOTS, startHarness, waitForIdle, type Harness } from './harness';
import { serveStatic, type StaticServer } from './static-server';

// Review links on a plain-http intranet host (not a secure context: no Clipboard API, no OPFS).
// Each reviewer opens the copied link in a fresh browser context: nothing shared with the analyst.
const published = mkdtempSync(join(tmpdir(), 'published-'));
const otherHost = mkdtempSync(join(tmpdir(), 'files-host-'));
let h: Harness;
let files: StaticServer;
beforeAll(async () => {
  h = await startHarness({ extra: { 'data/': published } });
  files = await serveStatic({ root: otherHost, basePath: '/share/', cors: true });
});
afterAll(async () => {
  await h?.close();
  await files?.close();
});

/** Open an absolute link in a new browser context, collecting page errors. */
async function openFresh(link: string) {
  const context = await h.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
  await page.goto(link);
  return { page, context, errors };
}

/** Every number the Pareto page shows (subtitle, class table, concentration, first ranked rows). */
async function paretoNumbers(page: Page) {
  await page.waitForSelector('[data-testid=pareto-classes]', { timeout: 60_000 });
  return {
    subtitle: await page.locator('[data-testid=pareto-panel] .subtitle').textContent(),
    classes: await page.locator('[data-testid=pareto-classes]').innerText(),
    stats: await page.locator('[data-testid=pareto-panel] dl').innerText(),
    top: await page
      .locator('[data-testid=pareto-table] tbody tr')
      .evaluateAll((rows) => rows.slice(0, 12).map((r) => (r as HTMLElement).innerText)),
  };
}

/** Open the share dialog and read what it offers. */
async function share(page: Page) {
  await page.click('[data-testid=share-link]');
  await page.waitForSelector('[data-testid=share-way]', { timeout: 60_000 });
  const way = await page.getAttribute('[data-testid=share-way]', 'data-way');
  const link = (await page.locator('[data-testid=share-link-text]').count())
    ? await page.inputValue('[data-testid=share-link-text]')
    : null;
  return { way, link };
}

/**
 * Open the link in bench mode (the crash hook), kill the DuckDB worker, and check that the
 * restarted page shows the link's numbers again (not an empty or another dataset).
 */
async function crashAndRecover(link: string, numbers: Awaited<ReturnType<typeof paretoNumbers>>) {
  const r = await openFresh(link.replace('?', '?bench&'));
  await waitForIdle(r.page, 1);
  expect(await paretoNumbers(r.page)).toEqual(numbers);
  const before = Number(await r.page.getAttribute('[data-testid=app]', 'data-version'));
  await r.page.evaluate(() =>
    (globalThis as unknown as { __bench: { crashEngine(): void } }).__bench.crashEngine(),
  );
  await r.page.waitForFunction(() =>
    document.querySelector('[data-testid=recovery-notice]')?.textContent?.includes('was restarted'),
  );
  const mode = await r.page.getAttribute('[data-testid=source-banner]', 'data-mode');
  expect(await r.page.textContent('[data-testid=recovery-notice]')).toContain(
    mode === 'view' ? 'come from the link' : 'your data reloaded',
  );
  // A data snapshot's tables are loaded into the new engine (a new data version); a view
  // snapshot's answers never needed DuckDB (the same version).
  await waitForIdle(r.page, before + (mode === 'data' ? 1 : 0));
  // Away and back: the Pareto analysis runs again (the cache went with the old engine).
  await r.page.click('[data-testid=nav-customers]');
  await r.page.click('[data-testid=nav-pareto]');
  await waitForIdle(r.page, 1);
  expect(await r.page.locator('[data-testid=analysis-error]').count(), 'no analysis left failed').toBe(0);
  expect(await paretoNumbers(r.page), 'the link’s data after the restart').toEqual(numbers);
  await r.page.screenshot({ path: join(SHOTS, `share-reviewer-${mode}-after-crash.png`) });
  expect(r.errors.filter((e) => !/simulated crash/.test(e))).toEqual([]);
  await r.context.close();
  return mode;
}

/** Deterministic sales lines: `n` rows over `customers` customers in 2024-2025, amounts that do not compress away. */
function salesCsv(n: number, customers: number): string {
  // mulberry32: a seeded generator, so the test data is the same on every run.
  let seed = 20240501;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lines = ['订单日期,客户编号,客户名称,区域,销售额'];
  for (let i = 0; i < n; i++) {
    const c = customers === n ? i : Math.floor(rand() * customers);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const year = 2024 + Math.floor(rand() * 2);
    const amount = (10 + rand() * 5000).toFixed(2);
    lines.push(
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},K${c},客户${c},${['华东', '华南', '华北'][c % 3]},${amount}`,
    );
  }
  return lines.join('\n');
}

describe('URL state', () => {
  it('page, period, filters, page choices and parameters live in the URL; reload and back/forward restore them', async () => {
    const { page, errors } = await h.open({ path: '?as_of=2025-06-30&filters.region=%E5%8D%8E%E5%8C%97' });
    await waitForIdle(page, 1);
    const step = async (action: () => Promise<unknown>) => {
      await action();
      await waitForIdle(page, 1);
      // Changes within 600 ms share one history entry (slider drags); keep the steps apart.
      await page.waitForTimeout(700);
    };
    await step(() => page.click('[data-testid=nav-pareto]'));
    const first = await paretoNumbers(page);
    expect(first.subtitle).toContain('to 2025-06-30');
    await step(() => page.selectOption('[data-testid=pareto-entity]', 'product'));
    await step(() => page.selectOption('[data-testid=pareto-measure]', 'gross_profit'));
    const search = new URLSearchParams(new URL(page.url()).search);
    expect(Object.fromEntries(search)).toMatchObject({
      page: 'pareto',
      as_of: '2025-06-30',
      'filters.region': '华北',
      'ui.pareto.entity': 'product',
      measure: 'gross_profit',
    });
    const last = await paretoNumbers(page);

    await page.reload();
    await waitForIdle(page, 1);
    expect(await page.inputValue('[data-testid=pareto-measure]')).toBe('gross_profit');
    expect(await paretoNumbers(page)).toEqual(last);

    await page.goBack();
    await waitForIdle(page, 1);
    expect(await page.inputValue('[data-testid=pareto-measure]')).toBe('revenue');
    expect(await page.inputValue('[data-testid=pareto-entity]')).toBe('product');
    await page.goBack();
    await waitForIdle(page, 1);
    expect(await paretoNumbers(page)).toEqual(first);
    await page.goForward();
    await page.goForward();
    await waitForIdle(page, 1);
    expect(await paretoNumbers(page)).toEqual(last);
    expect(errors).toEqual([]);
  });

  it('a stale or malformed link opens with a notice naming what was ignored', async () => {
    const { page, errors } = await h.open({
      path: '?page=pareto&abc.a=2&lifecycle.window_months=abc&kpi.weights=1,2&old.param=1&as_of=2025-02-30',
    });
    await waitForIdle(page, 1);
    const notice = await page.textContent('[data-testid=link-notice]');
    for (const part of ['abc.a', 'lifecycle.window_months', 'kpi.weights', 'old.param', 'as_of'])
      expect(notice).toContain(part);
    expect((await paretoNumbers(page)).subtitle).toContain('Customer');
    expect(errors).toEqual([]);
  });
});

describe('(a) data by URL', () => {
  it('Save as Parquet → publish → ?data= link: the reviewer sees the same numbers, Parquet read by range requests', async () => {
    // The analyst looks at the demo data, then saves it as Parquet (the cleaned tables).
    const analyst = await h.open({ path: '?page=data' });
    await waitForIdle(analyst.page, 1);
    const [download] = await Promise.all([
      analyst.page.waitForEvent('download'),
      analyst.page.click('[data-testid=save-parquet]'),
    ]);
    expect(download.suggestedFilename()).toBe('sales-workbench-dataset.zip');
    const zip = unzipSync(readFileSync((await download.path())!));
    expect(Object.keys(zip).sort()).toEqual([
      'README.txt',
      'customers.parquet',
      'inventory.parquet',
      'plan.parquet',
      'receivables.parquet',
      'sales.parquet',
      // The demo's satisfaction survey and its question table (issue 19).
      'survey.parquet',
      'survey_items.parquet',
    ]);
    expect(new TextDecoder().decode(zip['README.txt'])).toContain(
      '?data=data/sales.parquet&data=data/plan.parquet',
    );
    // Published: four tables next to the app, the customer master on another intranet host.
    for (const name of ['sales', 'plan', 'inventory', 'receivables'])
      writeFileSync(join(published, `${name}.parquet`), zip[`${name}.parquet`]);
    writeFileSync(join(otherHost, 'customers.parquet'), zip['customers.parquet']);

    const view = '?page=pareto&filters.region=%E5%8D%8E%E4%B8%9C&abc.a=0.7';
    await analyst.page.goto(h.server.url + view);
    await waitForIdle(analyst.page, 1);
    const demoNumbers = await paretoNumbers(analyst.page);

    const absolute = `http://files.intranet.test:${files.port}/share/customers.parquet`;
    const dataQuery = ['sales', 'plan', 'inventory', 'receivables']
      .map((n) => `data=data/${n}.parquet`)
      .concat(`data=${encodeURIComponent(absolute)}`)
      .join('&');
    await analyst.page.goto(`${h.server.url}${view}&${dataQuery}`);
    await waitForIdle(analyst.page, 1);
    await analyst.page.waitForSelector('[data-testid=source-banner]');
    const urlNumbers = await paretoNumbers(analyst.page);
    expect(urlNumbers).toEqual(demoNumbers);

    const { way, link } = await share(analyst.page);
    expect(way).toBe('urls');
    expect(await analyst.page.textContent('[data-testid=share-a]')).toContain('used');
    expect(link).not.toContain('#');
    expect(link).toContain('data=data%2Fsales.parquet');
    await analyst.page.screenshot({ path: join(SHOTS, 'share-dialog-urls.png') });

    h.server.log.length = 0;
    files.log.length = 0;
    const reviewer = await openFresh(link!);
    await waitForIdle(reviewer.page, 1);
    expect(await paretoNumbers(reviewer.page)).toEqual(demoNumbers);
    expect(await reviewer.page.textContent('[data-testid=source-banner]')).toContain('data/sales.parquet');
    await reviewer.page.screenshot({ path: join(SHOTS, 'share-reviewer-urls.png'), fullPage: true });

    // Parquet came by byte ranges: every GET of sales.parquet asked for a range and got 206.
    const salesGets = h.server.log.filter(
      (r) => r.path.endsWith('/data/sales.parquet') && r.method === 'GET',
    );
    expect(salesGets.length).toBeGreaterThan(1);
    expect(salesGets.every((r) => r.range !== null && r.status === 206)).toBe(true);
    // The other host: ranges too (its size from HEAD, since it hides Content-Range from scripts).
    const other = files.log.filter((r) => r.path === '/share/customers.parquet');
    expect(other.some((r) => r.method === 'HEAD')).toBe(true);
    expect(other.filter((r) => r.method === 'GET').every((r) => r.status === 206)).toBe(true);
    expect(reviewer.errors).toEqual([]);
    expect(analyst.errors).toEqual([]);
    await reviewer.context.close();
  });

  it('a missing file is named with its HTTP status; a javascript:/data: address is refused; never a blank page', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto&data=data/nope.csv' });
    await page.waitForSelector('[data-testid=error]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=error]')).toContain('HTTP 404');
    expect(await page.isVisible('[data-testid=drop-zone]')).toBe(true);

    await page.goto(
      `${h.server.url}?data=${encodeURIComponent('javascript:alert(1)')}&data=${encodeURIComponent('data:text/csv,a')}`,
    );
    await page.waitForSelector('[data-testid=link-notice]');
    const notice = await page.textContent('[data-testid=link-notice]');
    expect(notice).toContain('data=javascript:alert(1)');
    expect(notice).toContain('data=data:text/csv,a');
    await waitForIdle(page, 1);
    expect(await page.isVisible('[data-testid=drop-zone]')).toBe(true);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
});

describe('(b) embedded snapshot', () => {
  it('small data travels whole in the # fragment; copied without the Clipboard API; same numbers in a fresh context', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto&abc.a=0.6' });
    await waitForIdle(page, 1);
    await dropAndConfirm(
      page,
      [{ name: 'q2.csv', mimeType: 'text/csv', buffer: Buffer.from(salesCsv(300, 40)) }],
      2,
    );
    const numbers = await paretoNumbers(page);
    expect(await page.evaluate(() => typeof navigator.clipboard)).toBe('undefined');
    await page.evaluate(() =>
      document.addEventListener('copy', (e) => {
        const t = e.target as HTMLTextAreaElement;
        (window as unknown as { copied: string }).copied = t.value.slice(t.selectionStart, t.selectionEnd);
      }),
    );
    const { way, link } = await share(page);
    expect(way).toBe('snapshot-data');
    expect(link).toMatch(/#s1=[A-Za-z0-9_-]+$/);
    const size = Number(await page.getAttribute('[data-testid=share-size]', 'data-chars'));
    expect(size).toBe(link!.length);
    expect(size).toBeLessThanOrEqual(65_536);
    await page.click('[data-testid=share-copy]');
    expect(await page.textContent('[data-testid=share-copied]')).toContain('Copied');
    expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(link);
    await page.screenshot({ path: join(SHOTS, 'share-dialog-snapshot.png') });

    h.server.log.length = 0;
    const reviewer = await openFresh(link!);
    await waitForIdle(reviewer.page, 1);
    expect(await paretoNumbers(reviewer.page)).toEqual(numbers);
    expect(await reviewer.page.getAttribute('[data-testid=source-banner]', 'data-mode')).toBe('data');
    // The fragment never reaches the server (a file name may contain "s1": look for its payload).
    const payload = link!.split('#s1=')[1].slice(0, 24);
    expect(h.server.log.some((r) => r.path.includes('#') || r.path.includes(payload))).toBe(false);
    // The whole dataset travelled: another page works too.
    await reviewer.page.click('[data-testid=nav-customers]');
    await waitForIdle(reviewer.page, 1);
    expect(await reviewer.page.locator('[role=alert]').count()).toBe(0);
    await reviewer.page.screenshot({ path: join(SHOTS, 'share-reviewer-snapshot.png'), fullPage: true });
    // A reload keeps showing the link's data.
    await reviewer.page.reload();
    await waitForIdle(reviewer.page, 1);
    expect(await reviewer.page.getAttribute('[data-testid=source-banner]', 'data-mode')).toBe('data');
    expect(reviewer.errors).toEqual([]);
    expect(errors).toEqual([]);
    await reviewer.context.close();
    // The engine crashing under the reviewer: the link's tables come back (the link is all there is).
    expect(await crashAndRecover(link!, numbers)).toBe('data');
  });

  it('too much data for a link: it carries the numbers of the view, and says so for other pages', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto&filters.region=%E5%8D%8E%E5%8D%97' });
    await waitForIdle(page, 1);
    await dropAndConfirm(
      page,
      [{ name: 'year.csv', mimeType: 'text/csv', buffer: Buffer.from(salesCsv(12_000, 150)) }],
      2,
    );
    const numbers = await paretoNumbers(page);
    const { way, link } = await share(page);
    expect(way).toBe('snapshot-view');
    expect(await page.textContent('[data-testid=share-b]')).toMatch(
      /whole dataset would need [\d,]+ characters/,
    );
    await page.screenshot({ path: join(SHOTS, 'share-dialog-view.png') });

    const reviewer = await openFresh(link!);
    await waitForIdle(reviewer.page, 1);
    expect(await paretoNumbers(reviewer.page)).toEqual(numbers);
    expect(await reviewer.page.getAttribute('[data-testid=source-banner]', 'data-mode')).toBe('view');
    await reviewer.page.screenshot({ path: join(SHOTS, 'share-reviewer-view.png'), fullPage: true });
    await reviewer.page.click('[data-testid=nav-customers]');
    await waitForIdle(reviewer.page, 1);
    await reviewer.page.waitForSelector('[role=alert]');
    expect(await reviewer.page.locator('[role=alert]').first().textContent()).toContain('Not in this link');
    expect(reviewer.errors).toEqual([]);
    expect(errors).toEqual([]);
    await reviewer.context.close();
    // A view snapshot answers from the link itself: a crash of DuckDB leaves the view as it was.
    expect(await crashAndRecover(link!, numbers)).toBe('view');
  });

  it('says plainly when neither way fits, and offers "Save dataset as Parquet"', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto' });
    await waitForIdle(page, 1);
    await dropAndConfirm(
      page,
      [{ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(salesCsv(24_000, 24_000)) }],
      2,
    );
    const { way, link } = await share(page);
    expect(way).toBe('none');
    expect(link).toBeNull();
    expect(await page.textContent('[data-testid=share-way]')).toContain('Neither way fits');
    expect(await page.textContent('[data-testid=share-b]')).toContain(
      '24,000 rows are far too many to embed (more than 20,000)',
    );
    expect(await page.isVisible('[data-testid=share-dialog] [data-testid=save-parquet]')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'share-dialog-none.png') });
    expect(errors).toEqual([]);
  });
});

describe('demo data', () => {
  it('a link of the demo view opens the demo even where the reviewer keeps own data, which stays kept', async () => {
    const { page, context, errors } = await h.open({ locale: 'zh-CN', path: '?page=pareto' });
    await waitForIdle(page, 1);
    const { way, link } = await share(page);
    expect(way).toBe('demo');
    expect(link).toContain('demo=1');
    await page.screenshot({ path: join(SHOTS, 'share-dialog-demo-zh.png') });
    await page.click('[data-testid=share-close]');

    // The reviewer's own data, kept in this browser.
    await dropAndConfirm(
      page,
      [{ name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(salesCsv(50, 5)) }],
      2,
    );
    await page.waitForSelector('[data-testid=stored-banner]');
    await page.goto(link!);
    await waitForIdle(page, 1);
    expect(await page.isVisible('[data-testid=demo-notice]')).toBe(true);
    expect(await page.locator('[data-testid=stored-banner]').count()).toBe(0);
    // Still kept: the plain address restores it.
    await page.goto(h.server.url);
    await waitForIdle(page, 1);
    await page.waitForSelector('[data-testid=stored-banner]');
    expect(await page.textContent('[data-testid=stored-banner]')).toContain('own.csv');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('crafted links', () => {
  const cases: [string, string, RegExp][] = [
    ['oversized fragment', `#s1=${'A'.repeat(70_000)}`, /longer than any link/],
    ['bad base64', '#s1=abc$def', /characters that do not belong/],
    ['bad compressed data', '#s1=_____wEC', /damaged or cut off/],
    [
      'script in a parameter',
      '?page=pareto&customer=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      /customer=<script>/,
    ],
  ];
  for (const [name, suffix, message] of cases)
    it(`refuses ${name} with a notice, never a blank page`, async () => {
      const { page, errors } = await h.open({ path: suffix });
      await page.waitForSelector('[data-testid=link-notice]', { timeout: 60_000 });
      expect(await page.textContent('[data-testid=link-notice]')).toMatch(message);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=app]')?.getAttribute('data-booted') === 'true',
      );
      expect(await page.isVisible('[data-testid=drop-zone]')).toBe(true);
      expect(await page.locator('script:not([src])').count()).toBe(0);
      expect(errors).toEqual([]);
    });
});

describe('exports', () => {
  it('each chart downloads as PNG and SVG', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto' });
    await waitForIdle(page, 1);
    const figure = page.locator('.plot-figure', { has: page.locator('[data-testid=pareto-chart]') });
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('[data-testid=chart-png]').click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const box = await figure.locator('[data-testid=pareto-chart] > *').boundingBox();
    // Drawn at 2× with a 10 px margin.
    expect(bytes.readUInt32BE(16)).toBe(Math.round((box!.width + 20) * 2));
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      figure.locator('[data-testid=chart-svg]').click(),
    ]);
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('>A</text>');
    expect(text).not.toMatch(/<(span|div)\b/);
    expect(errors).toEqual([]);
  });

  it('the review pack prints with the data source and parameters on the first page', async () => {
    const { page, errors } = await h.open({
      path: '?page=pareto&filters.region=%E5%8D%8E%E4%B8%9C&abc.a=0.7',
    });
    await waitForIdle(page, 1);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.click('[data-testid=print-pack]');
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, null, {
      timeout: 120_000,
    });
    // Every page of the menu but Data (the glossary included): counted from the menu, not fixed.
    const menuPages = await page.locator('[data-testid^=nav-]').count();
    expect(await page.locator('section.pack-page').count()).toBe(menuPages - 1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav')).toBe(false);
    const cover = page.locator('[data-testid=print-cover]');
    expect(await cover.isVisible()).toBe(true);
    expect(await page.textContent('[data-testid=print-source]')).toContain('demo dataset');
    expect(await page.textContent('[data-testid=print-filters]')).toContain('华东');
    expect(await page.textContent('[data-testid=print-params]')).toMatch(/cumulative share\s*0\.7\s*changed/);
    // The cover starts the printout: nothing visible above it but the title line.
    const coverTop = (await cover.boundingBox())!.y;
    const firstPanel = (await page.locator('section.panel').first().boundingBox())!.y;
    expect(coverTop).toBeLessThan(firstPanel);
    await page.screenshot({
      path: join(SHOTS, 'print-pack-first-page.png'),
      clip: { x: 0, y: 0, width: 1280, height: 1300 },
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(SHOTS, 'review-pack.pdf'), pdf);
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });
});
