import { defaultParams, type Params } from '../analytics/params';
import { EngineError } from '../engine/errors';
import type { Engine } from '../engine/types';
import { inspectFile, loadFiles } from '../ingest/load';
import { IngestError, type InputFile, type LoadReport } from '../ingest/types';

/** A user-facing message: a catalogue key and its parameters. */
export interface Notice {
  key: string;
  params: Record<string, string | number>;
}

/** Engine lifecycle as the UI shows it. */
export type Status = 'starting' | 'loading' | 'ready' | 'failed';

/** Turn anything thrown while loading into a message the user can act on. */
export function toNotice(err: unknown, fileName = ''): Notice {
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
  engine = $state.raw<Engine | null>(null);
  status = $state<Status>('starting');
  /** What the engine is doing right now (message key + params), for the progress line. */
  activity = $state<Notice | null>(null);
  /** The last error, shown until dismissed. */
  error = $state<Notice | null>(null);
  /** Load reports of the current dataset, one per file. */
  reports = $state.raw<LoadReport[]>([]);
  /** True while the demo dataset is what is loaded. */
  isDemo = $state(false);
  /** Bumped after every successful load. */
  dataVersion = $state(0);
  /** Analysis parameters (spec defaults until changed). */
  params = $state<Params>(defaultParams());

  /** Start the engine (injected, so tests and the CLI can pass a NodeEngine). */
  async start(startEngine: () => Promise<Engine>): Promise<void> {
    this.status = 'starting';
    try {
      this.engine = await startEngine();
      this.status = 'ready';
    } catch (err) {
      this.status = 'failed';
      this.error = {
        key: 'error.engineStart',
        params: { message: err instanceof Error ? err.message : String(err) },
      };
    }
  }

  /**
   * Read files into the canonical tables. On any error nothing is replaced: the earlier data
   * stays and the error is shown.
   */
  async load(files: InputFile[], options: { demo?: boolean } = {}): Promise<boolean> {
    const engine = this.engine;
    if (!engine || files.length === 0) return false;
    this.status = 'loading';
    this.error = null;
    let current = '';
    try {
      const plans = [];
      for (const f of files) {
        current = f.name;
        this.activity = { key: 'drop.loading', params: { file: f.name } };
        plans.push(await inspectFile(f));
      }
      current = '';
      const reports = await loadFiles(engine, plans);
      this.reports = reports;
      this.isDemo = options.demo ?? false;
      this.dataVersion++;
      return true;
    } catch (err) {
      this.error = toNotice(err, current);
      return false;
    } finally {
      this.status = 'ready';
      this.activity = null;
    }
  }
}
