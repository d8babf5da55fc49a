import type { Engine } from '../engine/types';
import { sqlIdent, sqlString } from '../engine/sql';
import { CANONICAL } from '../ingest/canonical';

/** A loaded canonical table and its exact row count. */
export type LoadedTable = { name: string; rows: number };

/**
 * SQL counting the rows of each of these tables exactly. The Data page used
 * duckdb_tables().estimated_size, an estimate that can differ from the rows loaded, so the page
 * could say another number than the load report and the tables.
 */
export function buildTableRowsSql(names: string[]): string {
  return names
    .map((n) => `SELECT ${sqlString(n)} AS name, count(*) AS rows FROM ${sqlIdent(n)}`)
    .join('\nUNION ALL\n')
    .concat('\nORDER BY name');
}

/** The canonical tables that are loaded, by name, with their exact row counts. */
export async function runLoadedTables(db: Engine): Promise<LoadedTable[]> {
  const kinds = Object.keys(CANONICAL);
  const present = await db.rows<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE table_name IN (${kinds.map(sqlString).join(', ')}) ORDER BY 1`,
  );
  if (!present.length) return [];
  return db.rows<LoadedTable>(buildTableRowsSql(present.map((t) => t.name)));
}
