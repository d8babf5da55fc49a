/**
 * The loaded dataset, the state every page reads: what the analyses query, the data version
 * (changed by this module only, whenever the data changes, so analyses re-run), the load
 * reports and mappings, where the data came from; and its loading (files, the prepared demo, a
 * link's snapshot, the files kept in this browser). The other jobs are parts of it, each in its
 * own module: the engine's life and crash recovery (`host`), the recorded opening view
 * (`recordedOpening`), the mapping screen (`mapping`), after-load work (`afterLoad`) and the
 * files kept in this browser (`storage`). Parameters and the page belong to the view
 * (view.svelte.ts).
 */
import type { Cell, Connector, Engine } from '../engine/types';
import { ReplayEngine, type RecordingEngine } from '../engine/replay';
import { inspectFile, loadFiles } from '../ingest/load';
import { installTables, mappingsOf, type PreparedManifest } from '../ingest/prepared';
import { CANONICAL, type TableKind } from '../ingest/canonical';
import type { DateFormat } from '../ingest/values';
import { fromBlob } from '../ingest/input';
import type { FilePlan, InputFile, LoadReport } from '../ingest/types';
import type { Snapshot } from '../share/snapshot';
import { sqlHash } from '../share/sql-hash';
import { restoreTables } from '../share/tables';
import { AfterLoadQueue, type AnalysisActivity } from './after-load.svelte';
import { clearCache } from './analysis-cache';
import type { PreparedDemo } from './demo';
import { EngineHost, type EngineStarter } from './engine-host.svelte';
import { MappingSession } from './mapping-session.svelte';
import { messageOf, toNotice, type Notice } from './notices';
import { STORE_VERSION } from './persist';
import { RecordedOpening } from './recorded-opening.svelte';
import { StoredData } from './stored-data.svelte';

/** The confirmed column → role mapping of one loaded file. */
export interface LoadedMapping {
  file: string;
  kind: TableKind;
  columns: { header: string; role: string | null; dateFormat: DateFormat | null }[];
}

/**
 * Where the loaded data came from: what a review link can say about it, and what the print
 * layout names as the data source.
 */
export type DataSource =
  | { kind: 'demo' }
  /** Dropped by the user (or restored from this browser's storage). */
  | { kind: 'files'; files: string[] }
  /** Named by the link (`?data=`), as written there, and fetched from the intranet. */
  | { kind: 'urls'; urls: string[] }
  /**
   * Embedded in the link's `#` fragment: the whole dataset, or only the numbers of one view
   * (`snapshot` itself, so a restarted engine gets its tables again).
   */
  | { kind: 'snapshot'; mode: 'data' | 'view'; files: string[]; created: string; snapshot: Snapshot };

const loadedMappings = (plans: FilePlan[]) => mappingsOf(plans) as LoadedMapping[];

export class Workbench {
  /** The engine: starting, status, recovery after a crash; `host.duckdb` is DuckDB itself. */
  readonly host: EngineHost;
  /** The demo's opening view drawn from recorded answers while DuckDB starts. */
  readonly recordedOpening = new RecordedOpening();
  /** The mapping screen: proposed files, drops waiting for the engine. */
  readonly mapping: MappingSession;
  /** Work on the loaded data after the dashboards (`afterLoad.count`: `data-background`). */
  readonly afterLoad: AfterLoadQueue;
  /** The user's files kept in this browser. */
  readonly storage = new StoredData();

  /**
   * What analyses query: DuckDB (`host.duckdb`), the recorded opening view's answers, or the
   * replayed answers of a view snapshot.
   */
  engine = $state.raw<Engine | null>(null);
  /** What the engine is doing right now (message key + params), for the progress line. */
  activity = $state<Notice | null>(null);
  /** The last error, shown until dismissed. */
  error = $state<Notice | null>(null);
  /** Load reports of the current dataset, one per file. */
  reports = $state.raw<LoadReport[]>([]);
  /** Settles when the reports are complete (await it before writing them into a file or a link). */
  reportsReady: Promise<void> = Promise.resolve();
  /** How each loaded file's columns were mapped to roles (for the Data page). */
  loadedMappings = $state.raw<LoadedMapping[]>([]);
  /** True while the demo dataset is what is loaded. */
  isDemo = $state(false);
  /** Where the current data came from (null before the first load). */
  source = $state.raw<DataSource | null>(null);
  /**
   * Under a view snapshot (format 2), the results the link carries, by result key: analyses are
   * answered from them (use-analysis.svelte.ts), anything else is "Not in this link".
   */
  replayResults = $state.raw<Map<string, unknown> | null>(null);
  /**
   * What each analysis on screen shows now (its result key and the value the page reads), kept by
   * useAnalysis: the review link of a view carries these (review-link.svelte.ts).
   */
  // Not reactive on purpose: read only when a link is made.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly shown = new Map<object, { key: string; value: unknown; byAnswers: boolean }>();
  /** Set while a review link of the view is made: the query answers kept, by SQL hash. */
  recording: { answers: Map<string, Record<string, Cell>[]> } | null = null;

