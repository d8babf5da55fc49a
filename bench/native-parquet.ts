/**
 * Bench case `native_parquet`: `npm run analyze -- --engine native` on N generated Parquet sales
 * rows (default 10 M) → every result file written, against native DuckDB's bare
 * `read_parquet` into a table + the same analyses and result files (writeResults), each in a fresh process (so each peak
 * resident memory is its own). Prints one JSON line.
 *
 * Usage: tsx bench/native-parquet.ts [--rows N] [--threads N] [--memory-limit 2GB] [--file F]
 * (--file: an existing Parquet file with the bench's columns, e.g. a 100 M-row one).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultParams } from '../src/analytics/params';
import { main as analyze, writeResults } from '../src/cli/analyze';
import { NativeEngine } from '../src/engine/native';
import { sqlString } from '../src/engine/sql';
import { CANONICAL } from '../src/ingest/canonical';
import { generateSalesParquet } from './gen-parquet';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = Number(opt('--rows') ?? 10_000_000);
const THREADS = opt('--threads');
const MEMORY = opt('--memory-limit');

interface Run {
  ms: number;
  load_ms: number;
  peak_rss_mb: number;
  js_heap_peak_mb: number;
  js_heap_load_peak_mb: number;
  /** CPU seconds of the process (all threads), whole run and load: steadier than wall time on a shared machine. */
  cpu_s: number;
  load_cpu_s: number;
  out: string;
}

/**
 * Peak of the JS heap, sampled every 50 ms (the native engine's memory is not in it): `load()`
 * gives the peak so far (call it when the load ends), `stop()` the peak of the whole run.
 */
function heapSampler(): { load: () => number; stop: () => number } {
  let peak = process.memoryUsage().heapUsed;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 50);
  const mb = () => Math.round(sample() / 2 ** 20);
  return {
    load: mb,
    stop: () => {
      clearInterval(timer);
      return mb();
    },
  };
}

/** CPU time of this process so far (user + system, every thread), in seconds. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1e5) / 10;
}

const TYPE = { number: 'DOUBLE', text: 'VARCHAR', date: 'DATE', month: 'DATE' } as const;

/** The product: the CLI's main(), as `npm run analyze` runs it. */
async function app(file: string): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'bench-native-app-'));
  const heap = heapSampler();
  const t0 = performance.now();
  let loaded = 0;
  let loadHeap = 0;
  let loadCpu = 0;
  const write = process.stderr.write.bind(process.stderr);
  // The CLI logs "analysing: …" once the load is done: that moment splits load and analyses.
  process.stderr.write = ((s: string) => {
    if (!loaded && String(s).startsWith('analysing')) {
      loaded = performance.now();
      loadHeap = heap.load();
      loadCpu = cpuSeconds();
    }
    return write(s);
  }) as typeof process.stderr.write;
  const extra = [...(THREADS ? ['--threads', THREADS] : []), ...(MEMORY ? ['--memory-limit', MEMORY] : [])];
  const code = await analyze(['--engine', 'native', ...extra, '--sales', file, '--out', out]);
  if (code !== 0) throw new Error(`analyze exited ${code}`);
  const ms = performance.now() - t0;
  return {
    ms,
    load_ms: loaded - t0,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    js_heap_peak_mb: heap.stop(),
    js_heap_load_peak_mb: loadHeap,
    cpu_s: cpuSeconds(),
    load_cpu_s: loadCpu,
    out,
  };
}

