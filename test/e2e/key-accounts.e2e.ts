import { readFileSync } from 'node:fs';
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

/** Tier counts strategic,key,regular as the page shows them. */
const counts = (page: Page) => page.getAttribute('[data-testid=key-tier-counts]', 'data-counts');
/** The first ranked rows of the list (rank, id, tier, score). */
const topRows = (page: Page) =>
  page
    .locator('[data-testid=key-table] tbody tr')
    .evaluateAll((rows) => rows.slice(0, 6).map((r) => (r as HTMLElement).innerText));

describe('Key accounts (analytics.md §11)', () => {
  for (const locale of ['en-US', 'zh-CN'])
    it(`shows the standard, the list with sub-classes, the changes and the team (${locale})`, async () => {
      const { page, errors } = await h.open({ locale, path: '?page=key_accounts' });
      await waitForIdle(page, 1);
      await page.waitForSelector('[data-testid=key-table] tbody tr');
      // The demo's master has scope and partnership: both filters are there.
      await expect(page.locator('[data-testid=key-filter-scope] option').count()).resolves.toBeGreaterThan(2);
      await expect(
        page.locator('[data-testid=key-filter-partnership] option').count(),
      ).resolves.toBeGreaterThan(2);
      // The demo has cost, receivables and a covered previous period: the default standard is applied whole.
      await expect(page.locator('[data-testid=key-weights] .dropped').count()).resolves.toBe(0);
      // The demo has two survey waves: satisfaction is available (not greyed).
      await expect(page.getAttribute('[data-testid=factor-satisfaction]', 'class')).resolves.not.toContain(
        'greyed',
      );
      await expect(page.locator('[data-testid=key-changes] [data-testid=key-gained]').count()).resolves.toBe(
        1,
      );
      await expect(page.locator('[data-testid=team-table] tbody tr').count()).resolves.toBeGreaterThan(5);
      await page.screenshot({ path: join(SHOTS, `key-accounts-${locale}.png`), fullPage: true });
      // A rep opens the list of its customers.
      await page.locator('[data-testid=team-table] tbody tr').first().click();
      await page.waitForSelector('[data-testid=team-customers] tbody tr');
      await page
        .locator('[data-testid=team-drill]')
        .screenshot({ path: join(SHOTS, `key-team-${locale}.png`) });
      expect(errors).toEqual([]);
    });

  it('builds a standard: a bad sum is refused with the reason, tiers change, a link reproduces it, a file saves and loads it', async () => {
    const { page, context, errors } = await h.open({ locale: 'en-US', path: '?page=key_accounts' });
    await waitForIdle(page, 1);
    await page.waitForSelector('[data-testid=key-table] tbody tr');
    const before = await counts(page);
    const top = await topRows(page);

    // Revenue 50, orders 40: the sum is 90, the standard is refused and says why.
    for (const f of ['gross_profit', 'growth', 'stage', 'overdue_share'])
      await page.uncheck(`[data-testid=factor-on-${f}]`);
    await page.fill('[data-testid=factor-weight-revenue]', '50');
    await page.fill('[data-testid=factor-weight-orders]', '40');
    await expect(page.textContent('[data-testid=standard-sum]')).resolves.toContain('sum to 90, not 100');
    await expect(page.isDisabled('[data-testid=apply-standard]')).resolves.toBe(true);

    // Add cost to serve (lower is better) with 10: 100, applied; tiers by score 60 / 40.
    await page.check('[data-testid=factor-on-cost_to_serve]');
    await page.fill('[data-testid=factor-weight-cost_to_serve]', '10');
    await expect(page.textContent('[data-testid=standard-sum]')).resolves.toContain('100');
    await page.check('[data-testid=tier-mode-threshold]');
    await page.fill('[data-testid=strategic-score]', '60');
    await page.fill('[data-testid=key-score]', '40');
    await page.click('[data-testid=apply-standard]');
    await waitForIdle(page, 1);
    await page.waitForFunction((b) => {
      const c = document.querySelector('[data-testid=key-tier-counts]')?.getAttribute('data-counts');
      return c && c !== b;
    }, before);
    const after = await counts(page);
    expect(after).not.toBe(before);
    const newTop = await topRows(page);
    expect(newTop).not.toEqual(top);
    await expect(page.textContent('[data-testid=key-weights]')).resolves.toMatch(
      /Revenue 50.*orders.*40.*Cost to serve 10/is,
    );
    await page.screenshot({ path: join(SHOTS, 'key-accounts-built.png'), fullPage: false });

    // The address bar carries the standard; a fresh browser opening it sees the same tiers and rows.
    const link = page.url();
    expect(decodeURIComponent(link)).toContain('key_accounts.factors=revenue:50,orders:40,cost_to_serve:10');
    const other = await h.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const p2 = await other.newPage();
    await p2.goto(link);
    await waitForIdle(p2, 1);
    await p2.waitForSelector('[data-testid=key-table] tbody tr');
    expect(await counts(p2)).toBe(after);
    expect(await topRows(p2)).toEqual(newTop);
    await expect(p2.isChecked('[data-testid=tier-mode-threshold]')).resolves.toBe(true);
    await expect(p2.inputValue('[data-testid=factor-weight-cost_to_serve]')).resolves.toBe('10');
    await other.close();

    // The review link of the share dialog reproduces it too.
    await page.click('[data-testid=share-link]');
    await page.waitForSelector('[data-testid=share-link-text]', { timeout: 60_000 });
    const review = await page.inputValue('[data-testid=share-link-text]');
    await page.click('[data-testid=share-close]');
    const reviewer = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const p3 = await reviewer.newPage();
    await p3.goto(review);
    await waitForIdle(p3, 1);
    await p3.waitForSelector('[data-testid=key-table] tbody tr');
    expect(await counts(p3)).toBe(after);
    await reviewer.close();

    // Save the standard as a named file, go back to the default, load the file: the same tiers.
    await page.fill('[data-testid=standard-name]', 'our 2026 key-account standard');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=save-standard]'),
    ]);
    expect(download.suggestedFilename()).toBe('our_2026_key-account_standard.json');
    const saved = join(SHOTS, download.suggestedFilename());
    await download.saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8')).key_accounts.factors).toEqual([
      ['revenue', 50],
      ['orders', 40],
      ['cost_to_serve', 10],
    ]);
    await page.click('[data-testid=reset-standard]');
    await page.check('[data-testid=tier-mode-share]');
    await page.click('[data-testid=apply-standard]');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid=key-tier-counts]')?.getAttribute('data-counts') === b,
      before,
    );
    await page.setInputFiles('[data-testid=load-standard]', saved);
    await page.waitForFunction(
      (a) => document.querySelector('[data-testid=key-tier-counts]')?.getAttribute('data-counts') === a,
      after,
    );
    await expect(page.textContent('[data-testid=standard-message]')).resolves.toContain(
      'our_2026_key-account_standard.json',
    );
    // A file that is not a standard is refused, naming the key.
    await page.setInputFiles('[data-testid=load-standard]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ key_accounts: { factors: [['revenue', 60]] } })),
    });
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=standard-message]')
        ?.textContent?.includes('key_accounts.factors: weights must sum to 100 (they sum to 60)'),
    );
    expect(await counts(page)).toBe(after);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('greys out what the data cannot give and rescales the rest (sales without cost, no master)', async () => {
    const { page, context, errors } = await h.open({ locale: 'en-US', path: '?page=key_accounts' });
    await waitForIdle(page, 1);
    // Six customers over two months, no cost column, no receivables, no master, no survey.
    const csv = [
      'date,customer id,order no,amount',
      ...['A', 'B', 'C', 'D', 'E', 'F'].flatMap((c, i) => [
        `2024-01-0${i + 1},${c},O${c}1,${(i + 1) * 100}`,
        `2024-02-0${i + 1},${c},O${c}2,${(i + 1) * 50}`,
      ]),
    ].join('\n');
    await dropAndConfirm(page, [{ name: 'no-cost.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }], 2);
    await page.waitForSelector('[data-testid=key-table] tbody tr');
    for (const f of ['gross_profit', 'overdue_share', 'cost_to_serve', 'satisfaction', 'growth'])
      await expect(page.getAttribute(`[data-testid=factor-${f}]`, 'class')).resolves.toContain('greyed');
    await expect(page.textContent('[data-testid=factor-status-gross_profit]')).resolves.toContain(
      'left out: no cost or profit column',
    );
    // revenue 30, orders 15, stage 10 remain of the default: rescaled to 54.5, 27.3, 18.2.
    const weights = await page.textContent('[data-testid=key-weights]');
    expect(weights).toMatch(/Revenue 54\.5.*orders\) 27\.3.*points\) 18\.2/s);
    expect(weights).toContain('rescaled to 100');
    await page.screenshot({ path: join(SHOTS, 'key-accounts-no-cost.png'), fullPage: false });
    // The analyst's own data travels in the review link; the reviewer sees the same list.
    const rows = await topRows(page);
    await page.click('[data-testid=share-link]');
    await page.waitForSelector('[data-testid=share-link-text]', { timeout: 60_000 });
    const way = await page.getAttribute('[data-testid=share-way]', 'data-way');
    const review = await page.inputValue('[data-testid=share-link-text]');
    await page.click('[data-testid=share-close]');
    const reviewer = await h.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const p2 = await reviewer.newPage();
    await p2.goto(review);
    await waitForIdle(p2, 1);
    await p2.waitForSelector('[data-testid=key-table] tbody tr');
    expect(await topRows(p2), `review link (${way})`).toEqual(rows);
    await reviewer.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
