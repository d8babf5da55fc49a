/**
 * Where the forecast's fit and scoring run. Node (the CLI, tests) runs `computeForecast` in its own
 * thread; the browser app (main.ts) sets a Web Worker here at start, so a fit of a second or more
 * never blocks the page. A module of its own, without imports, so main.ts can set it without
 * pulling the models into the page's first script.
 */
import type { ForecastCompute } from './forecast';

let runner: ForecastCompute | null = null;

/** Run every later forecast through `compute` (null: in this thread again). */
export function setForecastRunner(compute: ForecastCompute | null): void {
  runner = compute;
}

/** The runner set, or null for this thread. */
export function forecastRunner(): ForecastCompute | null {
  return runner;
}
