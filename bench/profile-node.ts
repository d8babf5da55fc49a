/**
 * Where the time of the Overview goes, statement by statement, in DuckDB-WASM under Node:
 * the bench's generated CSV loaded by the real ingest, then the Overview's analyses unfiltered
 * and with a region filter. Usage: tsx bench/profile-node.ts [--rows N] (DETAIL=1: every statement
 * of every analysis)
 */
import { statSync } from 'node:fs';
import { defaultParams } from '../src/analytics/params';
import { runDimensionValues } from '../src/analytics/dimensions';
import { NodeEngine } from '../src/engine/node';
import type { Engine } from '../src/engine/types';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { OVERVIEW } from '../src/state/page-analyses';
import { generateSalesCsv } from './gen-sales';

const args = process.argv.slice(2);
const i = args.indexOf('--rows');
const ROWS = i >= 0 ? Number(args[i + 1]) : 1_000_000;

const log: { ms: number; sql: string }[] = [];
function traced(e: Engine): Engine {
  const time =
    <T>(sql: string, p: () => Promise<T>) =>
    async () => {
      const t = performance.now();
      const r = await p();
      log.push({ ms: performance.now() - t, sql: sql.replace(/\s+/g, ' ').slice(0, 110) });
      return r;
    };
  return new Proxy(e, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (prop === 'query' || prop === 'rows' || prop === 'exec')
        return (sql: string, o?: unknown) => time(sql, () => v.call(target, sql, o))();
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function report(title: string, from: number): void {
  const steps = log.slice(from);
  const total = steps.reduce((s, x) => s + x.ms, 0);
  console.log(`\n== ${title}: ${Math.round(total)} ms in ${steps.length} statements`);
  for (const s of [...steps].sort((a, b) => b.ms - a.ms).slice(0, 12))
    console.log(`${String(Math.round(s.ms)).padStart(6)} ms  ${s.sql}`);
}

async function main(): Promise<void> {
  const path = await generateSalesCsv(`/tmp/bench-data/sales-${ROWS}.csv`, ROWS);
  const db = traced(await NodeEngine.start());
  const file = { name: 'sales.csv', size: statSync(path).size, source: { kind: 'path' as const, path } };
  let from = log.length;
  const plan = await inspectFile(file);
  await loadFiles(db, [plan]);
  report('load', from);
  const params = defaultParams();
  const page = async (p: typeof params, title: string) => {
    from = log.length;
    for (const [name, a] of Object.entries(OVERVIEW)) {
      const f = log.length;
      const t = performance.now();
      await a.call(db, p);
      console.log(`${name.padEnd(12)} ${Math.round(performance.now() - t)} ms (${log.length - f} stmts)`);
      if (process.env.DETAIL)
        for (const s of log.slice(f))
          console.log(`      ${String(Math.round(s.ms)).padStart(6)} ms  ${s.sql}`);
    }
    if (title === 'overview') await runDimensionValues(db);
    report(title, from);
  };
  await page(params, 'overview');
  const [r] = await db.rows<{ region: string }>(
    'SELECT region FROM sales GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
  );
  await page({ ...params, filters: { ...params.filters, region: [r.region] } }, 'region filter');
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
