import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startHarness, waitForIdle, type Harness } from './harness';

// Period presets of the filter bar and the Overview trend's brush, on the demo data
// (order dates 2024-01-01 … 2025-12-31).
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** What the filter bar shows: the first month, As of, and the pressed preset. */
async function shown(page: Page) {
  return {
    from: await page.inputValue('[data-testid=period-start]'),
    asOf: await page.inputValue('[data-testid=as-of]'),
    pressed: await page
      .locator('[data-testid=period-presets] button[aria-pressed=true]')
      .evaluateAll((b) => b.map((x) => x.getAttribute('data-testid'))),
    period: await page.locator('[data-testid=overview-period]').innerText(),
  };
}

async function pick(page: Page, preset: string) {
  await page.click(`[data-testid=preset-${preset}]`);
  await waitForIdle(page, 1);
}

describe('period presets', () => {
  it('each preset sets its dates; As of never goes past the data’s last day', async () => {
    const { page, errors } = await h.open();
    await waitForIdle(page, 1);
    // The default is the last 12 months.
    expect(await shown(page)).toMatchObject({
      from: '2025-01',
      asOf: '2025-12-31',
      pressed: ['preset-last12'],
    });
    expect(await page.getAttribute('[data-testid=as-of]', 'max')).toBe('2025-12-31');

    await pick(page, 'whole');
    expect(await shown(page)).toMatchObject({
      from: '2024-01',
      asOf: '2025-12-31',
      pressed: ['preset-whole'],
    });
    expect((await shown(page)).period).toContain('2024-01-01 to 2025-12-31');
    expect(new URL(page.url()).searchParams.get('period_start')).toBe('2024-01-01');

    await pick(page, 'lastQuarter');
    expect(await shown(page)).toMatchObject({
      from: '2025-10',
      asOf: '2025-12-31',
      pressed: ['preset-lastQuarter'],
    });
    // Same period last year moves from the period in force: Q4 2025 → Q4 2024.
    await pick(page, 'lastYear');
    expect(await shown(page)).toMatchObject({ from: '2024-10', asOf: '2024-12-31', pressed: [] });
    expect((await shown(page)).period).toContain('2024-10-01 to 2024-12-31');

    await pick(page, 'ytd');
    expect(await shown(page)).toMatchObject({ from: '2025-01', asOf: '2025-12-31', pressed: ['preset-ytd'] });
    await pick(page, 'last12');
    expect(await shown(page)).toMatchObject({
      from: '2025-01',
      asOf: '2025-12-31',
      pressed: ['preset-last12'],
    });
    // Back to the defaults: the address carries no period.
    expect(new URL(page.url()).searchParams.has('period_start')).toBe(false);
    expect(new URL(page.url()).searchParams.has('as_of')).toBe(false);

    // A typed As of after the data's last day is kept at that day.
    await page.fill('[data-testid=as-of]', '2026-03-15');
    await waitForIdle(page, 1);
    expect(await page.inputValue('[data-testid=as-of]')).toBe('2025-12-31');
    expect(new URL(page.url()).searchParams.get('as_of')).toBe('2025-12-31');
    expect(errors).toEqual([]);
  });

  it('the trend shows the whole data, and a brush can widen the period beyond the months of the period', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, context, errors } = await h.open({ locale });
      await waitForIdle(page, 1);
      await pick(page, 'lastQuarter');
      await page.locator('[data-testid=trend-chart]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/period-presets-${locale}.png` });
      // 24 months are drawn, not only the quarter's 3.
      // The bars' group (the period's band is a group of one rect).
      const months = await page
        .locator('[data-testid=trend-chart] g[aria-label=rect]')
        .evaluateAll((groups) => Math.max(...groups.map((g) => g.children.length)));
      expect(months).toBe(24);
      const box = (await page.locator('[data-testid=trend-chart] svg').last().boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.08, box.y + box.height * 0.6);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.96, box.y + box.height * 0.6, { steps: 6 });
      await page.mouse.up();
      await waitForIdle(page, 1);
      const after = await shown(page);
      expect(after.from < '2024-04').toBe(true);
      expect(after.asOf).toBe('2025-12-31');
      await page.screenshot({ path: `${SHOTS}/period-widened-${locale}.png` });
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
