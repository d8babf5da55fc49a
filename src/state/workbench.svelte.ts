import { defaultParams, type Params } from '../analytics/params';
import { EngineError } from '../engine/errors';
import { HeadStartEngine, RecordingEngine, ReplayEngine, SnapshotMissError } from '../engine/replay';
import type { Cell, Connector, Engine } from '../engine/types';
import { applyMapping, inspectFile, loadFiles } from '../ingest/load';
import { installTables } from '../ingest/prepared';
import type { PreparedDemo } from './demo';
import { localStorageStore, type MappingStore } from '../ingest/mapping-memory';
import { CANONICAL, type TableKind } from '../ingest/canonical';
import type { Encoding } from '../ingest/encoding';
import type { DateFormat } from '../ingest/values';
import { fromBlob } from '../ingest/input';
import type { Snapshot } from '../share/snapshot';
import { sqlHash } from '../share/sql-hash';
import { restoreTables } from '../share/tables';
import { clearCache } from './analysis-cache';
import { analysesSettled, pending } from './async-result.svelte';
import { IngestError, type FilePlan, type InputFile, type LoadReport } from '../ingest/types';
import {
  datasetStore,
  forgetEverything,
  nowIso,
  STORE_VERSION,
  StorageError,
  type DatasetStore,
  type StoredDataset,
} from './persist';

/** A user-facing message: a catalogue key and its parameters. */
export interface Notice {
  key: string;
  params: Record<string, string | number>;
}

/** Starts an engine; `onCrash` is called if it dies later. */
export type EngineStarter = (onCrash: (err: EngineError) => void) => Promise<Engine>;

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

/** Engine lifecycle as the UI shows it. */
export type Status = 'starting' | 'loading' | 'ready' | 'failed';

/** Turn anything thrown while loading into a message the user can act on. */
export function toNotice(err: unknown, fileName = ''): Notice {
  if (err instanceof SnapshotMissError) return { key: 'share.notInSnapshot', params: {} };
  if (err instanceof IngestError)
    return { key: `error.${err.key}`, params: { file: fileName, ...err.params } };
  if (err instanceof EngineError)
    return { key: 'error.engine', params: { message: err.message.split('\n')[0] } };
  return { key: 'error.unknown', params: { message: err instanceof Error ? err.message : String(err) } };
}

/**
 * The loaded dataset and the analysis parameters: the state every page reads. `dataVersion`
 * changes whenever the tables change, so analyses re-run.
 */
export class Workbench {
  /** What analyses query: DuckDB (through the recorder), or the replayed answers of a view snapshot. */
  engine = $state.raw<Engine | null>(null);
  /** DuckDB itself, wrapped so the share dialog can record the answers of the current view. */
  loader: RecordingEngine | null = null;
  status = $state<Status>('starting');
  /** What the engine is doing right now (message key + params), for the progress line. */
  activity = $state<Notice | null>(null);
  /** The last error, shown until dismissed. */
  error = $state<Notice | null>(null);
  /** Load reports of the current dataset, one per file. */
  reports = $state.raw<LoadReport[]>([]);
  /**
   * Work on the loaded data that runs after the dashboards, when nothing else does (the
   * duplicate-row count of the load reports). `data-background` shows the count of such jobs.
   */
  background = $state(0);
  /** Settles when the reports are complete (await it before writing them into a file or a link). */
  reportsReady: Promise<void> = Promise.resolve();
  /** How each loaded file's columns were mapped to roles (for the Data page). */
  loadedMappings = $state.raw<LoadedMapping[]>([]);
  /** True while the demo dataset is what is loaded. */
  isDemo = $state(false);
  /** Bumped after every successful load. */
  dataVersion = $state(0);
  /** Analysis parameters (spec defaults until changed). */
  params = $state<Params>(defaultParams());
  /** The stored copy of the current dataset, if any (for the "restored" banner). */
  stored = $state<{ files: string[]; savedAt: string; restored: boolean } | null>(null);
  /** Storage trouble (quota), shown as a warning; the data stays loaded for this session. */
  storageWarning = $state<Notice | null>(null);
  /** Where the current data came from (null before the first load). */
  source = $state.raw<DataSource | null>(null);
  /** Files waiting on the mapping screen (proposals the user checks before loading). */
  pending = $state.raw<FilePlan[] | null>(null);
  /** The engine's recovery after a crash: what happened, then that the data is back. */
  recovery = $state<Notice | null>(null);
  /**
   * Files dropped or chosen before the page could read them (the engine still starting, the
   * opening data or another load in progress): kept, named on the page, and proposed as soon as
   * it can (flushQueued). A drop is never ignored.
   */
  queued = $state.raw<InputFile[]>([]);
  /** True until the opening data is in place (openingDone): drops meanwhile wait in `queued`. */
  private opening = true;
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

