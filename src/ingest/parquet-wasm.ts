/**
 * Parquet read by parquet-wasm (the Rust arrow-rs reader built to WebAssembly) for DuckDB-WASM,
 * whose own Parquet reader is an extension downloaded from the internet. Each row group is cut
 * out of the file as a file of its own (parquet-row-group.ts: only its bytes are read, from a
 * dropped File, an HTTP range request or a local file), decoded to Arrow inside parquet-wasm's
 * memory, and handed to DuckDB as Arrow IPC bytes: no JS value per cell, one row group at a time.
 * DuckDB then makes the file's typed columns into the JS reader's raw values (the same SQL as the
 * native engine's `read_parquet`, native-parquet.ts), so the typing and cleaning SELECT of the load
 * sees the same columns c0…cN and makes the same table. A file this path cannot read the same way
 * (nested columns, encryption, a column type outside that list) returns null: the JS reader
 * (hyparquet, parquet-source.ts) reads it as before.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import type * as ParquetWasmModule from 'parquet-wasm/esm';
import type { Engine } from '../engine/types';
import { sqlIdent, sqlString } from '../engine/sql';
import { partFile, partsOf } from './dataset';
import { rawColumnSql } from './native-parquet';
import { parquetInfo, type SourceType } from './parquet';
import { readFooter, rowGroupFile, schemaFile, type Footer } from './parquet-row-group';
import { uid, type LoadProgress, type RawSource } from './raw-source';
import { IngestError, type FilePlan, type InputFile } from './types';
import { dayMonthSeparator } from './values';

type ParquetWasm = typeof ParquetWasmModule;

let loading: Promise<ParquetWasm> | null = null;

/**
 * parquet-wasm, instantiated once. The page fetches its .wasm from the site itself (Vite emits it
 * with the build, `?url`: no CDN); Node reads it from node_modules.
 */
export function parquetWasm(): Promise<ParquetWasm> {
  loading ??= (async () => {
    const mod = await import('parquet-wasm/esm');
    if (typeof process !== 'undefined' && process.versions?.node) {
      const { createRequire } = await import(/* @vite-ignore */ 'node:module');
      const { readFile } = await import(/* @vite-ignore */ 'node:fs/promises');
      const path = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
      await mod.default({ module_or_path: await readFile(path) });
    } else {
      const { default: url } = await import('./parquet-wasm-url');
      await mod.default({ module_or_path: url });
    }
    return mod;
  })();
  // A failed instantiation is not remembered: the next load tries again.
  loading.catch(() => (loading = null));
  return loading;
}

/** Rows per Arrow batch handed to DuckDB (a row group goes in several: no copy of a whole one). */
const BATCH_ROWS = 131_072;

/** parquet-wasm's decoding of a one-row-group (or schema-only) file; a failure is `bad_parquet`. */
function readWasm<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    // A damaged page or an unknown codec: the file is not readable, as the JS reader would say.
    throw new IngestError('bad_parquet', {
      file: name,
      message: err instanceof Error ? err.message : String(err),
    });
  }
}

/**
 * Decode a one-row-group file in parquet-wasm's memory; its record batches are then made into
 * apache-arrow tables one by one (each batch's IPC bytes copied out and released in turn), and
 * the decoded group is freed after the last.
 */
function decode(
  pw: ParquetWasm,
  file: Uint8Array,
  name: string,
  onFreed: () => void,
): () => Generator<Table> {
  const table = readWasm(name, () => pw.readParquet(file, { batchSize: BATCH_ROWS }));
  return function* () {
    try {
      for (const batch of table.recordBatches())
        yield tableFromIPC(readWasm(name, () => batch.intoIPCStream()));
    } finally {
      table.free();
      onFreed();
    }
  };
}

/**
 * The JS reader's value of a column as SQL over the type DuckDB-WASM gave its Arrow column:
 * native-parquet.ts's, except for timestamps with a zone. DuckDB-WASM has no ICU extension, so
 * casting such a value (or `timezone()`, `epoch()`) fails or never returns; its UTC day is
 * computed from the microseconds instead.
 */
