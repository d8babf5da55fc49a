import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAndConfirm, SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A small sales CSV with common English headers: 3 customers, revenue 600/300/100. */
const SMALL_CSV = [
  'Order Date,Customer ID,Customer Name,Amount',
  '2024-05-01,K1,Alpha Ltd,600',
  '2024-05-02,K2,Beta Ltd,300',
  '2024-05-03,K3,Gamma Ltd,100',
].join('\n');

describe('walking skeleton in a browser on a plain-http intranet host', () => {
  it('opens with the demo Pareto chart, takes a dropped CSV, and keeps data on a bad file', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto' });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await waitForIdle(page);
    await page.waitForSelector('[data-testid=pareto-chart] svg');
    await expect(page.locator('[data-testid=demo-notice]').isVisible()).resolves.toBe(true);
    const demoSubtitle = await page.locator('[data-testid=pareto-panel] .subtitle').textContent();
    expect(demoSubtitle).toMatch(/Customer: \d+ ranked/);
    await page.screenshot({ path: join(SHOTS, 'skeleton-demo.png'), fullPage: true });

    await dropAndConfirm(
      page,
      [{ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(SMALL_CSV) }],
      2,
    );
    await expect(
      page.locator('[data-testid=load-report] [data-testid=rows-loaded]').first().textContent(),
    ).resolves.toBe('3');
    await expect(page.locator('[data-testid=pareto-panel] .subtitle').textContent()).resolves.toContain(
      'Customer: 3 ranked',
    );
    // 600/1000 → A (cum before 0), 300 → A (cum before .6), 100 → B (cum before .9).
    await expect(
      page.locator('[data-testid=pareto-classes] tr[data-class=A] td').first().textContent(),
    ).resolves.toBe('2');
    await expect(
      page
        .locator(
          '[data-testid=pareto-chart] svg [aria-label="bar"] rect, [data-testid=pareto-chart] svg g[aria-label="bar"] rect',
        )
        .count(),
    ).resolves.toBe(3);
    expect(await page.locator('[data-testid=demo-notice]').count()).toBe(0);

    // A file without the required columns: the mapping screen names what is missing and will not load it.
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('foo,bar\n1,2\n'),
    });
    await page.waitForSelector('[data-testid=mapping-screen]');
    await expect(page.locator('[data-testid=mapping-status]').textContent()).resolves.toContain(
      'Missing: Order date, Customer id, Revenue',
    );
    await expect(page.locator('[data-testid=confirm-mapping]').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'skeleton-mapping-missing.png'), fullPage: true });
    await page.click('[data-testid=cancel-mapping]');
    // A PDF renamed .csv is refused with a message; the earlier data stays.
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'report.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj\n'),
    });
    await page.waitForSelector('[data-testid=error]');
    const message = await page.locator('[data-testid=error]').textContent();
    expect(message).toContain('“report.csv” is a PDF document');
    expect(message).toContain('Your earlier data is still loaded.');
    await expect(page.locator('[data-testid=pareto-panel] .subtitle').textContent()).resolves.toContain(
      'Customer: 3 ranked',
    );
    await page.screenshot({ path: join(SHOTS, 'skeleton-dropped.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('switches to Chinese with locale number formats', async () => {
    const { page, errors } = await h.open({ locale: 'zh-CN', path: '?page=pareto' });
    await waitForIdle(page);
    await page.waitForSelector('[data-testid=pareto-chart] svg');
    await expect(page.locator('h1').textContent()).resolves.toBe('销售分析工作台');
    await page.selectOption('[data-testid=language]', 'en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sales Workbench');
    await page.selectOption('[data-testid=language]', 'zh-CN');
    // Tables show amounts in full (thousands separators, 2 decimals); chart axes abbreviate (万/亿).
    const amounts = await page.locator('[data-testid=pareto-classes] td').allTextContents();
    expect(amounts.some((a) => /^\d{1,3}(,\d{3})+\.\d{2}$/.test(a.trim()))).toBe(true);
    const ticks = await page.locator('[data-testid=pareto-chart] svg text').allTextContents();
    expect(ticks.some((t) => /万|亿/.test(t))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'skeleton-zh.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
