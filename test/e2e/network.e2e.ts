import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, dropAndConfirm, SHOTS, startHarness, waitForIdle, type Harness } from './harness';
import { PAGES } from '../../src/state/url-state';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * Block every host but the app's own: requests elsewhere are recorded and aborted, as an intranet
 * without internet would. Returns the recorded outside requests.
 */
async function blockOutside(context: BrowserContext, allowed: string[] = []): Promise<string[]> {
  const own = new URL(h.server.url).origin;
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const origin = /^(https?|wss?):/.test(url) ? new URL(url).origin : null;
    if (origin === null || origin === own || allowed.includes(origin)) return route.fallback();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  // Every request, including the DuckDB worker's (context.route sees those too).
  context.on('request', (r) => {
    const url = r.url();
    if (/^(https?|wss?):/.test(url) && new URL(url).origin !== own && !allowed.includes(new URL(url).origin))
      if (!outside.includes(url)) outside.push(url);
  });
  return outside;
}

/** Collect CSP violations reported to the page (before any app code runs). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('the built page', () => {
  it('has a Content-Security-Policy and no inline script or event-handler attribute', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(csp).toContain("object-src 'none'");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, 'every script has a src').toMatch(/\bsrc="\.\//);
      expect(body.trim(), 'no inline script').toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // Nothing in the built files names another host to load from (fonts, analytics, CDNs).
    const assets = readdirSync(join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    for (const f of assets) {
      const text = readFileSync(join(DIST, 'assets', f), 'utf8');
      expect(text, f).not.toMatch(
        /fonts\.googleapis|googletagmanager|google-analytics|cdn\.jsdelivr|unpkg\.com/,
      );
    }
  });
});

describe('no network but our own files', () => {
  it('every page, a drop, the drill-down and an export make zero outside requests and no CSP violation', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const outside = await blockOutside(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const violations = await watchViolations(page);
    await page.goto(h.server.url);
    await waitForIdle(page, 1);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) =>
          m.getAttribute('content'),
        ),
      ),
    ).toEqual([expect.stringContaining("default-src 'self'"), "connect-src 'self'"]);
    for (const id of PAGES) {
      await page.click(`[data-testid=nav-${id}]`);
      await page.waitForFunction(
        (p) => document.querySelector('[data-testid=app]')?.getAttribute('data-page') === p,
        id,
      );
      await waitForIdle(page, 1);
    }
    await dropAndConfirm(
      page,
      [
        {
          name: 'mine.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            '订单日期,客户编号,客户名称,销售额\n2024-05-01,K1,甲公司,600\n2024-05-02,K2,乙公司,400\n',
          ),
        },
      ],
      2,
    );
    await page.click('[data-testid=nav-customers]');
    await waitForIdle(page, 2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=customers-table] [data-testid=export-csv]').click(),
    ]);
    expect(await download.failure()).toBeNull();
    await page.locator('[data-testid=customers-table] tbody tr').first().click();
    await page.waitForSelector('[data-testid=customer-panel]');
    await waitForIdle(page, 2);
    // A script that tries to reach another host is stopped by the policy itself.
    const blocked = await page.evaluate(() =>
      fetch('http://elsewhere.test/steal').then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(blocked).toBe('blocked');
    await page.screenshot({ path: join(SHOTS, 'network-isolated.png') });
    expect(outside, 'requests to other hosts').toEqual([]);
    const v = await violations();
    expect(v).toEqual(['connect-src http://elsewhere.test/steal']);
    expect(errors.filter((e) => !/elsewhere\.test|Content Security Policy/.test(e))).toEqual([]);
    await context.close();
  });

  it('a data URL named in the address is allowed, every other host still is not', async () => {
    const named = 'http://files.intranet.test:8123';
    const context = await h.browser.newContext();
    const outside = await blockOutside(context, [named]);
    await context.route(`${named}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: 'a,b\n1,2\n' }),
    );
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(
      `${h.server.url}?data=${encodeURIComponent(`${named}/sales.csv`)}&data=javascript:alert(1)`,
    );
    await page.waitForSelector('[data-testid=app]');
    const policy = await page.evaluate(
      () => document.querySelector('meta[data-connect-policy]')?.getAttribute('content') ?? '',
    );
    expect(policy).toBe(`connect-src 'self' ${named}`);
    const result = await page.evaluate(
      async (u) => [
        await fetch(`${u}/sales.csv`).then(
          (r) => r.text(),
          (e: Error) => `failed ${e.message}`,
        ),
        await fetch('http://other.intranet.test/x.csv').then(
          () => 'sent',
          () => 'blocked',
        ),
      ],
      named,
    );
    expect(result).toEqual(['a,b\n1,2\n', 'blocked']);
    expect(await violations()).toEqual(['connect-src http://other.intranet.test/x.csv']);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('without csp.js the app refuses to start and says why', async () => {
    const context = await h.browser.newContext();
    await context.route('**/csp.js', (route) => route.fulfill({ status: 404, body: '' }));
    const page = await context.newPage();
    await page.goto(h.server.url);
    await page.waitForSelector('#app [role=alert]');
    expect(await page.locator('#app [role=alert]').textContent()).toContain('csp.js is missing');
    expect(await page.locator('[data-testid=app]').count()).toBe(0);
    await context.close();
  });
});
