/**
 * Where the time of the ingest's one big statement goes: the bench's CSV is loaded once through
 * the real ingest under Node (its `CREATE TABLE sales__stage AS …` captured), then that statement
 * and variants of it (one part left out at a time, or another form of it) run alternately.
 * Usage: tsx bench/stage-variants.ts [--rows N] [--runs K]. The variants are measurements only:
 * leaving a part out changes the answers.
 */
import { statSync } from 'node:fs';
import { NodeEngine } from '../src/engine/node';
import type { Engine } from '../src/engine/types';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { generateSalesCsv } from './gen-sales';

const args = process.argv.slice(2);
const arg = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const ROWS = arg('--rows', 1_000_000);
const RUNS = arg('--runs', 2);
// Unicode space separators (category Zs): what DuckDB's trim() removes.
const ZS =
  '[32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8239, 8287, 12288]';

async function main(): Promise<void> {
  const path = await generateSalesCsv(`/tmp/bench-data/sales-${ROWS}.csv`, ROWS);
  const db = await NodeEngine.start();
  const seen: string[] = [];
  const capture: Engine = new Proxy(db, {
    get(t, p, r) {
      const v = Reflect.get(t, p, r);
      if (p === 'exec' || p === 'query' || p === 'rows')
        return (sql: string, o?: unknown) => {
          seen.push(sql);
          return v.call(t, sql, o);
        };
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
  const file = { name: 'sales.csv', size: statSync(path).size, source: { kind: 'path' as const, path } };
  await loadFiles(capture, [await inspectFile(file)]);
  const stage = seen.find((s) => s.startsWith('CREATE TABLE sales__stage AS '))!;
  const name = stage.match(/read_csv\('([^']+)'/)![1];
  const seq = stage.match(/nextval\('([^']+)'\)/)![1];
  const rejects = [...stage.matchAll(/rejects_(?:table|scan) = '([^']+)'/g)].map((m) => m[1]);
  await db.registerFile(name, { kind: 'path', path });
  await db.exec(`CREATE TEMP SEQUENCE ${seq}`);
  const body = stage.slice('CREATE TABLE sales__stage AS '.length);
  const read = stage.match(/read_csv\([\s\S]*?rejects_scan = '[^']+'\)/)![0];
  const noRejects = (s: string) =>
    s.replace(/,\s*store_rejects = true, rejects_table = '[^']+', rejects_scan = '[^']+'/, '');
  const trimmed = /nullif\(trim\(("c\d+")\), ''\)/g;
  const summary = /coalesce\(\(CASE WHEN list_contains\(\[9, 10[\s\S]*?, FALSE\) AS _summary/;
  const gp = /\(\(coalesce\(TRY_CAST\("c11"[\s\S]*?AS gross_profit/;
  const variants: Record<string, string> = {
    'as loaded': body,
    'text cells not trimmed': body.replace(trimmed, '$1'),
    'trim only when the first or last character is a space separator': body.replace(
      trimmed,
      (_m, c) =>
        `(CASE WHEN list_contains(${ZS}, ascii(${c})) OR list_contains(${ZS}, ascii(right(${c}, 1))) THEN nullif(trim(${c}), '') ELSE nullif(${c}, '') END)`,
    ),
    'trim computed once in an inner level': (() => {
      const cols = [...new Set([...body.matchAll(trimmed)].map((m) => m[1]))];
      return body
        .replace(trimmed, (_m, c: string) => `nullif(_t_${c.slice(1, -1)}, '')`)
        .replace(
          'FROM (SELECT *, FALSE AS _nul FROM (SELECT',
          `FROM (SELECT *, ${cols.map((c) => `trim(${c}) AS _t_${c.slice(1, -1)}`).join(', ')}, FALSE AS _nul FROM (SELECT`,
        );
    })(),
    'no summary-row test': body.replace(summary, 'FALSE AS _summary'),
    'no derived gross profit': body.replace(gp, 'NULL AS gross_profit'),
    'no row sequence': body.replace(`nextval('${seq}')`, '0'),
    'no store_rejects': noRejects(body),
    'raw cells only, as text': `SELECT * FROM ${noRejects(read)}`,
    'bare typed read_csv': `SELECT * FROM read_csv('${name}')`,
  };
  for (const [k, sql] of Object.entries(variants))
    if (k !== 'as loaded' && sql === body) throw new Error(`variant "${k}" did not change the statement`);
  const times: Record<string, number[]> = {};
  for (let i = 0; i < RUNS; i++)
    for (const [k, sql] of Object.entries(variants)) {
      await db.exec('DROP TABLE IF EXISTS t');
      for (const r of rejects) await db.exec(`DROP TABLE IF EXISTS ${r}`);
      const t = performance.now();
      await db.exec(`CREATE TABLE t AS ${sql}`);
      (times[k] ??= []).push(Math.round(performance.now() - t));
    }
  console.log(`stage statement, ${ROWS} rows, ${RUNS} alternating runs (ms):`);
  for (const [k, v] of Object.entries(times)) console.log(`${v.join(' ').padStart(12)}  ${k}`);
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
