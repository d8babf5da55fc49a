import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { dateDayColumn, float64Column, utf8Column } from '../engine/arrow-columns';
import type { Engine } from '../engine/types';
import { CANONICAL, type TableKind } from './canonical';
import type { FilePlan, LoadReport } from './types';

/**
 * Canonical tables prepared ahead of time (the demo dataset): what loadFiles made of the files,
 * saved as Arrow IPC, so that the first visit shows the demo without running the CSV ingest in
 * the browser (its code paths are cold on a first visit and cost seconds). The manifest keeps
 * the load reports and mappings of that ingest, so the page says exactly what it would have.
 */
export interface PreparedManifest {
  version: 1;
  tables: { kind: TableKind; rows: number; file: string }[];
  reports: LoadReport[];
  mappings: {
    file: string;
    kind: TableKind;
    columns: { header: string; role: string | null; dateFormat: string | null }[];
  }[];
}

/** Columns of a canonical table as loadFiles creates it, with their SQL types. */
export function canonicalColumns(kind: TableKind): [string, string][] {
  const type = (t: string) => (t === 'number' ? 'DOUBLE' : t === 'text' ? 'VARCHAR' : 'DATE');
  return [
    ...CANONICAL[kind].map((c): [string, string] => [c.role, type(c.type)]),
    ['source_file', 'VARCHAR'],
    ['source_row', 'BIGINT'],
  ];
}

/** The mappings the workbench keeps for loaded files (the Data page shows them). */
export function mappingsOf(plans: FilePlan[]): PreparedManifest['mappings'] {
  return plans.map((p) => ({
    file: p.file.name,
    kind: p.kind,
    columns: p.columns.map((c) => ({
      header: c.header,
      role: c.role,
      dateFormat: c.role && c.dateFormat ? c.dateFormat : null,
    })),
  }));
}

/**
 * Arrow IPC bytes of every canonical table in `db` (for the prepare script). Built from plain
 * rows with this package's Arrow: a Table returned by the Node build belongs to DuckDB's own
 * Arrow copy, which this one cannot serialise.
 */
export async function exportTables(
  db: Engine,
  kinds: TableKind[],
): Promise<{ kind: TableKind; bytes: Uint8Array; rows: number }[]> {
  const out = [];
  for (const kind of kinds) {
    const columns = canonicalColumns(kind);
    const rows = await db.rows(
      `SELECT ${columns.map(([c]) => c).join(', ')} FROM ${kind} ORDER BY source_file, source_row`,
    );
    const vectors: Record<string, Vector> = {};
    for (const [c, t] of columns) {
      const values = rows.map((r) => r[c]);
      vectors[c] =
        t === 'VARCHAR'
          ? utf8Column(values as (string | null)[])
          : t === 'DATE'
            ? dateDayColumn(values.map((v) => (v === null ? null : Math.floor(Number(v) / 86_400_000))))
            : float64Column(values as (number | null)[]);
    }
    out.push({ kind, bytes: tableToIPC(new Table(vectors), 'stream'), rows: rows.length });
  }
  return out;
}

/**
 * Install prepared tables as the canonical tables (replacing those kinds; other kinds are
 * dropped, as when the user's files replace the demo). Column types are those of loadFiles.
 */
export async function installTables(db: Engine, tables: { kind: TableKind; table: Table }[]): Promise<void> {
  const kinds = new Set(tables.map((t) => t.kind));
  for (const { kind, table } of tables) {
    const tmp = `${kind}__prepared`;
    await db.exec(`DROP TABLE IF EXISTS ${tmp}`);
    await db.insertArrow(tmp, table, { create: true });
    const select = canonicalColumns(kind)
      .map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`)
      .join(', ');
    await db.exec(`DROP TABLE IF EXISTS ${kind}`);
    await db.exec(`CREATE TABLE ${kind} AS SELECT ${select} FROM ${tmp}`);
    await db.exec(`DROP TABLE ${tmp}`);
  }
  for (const kind of Object.keys(CANONICAL) as TableKind[])
    if (!kinds.has(kind)) await db.exec(`DROP TABLE IF EXISTS ${kind}`);
}
