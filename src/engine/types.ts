import type { Table } from 'apache-arrow';

/** Where the bytes of a registered file come from. */
export type FileSource =
  /** A browser `File`/`Blob`: read lazily by DuckDB through the FileReader API, never copied into the JS heap. */
  | { kind: 'blob'; blob: Blob }
  /** Bytes already in memory (small files, transcoded chunks in Node). */
  | { kind: 'buffer'; bytes: Uint8Array }
  /** A path on the local disk (Node only). */
  | { kind: 'path'; path: string }
  /**
   * A file on a web server that answers HTTP range requests (`?data=` Parquet): read slice by
   * slice, never downloaded whole unless something needs every byte.
   */
  | { kind: 'url'; url: string; size: number };

/** Options of one statement. */
export interface QueryOptions {
  /**
   * Aborting drops the statement if it has not started, and interrupts it if it is running
   * (browser; the Node build runs each statement to completion). The promise then rejects with
   * an EngineError of kind `cancelled`.
   */
  signal?: AbortSignal;
}

/** Plain JS value of a result cell (BigInt is cast to double, dates are epoch milliseconds). */
export type Cell = string | number | boolean | null;

/**
 * The one interface through which the app talks to DuckDB (Mosaic's `Connector` habit).
 * A browser implementation runs DuckDB-WASM in a Web Worker; a Node implementation runs the
 * same WASM build in-process for tests and the CLI.
 */
export interface Engine {
  /** Which implementation this is. */
  readonly kind: 'browser' | 'node' | 'native';
  /**
   * Whether SQL can read a registered local Parquet file with `read_parquet` (native DuckDB, whose
   * reader is built in; DuckDB-WASM's is an extension downloaded from the internet, never loaded).
   */
  readonly readsParquet?: boolean;
  /** Most memory the engine may use, in bytes, where it is set by the user (native DuckDB). */
  readonly memoryBytes?: number;
  /** Run one statement and return its result as Arrow. */
  query(sql: string, options?: QueryOptions): Promise<Table>;
  /** Run one statement and return small results as plain objects. */
  rows<T extends Record<string, Cell> = Record<string, Cell>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]>;
  /** Run statements whose results are not needed (DDL, INSERT, SET). */
  exec(sql: string, options?: QueryOptions): Promise<void>;
  /** Make a file readable by SQL under `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, source: FileSource): Promise<void>;
  /** Forget a registered file. */
  dropFile(name: string): Promise<void>;
  /** Create (or append to) table `table` from Arrow data. */
  insertArrow(table: string, data: Table, options?: { create?: boolean }): Promise<void>;
  /** Cancel the running query, if any (browser only; a no-op in Node). */
  cancel(): Promise<void>;
  /** Shut the database down and free its memory. */
  close(): Promise<void>;
}

/** What an engine can do, for the callers that must choose: they ask this, never which engine it is. */
export interface EngineTraits {
  /**
   * Transcoded text is kept in browser Blobs (outside the JS heap, read by DuckDB through the
   * FileReader API) rather than in one in-memory buffer.
   */
  textInBlobs: boolean;
  /**
   * Out of core: the machine's memory and spilling to disk (native DuckDB), so no tab-size limit
   * applies and large loads are staged compressed only when they would not fit.
   */
  outOfCore: boolean;
}

/** The traits of an engine (the one place that maps an implementation to what it can do). */
export function engineTraits(e: Pick<Engine, 'kind'>): EngineTraits {
  return { textInBlobs: e.kind === 'browser', outOfCore: e.kind === 'native' };
}

/** Settings applied to every new database: no extension may ever be downloaded (intranet, no internet). */
export const ENGINE_INIT_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  // A second in-memory database that stores its tables compressed (DuckDB ≥ 1.2): large loads
  // are staged there (ingest/capacity.ts), about a tenth of the memory. Unqualified names find
  // tables in either.
  "ATTACH ':memory:' AS packed (COMPRESS)",
  "SET search_path = 'memory.main,packed.main'",
];
