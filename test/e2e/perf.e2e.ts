import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSalesCsv } from '../../bench/gen-sales';
import type { TraceEntry } from '../../src/bench-hook';
import { holdEngine, SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The bench hook as the page exposes it (`?bench` pages only). */
interface BenchWindow {
  __bench: { trace: TraceEntry[]; held: { count: number }; hold(): void; release(): void };
}

/** Statements the engine ran (or dropped) since the last call; `?bench` pages only. */
async function takeTrace(page: Page): Promise<TraceEntry[]> {
  return page.evaluate(() =>
    (window as unknown as { __bench: { trace: TraceEntry[] } }).__bench.trace.splice(0),
  );
}

describe('work the page does at scale', () => {
  it('runs only what the visible page needs, reuses results across pages, and cancels superseded work', async () => {
    const csv = await generateSalesCsv(join(SHOTS, 'perf-sales-200000.csv'), 200_000);
    const { page, errors } = await h.open({ path: '?bench' });
    await waitForIdle(page);
    await page.setInputFiles('[data-testid=file-input]', csv);
    await page.waitForSelector('[data-testid=confirm-mapping]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid=confirm-mapping]');
    await waitForIdle(page, 2);
    await takeTrace(page);

    // The Pareto page shows the customer ranking the Overview already computed; the only SQL is
    // the ABC migration panel's (the rankings of the period and of the earlier one, §13) and the
    // customer names every customer table shares (names.ts, once per data version).
    await page.click('[data-testid=nav-pareto]');
    await page.waitForSelector('[data-testid=pareto-chart] svg');
    await waitForIdle(page, 2);
    const ran = (await takeTrace(page)).filter((t) => !t.cancelled).map((t) => t.sql);
    const onPareto = ran.filter((sql) => !sql.startsWith('WITH master AS'));
    expect(ran.length - onPareto.length).toBeLessThanOrEqual(1);
    expect(onPareto.length).toBeLessThanOrEqual(3);
    for (const sql of onPareto)
      expect(sql).toMatch(
        /^WITH base AS \(SELECT \* FROM sales|^SELECT count\(\*\) AS n FROM \(SELECT \* FROM sales/,
      );
    await page.click('[data-testid=nav-overview]');
    await waitForIdle(page, 2);
    await takeTrace(page);

    // A threshold only Pareto reads re-runs Pareto, not the seven other analyses; and Pareto
    // classifies its kept ranking again (src/state/preagg.svelte.ts): no statement at all.
    const abcChart = page.locator('[data-testid=overview-abc]');
    const abcBefore = await abcChart.innerHTML();
    await page.click('[data-testid=params-toggle]');
    await page.locator('[data-testid=param-abc-a]').fill('0.7');
    await page.locator('[data-testid=param-abc-a]').press('Tab');
    await page.waitForTimeout(100);
    await waitForIdle(page, 2);
    expect(await abcChart.innerHTML()).not.toBe(abcBefore);
    expect((await takeTrace(page)).map((t) => t.sql)).toEqual([]);
    await page.click('[data-testid=params-toggle]');

    // Two filter picks, the second while the first pick's SQL is still waiting: the first pick's
    // statements are dropped (traced as cancelled), and the page ends on the second pick. The
    // engine is held (bench hook) so that "still waiting" is true on any machine, however fast.
    await page.click('[data-testid=filter-region]');
    const options = page.locator('#filter-region label.option input');
    // A pick is answered on screen from the pre-aggregates built after the load (preagg.ts): one
    // statement for the headline and the trend, and no scan of the sales rows for either.
    await waitForIdle(page, 2);
    await takeTrace(page);
    await options.nth(2).check();
    await waitForIdle(page, 2);
    const picked = (await takeTrace(page)).map((t) => t.sql);
    expect(picked[0]).toMatch(/FROM preagg_\d+_ui WHERE .*dim = 'region'/);
    expect(picked.filter((sql) => /^WITH rows AS|^WITH this_period AS/.test(sql))).toEqual([]);
    await options.nth(2).uncheck();
    await waitForIdle(page, 2);
    await takeTrace(page);
    await holdEngine(page, 'hold');
    await options.nth(0).check();
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.held.count > 0);
    await options.nth(1).check();
    // Held work cannot finish: the progress line is shown (after its 300 ms delay) on any machine.
    await page.waitForSelector('[data-testid=busy]', { timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'perf-busy.png') });
    await holdEngine(page, 'release');
    await waitForIdle(page, 2);
    expect(await page.locator('[data-testid=busy]').count()).toBe(0);
    const afterFilters = await takeTrace(page);
    expect(afterFilters.filter((t) => t.cancelled).length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=active-filters] .chip').count()).toBe(2);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'perf-filtered.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 300_000);

  it('refuses a file too large for the tab before reading it, says what to do, and keeps the data', async () => {
    // 16 M tiny rows (≈ 100 MB): over the tab's limit, yet quick to make and to drop.
    const path = join(SHOTS, 'perf-16m-rows.csv');
    if (!existsSync(path)) {
      const out = createWriteStream(path);
      out.write('order_date,customer_id,revenue\n');
      const block = '2024-01-02,C1,1\n'.repeat(100_000);
      for (let i = 0; i < 160; i++)
        if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
      await new Promise<void>((r) => out.end(() => r()));
    }
    const { page, errors } = await h.open();
    await waitForIdle(page);
    const before = await page.locator('[data-testid=headline]').textContent();
    await page.setInputFiles('[data-testid=file-input]', path);
    await page.waitForSelector('[data-testid=confirm-mapping]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid=confirm-mapping]');
    const alert = page.locator('[data-testid=error]');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('perf-16m-rows.csv');
    expect(text).toContain('--engine native');
    await waitForIdle(page);
    expect(await page.locator('[data-testid=headline]').textContent()).toBe(before);
    await page.screenshot({ path: join(SHOTS, 'perf-too-large.png') });
    expect(errors).toEqual([]);
  }, 300_000);
});
