import { runDimensionValues } from './analytics/dimensions';
import { runForecast } from './analytics/forecast/forecast';
import { computeForecast } from './analytics/forecast/compute';
import { forecastRunner, setForecastRunner } from './analytics/forecast/runner';
import { defaultParams, type Params } from './analytics/params';
import { BrowserEngine } from './engine/browser';
import { sqlIdent, sqlString } from './engine/sql';

import { PACK_ROWS } from './ingest/capacity';
import { CANONICAL } from './ingest/canonical';
import { fromBlob } from './ingest/input';
import { parquetInfo, parquetRowGroups } from './ingest/parquet';
import { parquetReader } from './ingest/parquet-source';
import { decodedRowGroups, footersOf } from './ingest/parquet-wasm';
import { OVERVIEW, runPage } from './state/page-analyses';
import { PARAM_USES, type ParamKey } from './state/param-uses';
import { keyAccountsFrom, runKeyAccountInputs } from './analytics/key-accounts';

// The benchmark's "before" reader: `window.__benchParquetReader = 'js'` set by an init script,
// before the page's own scripts run (so a `?data=` link opened in bench mode uses it too).
if ((globalThis as { __benchParquetReader?: string }).__benchParquetReader === 'js') parquetReader.use = 'js';

/**
 * Which reader loads Parquet into DuckDB-WASM from now on (the app's and bareParquet's):
 * `auto` (parquet-wasm, the JS reader where it cannot) or `js` (the JS reader only).
 */
export function useParquetReader(use: 'auto' | 'js'): void {
  parquetReader.use = use;
}

/** One traced statement: how long it ran (ms, not counting its wait in the queue), its first characters, whether it was cancelled. */
export interface TraceEntry {
  ms: number;
  /** When the answer came (performance.now()): the gaps between statements are the page's work. */
  end?: number;
  sql: string;
  cancelled: boolean;
}

/** Statements run by engines wrapped by `traced`, in order (the bench reads and clears it). */
export const trace: TraceEntry[] = [];

/**
 * Time every statement of an engine into `trace` (bench mode only): the benchmark prints where
 * the time of a drop went, statement by statement.
 */
export function traced(engine: BrowserEngine): BrowserEngine {
  engine.onStatement = (s) =>
    trace.push({ ...s, end: performance.now(), sql: s.sql.replace(/\s+/g, ' ').slice(0, 120) });
  const query = engine.query.bind(engine);
  engine.query = (async (request, options) => {
    while (gate) {
      held.count++;
      await gate.promise.finally(() => held.count--);
    }
    return query(request, options);
  }) as typeof engine.query;
  return engine;
}

/** While set, statements of traced engines wait here before they are queued (`hold`/`release`). */
let gate: { promise: Promise<void>; open: () => void } | null = null;

/** How many statements wait at the gate now. */
export const held = { count: 0 };

/**
 * Hold every statement of the traced engines before it reaches DuckDB, until `release`. Tests use
 * it to make "work superseded while it waits" happen on any machine: what a filter change cancels
 * must not depend on whether the machine finished the earlier work first. A statement whose
 * analysis was superseded meanwhile is then dropped, and traced as cancelled.
 */
export function hold(): void {
  if (gate) return;
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  gate = { promise, open };
}

/** Let the held statements go, in the order they were asked. */
export function release(): void {
  const g = gate;
  gate = null;
  g?.open();
}

let bare: BrowserEngine | null = null;

/** What a bare baseline measured: load and analysis times, rows, and every statement's time. */
type BareResult = { loadMs: number; sqlMs: number; rows: number; steps: TraceEntry[] };

/** After a bare load that began at `t0`: run the Overview's analyses and the filter values, timed. */
async function overviewBare(engine: BrowserEngine, t0: number): Promise<BareResult> {
  const t1 = performance.now();
  const before = trace.length;
  await runPage(engine, defaultParams(), OVERVIEW);
  await runDimensionValues(engine);
  const t2 = performance.now();
  const steps = trace.splice(before);
  const [r] = await engine.rows<{ n: number }>('SELECT count(*) AS n FROM sales');
  return { loadMs: t1 - t0, sqlMs: t2 - t1, rows: r.n, steps };
}

/**
 * Benchmark baseline, loaded only when the page URL has `?bench`: DuckDB-WASM's own bare
 * `read_csv` (auto-detected, no cleaning, no report) into a fresh engine, then the same SQL the
 * visible page runs: every analysis of the Overview page and the filter bar's dimension values.
 * The columns the SQL names but the file lacks are added in the same pass as typed NULLs, and
 * gross profit is derived from cost as the ingest does (analytics.md §1), so both sides compute
 * the same figures. The engine stays open for `bareRun` until `bareClose`.
 */
export async function bareBaseline(file: File): Promise<BareResult> {
  await bareClose();
  const engine = traced(await BrowserEngine.start());
  bare = engine;
  const t0 = performance.now();
  await engine.registerFile('bare.csv', { kind: 'blob', blob: file });
  const present = new Set(
    (await engine.rows<{ name: string }>(`DESCRIBE SELECT * FROM read_csv(${sqlString('bare.csv')})`)).map(
      (r) => r.name,
    ),
  );
  const extra = CANONICAL.sales
    .filter((c) => !present.has(c.role))
    .map((c) =>
      c.role === 'gross_profit' && present.has('cost') && present.has('revenue')
        ? 'revenue - cost AS gross_profit'
        : `NULL::${c.type === 'number' ? 'DOUBLE' : c.type === 'text' ? 'VARCHAR' : 'DATE'} AS ${c.role}`,
    );
  await engine.exec(
    `CREATE TABLE sales AS SELECT *${extra.length ? `, ${extra.join(', ')}` : ''} FROM read_csv(${sqlString('bare.csv')})`,
  );
  return overviewBare(engine, t0);
}

