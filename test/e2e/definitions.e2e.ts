import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAndConfirm, goToPage, SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The definition behind an ⓘ: hidden, shown on hover and on keyboard focus, and the button's description. */
async function definitionOf(page: Page, testid: string): Promise<string> {
  const root = page.locator(`[data-testid=${testid}]`).first();
  const button = root.locator('button.info');
  const tip = root.locator('[role=tooltip]');
  await page.mouse.move(0, 0);
  expect(await tip.isVisible(), `${testid}: hidden until asked`).toBe(false);
  await button.hover();
  expect(await tip.isVisible(), `${testid}: shown on hover`).toBe(true);
  await page.mouse.move(0, 0);
  expect(await tip.isVisible()).toBe(false);
  await button.focus();
  expect(await tip.isVisible(), `${testid}: shown on keyboard focus`).toBe(true);
  await page.keyboard.press('Escape');
  expect(await tip.isVisible(), `${testid}: Escape hides it`).toBe(false);
  await button.blur();
  const describedBy = await button.getAttribute('aria-describedby');
  expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(await tip.textContent());
  return (await tip.textContent()) ?? '';
}

/** Text as shown: runs of white space are one space. */
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

const headers = (page: Page, table: string) =>
  page.locator(`[data-testid=${table}] thead th`).allTextContents();

const NAMES: Record<string, string[]> = {
  'en-US': ['Plan fulfilment', 'Volume share', 'Price index', 'Stability', 'Why this tier'],
  'zh-CN': ['计划兑现率', '销量占比', '价格指数', '客户稳定率', '等级原因'],
};

