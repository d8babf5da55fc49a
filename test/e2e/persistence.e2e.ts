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

const CSV = [
  '订单日期,客户编号,客户名称,销售额',
  '2024-05-01,K1,甲公司,600',
  '2024-05-02,K2,乙公司,400',
].join('\n');

describe('persistence on a plain-http intranet host (IndexedDB, no OPFS)', () => {
  it('a reload restores the dropped data; "Forget this data" leaves storage empty', async () => {
    const { page, context, errors } = await h.open({ path: '?page=pareto' });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await waitForIdle(page);
    await dropAndConfirm(page, [{ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }], 2);
    await page.waitForSelector('[data-testid=stored-banner]');
    await expect(page.locator('[data-testid=stored-banner]').textContent()).resolves.toContain('mine.csv');

    await page.reload();
    await waitForIdle(page, 1);
    await page.waitForSelector('[data-testid=stored-banner]');
    await expect(page.locator('[data-testid=stored-banner]').textContent()).resolves.toContain('Restored');
    await expect(page.locator('[data-testid=pareto-panel] .subtitle').textContent()).resolves.toContain(
      'Customer: 2 ranked',
    );
    expect(await page.locator('[data-testid=demo-notice]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'persistence-restored.png'), fullPage: true });

    await page.click('[data-testid=forget-data]');
    await page.waitForSelector('[data-testid=stored-banner]', { state: 'detached' });
    const left = await page.evaluate(async () => ({
      dbs: (await indexedDB.databases()).map((d) => d.name),
      keys: Object.keys(localStorage).filter((k) => k.startsWith('sales-workbench.')),
    }));
    expect(left).toEqual({ dbs: [], keys: [] });

    // A fresh page in the same browser profile finds nothing to restore.
    const again = await context.newPage();
    await again.goto(h.server.url);
    await waitForIdle(again, 0);
    expect(await again.locator('[data-testid=stored-banner]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a full storage quota is explained, and the dropped data stays loaded for the session', async () => {
    const context = await h.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    // The browser refuses to store, as when the disk quota is used up.
    await context.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h.server.url}?page=pareto`);
    await waitForIdle(page);
    await dropAndConfirm(page, [{ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }], 2);
    await page.waitForSelector('[data-testid=storage-warning]');
    expect(await page.textContent('[data-testid=storage-warning]')).toContain('storage quota full');
    expect(await page.locator('[data-testid=stored-banner]').count()).toBe(0);
    await expect(page.locator('[data-testid=pareto-panel] .subtitle').textContent()).resolves.toContain(
      'Customer: 2 ranked',
    );
    await page.screenshot({ path: join(SHOTS, 'persistence-quota.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
