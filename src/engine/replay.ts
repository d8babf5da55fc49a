/**
 * Record and replay the answers of analysis queries. A review link whose data is too large to
 * embed can still carry the numbers of one view: while that view is drawn again, the recording
 * engine keeps every `rows` answer by its SQL text; the reviewer's page runs the same code
 * with the same parameters, asks the same SQL, and the replay engine answers from the record.
 * The numbers are therefore the analyst's, computed once, by construction. SQL the record does
 * not hold (another page, another filter) is refused with SnapshotMissError, never guessed.
 */
import { EngineError } from './errors';
import {
  Engine,
  WrappedEngine,
  WASM_TRAITS,
  type Answer,
  type AnswerType,
  type Cell,
  type Connector,
  type EngineFiles,
  type EngineTraits,
  type QueryOptions,
  type QueryRequest,
} from './types';

type Rows = Record<string, Cell>[];

/** A query the snapshot in the link does not answer. */
export class SnapshotMissError extends EngineError {
  constructor(sql: string) {
    super({ message: 'This query is not in the snapshot of the link.', sql });
    this.name = 'SnapshotMissError';
  }
}

/** Wraps an engine; while recording, keeps each `rows` answer by its SQL. */
export class RecordingEngine extends WrappedEngine {
  private record: Map<string, Rows> | null = null;

  /** Start keeping answers (forgetting any earlier record). */
  start(): void {
    this.record = new Map();
  }

  /** Stop and return what was kept, in the order first asked. */
  stop(): Map<string, Rows> {
    const r = this.record ?? new Map<string, Rows>();
    this.record = null;
    return r;
  }

  override async query<T extends AnswerType>(
    request: QueryRequest<T>,
    options?: QueryOptions,
  ): Promise<Answer<T>> {
    const record = this.record;
    const answer = await this.inner.query(request, options);
    // structuredClone: callers may change their rows; the record keeps what DuckDB said.
    if (request.type === 'rows' && record && this.record === record)
      record.set(request.sql, structuredClone(answer as Rows));
    return answer;
  }
}

/** Answers from a record: loads nothing, reads no file. */
const RECORD_TRAITS: EngineTraits = WASM_TRAITS;

/** Answers `rows` requests from a record; everything else is refused. */
export class ReplayEngine extends Engine {
  readonly traits = RECORD_TRAITS;
  readonly files: EngineFiles = {
    register: async (name) => {
      throw new SnapshotMissError(`-- register ${name}`);
    },
    drop: async () => undefined,
    insertArrow: async (table) => {
      throw new SnapshotMissError(`-- insert into ${table}`);
    },
  };
  private readonly answers: Map<string, Rows>;
  private readonly keyOf: (sql: string) => string;

  /** `keyOf`: how the record keys an answer (the SQL text itself, or a hash of it). */
  constructor(answers: Map<string, Rows>, keyOf: (sql: string) => string = (sql) => sql) {
    super();
    this.answers = answers;
    this.keyOf = keyOf;
  }

  async query<T extends AnswerType>(request: QueryRequest<T>): Promise<Answer<T>> {
    const rows = request.type === 'rows' ? this.answers.get(this.keyOf(request.sql)) : undefined;
    if (!rows) throw new SnapshotMissError(request.sql);
    return structuredClone(rows) as Answer<T>;
  }
  async cancel(): Promise<void> {}
  async close(): Promise<void> {}
}

/**
 * Answers `rows` requests from a record while the real engine is on its way, and hands everything
 * else (and every query the record does not hold) to the real engine once it is there. The demo's
 * opening view is drawn this way on a first visit: its answers were recorded when the demo was
 * prepared (sample-data/prepare-demo.ts), from the same tables with the same SQL, so the numbers
 * are the ones DuckDB gives; nothing is guessed, a query outside the record just waits.
 */
export class HeadStartEngine extends Engine {
  readonly traits = RECORD_TRAITS;
  readonly files: EngineFiles = {
    register: async (name, source) => (await this.real).files.register(name, source),
    drop: async (name) => (await this.real).files.drop(name),
    insertArrow: async (table, data, options) => (await this.real).files.insertArrow(table, data, options),
  };
  /** `rows` requests the record did not answer (the e2e test checks the opening view has none). */
  misses = 0;
  private readonly answers: Map<string, Rows>;
  private readonly real: Promise<Connector>;
  private arrived: Connector | null = null;

  constructor(answers: Map<string, Rows>, real: Promise<Connector>) {
    super();
    this.answers = answers;
    this.real = real.then((e) => (this.arrived = e));
    // A failed start is reported by whoever started the engine; the waiting queries reject.
    this.real.catch(() => undefined);
  }

  /** The SQL texts the record answers, in the order first asked. */
  recorded(): string[] {
    return [...this.answers.keys()];
  }

  async query<T extends AnswerType>(request: QueryRequest<T>, options?: QueryOptions): Promise<Answer<T>> {
    if (request.type === 'rows') {
      const rows = this.answers.get(request.sql);
      if (rows) return structuredClone(rows) as Answer<T>;
      this.misses++;
    }
    return (await this.real).query(request, options);
  }
  async cancel(): Promise<void> {
    await this.arrived?.cancel();
  }
  /** The real engine belongs to the workbench, which closes it. */
  async close(): Promise<void> {}
}
