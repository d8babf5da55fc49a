/**
 * The canonical tables in and out of a `data` snapshot. Out: every row of every canonical table
 * present. In: the same tables recreated with the canonical column types, so the reviewer's
 * DuckDB holds exactly what the analyst's held.
 */
import { Table, type Vector } from 'apache-arrow';
import { dateDayColumn, float64Column, utf8Column } from '../engine/arrow-columns';
import type { Cell, Engine } from '../engine/types';
import { tableNames } from '../analytics/common';
import { CANONICAL, type RoleSpec, type TableKind } from '../ingest/canonical';

const KINDS = Object.keys(CANONICAL) as TableKind[];

/** The canonical tables present, with their row counts. */
export async function tableSizes(engine: Engine): Promise<Partial<Record<TableKind, number>>> {
  const present = await tableNames(engine);
  const sizes: Partial<Record<TableKind, number>> = {};
  for (const kind of KINDS)
    if (present.has(kind))
      sizes[kind] = (await engine.rows<{ n: number }>(`SELECT count(*) AS n FROM ${kind}`))[0].n;
  return sizes;
}

/** Every row of each canonical table present, in the order they were stored (ties in analyses then break the same way). */
export async function dumpTables(
  engine: Engine,
): Promise<Partial<Record<TableKind, Record<string, Cell>[]>>> {
  const out: Partial<Record<TableKind, Record<string, Cell>[]>> = {};
  for (const kind of Object.keys(await tableSizes(engine)) as TableKind[]) {
    const cols = [...CANONICAL[kind].map((c) => c.role), 'source_file', 'source_row'];
    out[kind] = await engine.rows(`SELECT ${cols.join(', ')} FROM ${kind} ORDER BY rowid`);
  }
  return out;
}

/** SQL type of a canonical column (the loader's: numbers DOUBLE, texts VARCHAR, dates and months DATE). */
function sqlType(spec: RoleSpec): string {
  return spec.type === 'number' ? 'DOUBLE' : spec.type === 'text' ? 'VARCHAR' : 'DATE';
}

function vector(values: Cell[], spec: RoleSpec | 'text' | 'number'): Vector {
  const type = typeof spec === 'string' ? spec : spec.type;
  if (type === 'text') return utf8Column(values.map((v) => (v === null ? null : String(v))));
  if (type === 'number') return float64Column(values.map((v) => (typeof v === 'number' ? v : null)));
  // Dates arrive as epoch milliseconds of UTC midnight (calendar dates, no time zone involved).
  return dateDayColumn(values.map((v) => (typeof v === 'number' ? Math.floor(v / 86_400_000) : null)));
}

/**
 * Recreate the canonical tables of a snapshot: each table is replaced whole; kinds not in the
 * snapshot are dropped, so nothing of earlier data mixes in.
 */
export async function restoreTables(
  engine: Engine,
  tables: Partial<Record<TableKind, Record<string, Cell>[]>>,
): Promise<void> {
  for (const kind of KINDS) {
    await engine.exec(`DROP TABLE IF EXISTS ${kind}`);
    const rows = tables[kind];
    if (!rows) continue;
    const specs = CANONICAL[kind];
    const defs = specs.map((c) => `${c.role} ${sqlType(c)}`).join(', ');
    await engine.exec(`CREATE TABLE ${kind} (${defs}, source_file VARCHAR, source_row BIGINT)`);
    if (rows.length === 0) continue;
    const cols: Record<string, Vector> = {};
    for (const spec of specs)
      cols[spec.role] = vector(
        rows.map((r) => r[spec.role] ?? null),
        spec,
      );
    cols.source_file = vector(
      rows.map((r) => r.source_file ?? null),
      'text',
    );
    cols.source_row = vector(
      rows.map((r) => r.source_row ?? null),
      'number',
    );
    const staging = `${kind}__snapshot`;
    await engine.insertArrow(staging, new Table(cols), { create: true });
    try {
      await engine.exec(`INSERT INTO ${kind} SELECT * FROM ${staging}`);
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${staging}`);
    }
  }
}
