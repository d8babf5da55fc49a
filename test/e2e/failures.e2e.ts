import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAndConfirm, SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const MINE = {
  name: 'mine.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    '订单日期,客户编号,客户名称,销售额\n2024-05-01,K1,甲公司,600\n2024-05-02,K2,乙公司,400\n',
  ),
};

const version = (page: Page) => page.locator('[data-testid=app]').getAttribute('data-version').then(Number);
const customerIds = (page: Page) =>
  page.locator('[data-testid=customers-table] tbody tr td:nth-child(2)').allTextContents();

async function runSql(page: Page, sql: string) {
  await page.locator('[data-testid=sql-editor] .cm-content').fill(sql);
  await page.click('[data-testid=run-sql]');
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=run-sql]')?.hasAttribute('disabled'),
  );
}

describe('failures: the user is told, the app recovers, nothing loaded is lost', () => {
  it('the DuckDB worker crashing mid-query: restarted, the dropped file reloaded, filters kept', async () => {
    const { page, errors } = await h.open({ path: '?bench&page=customers' });
    await waitForIdle(page, 1);
    await dropAndConfirm(page, [MINE], 2);
    await page.waitForSelector('[data-testid=customers-table] tbody tr');
    expect(await customerIds(page)).toEqual(['K1', 'K2']);
    const before = await version(page);
    // Start analyses on another page, and kill the worker while they run.
    await page.click('[data-testid=nav-kpi]');
    await page.evaluate(() =>
      (globalThis as unknown as { __bench: { crashEngine(): void } }).__bench.crashEngine(),
    );
    await page.waitForSelector('[data-testid=recovery-notice]');
    expect(await page.locator('[data-testid=recovery-notice]').textContent()).toContain(
      'analysis engine stopped',
    );
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=recovery-notice]')?.textContent?.includes('was restarted'),
    );
    await waitForIdle(page, before + 1);
    expect(await page.locator('[data-testid=recovery-notice]').textContent()).toContain('mine.csv');
    await page.screenshot({ path: join(SHOTS, 'failure-crash-recovered.png') });
    expect(await page.locator('[data-testid=analysis-error]').count(), 'no analysis left failed').toBe(0);
    await page.click('[data-testid=nav-customers]');
    await waitForIdle(page, before + 1);
    expect(await customerIds(page), 'the same data after the restart').toEqual(['K1', 'K2']);
    // The new engine answers queries.
    await page.click('[data-testid=nav-data]');
    await waitForIdle(page, before + 1);
    await runSql(page, 'SELECT count(*) AS n FROM sales');
    await page.waitForSelector('[data-testid=sql-result] tbody tr');
    expect(await page.locator('[data-testid=sql-result] tbody tr td').first().textContent()).toBe('2');
    expect(errors.filter((e) => !/simulated crash/.test(e))).toEqual([]);
  });

  it('a query that runs out of memory, and one that errors: a message saying what to do, data kept', async () => {
    const { page } = await h.open({ path: '?page=data' });
    await waitForIdle(page, 1);
    await runSql(page, "SELECT max(length(repeat('x', 200000000) || range::VARCHAR)) FROM range(64)");
    await page.waitForSelector('[data-testid=sql-error]');
    const oom = await page.locator('[data-testid=sql-error]').textContent();
    await page.screenshot({ path: join(SHOTS, 'failure-out-of-memory.png') });
    expect(oom).toContain('ran out of memory');
    expect(oom).toContain('add a WHERE or LIMIT');
    await runSql(page, 'SELECT no_such_column FROM sales');
    await page.waitForSelector('[data-testid=sql-error]');
    const bad = await page.locator('[data-testid=sql-error]').textContent();
    expect(bad).toContain('no_such_column');
    expect(bad).toContain('Check the table and column names');
    // The data is still there and the engine still works.
    await runSql(page, 'SELECT count(*) > 1000 AS ok FROM sales');
    await page.waitForSelector('[data-testid=sql-result] tbody tr');
    expect(await page.locator('[data-testid=sql-result] tbody tr td').first().textContent()).toBe('true');
  });

  it('storage full: the data is loaded and used, and the user is told it will not be kept', async () => {
    const context = await h.browser.newContext();
    // The browser refuses every write to IndexedDB as over quota.
    await context.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h.server.url}?page=customers`);
    await waitForIdle(page, 1);
    await dropAndConfirm(page, [MINE], 2);
    await page.waitForSelector('[data-testid=storage-warning]');
    expect(await page.locator('[data-testid=storage-warning]').textContent()).toContain('storage quota full');
    expect(await page.locator('[data-testid=stored-banner]').count()).toBe(0);
    await page.waitForSelector('[data-testid=customers-table] tbody tr');
    expect(await customerIds(page)).toEqual(['K1', 'K2']);
    await page.screenshot({ path: join(SHOTS, 'failure-storage-full.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