/** The baseline: bare read_parquet into the sales table (columns by name, no cleaning) + runAll. */
async function bare(file: string): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'bench-native-bare-'));
  const heap = heapSampler();
  const t0 = performance.now();
  const db = await NativeEngine.start({
    threads: THREADS ? Number(THREADS) : undefined,
    memoryLimit: MEMORY,
  });
  const scan = `read_parquet(${sqlString(resolve(file))})`;
  const have = new Set(
    (await db.rows<{ column_name: string }>(`DESCRIBE SELECT * FROM ${scan}`)).map((r) => r.column_name),
  );
  // Gross profit derived as the ingest derives it (analytics.md §1), so the analyses see the same table.
  const derived: Record<string, string> = { gross_profit: 'CAST(revenue AS DOUBLE) - CAST(cost AS DOUBLE)' };
  const cols = CANONICAL.sales.map((c) => {
    const expr = have.has(c.role)
      ? `CAST(${c.role} AS ${TYPE[c.type]})`
      : c.role in derived && have.has('cost')
        ? derived[c.role]
        : `NULL::${TYPE[c.type]}`;
    return `${expr} AS ${c.role}`;
  });
  await db.exec(`CREATE TABLE sales AS SELECT ${cols.join(', ')} FROM ${scan}`);
  const loaded = performance.now();
  const loadHeap = heap.load();
  const loadCpu = cpuSeconds();
  // The same analyses and writing as the CLI's (writeResults), so the two differ by the load only.
  await writeResults(db, defaultParams(), [], out, () => undefined);
  await db.close();
  return {
    ms: performance.now() - t0,
    load_ms: loaded - t0,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    js_heap_peak_mb: heap.stop(),
    js_heap_load_peak_mb: loadHeap,
    cpu_s: cpuSeconds(),
    load_cpu_s: loadCpu,
    out,
  };
}

async function child(mode: string, file: string): Promise<void> {
  const run = mode === 'app' ? await app(file) : await bare(file);
  process.stdout.write(`\n${JSON.stringify(run)}\n`);
}

function spawnRun(mode: string, file: string): Run {
  const out = execFileSync(
    'npx',
    ['tsx', 'bench/native-parquet.ts', ...args, '--child', mode, '--file', file],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: process.env.TZ ?? 'Asia/Shanghai' },
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

/** The CSV result files of both runs agree (summary.json differs: the bare run has no load report). */
function sameCsv(a: string, b: string): boolean {
  return readdirSync(a)
    .filter((f) => f.endsWith('.csv'))
    .every((f) => readFileSync(join(a, f), 'utf8') === readFileSync(join(b, f), 'utf8'));
}

async function driver(): Promise<void> {
  const file =
    opt('--file') ?? (await generateSalesParquet(resolve(`bench-results/data/sales-${ROWS}.parquet`), ROWS));
  // The machine's 1-minute load average before and after: other work on the cores shows here.
  const loadBefore = loadavg()[0];
  const base = spawnRun('bare', file);
  const run = spawnRun('app', file);
  const identical = sameCsv(run.out, base.out);
  for (const d of [run.out, base.out]) rmSync(d, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      case: 'native_parquet',
      format: 'parquet',
      rows: ROWS,
      ms: Math.round(run.ms),
      baseline_ms: Math.round(base.ms),
      ratio: Number((run.ms / base.ms).toFixed(2)),
      load_ms: Math.round(run.load_ms),
      analyses_ms: Math.round(run.ms - run.load_ms),
      baseline_load_ms: Math.round(base.load_ms),
      baseline_sql_ms: Math.round(base.ms - base.load_ms),
      peak_rss_mb: run.peak_rss_mb,
      baseline_peak_rss_mb: base.peak_rss_mb,
      cpu_s: run.cpu_s,
      baseline_cpu_s: base.cpu_s,
      load_cpu_s: run.load_cpu_s,
      baseline_load_cpu_s: base.load_cpu_s,
      js_heap_load_peak_mb: run.js_heap_load_peak_mb,
      js_heap_peak_mb: run.js_heap_peak_mb,
      baseline_js_heap_peak_mb: base.js_heap_peak_mb,
      csv_results_identical: identical,
      load_average: [loadBefore, loadavg()[0]].map((x) => Number(x.toFixed(1))),
      threads: THREADS ? Number(THREADS) : cpus().length,
      memory_limit: MEMORY ?? 'default',
      machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    }),
  );
}

const mode = opt('--child');
(mode ? child(mode, opt('--file')!) : driver()).catch((err) => {
  console.error(err);
  process.exit(1);
});
