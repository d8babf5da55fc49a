import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startHarness, waitForIdle, type Harness, goToPage } from './harness';
import { PAGES } from '../../src/state/url-state';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Serious and critical axe violations (WCAG 2.1 A/AA and best practices), as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

describe('accessibility', () => {
  it.each(['en-US', 'zh-CN'])(
    'every page passes axe with no serious or critical violation (%s)',
    async (locale) => {
      {
        const { page } = await h.open({ locale });
        await waitForIdle(page, 1);
        const found: string[] = [];
        for (const id of PAGES) {
          await goToPage(page, id);
          // Open every chart's data table too, so its markup is checked.
          for (const d of await page.locator('[data-testid=chart-data] summary').all()) await d.click();
          found.push(...(await seriousViolations(page)).map((v) => `${locale} ${id}: ${v}`));
        }
        // The drill-down panel and the parameters panel.
        await goToPage(page, 'customers');
        await page.click('[data-testid=params-toggle]');
        await page.locator('[data-testid=customers-table] tbody tr').first().click();
        await page.waitForSelector('[data-testid=customer-panel]');
        await waitForIdle(page, 1);
        found.push(...(await seriousViolations(page)).map((v) => `${locale} drill-down: ${v}`));
        await page.keyboard.press('Escape');
        // The share dialog.
        await page.click('[data-testid=share-link]');
        await page.waitForSelector('[data-testid=share-way]');
        found.push(...(await seriousViolations(page)).map((v) => `${locale} share dialog: ${v}`));
        await page.click('[data-testid=share-close]');
        // The mapping screen.
        await page.setInputFiles('[data-testid=file-input]', {
          name: 'm.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('Order Date,Customer ID,Amount\n2024-01-02,C1,5\n'),
        });
        await page.waitForSelector('[data-testid=mapping-screen]');
        found.push(...(await seriousViolations(page)).map((v) => `${locale} mapping: ${v}`));
        expect(found).toEqual([]);
        await page.close();
      }
    },
    300_000,
  );

  it('on every page, every control is reached with the Tab key and shows where the focus is', async () => {
    const { page } = await h.open();
    await waitForIdle(page, 1);
    await page.click('[data-testid=params-toggle]');
    const problems: string[] = [];
    for (const id of PAGES) {
      await goToPage(page, id);
      // Every enabled, visible control on the page.
      const controls = await page.evaluate(() => {
        const sel =
          'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable=true]';
        document.querySelectorAll('[data-kbd]').forEach((el) => el.removeAttribute('data-kbd'));
        const all = [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => {
          const r = el.getBoundingClientRect();
          const hidden = getComputedStyle(el).visibility === 'hidden' || (r.width === 0 && r.height === 0);
          // Inside a closed <details> only its summary can take the focus.
          const closed = el.closest('details:not([open])');
          const folded = closed !== null && el !== closed.querySelector(':scope > summary');
          return !hidden && !folded && !(el as HTMLButtonElement).disabled && !el.closest('[inert]');
        });
        all.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
        return all.length;
      });
      expect(controls, id).toBeGreaterThan(15);
      const reached = new Set<string>();
      // Tab on from wherever the focus is; past the last control the focus wraps to the first.
      for (let i = 0; i < controls * 3 && reached.size < controls; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          // The indicator may be drawn by the control or a close wrapper (CodeMirror outlines its editor).
          const drawn = (x: Element) => {
            const s = getComputedStyle(x);
            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          };
          const indicator = [el, el.parentElement, el.parentElement?.parentElement].some(
            (x) => x && drawn(x),
          );
          return {
            id: el.closest('[data-kbd]')?.getAttribute('data-kbd') ?? null,
            what: `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30) ?? ''}`,
            visible: indicator || !el.matches(':focus-visible'),
          };
        });
        if (!info) continue;
        if (info.id) reached.add(info.id);
        if (!info.visible) problems.push(`${id}: no visible focus on ${info.what}`);
      }
      const missed = await page.evaluate(
        (ids) =>
          [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
            .filter((el) => !ids.includes(el.getAttribute('data-kbd')!))
            .map(
              (el) =>
                `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30)}`,
            ),
        [...reached],
      );
      problems.push(...missed.map((m) => `${id}: Tab never reached ${m}`));
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 300_000);

  it('keyboard only: open a customer from the table, close it with Escape, run the SQL console', async () => {
    const { page } = await h.open({ path: '?page=customers' });
    await waitForIdle(page, 1);
    const row = page.locator('[data-testid=customers-table] tbody tr').first();
    await row.focus();
    // The rows are one Tab stop; arrow keys move between them.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('4');
    await page.keyboard.press('End');
    const last = await page.evaluate(() => Number(document.activeElement?.getAttribute('aria-rowindex')));
    expect(last).toBeGreaterThan(100);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=customer-panel]');
    await waitForIdle(page, 1);
    await page.screenshot({ path: join(SHOTS, 'a11y-keyboard-drill-down.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=customer-panel]', { state: 'detached' });
    // A chart's data table opens from the keyboard.
    await page.click('[data-testid=nav-overview]');
    await waitForIdle(page, 1);
    const summary = page.locator('[data-testid=chart-data] summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=chart-data] table');
    expect(await page.locator('[data-testid=chart-data] table tbody tr').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(SHOTS, 'a11y-chart-table.png'), fullPage: true });
  });
});
