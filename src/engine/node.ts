import { createRequire } from 'node:module';
import { tableToIPC, type Table } from 'apache-arrow';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { arrowToRows } from './arrow-rows';
import { cancelledError, EngineError, toEngineError } from './errors';
import {
  Engine,
  ENGINE_INIT_SQL,
  WASM_TRAITS,
  type Answer,
  type AnswerType,
  type EngineFiles,
  type FileSource,
  type QueryOptions,
  type QueryRequest,
} from './types';

const require = createRequire(import.meta.url);

/**
 * DuckDB-WASM under Node (the blocking build), with the same interface as the browser engine.
 * Used by Vitest and by `npm run analyze`, so tests and the CLI run the very SQL the page runs.
 */
export class NodeEngine extends Engine {
  readonly traits = WASM_TRAITS;
  readonly files: EngineFiles = {
    register: (name, source) => this.register(name, source),
    drop: async (name) => this.db.dropFile(name),
    insertArrow: (table, data, options) => this.insert(table, data, options),
  };
  private readonly db: duckdb.DuckDBBindings;
  private readonly conn: duckdb.DuckDBConnection;

  private constructor(db: duckdb.DuckDBBindings, conn: duckdb.DuckDBConnection) {
    super();
    this.db = db;
    this.conn = conn;
  }

  /** Instantiate the WASM build in-process and apply ENGINE_INIT_SQL. */
  static async start(): Promise<NodeEngine> {
    const file = (f: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${f}`);
    const db = await duckdb.createDuckDB(
      {
        mvp: { mainModule: file('duckdb-mvp.wasm'), mainWorker: file('duckdb-node-mvp.worker.cjs') },
        eh: { mainModule: file('duckdb-eh.wasm'), mainWorker: file('duckdb-node-eh.worker.cjs') },
      },
      new duckdb.VoidLogger(),
      duckdb.NODE_RUNTIME,
    );
    await db.instantiate();
    db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const conn = db.connect();
    for (const sql of ENGINE_INIT_SQL) conn.query(sql);
    return new NodeEngine(db, conn);
  }

  async query<T extends AnswerType>(
    request: QueryRequest<T>,
    options: QueryOptions = {},
  ): Promise<Answer<T>> {
    const { sql } = request;
    // The blocking build cannot interrupt a statement; an aborted one is not started.
    if (options.signal?.aborted) throw cancelledError(sql);
    let table: Table;
    try {
      table = this.conn.query(sql);
    } catch (err) {
      throw toEngineError(err, sql);
    }
    return (
      request.type === 'arrow' ? table : request.type === 'rows' ? arrowToRows(table) : undefined
    ) as Answer<T>;
  }

  private async register(name: string, source: FileSource): Promise<void> {
    try {
      if (source.kind === 'path') {
        this.db.registerFileURL(name, source.path, duckdb.DuckDBDataProtocol.NODE_FS, true);
      } else if (source.kind === 'buffer') {
        this.db.registerFileBuffer(name, source.bytes);
      } else if (source.kind === 'url') {
        const res = await fetch(source.url);
        if (!res.ok) throw new Error(`HTTP ${res.status} for ${source.url}`);
        this.db.registerFileBuffer(name, new Uint8Array(await res.arrayBuffer()));
      } else {
        this.db.registerFileBuffer(name, new Uint8Array(await source.blob.arrayBuffer()));
      }
    } catch (err) {
      throw new EngineError({ message: String(err), sql: `-- register ${name}`, kind: 'file', cause: err });
    }
  }

  private async insert(table: string, data: Table, options: { create?: boolean } = {}): Promise<void> {
    try {
      // IPC bytes, not the Table object: DuckDB's CJS build has its own apache-arrow instance and
      // silently creates nothing from a Table made by another instance.
      this.conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), {
        name: table,
        create: options.create ?? true,
      });
    } catch (err) {
      throw toEngineError(err, `-- insert arrow into ${table}`);
    }
  }

  async cancel(): Promise<void> {
    // The blocking build runs each query to completion on this thread; nothing to interrupt.
  }

  async close(): Promise<void> {
    this.conn.close();
    this.db.reset();
  }
}
