import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const attr = (name: string) => `[data-testid=app][data-${name}]`;

/** A fresh page whose DuckDB WebAssembly is held back until `release()`, as on a slow machine. */
async function heldBack(locale = 'en-US') {
  const context = await h.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await context.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(h.server.url);
  return { page, context, errors, release };
}

describe('first visit', () => {
  it('draws the demo Overview from the recorded answers while DuckDB starts, then hands over without a redraw', async () => {
    const { page: fresh, context, errors, release } = await heldBack();
    await fresh.waitForSelector('[data-testid=headline] [data-testid=stat-revenue]');
    await fresh.waitForSelector('[data-testid=overview-abc] svg');
    const app = fresh.locator('[data-testid=app]');
    expect(await app.getAttribute('data-status')).toBe('starting');
    expect(await app.getAttribute('data-recorded-view')).toBe('drawing');
    expect(await app.getAttribute('data-version')).toBe('1');
    const before = await fresh.locator('[data-testid=headline]').innerText();
    await fresh.screenshot({ path: `${SHOTS}/opening-recorded.png`, fullPage: true });

    release();
    await waitForIdle(fresh, 1);
    expect(await app.getAttribute('data-recorded-view')).toBe('handed-over');
    // Every query of the opening view was in the record: the browser asked what Node recorded.
    expect(await app.getAttribute('data-recorded-misses')).toBe('0');
    expect(await app.getAttribute('data-version')).toBe('1');
    expect(await fresh.locator('[data-testid=headline]').innerText()).toBe(before);

    // DuckDB answers what the record does not hold: a filter pick changes the figures.
    const shown = await fresh.locator('[data-testid=headline]').textContent();
    await fresh.click('[data-testid=filter-region]');
    await fresh.locator('#filter-region label.option input').nth(0).check();
    await fresh.waitForFunction(
      (b) => document.querySelector('[data-testid=headline]')?.textContent !== b,
      shown,
    );
    await waitForIdle(fresh, 1);
    expect(await fresh.locator('[data-testid=headline]').innerText()).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a filter picked before DuckDB is there waits for it and is answered by it', async () => {
    const { page, context, errors, release } = await heldBack();
    await page.waitForSelector(attr('recorded-view="drawing"'));
    await page.waitForSelector('[data-testid=filter-region]');
    const before = await page.locator('[data-testid=headline]').innerText();
    await page.click('[data-testid=filter-region]');
    await page.locator('#filter-region label.option input').nth(0).check();
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid=app]').getAttribute('data-status')).toBe('starting');
    release();
    await waitForIdle(page, 1);
    expect(
      Number(await page.locator('[data-testid=app]').getAttribute('data-recorded-misses')),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=headline]').innerText()).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  for (const [locale, says] of [
    ['en-US', 'will load as soon as the analysis engine is ready'],
    ['zh-CN', '分析引擎就绪后将立即载入'],
  ])
    it(`a file dropped while the engine starts is kept, named, and loaded once it is ready (${locale})`, async () => {
      const { page, context, errors, release } = await heldBack(locale);
      await page.waitForSelector(attr('recorded-view="drawing"'));
      expect(await page.locator('[data-testid=app]').getAttribute('data-status')).toBe('starting');
      const csv = ['订单日期,客户编号,销售额', '2025-01-05,K1,100', '2025-02-07,K2,250', '2025-03-09,K1,80'];
      // The file input takes the file while the engine starts (it used to be disabled then).
      await page.setInputFiles('[data-testid=file-input]', {
        name: 'early.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv.join('\n')),
      });
      const queued = page.locator('[data-testid=drop-queued]');
      await queued.waitFor();
      expect(await queued.textContent()).toContain('early.csv');
      expect(await queued.textContent()).toContain(says);
      await page.screenshot({ path: `${SHOTS}/opening-queued-${locale}.png` });
      expect(await page.locator('[data-testid=mapping-screen]').count()).toBe(0);

      release();
      await page.waitForSelector('[data-testid=mapping-screen]', { timeout: 60_000 });
      expect(await queued.count()).toBe(0);
      expect(await page.textContent('[data-testid=mapping-screen]')).toContain('early.csv');
      await page.click('[data-testid=confirm-mapping]');
      await waitForIdle(page, 2);
      expect(await page.locator('[data-testid=demo-notice]').count()).toBe(0);
      expect(await page.locator('[data-testid=stat-customers]').innerText()).toMatch(/\b2\b/);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
});
