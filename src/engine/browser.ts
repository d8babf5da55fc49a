import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
// Self-hosted DuckDB files: Vite copies them into dist/assets and rewrites these to relative URLs.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthread from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
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

/** Which DuckDB-WASM build runs: `eh` by default, `mvp` for old browsers, `coi` (threads) only when isolated. */
export type BundleName = 'eh' | 'mvp' | 'coi';

/** Options for starting the browser engine. */
export interface BrowserEngineOptions {
  /** Reports instantiation progress (bytes of the .wasm loaded). */
  onProgress?: (loaded: number, total: number) => void;
  /** Called when the worker dies (crash, out of memory); the engine is unusable afterwards. */
  onCrash?: (error: EngineError) => void;
}

function bundles(): duckdb.DuckDBBundles {
  const b: duckdb.DuckDBBundles = {
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  };
  // The threaded build needs SharedArrayBuffer, which only a cross-origin-isolated page has. An
  // intranet server will not send COOP/COEP headers, so this is an opt-in, never the default.
  if (globalThis.crossOriginIsolated)
    b.coi = { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthread };
  return b;
}

/**
 * Start the DuckDB worker. Outside a secure context it goes through public/duckdb-worker-shim.js,
 * which defines the OPFS class DuckDB-WASM's runtime refers to (see the shim for why).
 */
function startWorker(workerUrl: string): Worker {
  if (globalThis.isSecureContext) return new Worker(workerUrl);
  const absolute = new URL(workerUrl, document.baseURI).href;
  const shim = new URL('duckdb-worker-shim.js', document.baseURI);
  shim.searchParams.set('w', absolute);
  return new Worker(shim.href);
}

/** The DuckDB-WASM engine running in a Web Worker. */
export class BrowserEngine extends Engine {
  /** Transcoded text stays in Blobs, read by DuckDB through the FileReader API. */
  readonly traits = { ...WASM_TRAITS, textInBlobs: true };
  readonly files: EngineFiles = {
    register: (name, source) => this.register(name, source),
    drop: (name) => this.drop(name),
    insertArrow: (table, data, options) => this.insert(table, data, options),
  };
  /** The bundle that was instantiated. */
  readonly bundle: BundleName;
  private readonly db: duckdb.AsyncDuckDB;
  private readonly conn: duckdb.AsyncDuckDBConnection;
  private readonly worker: Worker;
  private dead: EngineError | null = null;
  private readonly onCrash: ((error: EngineError) => void) | undefined;
  /** Rejects when the worker dies, so calls waiting on it fail instead of hanging forever. */
  private readonly died: Promise<never>;
  private markDead: (error: EngineError) => void = () => undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /** Called after each statement with its run time (its wait in the queue not counted); the benchmark sets it. */
  onStatement: ((s: { sql: string; ms: number; cancelled: boolean }) => void) | null = null;

  private constructor(
    db: duckdb.AsyncDuckDB,
    conn: duckdb.AsyncDuckDBConnection,
    worker: Worker,
    bundle: BundleName,
    onCrash?: (error: EngineError) => void,
  ) {
    super();
    this.db = db;
    this.conn = conn;
    this.worker = worker;
    this.bundle = bundle;
    this.onCrash = onCrash;
    this.died = new Promise<never>((_, reject) => (this.markDead = reject));
    this.died.catch(() => undefined);
    worker.addEventListener('error', (ev) =>
      this.die(new EngineError({ message: ev.message || 'DuckDB worker crashed', kind: 'crashed' })),
    );
  }

  /**
   * The worker is gone (an uncaught error, the browser killed it, WebAssembly aborted): every
   * waiting and later call fails with `error`, and `onCrash` lets the app start a new engine.
   */
  private die(error: EngineError): void {
    if (this.dead) return;
    this.dead = error;
    this.worker.terminate();
    this.markDead(error);
    this.onCrash?.(error);
  }

  /**
   * Test and benchmark hook (exposed to the page only with `?bench`): kill the worker as the
   * browser would when it runs out of memory, with queries possibly in flight.
   */
  simulateCrash(): void {
    this.worker.terminate();
    this.die(new EngineError({ message: 'DuckDB worker was stopped (simulated crash)', kind: 'crashed' }));
  }

