/**
 * Statements shared by the analyses of one run of every result file (run-all: the CLI, Export
 * results). Several analyses compute the same intermediate answer: the key-accounts factors
 * contain the KPI metrics and the lifecycle stages at the period's end, the ABC migration the
 * period's customer Pareto of the ABC analysis. Inside a run, an analysis asks for such an answer
 * with `sharedRows` (it is kept as a temporary table, whose rows it then reads) and a later
 * analysis whose SQL contains the same statement reads that table instead of computing it again
 * (`stagedTable`). Outside a run (the pages, which have their own memo) both fall back to the
 * statement itself, so the SQL a page runs is unchanged.
 *
 * The table holds the statement's rows as DuckDB computed them, in their order (DuckDB keeps a
 * table's insertion order, `preserve_insertion_order`, which the engines leave on), so every
 * number read from it is the number the statement gives.
 */
import { WrappedEngine, type Cell, type Engine } from './types';

let runs = 0;

/** An engine for one run: answers as the inner one, and keeps shared statements as temporary tables. */
export class SharingEngine extends WrappedEngine {
  private readonly tables = new Map<string, Promise<string>>();
  private readonly done = new Map<string, string>();
  private readonly prefix = `share_${Date.now().toString(36)}_${runs++}`;

  /** The temporary table holding `sql`'s rows, created on the first call for this text. */
  stage(sql: string): Promise<string> {
    let table = this.tables.get(sql);
    if (!table) {
      const name = `${this.prefix}_${this.tables.size}`;
      table = this.inner.query({ type: 'exec', sql: `CREATE TEMP TABLE ${name} AS ${sql}` }).then(() => {
        this.done.set(sql, name);
        return name;
      });
      this.tables.set(sql, table);
    }
    return table;
  }

  /** The table of `sql` if an earlier analysis of the run staged it, else null. */
  staged(sql: string): string | null {
    return this.done.get(sql) ?? null;
  }

  /** Drop every table of the run. */
  async dispose(): Promise<void> {
    const names = await Promise.allSettled(this.tables.values());
    this.tables.clear();
    this.done.clear();
    for (const n of names)
      if (n.status === 'fulfilled')
        await this.inner.query({ type: 'exec', sql: `DROP TABLE IF EXISTS ${n.value}` });
  }
}

/**
 * `sql`'s rows; inside a run they are kept for the run's later analyses (see the module). Use
 * it for statements another analysis of the run contains, not for every statement.
 */
export async function sharedRows<T extends Record<string, Cell> = Record<string, Cell>>(
  db: Engine,
  sql: string,
  /** Rows in this order (`SELECT * FROM (sql) ORDER BY orderBy` outside a run); else `sql`'s own. */
  orderBy?: string,
): Promise<T[]> {
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  if (!(db instanceof SharingEngine)) return db.rows<T>(orderBy ? `SELECT * FROM (${sql})${order}` : sql);
  return db.rows<T>(`SELECT * FROM ${await db.stage(sql)}${order}`);
}

/** The run's table holding `sql`'s rows when an earlier analysis of the run staged it, else null. */
export function stagedTable(db: Engine, sql: string): string | null {
  return db instanceof SharingEngine ? db.staged(sql) : null;
}
