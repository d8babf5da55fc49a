import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, dropAndConfirm, goToPage, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Record the page's long tasks (main thread busy > 50 ms) from now on, as [start, duration]. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: [number, number][] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
}

/** Visible text of the page's main area. */
const mainText = (page: Page) => page.locator('[data-testid=app]').innerText();

describe('Forecast page (issue 17, analytics.md §10)', () => {
  it('shows the models in words, P(alive), the at-risk list and the ranking, in both languages', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors } = await h.open({ locale });
      await waitForIdle(page, 1);
      await watchLongTasks(page);
      await goToPage(page, 'forecast');
      await page.waitForSelector('[data-testid=palive-chart] svg');
      await page.waitForSelector('[data-testid=palive-heatmap] svg');
      await page.waitForSelector('[data-testid=forecast-table] tbody tr');
      // Both lists name the customer beside the id (the demo's names are company names).
      for (const table of ['forecast-table', 'at-risk-table']) {
        const row = page.locator(`[data-testid=${table}] tbody tr`).first();
        await expect.poll(() => row.locator('td').nth(1).innerText()).toMatch(/有限公司|公司/);
      }
      const text = await mainText(page);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      const words = await page.locator('[data-testid=forecast-model]').innerText();
      if (locale === 'en-US') {
        expect(words).toMatch(/An average active customer buys about every [\d.]+ (weeks|days)\./);
        expect(words).toMatch(/After each purchase, [\d.]+% of customers stop buying for good\./);
      } else {
        expect(words).toMatch(/一位普通的活跃客户大约每 [\d.]+ (周|天)购买一次/);
        expect(words).toContain('每次购买之后');
      }
      // The demo's Gamma-Gamma fit ends on the box for γ (docs/analytics.md §10): said in words.
      const bound = await page.locator('[data-testid=forecast-on-bound]').innerText();
      expect(bound).toContain(locale === 'en-US' ? 'edge of its range' : '边界');
      // The fit ran in the worker: its round trip is measured, and while it ran (hundreds of ms
      // even for the demo's 320 customers) the page's main thread had no long task.
      const { fits, long } = await page.evaluate(() => ({
        fits: performance.getEntriesByName('forecast:compute').map((m) => [m.startTime, m.duration] as const),
        long: (window as unknown as { __long: [number, number][] }).__long,
      }));
      expect(fits.length).toBeGreaterThan(0);
      const [start, duration] = fits[fits.length - 1];
      const during = long.filter(([s, d]) => s >= start && s + d <= start + duration);
      expect(during, JSON.stringify({ fit: [start, duration], long })).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `forecast-${locale}.png`), fullPage: true });

      // A row opens the customer panel with the customer's forecast.
      await page.locator('[data-testid=forecast-table] tbody tr').first().click();
      await page.waitForSelector('[data-testid=drill-forecast]');
      await waitForIdle(page, 1);
      const drill = await page.locator('[data-testid=drill-forecast]').innerText();
      expect(drill).toMatch(/P\(alive\) [\d.]+%/);
      expect(drill).not.toMatch(/NaN|–%/);
      await page.screenshot({ path: join(SHOTS, `forecast-customer-${locale}.png`) });
      await page.keyboard.press('Escape');

      // The Lifecycle page shows the mean P(alive) per stage.
      await goToPage(page, 'lifecycle');
      await page.waitForSelector('[data-testid=stage-palive-chart] svg');
      // Each bar says its value, so Lost (~0.01 % on the demo) does not read as "no data".
      const marks = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid=stage-palive-chart] svg')!;
        return {
          bars: svg.querySelectorAll('g[aria-label="bar"] rect').length,
          labels: [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent),
        };
      });
      expect(marks.labels.length).toBe(marks.bars);
      for (const l of marks.labels) expect(l).toMatch(/^([<>] )?\d+%$/);
      expect(marks.labels).toContain('< 1%');
      await page
        .locator('[data-testid=lifecycle-palive]')
        .screenshot({ path: join(SHOTS, `forecast-lifecycle-${locale}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240_000);

  it('runs the holdout check from the page and gives a one-line verdict with the chart', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, errors } = await h.open({ locale, path: '?page=forecast' });
      await waitForIdle(page, 1);
      await page.waitForSelector('[data-testid=holdout-off]');
      await page.click('[data-testid=holdout-try]');
      await page.waitForSelector('[data-testid=holdout-chart] svg');
      await waitForIdle(page, 1);
      expect(page.url()).toContain('forecast.holdout_weeks=26');
      const verdict = await page.locator('[data-testid=holdout-verdict]').innerText();
      if (locale === 'en-US')
        expect(verdict).toMatch(
          /^(Good|Fair|Poor): the forecast was [\d.]+% (under|over) the actual purchase days in the 26 holdout weeks \([\d,]+ predicted, [\d,]+ actual; fitted on the data up to \d{4}-\d\d-\d\d\)\.$/,
        );
      else
        expect(verdict).toMatch(
          /^(准确|尚可|偏差大)：在 26 周的回测期内，预测的购买天数比实际(少|多) [\d.]+%/,
        );
      // The parameters panel holds the same value.
      await page.click('[data-testid=params-toggle]');
      expect(await page.locator('[data-testid=param-forecast-holdout_weeks]').inputValue()).toBe('26');
      await page.locator('[data-testid=forecast-holdout]').scrollIntoViewIfNeeded();
      await page
        .locator('[data-testid=forecast-holdout]')
        .screenshot({ path: join(SHOTS, `forecast-holdout-${locale}.png`) });
      expect(await mainText(page)).not.toMatch(/NaN/);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it('honours the filters, and says why when there is too little data', async () => {
    const { page, errors } = await h.open({ path: '?page=forecast' });
    await waitForIdle(page, 1);
    await page.waitForSelector('[data-testid=forecast-scope]');
    const all = await page.locator('[data-testid=forecast-scope]').innerText();
    await page.goto(`${h.server.url}?page=forecast&filters.region=${encodeURIComponent('西北')}`);
    await waitForIdle(page, 1);
    await page.waitForSelector('[data-testid=forecast-scope]');
    const filtered = await page.locator('[data-testid=forecast-scope]').innerText();
    const customers = (s: string) =>
      Number(/([\d,]+) customers with a purchase day/.exec(s)![1].replace(/,/g, ''));
    expect(customers(filtered)).toBeLessThan(customers(all));

    // The filter is kept for a new file (it has no region: nobody is left), and the page says so.
    const lines = ['order_date,customer_id,revenue'];
    for (let i = 0; i < 5; i++) lines.push(`2024-0${i + 1}-10,C${i},100`);
    lines.push('2024-06-01,C0,50', '2024-06-02,C1,60');
    const few = { name: 'few.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
    await dropAndConfirm(page, [few], 2);
    await page.waitForSelector('[data-testid=forecast-none]');
    expect(await page.locator('[data-testid=forecast-none]').innerText()).toBe(
      'No forecast: no customer has a purchase day up to 2024-06-02 with the current filters.',
    );
    // Without the filter: five customers, two of whom bought on two days.
    await page.locator('[data-testid=active-filters] .chip').first().click();
    await waitForIdle(page, 2);
    await page.waitForSelector('[data-testid=forecast-none]');
    expect(await page.locator('[data-testid=forecast-none]').innerText()).toBe(
      'No forecast: only 2 customers bought on more than one day up to 2024-06-02; the models need at least 20 to learn how often customers buy and how many stop. Widen the filters or load a longer history.',
    );
    expect(await mainText(page)).not.toMatch(/NaN/);
    await page.screenshot({ path: join(SHOTS, 'forecast-none-en-US.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Export results holds clv.csv and the forecast block of summary.json', async () => {
    const { page, errors } = await h.open({ path: '?page=forecast' });
    await waitForIdle(page, 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-results]'),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip)).toContain('clv.csv');
    const clv = strFromU8(zip['clv.csv']).replace(/^\uFEFF/, '');
    expect(clv.split('\n')[0]).toBe(
      'customer_id,frequency,recency_weeks,age_weeks,monetary,p_alive,expected_purchases,expected_avg_value,expected_value',
    );
    // The page's ranking is the file's order.
    const first = clv.split('\n')[1].split(',')[0];
    expect(await page.locator('[data-testid=forecast-table] tbody tr').first().innerText()).toContain(first);
    const summary = JSON.parse(strFromU8(zip['summary.json'])) as { forecast: Record<string, unknown> };
    expect(summary.forecast.reason).toBeNull();
    expect(typeof summary.forecast.r).toBe('number');
    expect(summary.forecast.on_bound).toEqual(expect.arrayContaining(['gamma']));
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
