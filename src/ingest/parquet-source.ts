import type { Engine } from '../engine/types';
import { datasetRowGroups } from './dataset';
import { parquetWasm, wasmParquetSource } from './parquet-wasm';
import { uid, type LoadProgress, type RawSource } from './raw-source';
import type { FilePlan } from './types';
import { dayMonthSeparator } from './values';

/**
 * Which reader loads Parquet into DuckDB-WASM: `auto` (parquet-wasm where it gives the JS
 * reader's values, else the JS reader) or `js` (always the JS reader: tests that compare the two,
 * and the benchmark's before).
 */
export const parquetReader: { use: 'auto' | 'js' } = { use: 'auto' };

/**
 * A Parquet file (or dataset) read into DuckDB-WASM row group by row group: by parquet-wasm
 * (parquet-wasm.ts) when it reads the file value for value as the JS reader does, else by the JS
 * reader (hyparquet). Should parquet-wasm's WebAssembly fail to start (a partial copy of the
 * site), the JS reader loads the same rows, slower, and the console says why.
 */
export async function parquetSource(
  db: Engine,
  plan: FilePlan,
  onProgress?: (p: LoadProgress) => void,
): Promise<RawSource> {
  if (parquetReader.use === 'auto') {
    const ready = await parquetWasm().then(
      () => true,
      (err: unknown) => {
        console.warn('parquet-wasm could not start; Parquet is read by the slower JS reader.', err);
        return false;
      },
    );
    if (ready) {
      const src = await wasmParquetSource(db, plan, onProgress);
      if (src) return src;
    }
  }
  return jsParquetSource(db, plan, onProgress);
}

/**
 * A Parquet file (or dataset) read by the JS reader, row group by row group, into DuckDB; streamed
 * batch by batch unless a date column's day/month order must first be read from the whole column.
 */
export async function jsParquetSource(
  db: Engine,
  plan: FilePlan,
  onProgress?: (p: LoadProgress) => void,
): Promise<RawSource> {
  const table = `raw_${uid()}`;
  const progress = (done: number, total: number) =>
    onProgress?.({ file: plan.file.name, phase: 'reading', done, total });
  // Streamed: each row group is typed and checked on its own, straight into the stage, so the
  // file never sits in DuckDB twice (raw and typed). Text dates whose day/month order must be
  // decided from the whole column need the whole raw table first.
  if (!plan.columns.some((c) => c.role && c.dateFormat && dayMonthSeparator(c.dateFormat)))
    return {
      relation: '',
      freshRelation: () => '',
      lines: 'column',
      rejectsTable: null,
      chunks: async function* () {},
      cleanup: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
      batches: async function* () {
        for await (const group of datasetRowGroups(plan.file, progress)) {
          await db.insertArrow(table, group, { create: true });
          yield `(SELECT *, _rec AS _line FROM ${table})`;
          await db.exec(`DROP TABLE IF EXISTS ${table}`);
        }
      },
    };
  let first = true;
  for await (const group of datasetRowGroups(plan.file, progress)) {
    await db.insertArrow(table, group, { create: first });
    first = false;
  }
  if (first) await db.exec(`CREATE TEMP TABLE ${table} AS SELECT 1.0 AS _rec WHERE FALSE`);
  return {
    relation: `(SELECT *, _rec AS _line FROM ${table})`,
    freshRelation: () => table,
    lines: 'column',
    rejectsTable: null,
    chunks: async function* () {},
    cleanup: () => db.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}
