/**
 * The `key_accounts_change` case of `npm run bench` (product.md: key-account standard changed at
 * 1 M rows → list and charts updated < 300 ms). Run after a drop, with the data loaded: open the
 * Key accounts page (its factor values: SQL, timed as `page_open_ms`), then apply another
 * standard in the builder and time the click → the last change of the page painted (`ms`).
 * A new standard runs no query: the page re-scores the factor values it holds.
 * `baseline_ms`: the same scoring alone on the bare engine's values (`__bench.bareKeyAccounts`).
 */
import type { Page } from 'playwright-core';
import { defaultParams, type Params } from '../src/analytics/params';
import type { Measured } from './cases';
import { waitIdle } from './probe';

/** The standard the case applies: stage out, gross profit and growth lighter, orders heavier. */
const STANDARD: Params['key_accounts']['factors'] = [
  ['revenue', 40],
  ['gross_profit', 20],
  ['orders', 25],
  ['growth', 5],
  ['overdue_share', 10],
];

/** Open the Key accounts page, apply STANDARD through the builder, time it. */
export async function keyAccountsCase(page: Page, format: string, rows: number): Promise<Measured> {
  const version = Number(await page.getAttribute('[data-testid=app]', 'data-version'));
  const opened = await page.evaluate(() => performance.now());
  await page.click('[data-testid=nav-key_accounts]');
  await page.waitForSelector('[data-testid=key-table] tbody tr', { timeout: 600_000 });
  await waitIdle(page, version);
  const openMs = (await page.evaluate(() => performance.now())) - opened;
  const before = await page.textContent('[data-testid=key-table] tbody');

  // Set the builder to STANDARD (nothing is applied until the click).
  for (const f of ['stage'] as const) await page.uncheck(`[data-testid=factor-on-${f}]`);
  for (const [f, w] of STANDARD) await page.fill(`[data-testid=factor-weight-${f}]`, String(w));
  // From the click: every mutation of the page, each followed by the paint that shows it.
  await page.evaluate(() => {
    const w = window as unknown as { __ka: { clicked?: number; last?: number; painted?: number } };
    w.__ka = {};
    document.addEventListener('click', () => (w.__ka.clicked = performance.now()), {
      capture: true,
      once: true,
    });
    new MutationObserver(() => {
      w.__ka.last = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => (w.__ka.painted = performance.now())));
    }).observe(document.querySelector('main') ?? document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  await page.click('[data-testid=apply-standard]');
  // Done when nothing changed for 1 s.
  await page.waitForFunction(
    () => {
      const k = (window as unknown as { __ka: { last?: number; painted?: number } }).__ka;
      return (
        k.last !== undefined &&
        k.painted !== undefined &&
        k.painted > k.last &&
        performance.now() - k.last > 1000
      );
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
  const ka = await page.evaluate(
    () => (window as unknown as { __ka: { clicked: number; last: number; painted: number } }).__ka,
  );
  const after = await page.textContent('[data-testid=key-table] tbody');
  if (after === before) throw new Error('key_accounts_change: the list did not change');
  const pending = await page.getAttribute('[data-testid=app]', 'data-pending');
  const params: Params = {
    ...defaultParams(),
    key_accounts: { ...defaultParams().key_accounts, factors: STANDARD },
  };
  const base = await page.evaluate((p) => window.__bench.bareKeyAccounts(p), params);
  const ms = ka.painted - ka.clicked;
  console.error(
    `\nkey_accounts_change ${rows} rows (${base.customers} customers): click → painted ${Math.round(ms)} ms ` +
      `(last change at ${Math.round(ka.last - ka.clicked)} ms); page opened in ${Math.round(openMs)} ms; ` +
      `bare: values ${Math.round(base.valuesMs)} ms, scoring ${Math.round(base.scoreMs)} ms`,
  );
  return {
    case: 'key_accounts_change',
    format,
    rows,
    ms: Math.round(ms),
    baseline_ms: Math.round(base.scoreMs),
    ratio: base.scoreMs > 0 ? Number((ms / base.scoreMs).toFixed(2)) : null,
    customers: base.customers,
    last_change_ms: Math.round(ka.last - ka.clicked),
    queries_after_change: pending === '0' ? 0 : null,
    page_open_ms: Math.round(openMs),
    baseline_values_ms: Math.round(base.valuesMs),
    standard: STANDARD.map((p) => p.join(':')).join(','),
  };
}
