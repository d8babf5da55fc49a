import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as NodeApi from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Table, type Vector } from 'apache-arrow';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { boolColumn, dateDayColumn, float64Column, utf8Column } from './arrow-columns';
import { cancelledError, EngineError, toEngineError } from './errors';
import { cellColumns, cellRows, toCell } from './native-cells';
import {
  Engine,
  ENGINE_INIT_SQL,
  type Answer,
  type AnswerType,
  type Cell,
  type EngineFiles,
  type EngineTraits,
  type FileSource,
  type QueryOptions,
  type QueryRequest,
} from './types';

const DAY_MS = 86_400_000;

const UNITS: Record<string, number> = { bytes: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** DuckDB's way of showing a size (`18.8 GiB`, `512.0 MiB`) in bytes; Infinity when unknown. */
export function parseSize(text: string): number {
  const m = /^([\d.]+)\s*(bytes|KiB|MiB|GiB|TiB)$/.exec(text.trim());
  return m ? Number(m[1]) * UNITS[m[2]] : Infinity;
}

/** Settings of a native engine (the CLI's --threads, --memory-limit, --temp-dir). */
export interface NativeOptions {
  /** Threads DuckDB uses (default: every core). */
  threads?: number;
  /** Most memory DuckDB may use, in DuckDB's syntax (`4GB`); default: DuckDB's (80 % of RAM). */
  memoryLimit?: string;
  /** Folder for spill files; default: `spill` in the engine's private temporary folder. */
  tempDir?: string;
}

/**
 * Native DuckDB (`@duckdb/node-api`, an optional dependency) behind the same Engine interface:
 * the same SQL as the browser, multi-threaded, with the machine's memory and out-of-core
 * spilling to a temporary folder, for files larger than a browser tab can hold. Node only; the
 * browser build never imports this file (only the CLI does).
 *
 * Files registered under a name are linked (or written) into a private folder that DuckDB
 * searches (`file_search_path`), so `read_csv('name')` works as in DuckDB-WASM. Native DuckDB
 * reads CSV and Parquet itself (`traits.readsParquet`); it has no httpfs (not built in, and
 * extensions are never downloaded), so a URL is read by the JS range-request path.
 */
export class NativeEngine extends Engine {
  /**
   * Out of core; DuckDB's own Parquet reader is built in (the WASM build would download it as an
   * extension); `memoryBytes`: its `memory_limit`.
   */
  readonly traits: EngineTraits;
  readonly files: EngineFiles = {
    register: (name, source) => this.register(name, source),
    drop: async (name) => rmSync(join(this.dir, name), { force: true }),
    insertArrow: (table, data, options) => this.insert(table, data, options),
  };
  private readonly instance: DuckDBInstance;
  private readonly conn: DuckDBConnection;
  private readonly dir: string;
  /** The compressed database's file (in --temp-dir when given), removed on close. */
  private readonly packedFile: string;
  private tail: Promise<unknown> = Promise.resolve();
  /** A value that is not a number, string or boolean as a cell: the package's JS converter, then toCell. */
  private readonly slowCell: (value: unknown, type: NodeApi.DuckDBType) => Cell;

  private constructor(
    api: typeof NodeApi,
    instance: DuckDBInstance,
    conn: DuckDBConnection,
    files: { dir: string; packed: string },
    memoryBytes: number,
  ) {
    super();
    const js = api.JSDuckDBValueConverter;
    this.slowCell = (value, type) => toCell(js(value as NodeApi.DuckDBValue, type, js));
    this.instance = instance;
    this.conn = conn;
    this.dir = files.dir;
    this.packedFile = files.packed;
    this.traits = { textInBlobs: false, outOfCore: true, readsParquet: true, memoryBytes };
  }

  /** Start an in-memory native DuckDB. Throws a startup EngineError when the package is missing. */
  static async start(options: NativeOptions = {}): Promise<NativeEngine> {
    let api: typeof NodeApi;
    try {
      api = await import('@duckdb/node-api');
    } catch (err) {
      throw new EngineError({
        message:
          'native DuckDB is not installed here: run `npm install` (it is an optional dependency, @duckdb/node-api, with a prebuilt binary for Linux, macOS and Windows), or leave out --engine native to use DuckDB-WASM',
        kind: 'startup',
        cause: err,
      });
    }
    const dir = mkdtempSync(join(tmpdir(), 'sales-native-'));
    if (options.tempDir) mkdirSync(options.tempDir, { recursive: true });
    const instance = await api.DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const quoted = (p: string) => `'${p.replaceAll("'", "''")}'`;
    try {
      // Out-of-core: hash tables, sorts and table data larger than memory spill here instead of failing.
      await conn.run(
        `SET temp_directory = ${quoted(options.tempDir ? resolve(options.tempDir) : join(dir, 'spill'))}`,
      );
      await conn.run(`SET file_search_path = ${quoted(dir)}`);
      if (options.threads) await conn.run(`SET threads = ${Math.floor(options.threads)}`);
      if (options.memoryLimit) await conn.run(`SET memory_limit = ${quoted(options.memoryLimit)}`);
    } catch (err) {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
      throw new EngineError({ message: String(err), sql: '-- native settings', kind: 'startup', cause: err });
    }
    for (const sql of ENGINE_INIT_SQL) await conn.run(sql);
    // The compressed database for loads too large for plain memory is a file here, not in
    // memory: DuckDB writes a file's row groups compressed as they come, within memory_limit,
    // where the in-memory one held them plain (spilled to disk: 15 GB at 100 M rows) until the
    // end. Measured at 10 M rows with a 1 GB limit: 103 s of CPU against 118 s.
    const packed = join(
      options.tempDir ? resolve(options.tempDir) : dir,
      `packed-${process.pid}-${Date.now()}.duckdb`,
    );
    await conn.run('DETACH packed');
    await conn.run(`ATTACH ${quoted(packed)} AS packed`);
    const limit = await conn.runAndReadAll("SELECT current_setting('memory_limit')");
    return new NativeEngine(api, instance, conn, { dir, packed }, parseSize(String(limit.getRows()[0][0])));
  }

  /** One statement at a time, in order (as the other engines). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async read(sql: string, signal?: AbortSignal) {
    if (signal?.aborted) throw cancelledError(sql);
    const onAbort = () => this.conn.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.conn.runAndReadAll(sql);
    } catch (err) {
      throw signal?.aborted ? cancelledError(sql) : toEngineError(err, sql);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  query<T extends AnswerType>(request: QueryRequest<T>, options: QueryOptions = {}): Promise<Answer<T>> {
    const { sql } = request;
    const answer =
      request.type === 'arrow'
        ? this.arrowOf(sql, options)
        : request.type === 'rows'
          ? this.rowsOf(sql, options)
          : this.execute(sql, options);
    return answer as Promise<Answer<T>>;
  }

  private arrowOf(sql: string, options: QueryOptions): Promise<Table> {
    return this.serial(async () => {
      const reader = await this.read(sql, options.signal);
      const names = reader.columnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      const columns = cellColumns(reader, this.slowCell);
      const cols: Record<string, Vector> = {};
      names.forEach((name, i) => {
        const values = columns[i];
        const type = types[i];
        if (type === 'DATE')
          cols[name] = dateDayColumn(values.map((v) => (v === null ? null : Math.floor(Number(v) / DAY_MS))));
        else if (type === 'BOOLEAN') cols[name] = boolColumn(values as (boolean | null)[]);
        else if (/INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(type))
          cols[name] = float64Column(values as (number | null)[]);
        else cols[name] = utf8Column(values.map((v) => (v === null ? null : String(v))));
      });
      return new Table(cols);
    });
  }

  private rowsOf(sql: string, options: QueryOptions): Promise<Record<string, Cell>[]> {
    return this.serial(async () => {
      const reader = await this.read(sql, options.signal);
      // Column by column, one object literal per row: 4–9 s less at 200,000 rows × 20 columns (native-cells.ts).
      return cellRows(reader, this.slowCell);
    });
  }

  private async execute(sql: string, options: QueryOptions): Promise<void> {
    await this.serial(async () => {
      if (options.signal?.aborted) throw cancelledError(sql);
      try {
        await this.conn.run(sql);
      } catch (err) {
        throw toEngineError(err, sql);
      }
    });
  }

  private async register(name: string, source: FileSource): Promise<void> {
    const target = join(this.dir, name);
    try {
      if (source.kind === 'path') symlinkSync(source.path, target);
      else if (source.kind === 'buffer') writeFileSync(target, source.bytes);
      else if (source.kind === 'blob') writeFileSync(target, new Uint8Array(await source.blob.arrayBuffer()));
      else throw new Error('a URL source cannot be read by the command line');
    } catch (err) {
      throw new EngineError({ message: String(err), sql: `-- register ${name}`, kind: 'file', cause: err });
    }
  }

  /**
   * Arrow data (XLSX and Parquet read by the shared JS readers) goes through a Parquet file in
   * the private folder, which native DuckDB reads with its built-in reader (types kept).
   */
  private async insert(table: string, data: Table, options: { create?: boolean } = {}): Promise<void> {
    const file = join(this.dir, `insert_${table}_${Date.now()}.parquet`);
    const schema: SchemaElement[] = [{ name: 'root', num_children: data.schema.fields.length }];
    const columnData = data.schema.fields.map((f) => {
      const vector = data.getChild(f.name)!;
      const type = String(f.type);
      const values = vector.toArray() as ArrayLike<unknown>;
      const nulls = vector.nullCount > 0;
      const at = (i: number) => (nulls && !vector.isValid(i) ? null : values[i]);
      const list = Array.from({ length: data.numRows }, (_, i) => at(i));
      if (type.startsWith('Date'))
        schema.push({ name: f.name, type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' });
      else if (type === 'Bool') schema.push({ name: f.name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' });
      else if (type === 'Float64') schema.push({ name: f.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
      else
        schema.push({
          name: f.name,
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'OPTIONAL',
        });
      const converted = type.startsWith('Date')
        ? list.map((v) => (v === null ? null : Math.floor(Number(v) / DAY_MS)))
        : list;
      return { name: f.name, data: converted };
    });
    try {
      const writer = new ParquetWriter({ writer: fileWriter(file), schema });
      await writer.write({ columnData, rowGroupSize: Math.max(1, data.numRows) });
      await writer.finish();
      const src = `read_parquet('${file.replaceAll("'", "''")}')`;
      await this.exec(
        options.create === false
          ? `INSERT INTO ${table} SELECT * FROM ${src}`
          : `CREATE TABLE ${table} AS SELECT * FROM ${src}`,
      );
    } finally {
      try {
        unlinkSync(file);
      } catch {
        /* already gone */
      }
    }
  }

  async cancel(): Promise<void> {
    this.conn.interrupt();
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
    for (const f of [this.packedFile, `${this.packedFile}.wal`]) rmSync(f, { force: true });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