  /** Bumped after every successful load (and by rerunAnalyses). */
  #version = $state(0);
  /** The confirmed plans behind each loaded table, so a restarted engine can load the same data. */
  // Not reactive on purpose: nothing renders it, it is read only when the engine restarts.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private kept = new Map<TableKind, FilePlan[]>();
  /** What was loaded when the engine died, for its recovery to load again. */
  private lost: { plans: FilePlan[]; snapshot: Snapshot | null; demo: boolean } | null = null;

  /** `analyses`: the page's analyses in flight, which after-load work gives way to. */
  constructor(analyses: AnalysisActivity) {
    this.host = new EngineHost({
      lost: () => this.engineLost(),
      reload: (duckdb) => this.reload(duckdb),
      answering: () => this.engine !== null,
      restored: () => this.mapping.flush(),
    });
    const host = this.host;
    this.mapping = new MappingSession({
      get canRead() {
        return !!host.duckdb && host.status === 'ready';
      },
      progress: (n) => (this.activity = n),
      fail: (n) => (this.error = n),
      loadConfirmed: (plans) => this.loadConfirmed(plans),
    });
    this.afterLoad = new AfterLoadQueue(
      analyses,
      () => this.#version,
      (err) => (this.error = toNotice(err)),
    );
  }

  /** Changes whenever the data changes (loads, a link opened): analyses keyed by it run again. */
  get dataVersion(): number {
    return this.#version;
  }

  /**
   * The data is a view snapshot's numbers, not rows: the period, filters and parameters cannot
   * be changed (their controls are disabled with the reason, docs/sharing.md).
   */
  get viewOnly(): boolean {
    return this.source?.kind === 'snapshot' && this.source.mode === 'view';
  }

  /**
   * Run every analysis on screen again on the same data (a new data version: the result cache
   * is keyed by it). A review link of the view records the answers so.
   */
  rerunAnalyses(): void {
    this.#version++;
  }

  /** Start the engine (injected, so tests can pass a NodeEngine); a failure is the error notice. */
  async start(starter: EngineStarter): Promise<void> {
    try {
      const duckdb = await this.host.start(starter);
      // The recorded demo stays on screen until its tables are installed (loadPreparedDemo).
      if (!this.recordedOpening.drawing) this.engine = duckdb;
    } catch (err) {
      // Files queued meanwhile stay named on the page (they cannot be read without the engine).
      this.dropRecordedOpening(err);
      this.error = { key: 'error.engineStart', params: { message: messageOf(err) } };
    }
  }

