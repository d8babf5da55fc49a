import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('ABC migration on the Pareto page (analytics.md §13)', () => {
  for (const locale of ['en-US', 'zh-CN'])
    it(`shows the from → to matrix and the moved customers (${locale})`, async () => {
      const { page, errors } = await h.open({ locale, path: '?page=pareto' });
      await waitForIdle(page, 1);
      const panel = page.locator('[data-testid=abc-migration]');
      await panel.scrollIntoViewIfNeeded();
      await expect(panel.locator('[data-testid=migration-matrix] svg').count()).resolves.toBeGreaterThan(0);
      const moved = await panel.locator('[data-testid=migration-table] tbody tr').count();
      expect(moved).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, `migration-${locale}.png`), fullPage: true });
      // A moved customer opens its panel.
      await panel.locator('[data-testid=migration-table] tbody tr').first().click();
      await page.waitForSelector('[data-testid=customer-panel]');
      // A year the data does not cover: no matrix, the sentence says why.
      await page.keyboard.press('Escape');
      await panel.locator('[data-testid=migration-custom]').fill('2019');
      await panel.locator('[data-testid=migration-custom]').press('Enter');
      await waitForIdle(page, 1);
      await expect(panel.locator('[data-testid=not-covered]').textContent()).resolves.toContain('2019-01-01');
      expect(errors).toEqual([]);
    });
});
