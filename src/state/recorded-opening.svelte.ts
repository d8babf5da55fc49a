/**
 * The recorded opening view: on a first visit the demo's Overview is drawn from the answers
 * recorded when the demo was prepared (src/state/opening.ts) while DuckDB still starts; any other
 * query waits for DuckDB. Once DuckDB has the same tables it takes over without a new data
 * version, so nothing is drawn twice (docs/performance.md, "recorded opening view").
 */
import { HeadStartEngine } from '../engine/replay';
import type { Cell, Connector } from '../engine/types';

type Rows = Record<string, Cell>[];

export class RecordedOpening {
  /** 'drawing' while the record stands in for DuckDB, 'handed-over' once DuckDB has the same tables. */
  view = $state<'none' | 'drawing' | 'handed-over'>('none');
  /** Queries the record could not answer (the e2e test checks the opening view has none). */
  misses = $state(0);
  private headStart: {
    engine: HeadStartEngine;
    resolve: (e: Connector) => void;
    reject: (err: unknown) => void;
  } | null = null;

  /** Start drawing from `answers`: the engine the analyses query until DuckDB takes over. */
  begin(answers: Map<string, Rows>): HeadStartEngine {
    let resolve!: (e: Connector) => void;
    let reject!: (err: unknown) => void;
    const real = new Promise<Connector>((res, rej) => ((resolve = res), (reject = rej)));
    const engine = new HeadStartEngine(answers, real);
    this.headStart = { engine, resolve, reject };
    this.view = 'drawing';
    return engine;
  }

  /** Whether the record is drawing now (DuckDB not yet there). */
  get drawing(): boolean {
    return this.headStart !== null;
  }

  /**
   * DuckDB has the recorded view's tables: the queries waiting go to it. When the page still
   * shows the record (`shown`), answers the SQL the record held (DuckDB runs it once to warm up)
   * and the view is handed over; else null.
   */
  handOver(duckdb: Connector, shown: Connector | null): string[] | null {
    const h = this.headStart;
    this.headStart = null;
    if (!h) return null;
    h.resolve(duckdb);
    if (shown !== h.engine) {
      this.view = 'none';
      return null;
    }
    this.misses = h.engine.misses;
    this.view = 'handed-over';
    return h.engine.recorded();
  }

  /**
   * The record cannot be handed over (the engine failed): its waiting queries fail with `err`.
   * Answers the engine it was, for the caller to take off the screen.
   */
  drop(err: unknown): HeadStartEngine | null {
    const h = this.headStart;
    if (!h) return null;
    this.headStart = null;
    this.view = 'none';
    h.reject(err);
    return h.engine;
  }
}
