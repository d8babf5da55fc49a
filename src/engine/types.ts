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

/** The form of a statement's answer: Arrow, plain rows (small results), or none (DDL, INSERT, SET). */
export type AnswerType = 'arrow' | 'rows' | 'exec';

/** One statement and the form of its answer (Mosaic's `{ type, sql }` query). */
export interface QueryRequest<T extends AnswerType = AnswerType> {
  type: T;
  sql: string;
}

/** What a request of each type answers. */
export type Answer<T extends AnswerType> = T extends 'arrow'
  ? Table
  : T extends 'rows'
    ? Record<string, Cell>[]
    : void;

/** The file side of an engine, apart from its queries: bytes and Arrow data made readable by SQL. */
export interface EngineFiles {
  /** Make a file readable by SQL under `name` (e.g. `read_csv('name')`). */
  register(name: string, source: FileSource): Promise<void>;
  /** Forget a registered file. */
  drop(name: string): Promise<void>;
  /** Create (or append to) table `table` from Arrow data. */
  insertArrow(table: string, data: Table, options?: { create?: boolean }): Promise<void>;
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
  /**
   * SQL can read a registered local Parquet file with `read_parquet` (native DuckDB, whose reader
   * is built in; DuckDB-WASM's is an extension downloaded from the internet, never loaded).
   */
  readsParquet: boolean;
  /** Most memory the engine may use, in bytes, where the user sets it (native DuckDB); else null. */
  memoryBytes: number | null;
}

/** DuckDB-WASM's (under Node; the browser's keeps text in Blobs). */
export const WASM_TRAITS: EngineTraits = {
  textInBlobs: false,
  outOfCore: false,
  readsParquet: false,
  memoryBytes: null,
};

/**
 * What an engine implements and what a wrapper (cancellation, memo, record and replay) wraps,
 * narrowed like Mosaic's Connector: one query entry whose request names the form of the answer,
 * the file side apart, and what the engine can do (`traits`) rather than which one it is.
 * Implementations: DuckDB-WASM in a Web Worker (browser.ts), the same build in Node (node.ts),
 * native DuckDB (native.ts); recorded answers (replay.ts).
 */
export interface Connector {
  readonly traits: EngineTraits;
  /** Run one statement; the answer is Arrow, plain rows or nothing, as `request.type` says. */
  query<T extends AnswerType>(request: QueryRequest<T>, options?: QueryOptions): Promise<Answer<T>>;
  readonly files: EngineFiles;
  /** Cancel the running query, if any (browser and native; a no-op in the Node WASM build). */
  cancel(): Promise<void>;
  /** Shut the database down and free its memory. */
  close(): Promise<void>;
}

/**
 * An engine as the app calls it: a Connector, with one method per answer form and per file
 * operation written here once over `query` and `files` (implementations and wrappers provide
 * only the Connector's members).
 */
export abstract class Engine implements Connector {
  abstract readonly traits: EngineTraits;
  abstract query<T extends AnswerType>(request: QueryRequest<T>, options?: QueryOptions): Promise<Answer<T>>;
  abstract readonly files: EngineFiles;
  abstract cancel(): Promise<void>;
  abstract close(): Promise<void>;

  /** Run one statement and return its result as Arrow. */
  arrow(sql: string, options?: QueryOptions): Promise<Table> {
    return this.query({ type: 'arrow', sql }, options);
  }
  /** Run one statement and return small results as plain objects. */
  rows<T extends Record<string, Cell> = Record<string, Cell>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]> {
    return this.query({ type: 'rows', sql }, options) as Promise<T[]>;
  }
  /** Run statements whose results are not needed (DDL, INSERT, SET). */
  exec(sql: string, options?: QueryOptions): Promise<void> {
    return this.query({ type: 'exec', sql }, options);
  }
  /** `files.register`. */
  registerFile(name: string, source: FileSource): Promise<void> {
    return this.files.register(name, source);
  }
  /** `files.drop`. */
  dropFile(name: string): Promise<void> {
    return this.files.drop(name);
  }
  /** `files.insertArrow`. */
  insertArrow(table: string, data: Table, options?: { create?: boolean }): Promise<void> {
    return this.files.insertArrow(table, data, options);
  }
}

/**
 * A wrapper around another engine (cancellation, memo, record, sharing): everything goes to
 * `inner`; a wrapper overrides `query` for what it adds.
 */
export abstract class WrappedEngine extends Engine {
  constructor(readonly inner: Connector) {
    super();
  }

  get traits(): EngineTraits {
    return this.inner.traits;
  }
  get files(): EngineFiles {
    return this.inner.files;
  }
  query<T extends AnswerType>(request: QueryRequest<T>, options?: QueryOptions): Promise<Answer<T>> {
    return this.inner.query(request, options);
  }
  cancel(): Promise<void> {
    return this.inner.cancel();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The traits of an engine. */
export function engineTraits(e: Pick<Connector, 'traits'>): EngineTraits {
  return e.traits;
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
