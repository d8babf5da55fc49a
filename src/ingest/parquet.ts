import { Table, type Vector } from 'apache-arrow';
import { boolColumn, dateDayColumn, float64Column, utcDays, utf8Column } from '../engine/arrow-columns';
import type { FileMetaData } from 'hyparquet';
import { byteReader } from './input';
import { IngestError, type InputFile } from './types';

/** Value type of a source column (Parquet columns are typed; CSV/XLSX cells are text). */
/**
 * hyparquet and its decompressors, loaded when a Parquet file is first read (not with the page:
 * together ~340 KB of source that a workbench opened on CSV or the demo never runs).
 */
async function hyparquet() {
  const [{ parquetMetadataAsync, parquetRead }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  return { parquetMetadataAsync, parquetRead, compressors };
}

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
  const { parquetMetadataAsync } = await hyparquet();
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
  const { parquetRead, compressors } = await hyparquet();
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

const DAY_MS = 86_400_000;

/**
 * Parsers for loading: dates and timestamps straight to days since 1970-01-01 (the UTC calendar
 * day), so no Date object is made per value.
 */
const DAY_PARSERS = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (ms: bigint) => Math.floor(Number(ms) / DAY_MS),
  timestampFromMicroseconds: (us: bigint) => Math.floor(Number(us) / 1000 / DAY_MS),
  timestampFromNanoseconds: (ns: bigint) => Math.floor(Number(ns) / 1e6 / DAY_MS),
};

function vectorFor(values: ArrayLike<unknown>, type: SourceType): Vector {
  const n = values.length;
  switch (type) {
    case 'number': {
      if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array)
        return float64Column(values);
      const out = new Array<number | null>(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === null || v === undefined ? null : Number(v);
      }
      return float64Column(out);
    }
    case 'date': {
      const out = new Array<number | null>(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = typeof v === 'number' ? v : v instanceof Date ? utcDays(v) : null;
      }
      return dateDayColumn(out);
    }
    case 'bool': {
      const out = new Array<boolean | null>(n);
      for (let i = 0; i < n; i++)
        out[i] = values[i] === null || values[i] === undefined ? null : Boolean(values[i]);
      return boolColumn(out);
    }
    default: {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === null || v === undefined ? null : typeof v === 'string' ? v : cellText(v);
      }
      return utf8Column(out);
    }
  }
}

/** One row group's columns, as hyparquet decodes them (column-oriented: no row objects). */
async function readRowGroup(
  file: InputFile,
  meta: FileMetaData,
  names: string[],
  rowStart: number,
  rowEnd: number,
): Promise<ArrayLike<unknown>[]> {
  const n = rowEnd - rowStart;
  const parts = new Map<string, { start: number; end: number; data: ArrayLike<unknown> }[]>();
  const { parquetRead, compressors } = await hyparquet();
  await parquetRead({
    file: asyncBuffer(file),
    metadata: meta,
    compressors,
    parsers: DAY_PARSERS,
    columns: names,
    rowStart,
    rowEnd,
    onChunk: (c) => {
      const list = parts.get(c.columnName) ?? [];
      list.push({ start: c.rowStart, end: c.rowEnd, data: c.columnData });
      parts.set(c.columnName, list);
    },
  });
  return names.map((name) => {
    const list = parts.get(name) ?? [];
    // Usually one chunk exactly covering the row group; otherwise copy the overlapping parts.
    if (list.length === 1 && list[0].start === rowStart && list[0].end === rowEnd) return list[0].data;
    const out = new Array<unknown>(n).fill(null);
    for (const p of list)
      for (let r = Math.max(p.start, rowStart); r < Math.min(p.end, rowEnd); r++)
        out[r - rowStart] = p.data[r - p.start];
    return out;
  });
}

/**
 * The row groups of a Parquet file as Arrow tables (columns c0…cN typed as in the file, plus
 * `_rec`), one at a time, column by column (hyparquet's column chunks become Arrow vectors; no
 * row objects), so a large file never sits whole in the JS heap. DuckDB-WASM's own Parquet reader
 * is an extension downloaded from the internet, which an intranet cannot do.
 */
export async function* parquetRowGroups(
  file: InputFile,
  info: { meta: FileMetaData; columns: ParquetColumn[] },
  onProgress?: (rowsDone: number, rowsTotal: number) => void,
): AsyncGenerator<Table> {
  const total = Number(info.meta.num_rows);
  const names = info.columns.map((c) => c.name);
  let rowStart = 0;
  for (const group of info.meta.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const columns = await readRowGroup(file, info.meta, names, rowStart, rowEnd);
    const rec = new Float64Array(rowEnd - rowStart);
    for (let i = 0; i < rec.length; i++) rec[i] = rowStart + i + 1;
    const cols: Record<string, Vector> = { _rec: float64Column(rec) };
    info.columns.forEach((c, i) => (cols[`c${i}`] = vectorFor(columns[i], c.type)));
    yield new Table(cols);
    rowStart = rowEnd;
    onProgress?.(rowStart, total);
  }
}
