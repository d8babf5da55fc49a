/**
 * Where the time of the ingest's one big statement goes: the bench's CSV is loaded once through
 * the real ingest under Node (its `CREATE TABLE sales__stage AS …` captured), then that statement
 * and variants of it (one part left out at a time, or another form of it) run alternately. The
 * sniff of the bytes (sniff.ts) that decides which columns the statement cleans is timed too.
 * Usage: tsx bench/stage-variants.ts [--rows N] [--runs K]. The variants are measurements only:
 * leaving a part out changes the answers on other files.
 */
import { statSync } from 'node:fs';
import { NodeEngine } from '../src/engine/node';
import type { Engine } from '../src/engine/types';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { sniffText } from '../src/ingest/sniff';
import { sourceChunks } from '../src/ingest/stream';
import { typedSelect } from '../src/ingest/typed-select';
import type { FilePlan } from '../src/ingest/types';
import { generateSalesCsv } from './gen-sales';

const args = process.argv.slice(2);
const arg = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const ROWS = arg('--rows', 1_000_000);
const RUNS = arg('--runs', 2);

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
  const source = { kind: 'path' as const, path };
  const plan = await inspectFile({ name: 'sales.csv', size: statSync(path).size, source });
  await loadFiles(capture, [plan]);
  const stage = seen.find((s) => s.startsWith('CREATE TABLE sales__stage AS '))!;
  const name = stage.match(/read_csv\('([^']+)'/)![1];
  const seq = stage.match(/nextval\('([^']+)'\)/)![1];
  const rejects = [...stage.matchAll(/rejects_(?:table|scan) = '([^']+)'/g)].map((m) => m[1]);
  await db.registerFile(name, source);
  await db.exec(`CREATE TEMP SEQUENCE ${seq}`);
  const body = stage.slice('CREATE TABLE sales__stage AS '.length);
  const read = stage.match(/read_csv\([\s\S]*?rejects_scan = '[^']+'\)/)![0];
  const relation = (r: string) => `(SELECT nextval('${seq}') AS _rec, * FROM ${r})`;
  const noRejects = (s: string) =>
    s.replace(/,\s*store_rejects = true, rejects_table = '[^']+', rejects_scan = '[^']+'/, '');
  // The statement for other answers of the sniff (null: every column; nul undefined: not scanned).
  const select = (facts: { nul?: boolean }, p: FilePlan = plan, r = textRead) =>
    typedSelect(p, { relation: relation(r), lines: 'scan', edgeSpace: null, summaryWord: null, ...facts }, 0);
  // The load reads plain numbers and ISO dates typed (csv-source.ts plainColumns); the variants
  // below read every column as text, as before that.
  const textRead = read.replace(/'(c\d+)': '(?:DOUBLE|DATE)'/g, "'$1': 'VARCHAR'");
  const clean = { nul: false, edgeSpace: new Set<number>(), summaryWord: new Set<number>() };
  const variants: Record<string, string> = {
    'as loaded': body,
    'every text cell trimmed and summary-tested (no sniff)': select({ nul: false }),
    'every text cell also NUL-checked (no byte scan)': select({}),
    'numbers and dates read as text, cleaned as the sniff allows': select(clean),
    'no row sequence': body.replace(`nextval('${seq}')`, '0'),
    'no store_rejects': noRejects(body),
    'raw cells only, as text': `SELECT * FROM ${noRejects(textRead)}`,
    'raw cells only, typed as loaded': `SELECT * FROM ${noRejects(read)}`,
    'bare typed read_csv': `SELECT * FROM read_csv('${name}')`,
  };
  for (const [k, sql] of Object.entries(variants))
    if (k !== 'as loaded' && sql === body) throw new Error(`variant "${k}" did not change the statement`);
  const times: Record<string, number[]> = {};
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await sniffText(sourceChunks(source), plan.delimiter, plan.headerLine + 1, plan.columns.length);
    (times['sniff of the bytes (JS, before the statement)'] ??= []).push(Math.round(performance.now() - t));
    for (const [k, sql] of Object.entries(variants)) {
      await db.exec('DROP TABLE IF EXISTS t');
      for (const r of rejects) await db.exec(`DROP TABLE IF EXISTS ${r}`);
      const t = performance.now();
      await db.exec(`CREATE TABLE t AS ${sql}`);
      (times[k] ??= []).push(Math.round(performance.now() - t));
    }
  }
  console.log(`stage statement, ${ROWS} rows, ${RUNS} alternating runs (ms):`);
  for (const [k, v] of Object.entries(times)) console.log(`${v.join(' ').padStart(12)}  ${k}`);
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
