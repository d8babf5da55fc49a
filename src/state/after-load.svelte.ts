/**
 * Work on the loaded data that runs after the dashboards, when nothing else does (the load
 * reports' duplicate-row count, the warm-up after the recorded opening view): it gives way to
 * the analyses, which the page's own count tells about (injected, so this module does not reach
 * into the UI's bookkeeping).
 */
import { EngineError } from '../engine/errors';

/** The analyses in flight on the page: how many now, and the moment none is. */
export interface AnalysisActivity {
  running(): number;
  settled(): Promise<void>;
}

/** How often running work checks whether an analysis has started (ms). */
const WATCH_MS = 30;

/** After-load jobs of one workbench; `count` is what `data-background` shows. */
export class AfterLoadQueue {
  /** Jobs waiting or running. */
  count = $state(0);
  private readonly analyses: AnalysisActivity;
  private readonly version: () => number;
  private readonly failed: (err: unknown) => void;

  /**
   * `version`: the data version now (a job of older data is dropped); `failed`: what to do with
   * a job's error, when its data is still the data shown.
   */
  constructor(analyses: AnalysisActivity, version: () => number, failed: (err: unknown) => void) {
    this.analyses = analyses;
    this.version = version;
    this.failed = failed;
  }

  /**
   * Run `work` for data `version` while no analysis runs; it gives way (is cancelled through its
   * signal) when one starts, so a filter click never waits behind it, and `retry` runs it again
   * once the analyses are done. Dropped when other data replaced this data meanwhile.
   */
  async run(version: number, work: (signal: AbortSignal) => Promise<void>, retry: boolean): Promise<void> {
    this.count++;
    try {
      for (;;) {
        await this.analyses.settled();
        if (version !== this.version()) return;
        const stop = new AbortController();
        const watch = setInterval(() => this.analyses.running() > 0 && stop.abort(), WATCH_MS);
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
      if (version === this.version()) this.failed(err);
    } finally {
      this.count--;
    }
  }
}