  /**
   * The data is a view snapshot's numbers, not rows: the period, filters and parameters cannot
   * be changed (their controls are disabled with the reason, docs/sharing.md).
   */
  get viewOnly(): boolean {
    return this.source?.kind === 'snapshot' && this.source.mode === 'view';
  }
  private store: DatasetStore | null = null;
  private mappings: MappingStore = localStorageStore();
  /** The confirmed plans behind each loaded table, so a restarted engine can load the same data. */
  // Not reactive on purpose: nothing renders it, it is read only when the engine restarts.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private kept = new Map<TableKind, FilePlan[]>();
  /**
   * The recorded opening view: 'drawing' while its answers stand in for DuckDB, 'handed-over'
   * once DuckDB has the same tables; `recordedMisses` counts the queries it could not answer.
   */
  recordedView = $state<'none' | 'drawing' | 'handed-over'>('none');
  recordedMisses = $state(0);
  private startEngine: EngineStarter | null = null;
  /** The demo drawn from recorded answers while DuckDB starts (showRecordedDemo), until it takes over. */
  private headStart: {
    engine: HeadStartEngine;
    resolve: (e: Engine) => void;
    reject: (err: unknown) => void;
  } | null = null;
  private recovering = false;

  private getStore(): DatasetStore {
    this.store ??= datasetStore();
    return this.store;
  }

  /**
   * Start the engine (injected, so tests and the CLI can pass a NodeEngine). The starter gets the
   * callback to call when the engine dies; the workbench then restarts it and reloads the data.
   */
  async start(startEngine: EngineStarter): Promise<void> {
    this.startEngine = startEngine;
    this.status = 'starting';
    try {
      this.loader = new RecordingEngine(await startEngine((err) => void this.recover(err)));
      // The recorded demo stays on screen until its tables are installed (loadPreparedDemo).
      if (!this.headStart) this.engine = this.loader;
      this.status = 'ready';
    } catch (err) {
      // Files queued meanwhile stay named on the page (they cannot be read without the engine).
      this.dropHeadStart(err);
      this.status = 'failed';
      this.error = {
        key: 'error.engineStart',
        params: { message: err instanceof Error ? err.message : String(err) },
      };
    }
  }

  /**
   * Draw the demo from the answers recorded when it was prepared (src/state/opening.ts) while the
   * engine is still starting: the Overview's queries are answered from the record, any other
   * query waits for DuckDB. loadPreparedDemo then installs the same tables and hands over
   * without a new data version, so nothing is drawn twice. Only before the engine is there.
   */
  showRecordedDemo(
    manifest: PreparedDemo['manifest'],
    answers: Map<string, Record<string, Cell>[]>,
  ): boolean {
    if (this.loader || this.status !== 'starting' || this.dataVersion !== 0) return false;
    let resolve!: (e: Engine) => void;
    let reject!: (err: unknown) => void;
    const real = new Promise<Engine>((res, rej) => ((resolve = res), (reject = rej)));
    const engine = new HeadStartEngine(answers, real);
    this.headStart = { engine, resolve, reject };
    this.recordedView = 'drawing';
    this.reports = manifest.reports;
    this.loadedMappings = manifest.mappings as LoadedMapping[];
    this.isDemo = true;
    this.source = { kind: 'demo' };
    this.engine = engine;
    this.dataVersion++;
    return true;
  }

  /** The recorded demo cannot be handed over (the engine failed): take it off the screen. */
  private dropHeadStart(err: unknown): void {
    const h = this.headStart;
    if (!h) return;
    this.headStart = null;
    this.recordedView = 'none';
    h.reject(err);
    if (this.engine === h.engine) {
      this.engine = null;
      this.isDemo = false;
      this.source = null;
      this.reports = [];
      this.loadedMappings = [];
      this.dataVersion = 0;
    }
  }

  /**
   * Read the top of each dropped file and propose how to load it; the mapping screen shows the
   * proposals. Nothing is loaded yet, and a file that is not a table is refused with a message.
   */
  async propose(files: InputFile[]): Promise<boolean> {
    if (files.length === 0) return false;
    if (!this.canPropose()) {
      this.queued = [...this.queued, ...files];
      return false;
    }
    this.error = null;
    let current = '';
    try {
      const plans: FilePlan[] = [];
      for (const f of files) {
        current = f.name;
        this.activity = { key: 'drop.loading', params: { file: f.name } };
        plans.push(await inspectFile(f, { mappings: this.mappings }));
      }
      this.pending = plans;
      return true;
    } catch (err) {
      this.error = toNotice(err, current);
      return false;
    } finally {
      this.activity = null;
    }
  }