export function wasmRawSql(col: string, duckType: string, source: SourceType): string | null {
  if (duckType.toUpperCase() === 'TIMESTAMP WITH TIME ZONE')
    return source === 'date'
      ? `(DATE '1970-01-01' + CAST(floor(epoch_us(${col}) / 86400000000.0) AS INTEGER))`
      : null;
  return rawColumnSql(col, duckType, source);
}

/**
 * The SELECT list over a decoded row group (table `rg`) giving `_rec`, `_line` and the raw c0…cN of
 * the JS reader, or null when a column's type is not one whose values are known to agree.
 */
function rawColumns(
  described: { column_name: string; column_type: string }[],
  columns: { name: string; type: SourceType }[],
  partition: [string, string][],
): string | null {
  if (described.map((d) => d.column_name).join('\u001f') !== columns.map((c) => c.name).join('\u001f'))
    return null;
  const exprs: string[] = [];
  for (const [i, c] of columns.entries()) {
    const expr = wasmRawSql(sqlIdent(c.name), described[i].column_type, c.type);
    if (expr === null) return null;
    exprs.push(`${expr} AS ${sqlIdent(`c${i}`)}`);
  }
  partition.forEach(([, value], j) =>
    exprs.push(`${sqlString(value)} AS ${sqlIdent(`c${columns.length + j}`)}`),
  );
  return exprs.join(', ');
}

/**
 * The raw relation of a decoded row group in table `rg` whose first row is row `first` (from 1,
 * counted across the parts): `_rec` and `_line` as DOUBLE like the JS reader's, then c0…cN.
 */
function groupSelect(rg: string, columns: string, first: number): string {
  const rec = `(CAST(rowid AS DOUBLE) + ${first})`;
  return `SELECT ${rec} AS _rec, ${rec} AS _line, ${columns} FROM ${rg}`;
}

/** A file whose footer this path reads. */
export interface FooterFile {
  file: InputFile;
  footer: Footer;
}

/** The footer of every part of an input, or null when one of them is not read this way. */
export async function footersOf(input: InputFile): Promise<FooterFile[] | null> {
  const out: FooterFile[] = [];
  for (const part of partsOf(input)) {
    const file = partFile(part);
    const footer = await readFooter(file);
    if (!footer) return null;
    out.push({ file, footer });
  }
  return out;
}

/** A part's schema as an Arrow table of no rows (the column types before any data is read). */
export async function schemaTable({ file, footer }: FooterFile): Promise<Table> {
  const pw = await parquetWasm();
  return readWasm(file.name, () => tableFromIPC(pw.readParquet(schemaFile(footer)).intoIPCStream()));
}

/** A decoded row group: where it is, and its Arrow batches (the file's own names and types). */
export interface DecodedGroup {
  /** The group's rows as Arrow tables of at most BATCH_ROWS rows, in order (to be read once). */
  batches: () => Generator<Table>;
  /** Index of the part (in `files`) it belongs to. */
  part: number;
  rows: number;
  /** Its first row's number, from 1, counted across the parts. */
  first: number;
}

/**
 * Every row group of `files` in order, decoded; each next one is read and decoded while the
 * caller's work on the one before runs in DuckDB's worker (its bytes are read at once, its
 * decoding waits until the batches of the one before are all taken, and the caller's statement
 * sent). One group is decoded at a time; the caller must take every group's batches.
 */
