/**
 * Where the time of the result files goes on native DuckDB, analysis by analysis and statement by
 * statement: a Parquet sales file loaded by the real ingest (as `npm run analyze -- --engine
 * native` loads it), then each analysis of run-all timed (its statements: DuckDB plus the
 * conversion of the answer to JS), then each result file's writer. Prints the JS heap after each
 * step. Usage: tsx bench/profile-native.ts FILE.parquet [--threads N] [--memory-limit 1GB]
 * (DETAIL=1: every statement; run with `node --cpu-prof` through tsx for a CPU profile).
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { datasetCaps, resolvePeriod } from '../src/analytics/common';
import { defaultParams } from '../src/analytics/params';
import { ANALYSES, type FileSpec } from '../src/analytics/registry';
import { NativeEngine } from '../src/engine/native';
import { SharingEngine } from '../src/engine/sharing';
import type { Engine } from '../src/engine/types';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { summary } from '../src/results/writer';
import { textString } from '../src/export/csv';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const FILE = resolve(args[0]);

const log: { ms: number; sql: string }[] = [];
function traced(e: Engine): Engine {
  // Every statement goes through query({ type, sql }) (rows, exec and arrow are written over it).
  return new Proxy(e, {
    get(target, prop, receiver) {
      if (prop === 'query')
        return async (request: { sql: string }, o?: unknown) => {
          const t = performance.now();
          const r = await target.query(request as never, o as never);
          log.push({ ms: performance.now() - t, sql: request.sql.replace(/\s+/g, ' ').slice(0, 140) });
          return r;
        };
      const v = Reflect.get(target, prop, target);
      // rows/exec/arrow call this.query: through the proxy; the rest on the engine itself.
      const viaQuery = prop === 'rows' || prop === 'exec' || prop === 'arrow';
      return typeof v === 'function' ? v.bind(viaQuery ? receiver : target) : v;
    },
  });
}

const heap = () => `${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB heap`;

async function main(): Promise<void> {
  const native = await NativeEngine.start({
    threads: opt('--threads') ? Number(opt('--threads')) : undefined,
    memoryLimit: opt('--memory-limit'),
  });
  const db = traced(native);
  const file = {
    name: basename(FILE),
    size: statSync(FILE).size,
    source: { kind: 'path' as const, path: FILE },
  };
  let t = performance.now();
  const plan = await inspectFile(file);
  const reports = await loadFiles(db, [plan], { deferDuplicates: () => undefined });
  console.log(`load ${Math.round(performance.now() - t)} ms, ${heap()}`);
  for (const s of log)
    if (s.ms > 50) console.log(`      ${String(Math.round(s.ms)).padStart(6)} ms  ${s.sql}`);
  const params = defaultParams();
  const period = (await resolvePeriod(db, params))!;
  const caps = await datasetCaps(db);
  const ctx = { params, period, caps };
  const results: Record<string, unknown> = {};
  // As run-all: statements several analyses contain are computed once (engine/sharing.ts).
  const shared = new SharingEngine(db);
  for (const a of ANALYSES) {
    if (!a.run) continue;
    const from = log.length;
    t = performance.now();
    results[a.id] = await (a.run as (db: Engine, c: typeof ctx) => Promise<unknown>)(shared, ctx);
    const ms = performance.now() - t;
    const steps = log.slice(from);
    const sql = steps.reduce((s, x) => s + x.ms, 0);
    console.log(
      `${a.id.padEnd(14)} ${String(Math.round(ms)).padStart(6)} ms (statements ${Math.round(sql)} ms in ${steps.length}, JS ${Math.round(ms - sql)} ms), ${heap()}`,
    );
    const shown = process.env.DETAIL ? steps : [...steps].sort((x, y) => y.ms - x.ms).slice(0, 4);
    for (const s of shown)
      if (s.ms > 50) console.log(`      ${String(Math.round(s.ms)).padStart(6)} ms  ${s.sql}`);
  }
  let bytes = 0;
  for (const a of ANALYSES) {
    if (!(a.id in results)) continue;
    for (const f of a.files as readonly FileSpec<unknown>[]) {
      t = performance.now();
      const text = f.write(results[a.id]);
      const c = text === null ? null : textString(text);
      bytes += c?.length ?? 0;
      console.log(
        `write ${f.name.padEnd(28)} ${String(Math.round(performance.now() - t)).padStart(6)} ms, ${c?.length ?? 0} chars`,
      );
    }
  }
  t = performance.now();
  JSON.stringify(summary({ params, period, caps, results } as never, reports));
  console.log(`summary.json ${Math.round(performance.now() - t)} ms; ${bytes} chars of CSV; ${heap()}`);
  await native.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
