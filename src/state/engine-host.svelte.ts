/**
 * The analysis engine's life: starting DuckDB (the starter is injected, so tests and the CLI can
 * pass another engine), its status as the UI shows it, and the recovery after a crash: say so,
 * start a new engine and have the same data loaded again (hooks of the workbench).
 */
import type { EngineError } from '../engine/errors';
import { RecordingEngine } from '../engine/replay';
import type { Engine } from '../engine/types';
import { messageOf, type Notice } from './notices';

/** Starts an engine; `onCrash` is called if it dies later. */
export type EngineStarter = (onCrash: (err: EngineError) => void) => Promise<Engine>;

/** Engine lifecycle as the UI shows it. */
export type Status = 'starting' | 'loading' | 'ready' | 'failed';

/** What the workbench does when the engine dies and when a new one is up. */
export interface RecoveryHooks {
  /** The engine died: nothing may query it any more (a view link's answers go on). */
  lost(): void;
  /**
   * The new DuckDB is up: load the same data into it. Answers the files to name in the notice,
   * and whether what is shown are a view link's answers (which need no DuckDB).
   */
  reload(duckdb: RecordingEngine): Promise<{ files: string[]; view: boolean }>;
  /** Whether analyses still have something to query after a failed restart. */
  answering(): boolean;
  /** The data is back (files dropped meanwhile can be read now). */
  restored(): void;
}

export class EngineHost {
  /**
   * DuckDB itself, wrapped so the share dialog can record the answers of the current view. Null
   * until it has started, and while it restarts after a crash.
   */
  duckdb: RecordingEngine | null = null;
  status = $state<Status>('starting');
  /** The engine's recovery after a crash: what happened, then that the data is back. */
  recovery = $state<Notice | null>(null);
  private starter: EngineStarter | null = null;
  private recovering = false;
  private readonly hooks: RecoveryHooks;

  constructor(hooks: RecoveryHooks) {
    this.hooks = hooks;
  }

  /** Start the engine; on failure `status` is 'failed' and the error is thrown. */
  async start(starter: EngineStarter): Promise<RecordingEngine> {
    this.starter = starter;
    this.status = 'starting';
    try {
      this.duckdb = new RecordingEngine(await starter((err) => void this.recover(err)));
      this.status = 'ready';
      return this.duckdb;
    } catch (err) {
      this.status = 'failed';
      throw err;
    }
  }

  /**
   * The engine died (worker crash, out of memory): say so, start a new engine and load the same
   * data again (RecoveryHooks.reload). Parameters, filters and the page stay as they were.
   */
  async recover(err: EngineError): Promise<void> {
    if (this.recovering || !this.starter) return;
    this.recovering = true;
    this.recovery = {
      key: err.kind === 'out_of_memory' ? 'recovery.outOfMemory' : 'recovery.crashed',
      params: {},
    };
    this.hooks.lost();
    this.duckdb = null;
    this.status = 'starting';
    try {
      this.duckdb = new RecordingEngine(await this.starter((e) => void this.recover(e)));
      this.status = 'ready';
      this.recovering = false;
      const { files, view } = await this.hooks.reload(this.duckdb);
      this.recovery = {
        key: view ? 'recovery.doneView' : 'recovery.done',
        params: { files: files.join(', ') },
      };
      this.hooks.restored();
    } catch (e) {
      this.recovering = false;
      this.status = this.hooks.answering() ? 'ready' : 'failed';
      this.recovery = { key: 'recovery.failed', params: { message: messageOf(e) } };
    }
  }
}
