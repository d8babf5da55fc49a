import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/messages/en';
import { badCorpus } from '../fixtures/bad/generate';
import { SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The longest fixed part of a message template: what the page must show for that key. */
function fixedPart(key: string): string {
  const template = (en as Record<string, string>)[key];
  expect(template, key).toBeDefined();
  return template
    .split(/\{\w+\}/)
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0];
}

describe('every bad file dropped on the page', () => {
  it('loads or is refused with its specific message; the page never breaks and keeps its data', async () => {
    const { page, errors } = await h.open({ path: '?page=customers' });
    await waitForIdle(page, 1);
    let version = 1;
    const mime = (name: string) =>
      name.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : name.endsWith('.gz')
          ? 'application/gzip'
          : 'text/csv';
    for (const f of badCorpus()) {
      const e = f.expected;
      await page.setInputFiles('[data-testid=file-input]', {
        name: f.name,
        mimeType: mime(f.name),
        buffer: Buffer.from(f.bytes),
      });
      await page.waitForSelector('[data-testid=mapping-screen], [data-testid=error]');
      if (await page.locator('[data-testid=mapping-screen]').count()) {
        await page.click('[data-testid=confirm-mapping]');
        await page.waitForFunction(
          (v) =>
            Number(document.querySelector('[data-testid=app]')?.getAttribute('data-version')) > v ||
            document.querySelector('[data-testid=error]') !== null,
          version,
        );
      }
      await waitForIdle(page, version);
      if (e.error) {
        const banner = await page.locator('[data-testid=error]').textContent();
        expect(banner, f.name).toContain(f.name);
        expect(banner, f.name).toContain(fixedPart(`error.${e.error}`));
        expect(banner, f.name).toContain('Your earlier data is still loaded');
        await page.locator('[data-testid=error] button').click();
      } else {
        version++;
        const banner = page.locator('[data-testid=error]');
        if (await banner.count()) expect.fail(`${f.name}: ${await banner.textContent()}`);
        await waitForIdle(page, version);
        const report = (await page.locator('[data-testid=load-report]').textContent()) ?? '';
        expect(report, f.name).toContain(f.name);
        if (e.rowsLoaded !== undefined)
          expect(await page.locator('[data-testid=rows-loaded]').first().textContent(), f.name).toBe(
            String(e.rowsLoaded),
          );
        for (const key of e.says) expect(report, `${f.name}: ${key}`).toContain(fixedPart(key));
      }
      expect(await page.locator('[data-testid=app]').getAttribute('data-status'), f.name).toBe('ready');
      if (f.name === 'impossible-dates.csv' || f.name === 'truncated-large.csv.gz')
        await page.screenshot({ path: join(SHOTS, `bad-${f.name}.png`), fullPage: true });
    }
    // The page still works: the last file loaded shows in the tables.
    await page.click('[data-testid=nav-customers]');
    await waitForIdle(page, version);
    expect(await page.locator('[data-testid=customers-table] tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
