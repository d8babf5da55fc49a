import type { Table } from 'apache-arrow';
import type { Cell, Engine, FileSource, QueryOptions } from './types';

/**
 * The same engine with `signal` attached to every statement: an analysis written against the
 * plain Engine interface becomes cancellable as a whole (its statements not yet run are dropped,
 * the running one is interrupted) without knowing about it.
 */
export function withSignal(engine: Engine, signal: AbortSignal): Engine {
  const opts = (o?: QueryOptions): QueryOptions => ({ ...o, signal: o?.signal ?? signal });
  return {
    get kind() {
      return engine.kind;
    },
    query: (sql: string, o?: QueryOptions): Promise<Table> => engine.query(sql, opts(o)),
    rows: <T extends Record<string, Cell> = Record<string, Cell>>(sql: string, o?: QueryOptions) =>
      engine.rows<T>(sql, opts(o)),
    exec: (sql: string, o?: QueryOptions) => engine.exec(sql, opts(o)),
    registerFile: (name: string, source: FileSource) => engine.registerFile(name, source),
    dropFile: (name: string) => engine.dropFile(name),
    insertArrow: (table: string, data: Table, o?: { create?: boolean }) => engine.insertArrow(table, data, o),
    cancel: () => engine.cancel(),
    close: () => engine.close(),
  };
}
