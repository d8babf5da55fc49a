/**
 * Record and replay the answers of analysis queries. A review link whose data is too large to
 * embed can still carry the numbers of one view: while that view is drawn again, the recording
 * engine keeps every `rows()` answer by its SQL text; the reviewer's page runs the same code
 * with the same parameters, asks the same SQL, and the replay engine answers from the record.
 * The numbers are therefore the analyst's, computed once, by construction. SQL the record does
 * not hold (another page, another filter) is refused with SnapshotMissError, never guessed.
 */
import type { Table } from 'apache-arrow';
import { EngineError } from './errors';
import type { Cell, Engine, FileSource, QueryOptions } from './types';

type Rows = Record<string, Cell>[];

/** A query the snapshot in the link does not answer. */
export class SnapshotMissError extends EngineError {
  constructor(sql: string) {
    super({ message: 'This query is not in the snapshot of the link.', sql });
    this.name = 'SnapshotMissError';
  }
}

/** Wraps an engine; while recording, keeps each `rows()` answer by its SQL. */
export class RecordingEngine implements Engine {
  readonly inner: Engine;
  private record: Map<string, Rows> | null = null;

  constructor(inner: Engine) {
    this.inner = inner;
  }

  get kind(): Engine['kind'] {
    return this.inner.kind;
  }

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

  async rows<T extends Record<string, Cell> = Record<string, Cell>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]> {
    const record = this.record;
    const rows = await this.inner.rows<T>(sql, options);
    // structuredClone: callers may change their rows; the record keeps what DuckDB said.
    if (record && this.record === record) record.set(sql, structuredClone(rows));
    return rows;
  }

  query(sql: string, options?: QueryOptions): Promise<Table> {
    return this.inner.query(sql, options);
  }
  exec(sql: string, options?: QueryOptions): Promise<void> {
    return this.inner.exec(sql, options);
  }
  registerFile(name: string, source: FileSource): Promise<void> {
    return this.inner.registerFile(name, source);
  }
  dropFile(name: string): Promise<void> {
    return this.inner.dropFile(name);
  }
  insertArrow(table: string, data: Table, options?: { create?: boolean }): Promise<void> {
    return this.inner.insertArrow(table, data, options);
  }
  cancel(): Promise<void> {
    return this.inner.cancel();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Answers `rows()` from a record; everything else is refused. */
export class ReplayEngine implements Engine {
  readonly kind = 'browser' as const;
  private readonly answers: Map<string, Rows>;
  private readonly keyOf: (sql: string) => string;

  /** `keyOf`: how the record keys an answer (the SQL text itself, or a hash of it). */
  constructor(answers: Map<string, Rows>, keyOf: (sql: string) => string = (sql) => sql) {
    this.answers = answers;
    this.keyOf = keyOf;
  }

  async rows<T extends Record<string, Cell> = Record<string, Cell>>(sql: string): Promise<T[]> {
    const rows = this.answers.get(this.keyOf(sql));
    if (!rows) throw new SnapshotMissError(sql);
    return structuredClone(rows) as T[];
  }

  async query(sql: string): Promise<Table> {
    throw new SnapshotMissError(sql);
  }
  async exec(sql: string): Promise<void> {
    throw new SnapshotMissError(sql);
  }
  async registerFile(name: string): Promise<void> {
    throw new SnapshotMissError(`-- register ${name}`);
  }
  async dropFile(): Promise<void> {}
  async insertArrow(table: string): Promise<void> {
    throw new SnapshotMissError(`-- insert into ${table}`);
  }
  async cancel(): Promise<void> {}
  async close(): Promise<void> {}
}

/**
 * Answers `rows()` from a record while the real engine is on its way, and hands everything else
 * (and every query the record does not hold) to the real engine once it is there. The demo's
 * opening view is drawn this way on a first visit: its answers were recorded when the demo was
 * prepared (sample-data/prepare-demo.ts), from the same tables with the same SQL, so the numbers
 * are the ones DuckDB gives; nothing is guessed, a query outside the record just waits.
 */
export class HeadStartEngine implements Engine {
  readonly kind = 'browser' as const;
  /** `rows()` calls the record did not answer (the e2e test checks the opening view has none). */
  misses = 0;
  private readonly answers: Map<string, Rows>;
  private readonly real: Promise<Engine>;
  private arrived: Engine | null = null;

  constructor(answers: Map<string, Rows>, real: Promise<Engine>) {
    this.answers = answers;
    this.real = real.then((e) => (this.arrived = e));
    // A failed start is reported by whoever started the engine; the waiting queries reject.
    this.real.catch(() => undefined);
  }

  /** The SQL texts the record answers, in the order first asked. */
  recorded(): string[] {
    return [...this.answers.keys()];
  }

  async rows<T extends Record<string, Cell> = Record<string, Cell>>(
    sql: string,
    options?: QueryOptions,
  ): Promise<T[]> {
    const rows = this.answers.get(sql);
    if (rows) return structuredClone(rows) as T[];
    this.misses++;
    return (await this.real).rows<T>(sql, options);
  }

  async query(sql: string, options?: QueryOptions): Promise<Table> {
    return (await this.real).query(sql, options);
  }
  async exec(sql: string, options?: QueryOptions): Promise<void> {
    return (await this.real).exec(sql, options);
  }
  async registerFile(name: string, source: FileSource): Promise<void> {
    return (await this.real).registerFile(name, source);
  }
  async dropFile(name: string): Promise<void> {
    return (await this.real).dropFile(name);
  }
  async insertArrow(table: string, data: Table, options?: { create?: boolean }): Promise<void> {
    return (await this.real).insertArrow(table, data, options);
  }
  async cancel(): Promise<void> {
    await this.arrived?.cancel();
  }
  /** The real engine belongs to the workbench, which closes it. */
  async close(): Promise<void> {}
}
