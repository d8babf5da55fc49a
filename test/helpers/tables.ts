import type { Engine } from '../../src/engine/types';
import { sqlString } from '../../src/engine/sql';
import { CANONICAL, type TableKind } from '../../src/ingest/canonical';

/** A row of a canonical table given by role name; missing roles are NULL. */
export type FixtureRow = Record<string, string | number | null>;

function sqlType(type: string): string {
  return type === 'number' ? 'DOUBLE' : type === 'date' || type === 'month' ? 'DATE' : 'VARCHAR';
}

function literal(value: string | number | null, type: string): string {
  if (value === null || value === undefined) return 'NULL';
  if (type === 'number') return String(value);
  if (type === 'date' || type === 'month')
    return `DATE ${sqlString(type === 'month' && String(value).length === 7 ? `${value}-01` : String(value))}`;
  return sqlString(String(value));
}

/**
 * (Re)create canonical table `kind` with exactly these rows, in the shape the ingest produces
 * (every canonical column, plus source_file/source_row), for hand-worked analytics fixtures.
 */
export async function createTable(db: Engine, kind: TableKind, rows: FixtureRow[]): Promise<void> {
  const cols = CANONICAL[kind];
  await db.exec(`DROP TABLE IF EXISTS ${kind}`);
  const defs = cols
    .map((c) => `${c.role} ${sqlType(c.type)}`)
    .concat(['source_file VARCHAR', 'source_row BIGINT']);
  await db.exec(`CREATE TABLE ${kind} (${defs.join(', ')})`);
  if (!rows.length) return;
  for (const r of rows) {
    for (const key of Object.keys(r)) {
      if (!cols.some((c) => c.role === key)) throw new Error(`fixture column ${key} is not a ${kind} role`);
    }
  }
  const values = rows.map(
    (r, i) => `(${cols.map((c) => literal(r[c.role] ?? null, c.type)).join(', ')}, 'fixture', ${i + 1})`,
  );
  await db.exec(`INSERT INTO ${kind} VALUES ${values.join(',\n')}`);
}