  /**
   * Draw the demo from the answers recorded when it was prepared while the engine is still
   * starting (recorded-opening.svelte.ts); loadPreparedDemo then installs the same tables and
   * hands over without a new data version. Only before the engine is there.
   */
  showRecordedDemo(manifest: PreparedManifest, answers: Map<string, Record<string, Cell>[]>): boolean {
    if (this.host.duckdb || this.host.status !== 'starting' || this.#version !== 0) return false;
    const engine = this.recordedOpening.begin(answers);
    this.reports = manifest.reports;
    this.loadedMappings = manifest.mappings as LoadedMapping[];
    this.isDemo = true;
    this.source = { kind: 'demo' };
    this.engine = engine;
    this.#version++;
    return true;
  }

  /** The recorded demo cannot be handed over (the engine failed): take it off the screen. */
  private dropRecordedOpening(err: unknown): void {
    const engine = this.recordedOpening.drop(err);
    if (!engine || this.engine !== engine) return;
    this.engine = null;
    this.isDemo = false;
    this.source = null;
    this.reports = [];
    this.loadedMappings = [];
    this.#version = 0;
  }

  /**
   * One load step: `status` is 'loading' while `work` runs, then 'ready' with the progress line
   * cleared; a failure becomes the error notice (`failed` words it) and the answer false.
   */
  private async loading(
    work: () => Promise<boolean>,
    failed: (err: unknown) => Notice = (err) => toNotice(err),
  ): Promise<boolean> {
    this.host.status = 'loading';
    try {
      return await work();
    } catch (err) {
      this.error = failed(err);
      return false;
    } finally {
      this.host.status = 'ready';
      this.activity = null;
      this.mapping.flush();
    }
  }

  /** Read files and load them directly with the proposed mapping (demo data, tests, a link's files). */
  async load(
    files: InputFile[],
    options: { demo?: boolean; persist?: boolean; source?: DataSource } = {},
  ): Promise<boolean> {
    if (!this.host.duckdb || files.length === 0) return false;
    this.error = null;
    let current = '';
    return this.loading(
      async () => {
        const plans: FilePlan[] = [];
        for (const f of files) {
          current = f.name;
          this.activity = { key: 'drop.loading', params: { file: f.name } };
          plans.push(await inspectFile(f));
        }
        current = '';
        const demo = options.demo ?? false;
        const ok = await this.loadPlans(plans, { demo, persist: options.persist ?? !demo });
        if (ok)
          this.source =
            options.source ?? (demo ? { kind: 'demo' } : { kind: 'files', files: files.map((f) => f.name) });
        return ok;
      },
      (err) => toNotice(err, current),
    );
  }

  /** The mapping screen's files as confirmed: the user's own, kept in this browser. */
  private async loadConfirmed(plans: FilePlan[]): Promise<boolean> {
    const ok = await this.loadPlans(plans, { demo: false, persist: true });
    if (ok) this.source = { kind: 'files', files: plans.map((p) => p.file.name) };
    return ok;
  }

  /**
   * Show the demo from its prepared tables (what the ingest made of the demo files, done once at
   * build time): the same tables, reports and mappings as load(demo files), without running the
   * CSV ingest on a first visit.
   */
  async loadPreparedDemo(demo: PreparedDemo): Promise<boolean> {
    const duckdb = this.host.duckdb;
    if (!duckdb) return false;
    this.error = null;
    return this.loading(
      async () => {
        await installTables(duckdb, demo.tables);
        const recorded = this.recordedOpening.handOver(duckdb, this.engine);
        if (recorded) {
          // The recorded view came from these very tables: same data version, cached answers stay.
          this.engine = duckdb;
          void this.warmUp(duckdb.inner, recorded, this.#version);
          return true;
        }
        this.reports = demo.manifest.reports;
        this.loadedMappings = demo.manifest.mappings as LoadedMapping[];
        this.isDemo = true;
        this.engine = duckdb;
        this.replayResults = null;
        this.#version++;
        this.storage.notStored();
        this.source = { kind: 'demo' };
        return true;
      },
      (err) => {
        this.dropRecordedOpening(err);
        return toNotice(err);
      },
    );
  }

  /** Load confirmed plans (after the mapping screen, or restored from storage). */
  async loadPlans(
    plans: FilePlan[],
    options: { demo: boolean; persist: boolean; restored?: boolean },
  ): Promise<boolean> {
    const duckdb = this.host.duckdb;
    if (!duckdb) return false;
    // Data that is not the user's own (the demo, a link's) is replaced whole by the user's files:
    // the demo's plan must not stay beside the user's sales.
    const foreign = this.isDemo || (this.source !== null && this.source.kind !== 'files');
    return this.loading(async () => {
      let countDuplicates: ((signal: AbortSignal) => Promise<void>) | null = null;
      this.reports = await loadFiles(duckdb, plans, {
        deferDuplicates: (count) => (countDuplicates = count),
        mappings: options.demo ? undefined : this.mapping.memory,
        onProgress: (p) => (this.activity = { key: `progress.${p.phase}`, params: { file: p.file } }),
      });
      if (foreign && !options.demo) {
        const kept = plans.map((p) => p.kind);
        for (const kind of Object.keys(CANONICAL) as TableKind[])
          if (!kept.includes(kind)) await duckdb.exec(`DROP TABLE IF EXISTS ${kind}`);
      }
      this.loadedMappings = loadedMappings(plans);
      this.isDemo = options.demo;
      // The user's files replace foreign data whole: a restart must not bring the demo's tables back.
      if (foreign && !options.demo) this.kept.clear();
      for (const plan of plans)
        this.kept.set(
          plan.kind,
          plans.filter((p) => p.kind === plan.kind),
        );
      // Loaded data replaces a view snapshot: analyses query DuckDB again.
      this.engine = duckdb;
      this.replayResults = null;
      this.#version++;
      if (countDuplicates) this.reportsReady = this.completeReports(countDuplicates, this.#version);
      if (options.persist) void this.storage.save(plans);
      else if (options.demo) this.storage.notStored();
      if (options.restored) this.storage.restored(plans.map((p) => p.file.name));
      return true;
    });
  }

  /**
   * Finish the load reports once the dashboards are drawn: the duplicate count is after-load work
   * that is tried again until it completes.
   */
  private completeReports(count: (signal: AbortSignal) => Promise<void>, version: number): Promise<void> {
    return this.afterLoad.run(
      version,
      async (signal) => {
        await count(signal);
        this.reports = this.reports.map((r) => ({ ...r, notes: [...r.notes] }));
      },
      true,
    );
  }

  /**
   * After the hand-over, run the recorded queries on DuckDB once as after-load work: what the
   * first visit would have run without the record. Its WebAssembly is then warm for the
   * analyst's first drop (docs/performance.md, "warm-up"). Not retried: an analysis that
   * interrupts it warms the engine itself.
   */
  private warmUp(engine: Connector, sqls: string[], version: number): Promise<void> {
    return this.afterLoad.run(
      version,
      async (signal) => {
        for (const sql of sqls) await engine.query({ type: 'rows', sql }, { signal });
      },
      false,
    );
  }

  /** Restore the dataset kept from the last visit; false when there is none (or it is unreadable). */
  async restore(): Promise<boolean> {
    const stored = await this.storage.take();
    if (!stored) return false;
    this.activity = { key: 'storage.restoring', params: {} };
    this.storage.restored(
      stored.files.map((f) => f.name),
      stored.savedAt,
    );
    const inputs = stored.files.map((f) => fromBlob(f.blob, f.name));
    if (stored.version !== STORE_VERSION) return this.load(inputs);
    const plans = stored.files.map((f, i) => ({ ...(f.plan as FilePlan), file: inputs[i] }));
    const ok = await this.loadPlans(plans, { demo: false, persist: false, restored: true });
    if (ok) this.source = { kind: 'files', files: inputs.map((f) => f.name) };
    return ok;
  }

  /**
   * The engine died: analyses stop querying it, except a view link's recorded answers, which go
   * on without DuckDB. What was loaded is noted for reload().
   */
  private engineLost(): void {
    // A link's snapshot is shown instead of any kept files: its tables (data) are restored, or
    // its recorded answers (view) go on answering without DuckDB.
    const snapshot = this.source?.kind === 'snapshot' ? this.source.snapshot : null;
    this.lost = { plans: [...this.kept.values()].flat(), snapshot, demo: this.isDemo };
    if (snapshot?.mode !== 'view') this.engine = null;
    clearCache();
  }

  /**
   * A new DuckDB is up after a crash: load the same files again with the same mappings, from the
   * File objects and bytes still held by the page (or restored from storage), or the link's
   * snapshot. Parameters, filters and the page stay as they were.
   */
  private async reload(duckdb: RecordingEngine): Promise<{ files: string[]; view: boolean }> {
    const { plans, snapshot, demo } = this.lost ?? { plans: [], snapshot: null, demo: false };
    if (snapshot?.mode !== 'view') this.engine = duckdb;
    let files = plans.map((p) => p.file.name);
    if (snapshot) {
      files = snapshot.reports.map((r) => r.file);
      if (snapshot.mode === 'data' && !(await this.openSnapshot(snapshot))) throw new Error('reload failed');
    } else if (plans.length && !(await this.loadPlans(plans, { demo, persist: false })))
      throw new Error('reload failed');
    return { files, view: snapshot?.mode === 'view' };
  }

  /**
   * Show the snapshot a link carries: a `data` snapshot becomes DuckDB's tables (every page
   * works); a `view` snapshot answers the queries of the shared view (ReplayEngine).
   */
  async openSnapshot(s: Snapshot): Promise<boolean> {
    const duckdb = this.host.duckdb;
    if (!duckdb) return false;
    this.activity = { key: 'share.opening', params: {} };
    return this.loading(async () => {
      if (s.mode === 'data') {
        await restoreTables(duckdb, s.tables);
        this.engine = duckdb;
        this.replayResults = null;
      } else {
        // Format 2 keys answers by a hash of the SQL, format 1 by the SQL text.
        this.engine = new ReplayEngine(s.answers, s.v === 2 ? sqlHash : undefined);
        this.replayResults = s.results.size ? s.results : null;
      }
      this.reports = s.reports;
      this.isDemo = false;
      this.source = {
        kind: 'snapshot',
        mode: s.mode,
        files: s.reports.map((r) => r.file),
        created: s.created,
        snapshot: s,
      };
      this.#version++;
      return true;
    });
  }

  /** Remove every stored byte and go back to the demo data. */
  async forget(reloadDemo: () => Promise<InputFile[]>): Promise<void> {
    await this.storage.forget();
    await this.load(await reloadDemo(), { demo: true });
  }
}