  /** Whether a drop can be read now (else it waits in `queued`). */
  private canPropose(): boolean {
    return !!this.loader && !this.opening && this.status === 'ready';
  }

  /** Propose the queued files, if any, once nothing stands in their way. */
  private flushQueued(): void {
    if (!this.queued.length || !this.canPropose()) return;
    const files = this.queued;
    this.queued = [];
    void this.propose(files);
  }

  /**
   * The opening data (link, kept data or demo) is in place, or could not be loaded: from now on a
   * drop is read at once, and the files dropped meanwhile are proposed.
   */
  openingDone(): void {
    this.opening = false;
    this.flushQueued();
  }

  /** Change a pending file's table kind or column roles. */
  updatePending(index: number, changes: { kind?: TableKind; roles?: (string | null)[] }): void {
    if (!this.pending) return;
    this.pending = this.pending.map((p, i) => (i === index ? applyMapping(p, changes) : p));
  }

  /** Change how a pending column's dates are read (the day/month order). */
  setDateFormat(index: number, column: number, format: DateFormat): void {
    if (!this.pending) return;
    this.pending = this.pending.map((p, i) =>
      i === index
        ? { ...p, columns: p.columns.map((c) => (c.index === column ? { ...c, dateFormat: format } : c)) }
        : p,
    );
  }

  /** Read a pending file again with another encoding or sheet. */
  async reinspect(index: number, options: { encoding?: Encoding; sheet?: string }): Promise<void> {
    const plan = this.pending?.[index];
    if (!plan) return;
    try {
      const fresh = await inspectFile(plan.file, { ...options, mappings: this.mappings });
      this.pending = this.pending!.map((p, i) => (i === index ? fresh : p));
    } catch (err) {
      this.error = toNotice(err, plan.file.name);
    }
  }

  /** Load the files of the mapping screen as confirmed. */
  async confirmPending(): Promise<boolean> {
    const plans = this.pending;
    if (!plans) return false;
    const ok = await this.loadPlans(plans, { demo: false, persist: true });
    if (ok) {
      this.pending = null;
      this.source = { kind: 'files', files: plans.map((p) => p.file.name) };
    }
    return ok;
  }

  /**
   * One load step: `status` is 'loading' while `work` runs, then 'ready' with the progress line
   * cleared; a failure becomes the error notice (`failed` words it) and the answer false.
   */
  private async loading(
    work: () => Promise<boolean>,
    failed: (err: unknown) => Notice = (err) => toNotice(err),
  ): Promise<boolean> {
    this.status = 'loading';
    try {
      return await work();
    } catch (err) {
      this.error = failed(err);
      return false;
    } finally {
      this.status = 'ready';
      this.activity = null;
      this.flushQueued();
    }
  }

