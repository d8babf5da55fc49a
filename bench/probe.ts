import { waitForIdle } from '../test/e2e/harness';
/**
 * In-page probes of the benchmark: timing marks set by the page itself (so Playwright's round
 * trips are not counted), the main thread's JS heap sampled while work runs, DuckDB-WASM's linear
 * memory read inside its worker, and the tab's peak resident memory from /proc.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** Marks recorded in the page (performance.now() values). */
export interface Marks {
  /** The file input's change event (the drop). */
  drop?: number;
  /** The mapping screen's confirm button became enabled (inspection done). */
  mapped?: number;
  /** The confirm button was clicked. */
  confirmed?: number;
  /** data-version changed (tables swapped in). */
  loaded?: number;
  /** data-pending fell to 0 after the last change (every visible analysis done). */
  idle?: number;
  /** Peak main-thread JS heap (bytes) since the probe was armed. */
  heapPeak?: number;
  heapStart?: number;
}

declare global {
  interface Window {
    __marks: Marks;
  }
}

/**
 * Arm the probe: marks for the next drop/confirm/version change/idle, and a 20 ms sampler of
 * performance.memory (precise with --enable-precise-memory-info). Idempotent per call.
 */
export async function arm(page: Page): Promise<void> {
  await page.evaluate(() => {
    const mem = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const marks: Marks = { heapStart: mem()?.usedJSHeapSize, heapPeak: mem()?.usedJSHeapSize };
    window.__marks = marks;
    const input = document.querySelector('[data-testid=file-input]') as HTMLInputElement | null;
    input?.addEventListener('change', () => (marks.drop = performance.now()), { once: true, capture: true });
    document.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element).closest?.('[data-testid=confirm-mapping]'))
          marks.confirmed = performance.now();
      },
      { capture: true },
    );
    const app = document.querySelector('[data-testid=app]')!;
    const version = app.getAttribute('data-version');
    const observer = new MutationObserver((records) => {
      const confirm = document.querySelector('[data-testid=confirm-mapping]') as HTMLButtonElement | null;
      if (confirm && !confirm.disabled && marks.mapped === undefined) marks.mapped = performance.now();
      if (app.getAttribute('data-version') !== version && marks.loaded === undefined)
        marks.loaded = performance.now();
      // The last time the analyses count fell to 0 (work after the dashboards, such as the load
      // report's duplicate count, changes other things and is not counted).
      if (
        records.some((r) => r.target === app && r.attributeName === 'data-pending') &&
        app.getAttribute('data-pending') === '0'
      )
        marks.idle = performance.now();
    });
    observer.observe(document.body, { attributes: true, childList: true, subtree: true });
    const timer = setInterval(() => {
      const used = mem()?.usedJSHeapSize ?? 0;
      if (used > (marks.heapPeak ?? 0)) marks.heapPeak = used;
    }, 20);
    // Stop sampling after 15 minutes at most (a hung run must not keep a timer alive forever).
    setTimeout(() => clearInterval(timer), 15 * 60_000);
  });
}

/** Read the marks. */
export async function marks(page: Page): Promise<Marks> {
  return page.evaluate(() => ({ ...window.__marks }));
}

/** Wait until the app is booted, ready, at `version` or later, with no analysis pending. */
export async function waitIdle(page: Page, version: number, timeout = 600_000): Promise<void> {
  await waitForIdle(page, version, { timeout, polling: 50 });
}

/**
 * Wait until the app's after-the-dashboards work (the load report's duplicate count) is done, so
 * that it does not run beside a baseline or the next case.
 */
export async function waitBackground(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid=app]')?.getAttribute('data-background') === '0',
    null,
    { timeout: 600_000, polling: 50 },
  );
}

/** Current data-version of the app. */
export async function dataVersion(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid=app]', 'data-version'));
}

/**
 * Size of DuckDB-WASM's linear memory in each DuckDB worker of the page (bytes). A WebAssembly
 * memory only grows, so this is the peak the engine needed so far.
 */
export async function wasmBytes(page: Page): Promise<number[]> {
  const sizes: number[] = [];
  for (const w of page.workers()) {
    const n = await w
      .evaluate(() => {
        const b = (globalThis as unknown as { DUCKDB_BINDINGS?: { mod?: { HEAPU8?: Uint8Array } } })
          .DUCKDB_BINDINGS;
        return b?.mod?.HEAPU8?.length ?? null;
      })
      .catch(() => null);
    if (n !== null) sizes.push(n);
  }
  return sizes;
}

/**
 * The renderer process of the page (the busiest renderer: the page's tab), for /proc readings.
 * Linux only; null elsewhere.
 */
export async function rendererPid(browser: Browser): Promise<number | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo' as never)) as {
      processInfo: { type: string; id: number; cpuTime: number }[];
    };
    await cdp.detach();
    const renderers = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime);
    return renderers[0]?.id ?? null;
  } catch {
    return null;
  }
}

/** Reset the peak resident set size (VmHWM) of a process (Linux: clear_refs 5). */
export function resetPeakRss(pid: number | null): void {
  if (pid === null) return;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    /* not permitted: the peak then counts from process start */
  }
}

/** Peak and current resident memory of a process in bytes (Linux), or nulls. */
export function rss(pid: number | null): { peak: number | null; now: number | null } {
  if (pid === null) return { peak: null, now: null };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    return { peak: kb('VmHWM'), now: kb('VmRSS') };
  } catch {
    return { peak: null, now: null };
  }
}

/** Bytes → MB, rounded. */
export const mb = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n / 2 ** 20);
