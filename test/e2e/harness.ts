import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic, type StaticServer } from './static-server';

/** Where screenshots go (looked at by a person; not committed). */
export const SHOTS = resolve(process.env.E2E_SHOTS ?? 'test-results');

/** The built site to serve: `dist/`, or `E2E_DIST` (several people building into one checkout). */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** A served dist/ plus a browser, for one test file. */
export interface Harness {
  server: StaticServer;
  browser: Browser;
  /** A fresh context and page with console errors collected. */
  open(options?: {
    locale?: string;
    path?: string;
  }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  close(): Promise<void>;
}

/** Serve dist/ under /tools/sales/ on http://intranet.test and launch Chromium. */
export async function startHarness(options: { extra?: Record<string, string> } = {}): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  const server = await serveStatic({ root: DIST, basePath: '/tools/sales/', extra: options.extra });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async open({ locale = 'en-US', path = '' } = {}) {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url + path);
      return { page, context, errors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Wait until the app has data loaded, no analysis query is pending and no after-load work runs. */
export async function waitForIdle(
  page: Page,
  minVersion = 0,
  options: { timeout?: number; polling?: number } = {},
): Promise<void> {
  await page.waitForFunction(
    (v) => {
      const app = document.querySelector('[data-testid=app]');
      return (
        app?.getAttribute('data-booted') === 'true' &&
        app?.getAttribute('data-status') === 'ready' &&
        Number(app.getAttribute('data-version')) >= v &&
        app.getAttribute('data-pending') === '0' &&
        app.getAttribute('data-background') === '0'
      );
    },
    minVersion,
    { timeout: options.timeout ?? 60_000, ...(options.polling ? { polling: options.polling } : {}) },
  );
}

/** Drop files through the file input and confirm the proposed mapping (the analyst's two steps). */
export async function dropAndConfirm(
  page: Page,
  files: { name: string; mimeType: string; buffer: Buffer }[] | string[],
  version: number,
): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', files as never);
  await page.waitForSelector('[data-testid=mapping-screen]');
  await page.click('[data-testid=confirm-mapping]');
  await waitForIdle(page, version);
}

/** Open a page from the navigation and wait until its analyses are done. */
export async function goToPage(page: Page, id: string): Promise<void> {
  await page.click(`[data-testid=nav-${id}]`);
  await page.waitForFunction(
    (p) => document.querySelector('[data-testid=app]')?.getAttribute('data-page') === p,
    id,
  );
  await waitForIdle(page, 1);
}

/** Hold the engine's statements before they are sent, or let them go (bench hook, `?bench` pages). */
export async function holdEngine(page: Page, action: 'hold' | 'release'): Promise<void> {
  await page.evaluate(
    (a) => (window as unknown as { __bench: Record<'hold' | 'release', () => void> }).__bench[a](),
    action,
  );
}
