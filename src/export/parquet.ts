/**
 * "Save dataset as Parquet": the canonical tables as loaded (cleaned, mapped, typed), one
 * Parquet file per table, written in JS with hyparquet-writer. DuckDB-WASM's own
 * `COPY … (FORMAT parquet)` needs the Parquet extension, which would be downloaded from the
 * internet; an intranet page cannot do that.
 *
 * Columns carry the canonical role names (`order_date`, `customer_id`, `revenue` …) and types
 * (DATE, DOUBLE, UTF8), so loading the file again, dropped or by `?data=`, proposes the same
 * mapping without asking. Columns that are empty in the whole table are left out; so are the
 * bookkeeping columns (`source_file`, `source_row`), which describe the original export.
 */
import type { SchemaElement } from 'hyparquet';
import { strToU8, zipSync } from 'fflate';
import type { Engine } from '../engine/types';
import { CANONICAL, type RoleSpec, type TableKind } from '../ingest/canonical';
import { ZIP_EPOCH } from './xlsx-zip';

/** Rows read from DuckDB per Parquet row group (bounds the JS heap on large tables). */
const CHUNK_ROWS = 100_000;
const DAY_MS = 86_400_000;

/** One written file. */
export interface ParquetFile {
  name: string;
  kind: TableKind;
  rows: number;
  bytes: Uint8Array;
}

function schemaElement(spec: RoleSpec): SchemaElement {
  const base = { name: spec.role, repetition_type: 'OPTIONAL' as const };
  if (spec.type === 'number') return { ...base, type: 'DOUBLE' };
  if (spec.type === 'text') return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  return { ...base, type: 'INT32', converted_type: 'DATE' };
}

/** Write one canonical table as Parquet (null when the table is absent). */
export async function tableToParquet(engine: Engine, kind: TableKind): Promise<ParquetFile | null> {
  const present = await engine.rows(
    `SELECT 1 AS x FROM duckdb_tables() WHERE table_name = '${kind}' AND NOT temporary`,
  );
  if (!present.length) return null;
  const specs = CANONICAL[kind];
  const counts = (
    await engine.rows(
      `SELECT ${specs.map((c) => `count(${c.role}) AS ${c.role}`).join(', ')}, count(*) AS _n FROM ${kind}`,
    )
  )[0];
  const kept = specs.filter((c) => Number(counts[c.role]) > 0);
  const total = Number(counts._n);
  // hyparquet-writer is loaded when data is saved or exported, not with the page.
  const { ByteWriter, ParquetWriter } = await import('hyparquet-writer');
  const writer = new ByteWriter();
  const pq = new ParquetWriter({
    writer,
    schema: [{ name: 'root', num_children: kept.length }, ...kept.map(schemaElement)],
    createdBy: 'Sales Workbench',
  });
  for (let offset = 0; offset < total || offset === 0; offset += CHUNK_ROWS) {
    const rows = await engine.rows(
      `SELECT ${kept.map((c) => c.role).join(', ')} FROM ${kind} ORDER BY rowid LIMIT ${CHUNK_ROWS} OFFSET ${offset}`,
    );
    if (!rows.length) break;
    pq.write({
      columnData: kept.map((c) => ({
        name: c.role,
        // Dates come out of the engine as epoch milliseconds of UTC midnight: whole days.
        data:
          c.type === 'date' || c.type === 'month'
            ? rows.map((r) => (r[c.role] === null ? null : Math.round(Number(r[c.role]) / DAY_MS)))
            : rows.map((r) => r[c.role]),
      })),
      rowGroupSize: CHUNK_ROWS,
    });
  }
  pq.finish();
  return { name: `${kind}.parquet`, kind, rows: total, bytes: writer.getBytes() };
}

/** Every canonical table present, as Parquet files. */
export async function datasetToParquet(engine: Engine): Promise<ParquetFile[]> {
  const out: ParquetFile[] = [];
  for (const kind of Object.keys(CANONICAL) as TableKind[]) {
    const f = await tableToParquet(engine, kind);
    if (f) out.push(f);
  }
  return out;
}

/** Several Parquet files as one ZIP (fixed timestamps: the same data gives the same bytes). */
export function zipParquet(files: ParquetFile[], readme: string): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 0 | 6 }]> = {
    'README.txt': [strToU8(readme), { mtime: ZIP_EPOCH, level: 6 }],
  };
  // Parquet pages are already compressed (snappy); storing them saves time for no loss.
  for (const f of files) entries[f.name] = [f.bytes, { mtime: ZIP_EPOCH, level: 0 }];
  return zipSync(entries);
}
