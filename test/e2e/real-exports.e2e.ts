import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataPath, requireRealData } from '../helpers/real-data';
import { SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the real Online Retail export in the browser (analytics.md §1)', () => {
  // ../shared/data/real from the repository root: a failure under CI=true, a visible skip elsewhere.
  if (!requireRealData(['online_retail.csv.gz'])) return;
  const file = {
    name: 'online_retail.csv.gz',
    mimeType: 'application/gzip',
    buffer: readFileSync(realDataPath('online_retail.csv.gz')),
  };

  it('compares with no uncovered period, keeps sales without a customer and names the cancellations', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors } = await h.open({ locale });
      await waitForIdle(page, 1);
      await page.setInputFiles('[data-testid=file-input]', file);
      await page.waitForSelector('[data-testid=mapping-screen]');
      await page.click('[data-testid=confirm-mapping]');
      await waitForIdle(page, 2, { timeout: 110_000 }).catch(async (e) => {
        await page.screenshot({
          path: join(SHOTS, `real-online-retail-stuck-${locale}.png`),
          fullPage: true,
        });
        const attrs = await page.evaluate(() => {
          const app = document.querySelector('[data-testid=app]');
          return app ? Object.fromEntries([...app.attributes].map((a) => [a.name, a.value])) : null;
        });
        throw new Error(`not idle: ${JSON.stringify(attrs)}: ${String(e)}`);
      });
      const report = (await page.locator('[data-testid=load-report]').textContent()) ?? '';
      // Nothing rejected; the customer-less rows and the cancellations are named with their amounts.
      await expect(page.locator('[data-testid=rows-loaded]').first().textContent()).resolves.toMatch(
        /^541,909$/,
      );
      if (locale === 'en-US') {
        expect(report).toContain('135,080 of 541,909 rows have no customer');
        expect(report).toContain('1,447,682.12');
        expect(report).toMatch(/row\(s\) in [\d,]+ order\(s\) are returns or cancellations/);
      } else {
        expect(report).toContain('有 135,080 行没有客户');
        expect(report).toContain('退货或取消');
      }
      // The previous period 2010-01-01 … 2010-12-09 holds 9 days of data: no growth rate.
      const headline = (await page.locator('[data-testid=headline]').textContent()) ?? '';
      expect(headline).not.toMatch(/[▲▼]/);
      const why = await page.locator('[data-testid=not-covered]').first().textContent();
      expect(why).toContain('2010-12-01');
      expect(why).toContain('2010-01-01');
      await expect(page.locator('[data-testid=without-customer]').textContent()).resolves.toMatch(
        locale === 'en-US' ? /has no customer/ : /没有客户/,
      );
      // Online Retail has no cost: gross profit and margin say why they are unknown.
      for (const card of ['stat-gross-profit', 'stat-margin'])
        await expect(page.locator(`[data-testid=${card}]`).textContent()).resolves.toMatch(
          locale === 'en-US' ? /no cost or profit column/ : /没有成本或毛利列/,
        );
      await page.screenshot({
        path: join(SHOTS, `real-online-retail-overview-${locale}.png`),
        fullPage: true,
      });
      // Products over the whole data: 4,070 stock codes, customer-less sales included.
      await page.click('[data-testid=nav-products]');
      await page.evaluate(() => {
        const u = new URL(location.href);
        u.searchParams.set('period_start', '2010-12-01');
        history.replaceState(null, '', u);
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await waitForIdle(page, 2, { timeout: 60_000 });
      await expect(
        page.locator('[data-testid=products-composition] .subtitle').textContent(),
      ).resolves.toContain('4,070');
      await page.screenshot({
        path: join(SHOTS, `real-online-retail-products-${locale}.png`),
        fullPage: true,
      });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 300_000);
});