  /** Read files and load them directly with the proposed mapping (demo data, tests, the CLI path). */
  async load(
    files: InputFile[],
    options: { demo?: boolean; persist?: boolean; source?: DataSource } = {},
  ): Promise<boolean> {
    if (!this.loader || files.length === 0) return false;
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

  /**
   * Show the demo from its prepared tables (what the ingest made of the demo files, done once at
   * build time): the same tables, reports and mappings as load(demo files), without running the
   * CSV ingest on a first visit.
   */
  async loadPreparedDemo(demo: PreparedDemo): Promise<boolean> {
    const engine = this.loader;
    if (!engine) return false;
    this.error = null;
    return this.loading(
      async () => {
        await installTables(engine, demo.tables);
        const h = this.headStart;
        this.headStart = null;
        if (h && this.engine === h.engine) {
          // The recorded view came from these very tables: same data version, cached answers stay.
          this.engine = engine;
          h.resolve(engine);
          this.recordedMisses = h.engine.misses;
          this.recordedView = 'handed-over';
          void this.warmUp(engine.inner, h.engine.recorded(), this.dataVersion);
          return true;
        }
        if (h) {
          h.resolve(engine);
          this.recordedView = 'none';
        }
        this.reports = demo.manifest.reports;
        this.loadedMappings = demo.manifest.mappings as LoadedMapping[];
        this.isDemo = true;
        this.engine = engine;
        this.replayResults = null;
        this.dataVersion++;
        this.stored = null;
        this.source = { kind: 'demo' };
        return true;
      },
      (err) => {
        this.dropHeadStart(err);
        return toNotice(err);
      },
    );
  }

  /** Load confirmed plans (after the mapping screen, or restored from storage). */
  async loadPlans(
    plans: FilePlan[],
    options: { demo: boolean; persist: boolean; restored?: boolean },
  ): Promise<boolean> {
    const engine = this.loader;
    if (!engine) return false;
    // Data that is not the user's own (the demo, a link's) is replaced whole by the user's files:
    // the demo's plan must not stay beside the user's sales.
    const foreign = this.isDemo || (this.source !== null && this.source.kind !== 'files');
    return this.loading(async () => {
      let countDuplicates: ((signal: AbortSignal) => Promise<void>) | null = null;
      this.reports = await loadFiles(engine, plans, {
        deferDuplicates: (count) => (countDuplicates = count),
        mappings: options.demo ? undefined : this.mappings,
        onProgress: (p) => (this.activity = { key: `progress.${p.phase}`, params: { file: p.file } }),
      });
      if (foreign && !options.demo) {
        const kept = plans.map((p) => p.kind);
        for (const kind of Object.keys(CANONICAL) as TableKind[])
          if (!kept.includes(kind)) await engine.exec(`DROP TABLE IF EXISTS ${kind}`);
      }
      this.loadedMappings = plans.map((p) => ({
        file: p.file.name,
        kind: p.kind,
        columns: p.columns.map((c) => ({
          header: c.header,
          role: c.role,
          dateFormat: c.role && c.dateFormat ? c.dateFormat : null,
        })),
      }));
      this.isDemo = options.demo;
      // The user's files replace foreign data whole: a restart must not bring the demo's tables back.
      if (foreign && !options.demo) this.kept.clear();
      for (const plan of plans)
        this.kept.set(
          plan.kind,
          plans.filter((p) => p.kind === plan.kind),
        );
      // Loaded data replaces a view snapshot: analyses query DuckDB again.
      this.engine = engine;
      this.replayResults = null;
      this.dataVersion++;
      if (countDuplicates) this.reportsReady = this.completeReports(countDuplicates, this.dataVersion);
      if (options.persist) void this.persist(plans);
      else if (options.demo) this.stored = null;
      if (options.restored)
        this.stored = {
          files: plans.map((p) => p.file.name),
          savedAt: this.stored?.savedAt ?? '',
          restored: true,
        };
      return true;
    });
  }

  /**
   * Finish the load reports once the dashboards are drawn: the duplicate count is after-load work
   * that is tried again until it completes.
   */
  private completeReports(count: (signal: AbortSignal) => Promise<void>, version: number): Promise<void> {
    return this.afterLoad(
      version,
      async (signal) => {
        await count(signal);
        this.reports = this.reports.map((r) => ({ ...r, notes: [...r.notes] }));
      },
      true,
    );
  }

  /**
   * After-load work (counted in `background`): it runs while no analysis does and gives way (is
   * cancelled) when one starts, so a filter click never waits behind it; `retry` runs it again
   * once the analyses are done. Dropped when other data replaced this data meanwhile.
   */
  private async afterLoad(
    version: number,
    work: (signal: AbortSignal) => Promise<void>,
    retry: boolean,
  ): Promise<void> {
    this.background++;
    try {
      for (;;) {
        await analysesSettled();
        if (version !== this.dataVersion) return;
        const stop = new AbortController();
        const watch = setInterval(() => pending.count > 0 && stop.abort(), 30);
        try {
          await work(stop.signal);
          return;
        } catch (err) {
          if (!(err instanceof EngineError && err.kind === 'cancelled')) throw err;
          if (!retry) return;
        } finally {
          clearInterval(watch);
        }
      }
    } catch (err) {
      if (version === this.dataVersion) this.error = toNotice(err);
    } finally {
      this.background--;
    }
  }

  private peeked: Promise<StoredDataset | null> | null = null;

  /** The dataset kept from the last visit, read once for the restore() that follows. */
  peekStored(): Promise<StoredDataset | null> {
    this.peeked ??= this.getStore().load();
    return this.peeked;
  }

  /**
   * After the hand-over, run the recorded queries on DuckDB once as after-load work: what the
   * first visit would have run without the record. Its WebAssembly is then warm (compiled by the
   * optimising tier) for the analyst's first drop, which was measured 0.4 s slower at 100 k rows
   * on a cold engine. Not retried: an analysis that interrupts it warms the engine itself.
   */
  private warmUp(engine: Connector, sqls: string[], version: number): Promise<void> {
    return this.afterLoad(
      version,
      async (signal) => {
        for (const sql of sqls) await engine.query({ type: 'rows', sql }, { signal });
      },
      false,
    );
  }

  private async persist(plans: FilePlan[]): Promise<void> {
    const files = plans
      .filter((p) => p.file.source.kind === 'blob')
      .map((p) => ({
        name: p.file.name,
        blob: (p.file.source as { kind: 'blob'; blob: Blob }).blob,
        plan: { ...p, file: undefined },
      }));
    if (files.length !== plans.length) return;
    const savedAt = nowIso();
    try {
      await this.getStore().save({ version: STORE_VERSION, savedAt, files });
      this.stored = { files: files.map((f) => f.name), savedAt, restored: false };
      this.storageWarning = null;
    } catch (err) {
      this.stored = null;
      this.storageWarning = {
        key: err instanceof StorageError && err.quota ? 'storage.quota' : 'storage.failed',
        params: { message: err instanceof Error ? err.message : String(err) },
      };
    }
  }

  /** Restore the dataset kept from the last visit; false when there is none (or it is unreadable). */
  async restore(): Promise<boolean> {
    let stored;
    try {
      stored = await this.peekStored();
    } catch {
      return false;
    } finally {
      this.peeked = null;
    }
    if (!stored || stored.files.length === 0) return false;
    this.activity = { key: 'storage.restoring', params: {} };
    this.stored = { files: stored.files.map((f) => f.name), savedAt: stored.savedAt, restored: true };
    const inputs = stored.files.map((f) => fromBlob(f.blob, f.name));
    if (stored.version !== STORE_VERSION) return this.load(inputs);
    const plans = stored.files.map((f, i) => ({ ...(f.plan as FilePlan), file: inputs[i] }));
    const ok = await this.loadPlans(plans, { demo: false, persist: false, restored: true });
    if (ok) this.source = { kind: 'files', files: inputs.map((f) => f.name) };
    return ok;
  }

  /**
   * The engine died (worker crash, out of memory): say so, start a new engine and load the same
   * files again with the same mappings, from the File objects and bytes still held by the page
   * (or restored from storage). Parameters, filters and the page stay as they were.
   */
  async recover(err: EngineError): Promise<void> {
    if (this.recovering || !this.startEngine) return;
    this.recovering = true;
    const plans = [...this.kept.values()].flat();
    // A link's snapshot is shown instead of any kept files: its tables (data) are restored, or
    // its recorded answers (view) go on answering without DuckDB.
    const snapshot = this.source?.kind === 'snapshot' ? this.source.snapshot : null;
    const demo = this.isDemo;
    this.recovery = {
      key: err.kind === 'out_of_memory' ? 'recovery.outOfMemory' : 'recovery.crashed',
      params: {},
    };
    if (snapshot?.mode !== 'view') this.engine = null;
    this.loader = null;
    this.status = 'starting';
    clearCache();
    try {
      this.loader = new RecordingEngine(await this.startEngine((e) => void this.recover(e)));
      if (snapshot?.mode !== 'view') this.engine = this.loader;
      this.status = 'ready';
      this.recovering = false;
      let files = plans.map((p) => p.file.name);
      if (snapshot) {
        files = snapshot.reports.map((r) => r.file);
        if (snapshot.mode === 'data' && !(await this.openSnapshot(snapshot)))
          throw new Error('reload failed');
      } else if (plans.length && !(await this.loadPlans(plans, { demo, persist: false })))
        throw new Error('reload failed');
      this.recovery = {
        key: snapshot?.mode === 'view' ? 'recovery.doneView' : 'recovery.done',
        params: { files: files.join(', ') },
      };
      this.flushQueued();
    } catch (e) {
      this.recovering = false;
      this.status = this.engine ? 'ready' : 'failed';
      this.recovery = {
        key: 'recovery.failed',
        params: { message: e instanceof Error ? e.message : String(e) },
      };
    }
  }

  /**
   * Show the snapshot a link carries: a `data` snapshot becomes DuckDB's tables (every page
   * works); a `view` snapshot answers the queries of the shared view (ReplayEngine).
   */
  async openSnapshot(s: Snapshot): Promise<boolean> {
    const engine = this.loader;
    if (!engine) return false;
    this.activity = { key: 'share.opening', params: {} };
    return this.loading(async () => {
      if (s.mode === 'data') {
        await restoreTables(engine, s.tables);
        this.engine = engine;
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
      this.dataVersion++;
      return true;
    });
  }

  /** Remove every stored byte and go back to the demo data. */
  async forget(reloadDemo: () => Promise<InputFile[]>): Promise<void> {
    await forgetEverything();
    this.stored = null;
    this.storageWarning = null;
    await this.load(await reloadDemo(), { demo: true });
  }
}
