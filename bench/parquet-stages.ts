/**
 * Where the time of a Parquet load goes, stage by stage, in DuckDB-WASM under Node (the same WASM
 * build the page runs, one thread, no overlap between JS and DuckDB, so the stages add up):
 *
 *   decode   the reader alone, every row group to Arrow (JS: hyparquet's decoding, then the Arrow
 *            columns built from its values, each timed; wasm: the group's bytes cut out and read,
 *            parquet-wasm's decoding to Arrow IPC and its view as an apache-arrow Table)
 *   ipc      apache-arrow's tableToIPC of each group (what Engine.insertArrow sends to DuckDB)
 *   load     the real ingest (inspect + loadFiles): insertArrow calls, the typing and cleaning
 *            statement per group, the rest (report counts, duplicates), and the wall time
 *   overview the Overview's analyses and the filter values after the load (--overview)
 *
 * Usage: tsx bench/parquet-stages.ts --file F.parquet [--reader js|wasm] [--overview]
 * Prints one JSON line (and the JS heap and RSS peaks sampled every 20 ms).
 */
import { statSync } from 'node:fs';
import { tableToIPC, type Table } from 'apache-arrow';
import { parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { runDimensionValues } from '../src/analytics/dimensions';
import { defaultParams } from '../src/analytics/params';
import { NodeEngine } from '../src/engine/node';
import type { Engine } from '../src/engine/types';
import { byteReader } from '../src/ingest/input';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { parquetInfo, parquetRowGroups } from '../src/ingest/parquet';
import { parquetReader } from '../src/ingest/parquet-source';
import { decodedRowGroups, footersOf, parquetWasm } from '../src/ingest/parquet-wasm';
import type { InputFile } from '../src/ingest/types';
import { OVERVIEW } from '../src/state/page-analyses';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const PATH = opt('--file');
const READER = opt('--reader') === 'js' ? 'js' : 'wasm';
if (!PATH) throw new Error('--file F.parquet');

const peaks = { heap: 0, rss: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peaks.heap = Math.max(peaks.heap, m.heapUsed);
  peaks.rss = Math.max(peaks.rss, m.rss);
}, 20);

const file: InputFile = {
  name: 'sales.parquet',
  size: statSync(PATH).size,
  source: { kind: 'path', path: PATH },
};
const ms = (t: number) => Math.round(performance.now() - t);

/** Time the reader alone; returns the decoded groups' total and their tableToIPC time. */
async function decodeStage(): Promise<Record<string, number>> {
  const info = await parquetInfo(file);
  const out: Record<string, number> = {};
  let ipc = 0;
  const t0 = performance.now();
  let groups: AsyncIterable<Table>;
  if (READER === 'js') {
    // hyparquet's decoding alone (column chunks as JS values), group by group.
    const read = byteReader(file);
    const buffer = {
      byteLength: file.size,
      slice: async (s: number, e?: number) => {
        const b = await read(s, e ?? file.size);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      },
    };
    let start = 0;
    for (const g of info.meta.row_groups) {
      const end = start + Number(g.num_rows);
      await parquetRead({
        file: buffer,
        metadata: info.meta,
        compressors,
        rowStart: start,
        rowEnd: end,
        onChunk: () => undefined,
      });
      start = end;
    }
    out.hyparquet_decode_ms = ms(t0);
    groups = parquetRowGroups(file, info);
  } else {
    await parquetWasm();
    out.wasm_init_ms = ms(t0);
    groups = (async function* () {
      for await (const g of decodedRowGroups((await footersOf(file))!)) yield* g.batches();
    })();
  }
  let decodeTotal = 0;
  let last = performance.now();
  for await (const table of groups) {
    decodeTotal += performance.now() - last;
    const t = performance.now();
    tableToIPC(table, 'stream');
    ipc += performance.now() - t;
    last = performance.now();
  }
  out.reader_to_arrow_ms = Math.round(decodeTotal);
  if (READER === 'js') out.arrow_build_ms = out.reader_to_arrow_ms - out.hyparquet_decode_ms;
  out.table_to_ipc_ms = Math.round(ipc);
  return out;
}

/** The real load with every engine call timed by kind. */
async function loadStage(db: Engine): Promise<Record<string, number>> {
  const spent = { insert: 0, stage: 0, other: 0 };
  const timed = new Proxy(db, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (typeof v !== 'function') return v;
      if (!['query', 'rows', 'exec', 'insertArrow'].includes(String(prop))) return v.bind(target);
      return async (a: string, ...rest: unknown[]) => {
        const t = performance.now();
        try {
          return await v.call(target, a, ...rest);
        } finally {
          const d = performance.now() - t;
          if (prop === 'insertArrow') spent.insert += d;
          else if (/^(CREATE TABLE \S*stage|INSERT INTO \S*stage)/.test(a)) spent.stage += d;
          else spent.other += d;
        }
      };
    },
  });
  parquetReader.use = READER === 'js' ? 'js' : 'auto';
  const t0 = performance.now();
  const plan = await inspectFile(file);
  const inspect = ms(t0);
  const [report] = await loadFiles(timed, [plan]);
  const wall = ms(t0);
  return {
    inspect_ms: inspect,
    load_wall_ms: wall,
    insert_arrow_ms: Math.round(spent.insert),
    stage_sql_ms: Math.round(spent.stage),
    other_sql_ms: Math.round(spent.other),
    reader_in_load_ms: Math.round(wall - inspect - spent.insert - spent.stage - spent.other),
    rows_loaded: report.rowsLoaded,
  };
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = {
    case: 'parquet_stages',
    reader: READER === 'js' ? 'hyparquet' : 'parquet-wasm',
  };
  Object.assign(result, await decodeStage());
  const db = await NodeEngine.start();
  Object.assign(result, await loadStage(db));
  if (args.includes('--overview')) {
    const t = performance.now();
    for (const a of Object.values(OVERVIEW)) await a.call(db, defaultParams());
    await runDimensionValues(db);
    result.overview_ms = ms(t);
  }
  await db.close();
  clearInterval(sampler);
  result.js_heap_peak_mb = Math.round(peaks.heap / 2 ** 20);
  result.rss_peak_mb = Math.round(peaks.rss / 2 ** 20);
  console.log(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
