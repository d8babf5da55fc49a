import { BrowserEngine } from '../engine/browser';
import type { EngineError } from '../engine/errors';

let early: Promise<BrowserEngine> | null = null;
let crashTo: ((err: EngineError) => void) | null = null;

/**
 * Start DuckDB as the very first thing the page does (main.ts), while the rest of the app is
 * still downloading and compiling: its 35 MB WebAssembly module is the longest step of a first
 * visit. The workbench takes this engine with takeEarlyEngine() for its first start.
 */
export function startEarlyEngine(): void {
  early = BrowserEngine.start({ onCrash: (err) => crashTo?.(err) });
  // A failure is reported when the workbench takes the engine, not as an unhandled rejection.
  early.catch(() => undefined);
}

/** The engine started by startEarlyEngine (once), with crashes reported to `onCrash`; else null. */
export function takeEarlyEngine(onCrash: (err: EngineError) => void): Promise<BrowserEngine> | null {
  const p = early;
  early = null;
  if (!p) return null;
  crashTo = onCrash;
  return p;
}
