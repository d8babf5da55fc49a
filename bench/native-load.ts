/**
 * The load alone on native DuckDB: a Parquet file through the ingest (inspect + loadFiles, the
 * duplicate count left out as the CLI leaves it out), or `--bare`: DuckDB's own read_parquet
 * into the sales table with no cleaning. Prints one JSON line: wall ms, CPU seconds, peak RSS,
 * peak JS heap.
 *
 * Usage: tsx bench/native-load.ts FILE [--bare] [--root DIR]
 * (--root: the source tree to load with, e.g. a `git worktree` of an older commit, to compare.)
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const file = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--root')!);
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 ? args[rootAt + 1] : '.');

async function main(): Promise<void> {
  const { NativeEngine } = await import(`${root}/src/engine/native.ts`);
  let heapPeak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
  const t0 = performance.now();
  const db = await NativeEngine.start({});
  let rows: number;
  if (args.includes('--bare')) {
    const { CANONICAL } = await import(`${root}/src/ingest/canonical.ts`);
    const scan = `read_parquet('${file.replaceAll("'", "''")}')`;
    const have = new Set(
      (await db.rows(`DESCRIBE SELECT * FROM ${scan}`)).map((r: { column_name: string }) => r.column_name),
    );
    const type: Record<string, string> = { number: 'DOUBLE', text: 'VARCHAR', date: 'DATE', month: 'DATE' };
    const cols = (CANONICAL.sales as { role: string; type: string }[]).map(
      (c) =>
        `${have.has(c.role) ? `CAST(${c.role} AS ${type[c.type]})` : c.role === 'gross_profit' ? 'revenue - cost' : `NULL::${type[c.type]}`} AS ${c.role}`,
    );
    await db.exec(`CREATE TABLE sales AS SELECT ${cols.join(', ')} FROM ${scan}`);
    [{ rows }] = await db.rows('SELECT count(*) AS rows FROM sales');
  } else {
    const { inspectFile, loadFiles } = await import(`${root}/src/ingest/load.ts`);
    const plan = await inspectFile({
      name: 'sales.parquet',
      size: statSync(file).size,
      source: { kind: 'path', path: file },
    });
    const [report] = await loadFiles(db, [plan], { deferDuplicates: () => undefined });
    rows = report.rowsLoaded;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      mode: args.includes('--bare') ? 'bare read_parquet' : 'ingest',
      root,
      rows,
      load_ms: Math.round(ms),
      cpu_s: Math.round((cpu.user + cpu.system) / 1e5) / 10,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      js_heap_peak_mb: Math.round(heapPeak / 2 ** 20),
    }),
  );
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
