import { Table, type Vector } from 'apache-arrow';
import { boolColumn, dateDayColumn, float64Column, utcDays, utf8Column } from '../engine/arrow-columns';
import { parquetMetadataAsync, parquetRead, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Engine } from '../engine/types';
import { byteReader } from './input';
import { IngestError, type InputFile } from './types';

/** Value type of a source column (Parquet columns are typed; CSV/XLSX cells are text). */
export type SourceType = 'text' | 'number' | 'date' | 'bool';

/** A Parquet column as the ingest sees it. */
export interface ParquetColumn {
  name: string;
  type: SourceType;
}

function asyncBuffer(file: InputFile) {
  const read = byteReader(file);
  return {
    byteLength: file.size,
    slice: async (start: number, end?: number) => {
      const b = await read(start, end ?? file.size);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
}

function typeOf(el: FileMetaData['schema'][number]): SourceType {
  const logical = (el.logical_type as { type?: string } | undefined)?.type;
  if (
    logical === 'DATE' ||
    logical === 'TIMESTAMP' ||
    el.converted_type === 'DATE' ||
    el.converted_type?.startsWith('TIMESTAMP')
  )
    return 'date';
  if (el.type === 'BOOLEAN') return 'bool';
  if (
    logical === 'STRING' ||
    el.converted_type === 'UTF8' ||
    el.type === 'BYTE_ARRAY' ||
    el.type === 'FIXED_LEN_BYTE_ARRAY'
  )
    return 'text';
  if (
    el.type === 'INT32' ||
    el.type === 'INT64' ||
    el.type === 'FLOAT' ||
    el.type === 'DOUBLE' ||
    el.type === 'INT96'
  )
    return 'number';
  return 'text';
}

/** Metadata and the top-level columns of a Parquet file. */
export async function parquetInfo(
  file: InputFile,
): Promise<{ meta: FileMetaData; columns: ParquetColumn[]; rows: number }> {
  try {
    const meta = await parquetMetadataAsync(asyncBuffer(file));
    const columns = meta.schema
      .slice(1)
      .filter((el) => !el.num_children)
      .map((el) => ({ name: el.name, type: typeOf(el) }));
    return { meta, columns, rows: Number(meta.num_rows) };
  } catch (err) {
    throw new IngestError('bad_parquet', {
      file: file.name,
      message: err instanceof Error ? err.message : String(err),
    });
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return v.toString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The first `n` rows as text (for profiling and the mapping screen). */
export async function parquetSample(file: InputFile, meta: FileMetaData, n: number): Promise<string[][]> {
  let rows: unknown[][] = [];
  await parquetRead({
    file: asyncBuffer(file),
    metadata: meta,
    compressors,
    rowStart: 0,
    rowEnd: Math.min(n, Number(meta.num_rows)),
    onComplete: (r: unknown[][]) => (rows = r),
  });
  return rows.map((r) => r.map(cellText));
}

function vectorFor(values: unknown[], type: SourceType): Vector {
  switch (type) {
    case 'number':
      return float64Column(
        values.map((v) =>
          v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : Number(v),
        ),
      );
    case 'date':
      return dateDayColumn(values.map((v) => (v instanceof Date ? utcDays(v) : null)));
    case 'bool':
      return boolColumn(values.map((v) => (v === null || v === undefined ? null : Boolean(v))));
    default:
      return utf8Column(values.map((v) => (v === null || v === undefined ? null : cellText(v))));
  }
}

/**
 * Copy a Parquet file into DuckDB table `table` (columns c0…cN typed as in the file, plus
 * `_rec`), one row group at a time so a large file never sits whole in the JS heap. DuckDB-WASM's
 * own Parquet reader is an extension downloaded from the internet, which an intranet cannot do.
 */
export async function loadParquet(
  db: Engine,
  file: InputFile,
  info: { meta: FileMetaData; columns: ParquetColumn[] },
  table: string,
  onProgress?: (rowsDone: number, rowsTotal: number) => void,
): Promise<number> {
  const total = Number(info.meta.num_rows);
  let rowStart = 0;
  let first = true;
  for (const group of info.meta.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    await parquetRead({
      file: asyncBuffer(file),
      metadata: info.meta,
      compressors,
      rowStart,
      rowEnd,
      onComplete: (r: unknown[][]) => (rows = r),
    });
    const cols: Record<string, Vector> = {
      _rec: float64Column(rows.map((_, i) => rowStart + i + 1)),
    };
    info.columns.forEach(
      (c, i) =>
        (cols[`c${i}`] = vectorFor(
          rows.map((r) => r[i]),
          c.type,
        )),
    );
    await db.insertArrow(table, new Table(cols), { create: first });
    first = false;
    rowStart = rowEnd;
    onProgress?.(rowStart, total);
  }
  if (first) await db.exec(`CREATE TEMP TABLE ${table} AS SELECT 1.0 AS _rec WHERE FALSE`);
  return total;
}
