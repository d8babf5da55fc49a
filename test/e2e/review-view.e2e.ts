import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAndConfirm, SHOTS, startHarness, waitForIdle, type Harness } from './harness';

// Review links that carry the numbers of one view (the data is too large to travel whole): how
// long they are, and that a reviewer can never read figures that contradict the filters shown.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The demo's files as an analyst drops them (over 20,000 rows: too many to embed whole). */
function demoFiles() {
  const dir = 'sample-data/demo';
  return readdirSync(dir)
    .filter((n) => /\.csv(\.gz)?$/.test(n))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return name.endsWith('.gz')
        ? { name: name.slice(0, -3), mimeType: 'text/csv', buffer: gunzipSync(bytes) }
        : { name, mimeType: 'text/csv', buffer: bytes };
    });
}

/** Open an absolute link in a new browser context, collecting page errors. */
async function openFresh(link: string, locale = 'en-US') {
  const context = await h.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(link);
  return { page, context, errors };
}

/** The analyst's view of the dropped demo data at `path`, and the review link the dialog makes. */
async function analystLink(path: string, shot: string, locale = 'en-US') {
  const { page, context, errors } = await h.open({ path, locale });
  await waitForIdle(page, 1);
  await dropAndConfirm(page, demoFiles(), 2);
  const headline = (await page.locator('[data-testid=headline]').count())
    ? await page.locator('[data-testid=headline]').innerText()
    : null;
  await page.click('[data-testid=share-link]');
  await page.waitForSelector('[data-testid=share-way]', { timeout: 60_000 });
  const way = await page.getAttribute('[data-testid=share-way]', 'data-way');
  const link = await page.inputValue('[data-testid=share-link-text]');
  const shown = Number(await page.getAttribute('[data-testid=share-size]', 'data-chars'));
  const long = (await page.locator('[data-testid=share-long]').count())
    ? await page.textContent('[data-testid=share-long]')
    : null;
  await page.screenshot({ path: join(SHOTS, shot) });
  expect(errors).toEqual([]);
  await context.close();
  return { way, link, shown, long, headline };
}

/** Every figure of the Overview the reviewer sees (headline cards and the small charts' subtitles). */
async function overviewFigures(page: Page) {
  await page.waitForSelector('[data-testid=overview-receivables]', { timeout: 60_000 });
  return page.evaluate(() =>
    ['headline', 'overview-period', 'overview-abc', 'overview-lifecycle', 'overview-kpi', 'overview-rfm'].map(
      (id) => (document.querySelector(`[data-testid=${id}]`) as HTMLElement | null)?.innerText,
    ),
  );
}

describe('view links', () => {
  it('the demo Overview travels as its numbers in under 8,000 characters, and the reviewer sees them', async () => {
    const a = await analystLink('', 'review-view-dialog.png');
    expect(a.way).toBe('snapshot-view');
    expect(a.shown).toBe(a.link.length);
    // Chat tools cut links longer than about 8,000 characters (it was 108,770 before: every
    // customer's row of five analyses and every SQL text).
    expect(a.link.length).toBeLessThan(8_000);
    expect(a.long).toBeNull();
    console.info(`demo Overview view link: ${a.link.length} characters`);

    const r = await openFresh(a.link);
    await waitForIdle(r.page, 1);
    expect(await r.page.getAttribute('[data-testid=source-banner]', 'data-mode')).toBe('view');
    expect(await r.page.locator('[data-testid=headline]').innerText()).toBe(a.headline);
    const figures = await overviewFigures(r.page);
    expect(figures.every((f) => f && /\d/.test(f))).toBe(true);
    expect(await r.page.locator('[data-testid=analysis-error]').count()).toBe(0);
    await r.page.screenshot({ path: join(SHOTS, 'review-view-reviewer.png'), fullPage: true });
    expect(r.errors).toEqual([]);
    await r.context.close();
  }, 240_000);

  it('a reviewer cannot change what the numbers were computed for: controls disabled with the reason, and an edited link shows no figures', async () => {
    // The analyst shares the East region's Overview.
    const a = await analystLink('?filters.region=%E5%8D%8E%E4%B8%9C', 'review-view-dialog-east.png');
    expect(a.way).toBe('snapshot-view');
    console.info(`demo Overview of 华东 view link: ${a.link.length} characters`);
    expect(a.link.length).toBeLessThan(8_000);

    for (const [locale, reason] of [
      ['en-US', 'cannot be changed here'],
      ['zh-CN', '不能更改期间、筛选和参数'],
    ]) {
      const r = await openFresh(a.link, locale);
      await waitForIdle(r.page, 1);
      const note = r.page.locator('[data-testid=view-locked]');
      expect(await note.textContent()).toContain(reason);
      // No control that would ask for other numbers: no filter pickers, no period, no parameters.
      expect(await r.page.locator('[data-testid=filter-region]').count()).toBe(0);
      expect(await r.page.isDisabled('[data-testid=period-start]')).toBe(true);
      expect(await r.page.isDisabled('[data-testid=as-of]')).toBe(true);
      for (const preset of ['whole', 'last12', 'ytd', 'lastQuarter', 'lastYear'])
        expect(await r.page.isDisabled(`[data-testid=preset-${preset}]`)).toBe(true);
      expect(await r.page.isDisabled('[data-testid=params-toggle]')).toBe(true);
      expect(await r.page.getAttribute('[data-testid=as-of]', 'aria-describedby')).toBe('view-locked');
      // The East chip stays, as a label: it cannot be removed to show "all regions" over East's figures.
      const chip = r.page.locator('[data-testid=active-filters] .chip');
      expect(await chip.count()).toBe(1);
      expect(await chip.isDisabled()).toBe(true);
      if (locale === 'en-US')
        expect(await r.page.locator('[data-testid=headline]').innerText()).toBe(a.headline);
      await r.page.screenshot({ path: join(SHOTS, `review-view-locked-${locale}.png`) });
      expect(r.errors).toEqual([]);
      await r.context.close();
    }

    // An edited address asks for East + South: the chips say so, and no figure is shown under
    // them (the link holds East's only) — "Not in this link" instead.
    const url = new URL(a.link);
    url.searchParams.append('filters.region', '华南');
    const r = await openFresh(url.href);
    await waitForIdle(r.page, 1);
    expect(await r.page.locator('[data-testid=active-filters] .chip').count()).toBe(2);
    await r.page.waitForSelector('[data-testid=analysis-error]');
    expect(await r.page.locator('[data-testid=analysis-error]').first().textContent()).toContain(
      'Not in this link',
    );
    expect(await r.page.locator('[data-testid=headline]').count()).toBe(0);
    expect(await r.page.locator('[data-testid=overview-abc]').count()).toBe(0);
    await r.page.screenshot({ path: join(SHOTS, 'review-view-edited.png'), fullPage: true });
    expect(r.errors).toEqual([]);
    await r.context.close();
  }, 300_000);

  it('a view that shows every customer (the Pareto ranking) is longer: the dialog says it is long and what to do', async () => {
    for (const [locale, says] of [
      ['en-US', 'chat tools often cut such links'],
      ['zh-CN', '聊天工具常会截断这样的链接'],
    ]) {
      const a = await analystLink('?page=pareto', `review-view-dialog-long-${locale}.png`, locale);
      expect(a.way).toBe('snapshot-view');
      console.info(`demo Pareto view link: ${a.link.length} characters`);
      expect(a.link.length).toBeGreaterThan(8_000);
      expect(a.long).toContain(says);
    }
  }, 300_000);
});