  /** Run a call to the worker, failing as soon as the worker dies (a dead worker never answers). */
  private guard<T>(work: Promise<T>, sql: string): Promise<T> {
    return Promise.race([work, this.died]).catch((err: unknown) => {
      const e = toEngineError(err, sql);
      // WebAssembly traps and aborts leave the database unusable: treat them as a crash.
      if (/Aborted\(|RuntimeError|unreachable|memory access out of bounds/i.test(e.message))
        this.die(
          new EngineError({
            message: e.message,
            sql,
            kind: e.kind === 'out_of_memory' ? 'out_of_memory' : 'crashed',
          }),
        );
      throw e;
    });
  }

  /** Start DuckDB: pick the bundle, instantiate it (falling back from eh to mvp), apply ENGINE_INIT_SQL. */
  static async start(options: BrowserEngineOptions = {}): Promise<BrowserEngine> {
    const all = bundles();
    const selected = await duckdb.selectBundle(all);
    const order: BundleName[] = [];
    const first: BundleName =
      selected.mainModule === all.coi?.mainModule ? 'coi' : selected.mainModule === ehWasm ? 'eh' : 'mvp';
    order.push(first);
    if (first !== 'mvp') order.push('mvp');
    let lastError: unknown = null;
    for (const name of order) {
      const b: duckdb.DuckDBBundle =
        name === 'coi' ? all.coi! : { ...(name === 'eh' ? all.eh! : all.mvp), pthreadWorker: null };
      const worker = startWorker(b.mainWorker!);
      try {
        const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
        await db.instantiate(b.mainModule, b.pthreadWorker, (p) =>
          options.onProgress?.(p.bytesLoaded, p.bytesTotal),
        );
        performance.mark('sw:duckdb-instantiated');
        await db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
        const conn = await db.connect();
        performance.mark('sw:duckdb-open');
        for (const sql of ENGINE_INIT_SQL) await conn.query(sql);
        return new BrowserEngine(db, conn, worker, name, options.onCrash);
      } catch (err) {
        lastError = err;
        worker.terminate();
      }
    }
    throw new EngineError({
      message: `DuckDB could not start: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
      kind: 'startup',
      cause: lastError,
    });
  }

  private check(sql: string): void {
    if (this.dead) throw new EngineError({ message: this.dead.message, sql, kind: this.dead.kind });
  }

  /**
   * Run `task` after every earlier one on this connection has settled. DuckDB runs one statement
   * at a time anyway; queueing here lets a cancelled statement be dropped before it is sent, and
   * makes conn.cancelSent() hit the statement it is meant for.
   */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  async query<T extends AnswerType>(
    request: QueryRequest<T>,
    options: QueryOptions = {},
  ): Promise<Answer<T>> {
    const table = await this.run(request.sql, options);
    return (
      request.type === 'arrow' ? table : request.type === 'rows' ? arrowToRows(table) : undefined
    ) as Answer<T>;
  }

  /** Run one statement in the queue, as Arrow. */
  private run(sql: string, options: QueryOptions): Promise<Table> {
    const { signal } = options;
    return this.serial(async () => {
      this.check(sql);
      if (signal?.aborted) {
        this.onStatement?.({ sql, ms: 0, cancelled: true });
        throw cancelledError(sql);
      }
      const t0 = performance.now();
      try {
        return await this.guard(signal ? this.sendCancellable(sql, signal) : this.conn.query(sql), sql);
      } catch (err) {
        throw signal?.aborted ? cancelledError(sql) : toEngineError(err, sql);
      } finally {
        this.onStatement?.({ sql, ms: performance.now() - t0, cancelled: !!signal?.aborted });
      }
    });
  }

  /**
   * Run through the pending-query API (the worker executes in slices between polls), so that an
   * abort can interrupt it with cancelSent(). The result is materialised before it is read.
   */
  private async sendCancellable(sql: string, signal: AbortSignal): Promise<Table> {
    const onAbort = () => void this.conn.cancelSent().catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const reader = await this.conn.send(sql, false);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      return new Table(reader.schema, batches);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async register(name: string, source: FileSource): Promise<void> {
    this.check(`-- register ${name}`);
    try {
      if (source.kind === 'blob') {
        // BROWSER_FILEREADER: DuckDB reads slices of the File on demand; the HTTP protocol would
        // silently fetch the page URL instead.
        await this.db.registerFileHandle(
          name,
          source.blob,
          duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
          true,
        );
      } else if (source.kind === 'buffer') {
        await this.guard(this.db.registerFileBuffer(name, source.bytes), `-- register ${name}`);
      } else if (source.kind === 'url') {
        // Only Parquet arrives as a URL source, and Parquet is read in JS; should SQL ever need
        // the file, it is downloaded once into a Blob (DuckDB's HTTP reader would bypass our checks).
        const res = await fetch(source.url);
        if (!res.ok) throw new Error(`HTTP ${res.status} for ${source.url}`);
        await this.db.registerFileHandle(
          name,
          await res.blob(),
          duckdb.DuckDBDataProtocol.BROWSER_FILEREADER,
          true,
        );
      } else {
        throw new EngineError({ message: 'a local path cannot be read in the browser', kind: 'file' });
      }
    } catch (err) {
      throw toEngineError(err, `-- register ${name}`);
    }
  }

  private async drop(name: string): Promise<void> {
    this.check(`-- drop file ${name}`);
    await this.guard(this.db.dropFile(name), `-- drop file ${name}`);
  }

  private insert(table: string, data: Table, options: { create?: boolean } = {}): Promise<void> {
    // In the statement queue: an insert must not slip between the polls of a running query.
    return this.serial(async () => {
      this.check(`-- insert arrow into ${table}`);
      // IPC bytes, not the Table object (see NodeEngine.insertArrow).
      await this.guard(
        this.conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), {
          name: table,
          create: options.create ?? true,
        }),
        `-- insert arrow into ${table}`,
      );
    });
  }

  async cancel(): Promise<void> {
    if (!this.dead) await this.conn.cancelSent();
  }

  async close(): Promise<void> {
    if (this.dead) return;
    try {
      await this.conn.close();
      await this.db.terminate();
    } finally {
      this.worker.terminate();
    }
  }
}