describe('KPI metrics by name, and why each tier', () => {
  for (const locale of ['en-US', 'zh-CN'])
    it(`names the metrics, explains every row and the applied weights (${locale})`, async () => {
      const en = locale === 'en-US';
      const { page, errors } = await h.open({ locale, path: '?page=kpi' });
      await waitForIdle(page, 1);
      await page.waitForSelector('[data-testid=kpi-table] tbody tr');
      const head = (await headers(page, 'kpi-table')).join(' | ');
      for (const name of NAMES[locale]) expect(head).toContain(name);
      expect(head).not.toMatch(/\bR[1-4]\b|K\d·s\d/);
      // The why column (found by its header): strongest and weakest part with their points out of
      // the applied weight.
      const whyAt = (await headers(page, 'kpi-table')).findIndex((t) => t.includes(NAMES[locale][4]));
      expect(whyAt).toBeGreaterThan(0);
      const why = await page
        .locator('[data-testid=kpi-table] tbody tr')
        .first()
        .locator('td')
        .nth(whyAt)
        .textContent();
      expect(text(why)).toMatch(
        en ? /^strongest: .+ of .+ pts; weakest: .+ of .+ pts/ : /^最强：.+分；最弱：.+分/,
      );
      // The demo has a plan: the weights are applied as set, by name.
      expect(text(await page.locator('[data-testid=kpi-weights]').textContent())).toContain(
        en ? 'plan fulfilment 30' : '计划兑现率 30',
      );
      expect(await definitionOf(page, 'count-kpi')).toContain(en ? 'Scored customers' : '评分客户');
      await page.screenshot({ path: join(SHOTS, `definitions-kpi-${locale}.png`), fullPage: false });
      await page
        .locator('[data-testid=kpi-table-panel]')
        .screenshot({ path: join(SHOTS, `definitions-kpi-table-${locale}.png`) });
      await page.locator('[data-testid=count-kpi] button.info').hover();
      await page.screenshot({ path: join(SHOTS, `definitions-kpi-tip-${locale}.png`), fullPage: false });

      // The customer panel: the same line, and the parts by name.
      await page.locator('[data-testid=kpi-table] tbody tr').first().click();
      await page.waitForSelector('[data-testid=customer-panel]');
      await waitForIdle(page, 1);
      expect(text(await page.locator('[data-testid=drill-why]').textContent())).toMatch(
        en ? /Why [ABC]: strongest: .+; weakest: / : /[ABC] 类原因：最强：.+；最弱：/,
      );
      const rows = await page.locator('[data-testid=drill-tier] tbody th').allTextContents();
      expect(rows).toEqual(NAMES[locale].slice(0, 4));
      await page.screenshot({ path: join(SHOTS, `definitions-panel-${locale}.png`), fullPage: false });
      expect(errors).toEqual([]);
      await page.close();
    });

  it('says which metric was left out and how the weights were rescaled (no plan: 43 / 29 / 29)', async () => {
    const { page, errors } = await h.open({ path: '?page=kpi' });
    await waitForIdle(page, 1);
    const csv = [
      'Order Date,Customer ID,Product ID,Quantity,Unit Price,Amount',
      '2024-05-01,K1,P1,10,5,50',
      '2024-05-02,K2,P1,100,4,400',
      '2024-06-02,K2,P1,100,4,400',
      '2024-06-03,K3,P2,3,7,21',
      '2024-04-03,K3,P2,3,8,24',
      '2024-04-03,K4,P1,1,6,6',
    ].join('\n');
    await dropAndConfirm(page, [{ name: 'no-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }], 2);
    await page.waitForSelector('[data-testid=kpi-table] tbody tr');
    const weights = text(await page.locator('[data-testid=kpi-weights]').textContent());
    expect(weights).toContain('plan fulfilment left out (no plan table)');
    expect(weights).toMatch(/volume share 42\.9 · price index 28\.6 · stability 28\.6/);
    expect(weights).toContain('Your weights 30 / 30 / 20 / 20 were rescaled to sum to 100');
    const head = await headers(page, 'kpi-table');
    expect(head).toContain('Volume share (pts)');
    expect(head.join(' | '), 'no column for the metric left out').not.toContain('Plan fulfilment');
    // K3: a small buyer at the best price, active in 2 of 3 months, ranks above K4.
    const k3 = page.locator('[data-testid=kpi-table] tbody tr', { hasText: 'K3' });
    const whyAt = head.findIndex((t) => t.includes('Why this tier'));
    expect(text(await k3.locator('td').nth(whyAt).textContent())).toMatch(
      /^strongest: \w[\w ]+ [\d.]+ of [\d.]+ pts; weakest: /,
    );
    await page.screenshot({ path: join(SHOTS, 'definitions-kpi-no-plan.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});

describe('customer counts say what they count', () => {
  it('on the Overview card, the Pareto, Customers, Lifecycle and RFM pages', async () => {
    const { page, errors } = await h.open({ path: '?period_start=2024-07-01' });
    await waitForIdle(page, 1);
    expect(await definitionOf(page, 'stat-customers-definition')).toBe(
      'Customers with net revenue > 0 in the period 2024-07-01 – 2025-12-31 (returns netted; sales without a customer are not counted).',
    );
    await page.locator('[data-testid=stat-customers-definition] button.info').hover();
    await page.screenshot({ path: join(SHOTS, 'definitions-overview-tip.png'), fullPage: false });
    await goToPage(page, 'pareto');
    expect(await definitionOf(page, 'count-pareto')).toContain(
      'at least one sales row in the period 2024-07-01',
    );
    await goToPage(page, 'customers');
    const customers = await page.locator('[data-testid=count-customers] .term').textContent();
    expect(customers).toMatch(/^[\d,]+ customers with a sales row in the period$/);
    await goToPage(page, 'lifecycle');
    expect(await definitionOf(page, 'count-lifecycle')).toContain('all history');
    await goToPage(page, 'rfm');
    // The analysis period starts 2024-07; the RFM window is still the 12 months ending T.
    expect(await definitionOf(page, 'count-rfm')).toContain('RFM window 2025-01-01 – 2025-12-31');
    expect(await page.locator('[data-testid=rfm-window-differs]').textContent()).toContain(
      'does not follow the analysis period (2024-07-01 – 2025-12-31)',
    );
    await page.screenshot({ path: join(SHOTS, 'definitions-rfm.png'), fullPage: false });
    expect(errors).toEqual([]);
  });

  it('gives the same population the same number: Pareto ranks as many customers as the Customers table lists', async () => {
    const { page, errors } = await h.open({ path: '?page=pareto' });
    await waitForIdle(page, 1);
    const ranked = (await page.locator('[data-testid=pareto-panel] .subtitle').textContent())!.match(
      /Customer: ([\d,]+) ranked/,
    )![1];
    await goToPage(page, 'customers');
    expect(await page.locator('[data-testid=count-customers] .term').textContent()).toBe(
      `${ranked} customers with a sales row in the period`,
    );
    expect(errors).toEqual([]);
  });
});