export async function* decodedRowGroups(files: FooterFile[]): AsyncGenerator<DecodedGroup> {
  const pw = await parquetWasm();
  const groups: (Omit<DecodedGroup, 'batches'> & { index: number })[] = [];
  let first = 1;
  files.forEach(({ footer }, part) =>
    footer.groups.forEach((g, index) => {
      if (g.rows > 0) groups.push({ part, index, rows: g.rows, first });
      first += g.rows;
    }),
  );
  // Group k is decoded once group k - 1's batches are all out (one decoded group in memory).
  const freed = groups.map(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  const prepare = async (k: number): Promise<DecodedGroup> => {
    const { part, index, rows, first } = groups[k];
    const bytes = await rowGroupFile(files[part].file, files[part].footer, index);
    if (k > 0) await freed[k - 1].promise;
    await new Promise((r) => setTimeout(r, 0));
    return { part, rows, first, batches: decode(pw, bytes, files[part].file.name, freed[k].resolve) };
  };
  let next: Promise<DecodedGroup> | null = groups.length ? prepare(0) : null;
  for (let k = 0; next; k++) {
    const cur = await next;
    next = k + 1 < groups.length ? prepare(k + 1) : null;
    // A failed read or decoding is reported by the await of the next round.
    next?.catch(() => undefined);
    yield cur;
  }
}

/**
 * The raw relation of a Parquet file or dataset read with parquet-wasm, or null when it is not
 * read this way (native DuckDB reads Parquet itself; nested or encrypted files, other column
 * types): the caller then uses the JS reader.
 */
export async function wasmParquetSource(
  db: Engine,
  plan: FilePlan,
  onProgress?: (p: LoadProgress) => void,
): Promise<RawSource | null> {
  if (db.traits.readsParquet) return null;
  const files = await footersOf(plan.file);
  if (!files) return null;
  const total = files.reduce((n, f) => n + f.footer.groups.reduce((m, g) => m + g.rows, 0), 0);
  if (!total) return null;
  const id = uid();
  const rg = `rg_${id}`;
  const table = `raw_${id}`;
  // Each part's raw columns as SQL over the types DuckDB gives its Arrow columns (from an empty
  // table of its schema); a type without a known match sends the input to the JS reader.
  const parts = partsOf(plan.file);
  const columns: string[] = [];
  for (const [i, f] of files.entries()) {
    const info = await parquetInfo(f.file);
    await db.insertArrow(rg, await schemaTable(f), { create: true });
    const described = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE ${rg}`);
    await db.exec(`DROP TABLE IF EXISTS ${rg}`);
    const sql = rawColumns(described, info.columns, parts[i].partition);
    if (sql === null) return null;
    columns.push(sql);
  }
  const cleanup = async () => {
    await db.exec(`DROP TABLE IF EXISTS ${rg}`);
    await db.exec(`DROP TABLE IF EXISTS ${table}`);
  };
  // A group into table `rg`, batch by batch.
  const insertGroup = async (g: DecodedGroup) => {
    let create = true;
    for (const batch of g.batches()) {
      await db.insertArrow(rg, batch, { create });
      create = false;
    }
  };
  let done = 0;
  const progress = (g: DecodedGroup) => {
    done += g.rows;
    onProgress?.({ file: plan.file.name, phase: 'reading', done, total });
  };

  // Streamed unless a text date's day/month order must be decided from the whole column first.
  if (!plan.columns.some((c) => c.role && c.dateFormat && dayMonthSeparator(c.dateFormat)))
    return {
      relation: '',
      freshRelation: () => '',
      lines: 'column',
      rejectsTable: null,
      chunks: async function* () {},
      cleanup,
      batches: async function* () {
        for await (const g of decodedRowGroups(files)) {
          await insertGroup(g);
          yield `(${groupSelect(rg, columns[g.part], g.first)})`;
          await db.exec(`DROP TABLE IF EXISTS ${rg}`);
          progress(g);
        }
      },
    };
  try {
    let first = true;
    for await (const g of decodedRowGroups(files)) {
      await insertGroup(g);
      const select = groupSelect(rg, columns[g.part], g.first);
      await db.exec(`${first ? `CREATE TEMP TABLE ${table} AS` : `INSERT INTO ${table}`} ${select}`);
      await db.exec(`DROP TABLE ${rg}`);
      first = false;
      progress(g);
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  return {
    relation: table,
    freshRelation: () => table,
    lines: 'column',
    rejectsTable: null,
    chunks: async function* () {},
    cleanup,
  };
}