/**
 * Parquet baseline: the app's reader (parquet-wasm, or hyparquet under `useParquetReader('js')`)
 * feeding DuckDB-WASM directly: each row group inserted into `sales` under the file's own column
 * names and types (in the compressed database when the app would use it), with only the columns
 * the SQL names added; no cleaning, checks or report. Then the same SQL as bareBaseline.
 */
export async function bareParquet(file: File): Promise<BareResult> {
  await bareClose();
  const engine = traced(await BrowserEngine.start());
  bare = engine;
  const t0 = performance.now();
  const input = fromBlob(file, file.name);
  const info = await parquetInfo(input);
  const names = new Set(info.columns.map((c) => c.name));
  const extra = CANONICAL.sales
    .filter((c) => !names.has(c.role))
    .map((c) =>
      c.role === 'gross_profit' && names.has('cost') && names.has('revenue')
        ? 'revenue - cost AS gross_profit'
        : `NULL::${c.type === 'number' ? 'DOUBLE' : c.type === 'text' ? 'VARCHAR' : 'DATE'} AS ${c.role}`,
    );
  const target = info.rows >= PACK_ROWS ? 'packed.main.sales' : 'sales';
  const wasm = parquetReader.use === 'auto' ? await footersOf(input) : null;
  // parquet-wasm's tables carry the file's own names; the JS reader's are c0…cN.
  const cols = wasm ? '*' : info.columns.map((c, i) => `c${i} AS ${sqlIdent(c.name)}`).join(', ');
  // Each row group as its Arrow tables (parquet-wasm's come in batches), inserted whole into `rg`.
  const groups = wasm
    ? (async function* () {
        for await (const g of decodedRowGroups(wasm)) yield g.batches();
      })()
    : (async function* () {
        for await (const table of parquetRowGroups(input, info)) yield [table];
      })();
  let first = true;
  for await (const group of groups) {
    let create = true;
    for (const batch of group) {
      await engine.insertArrow('rg', batch, { create });
      create = false;
    }
    await engine.exec(
      `${first ? `CREATE TABLE ${target} AS` : 'INSERT INTO sales'} SELECT ${cols}${extra.length ? `, ${extra.join(', ')}` : ''} FROM rg`,
    );
    await engine.exec('DROP TABLE rg');
    first = false;
  }
  return overviewBare(engine, t0);
}

/**
 * Run some Overview analyses on the bare engine with changed parameters (the baseline of a
 * filter or parameter change: the same SQL, no cache, no UI). Returns milliseconds.
 */
export async function bareRun(params: Params, names: (keyof typeof OVERVIEW)[]): Promise<number> {
  if (!bare) throw new Error('bareBaseline first');
  const t0 = performance.now();
  for (const n of names) await OVERVIEW[n].call(bare, params);
  return performance.now() - t0;
}

/**
 * The baseline of the `forecast` case: the same forecast (input SQL, fit, scoring) on the bare
 * engine with the fit and scoring in this page's main thread, as it ran before the worker.
 * Returns the input SQL's and the fit + scoring's milliseconds.
 */
export async function bareForecast(params: Params): Promise<{ sqlMs: number; computeMs: number }> {
  if (!bare) throw new Error('bareBaseline first');
  const worker = forecastRunner();
  let computeMs = 0;
  setForecastRunner((request) => {
    const t = performance.now();
    const result = computeForecast(request);
    computeMs = performance.now() - t;
    return Promise.resolve(result);
  });
  try {
    const t0 = performance.now();
    await runForecast(bare, params);
    return { sqlMs: performance.now() - t0 - computeMs, computeMs };
  } finally {
    setForecastRunner(worker);
  }
}

/** Close the bare engine. */
export async function bareClose(): Promise<void> {
  await bare?.close();
  bare = null;
}

/** The Overview analyses whose cached results a change of `key` invalidates (what the app re-runs). */
export function affectedBy(key: ParamKey): (keyof typeof OVERVIEW)[] {
  return (Object.keys(OVERVIEW) as (keyof typeof OVERVIEW)[]).filter((k) => {
    const uses = PARAM_USES[OVERVIEW[k].name];
    return !uses || uses.includes(key);
  });
}

/**
 * Key accounts on the bare engine (the baseline of `key_accounts_change`): the factor values once
 * (`valuesMs`, the SQL the page runs when it opens), then the standard of `params` applied
 * (`scoreMs`: the whole work of a change of the standard, without the page).
 */
export async function bareKeyAccounts(
  params: Params,
): Promise<{ valuesMs: number; scoreMs: number; customers: number }> {
  if (!bare) throw new Error('bareBaseline first');
  const t0 = performance.now();
  const inputs = await runKeyAccountInputs(bare, params, { forecast: false });
  const t1 = performance.now();
  const r = keyAccountsFrom(inputs!, params.key_accounts);
  const t2 = performance.now();
  return { valuesMs: t1 - t0, scoreMs: t2 - t1, customers: r.scored.rows.length };
}
