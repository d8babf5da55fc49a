/**
 * One row group of a Parquet file as a Parquet file of its own: the group's column chunks (one
 * contiguous byte range, read with the ingest's byte reader: a dropped File, a range request, a
 * local file) behind a footer cut down to that group, its offsets moved to the new places. A
 * reader that wants a whole file in memory (parquet-wasm's `readParquet`) then sees one row
 * group at a time, and nothing else of the file is read or held.
 */
import { byteReader } from './input';
import { field, readStruct, T, writeStruct, type TList, type TStruct } from './thrift-compact';
import type { InputFile } from './types';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1

/** A row group: its rows and the byte range of its column chunks in the file. */
export interface RowGroupRange {
  rows: number;
  start: number;
  end: number;
}

/** A file's footer as thrift fields, and where its row groups are. */
export interface Footer {
  meta: TStruct;
  groups: RowGroupRange[];
}

const i64 = (s: TStruct, id: number): bigint | undefined => {
  const v = field(s, id)?.value;
  return typeof v === 'bigint' ? v : undefined;
};

/**
 * Read and check the footer. Null when the file is laid out in a way this cutting does not
 * handle, so the caller reads it otherwise: encrypted footers, nested or repeated columns, column
 * chunks in other files, offsets outside the file.
 */
export async function readFooter(file: InputFile): Promise<Footer | null> {
  if (file.size < 12) return null;
  const read = byteReader(file);
  const tail = await read(file.size - 8, file.size);
  if (!MAGIC.every((b, i) => tail[4 + i] === b)) return null;
  const length = new DataView(tail.buffer, tail.byteOffset, 8).getUint32(0, true);
  if (length + 12 > file.size) return null;
  const bytes = await read(file.size - 8 - length, file.size - 8);
  let meta: TStruct;
  try {
    meta = readStruct(bytes).value;
  } catch {
    return null;
  }
  // Schema (field 2): the root and one flat, non-repeated element per column.
  const schema = field(meta, 2)?.value as TList | undefined;
  if (!schema || schema.elem !== T.STRUCT) return null;
  for (const el of schema.items.slice(1) as TStruct[]) {
    const children = field(el, 5)?.value;
    const repetition = field(el, 3)?.value;
    if ((typeof children === 'number' && children > 0) || repetition === 2) return null;
  }
  if (field(meta, 8)) return null; // encryption_algorithm
  const list = field(meta, 4)?.value as TList | undefined;
  const groups: RowGroupRange[] = [];
  for (const g of (list?.items ?? []) as TStruct[]) {
    const columns = (field(g, 1)?.value as TList | undefined)?.items as TStruct[] | undefined;
    const rows = i64(g, 3);
    if (!columns?.length || rows === undefined) return null;
    let start = Infinity;
    let end = 0;
    for (const c of columns) {
      const md = field(c, 3)?.value as TStruct | undefined;
      if (!md || field(c, 1) || field(c, 8) || field(c, 9)) return null; // file_path, crypto
      const data = i64(md, 9);
      const dict = i64(md, 11);
      const size = i64(md, 7);
      if (data === undefined || size === undefined) return null;
      // The chunk starts at its dictionary page when it has one (as every reader takes it).
      const from = Number(dict && dict > 0n && dict < data ? dict : data);
      start = Math.min(start, from);
      end = Math.max(end, from + Number(size));
    }
    if (start < 4 || end > file.size - 8 - length) return null;
    groups.push({ rows: Number(rows), start, end });
  }
  return { meta, groups };
}

/** Shift the i64 fields `ids` of a struct by `by`. */
function shift(s: TStruct, ids: number[], by: bigint): void {
  for (const f of s.fields) if (ids.includes(f.id) && typeof f.value === 'bigint') f.value += by;
}

/**
 * The footer of a file holding only row group `index`, its chunks starting right after the
 * leading magic (`groupIndex` null: no row group at all, the schema alone). Page indexes and
 * bloom filters, which lie outside the chunks, are left out.
 */
export function cutFooter(footer: Footer, index: number | null): Uint8Array {
  const groups = field(footer.meta, 4)!.value as TList;
  const items: TStruct[] = [];
  let rows = 0n;
  if (index !== null) {
    const g = structuredClone(groups.items[index] as TStruct);
    const by = BigInt(4 - footer.groups[index].start);
    shift(g, [5], by); // file_offset
    for (const c of (field(g, 1)!.value as TList).items as TStruct[]) {
      // offset_index_offset/length, column_index_offset/length
      c.fields = c.fields.filter((f) => f.id < 4 || f.id > 7);
      shift(c, [2], by);
      const md = field(c, 3)!.value as TStruct;
      md.fields = md.fields.filter((f) => f.id !== 14 && f.id !== 15); // bloom filter
      shift(md, [9, 10, 11], by); // data, index and dictionary page offsets
    }
    items.push(g);
    rows = i64(g, 3)!;
  }
  const fields = footer.meta.fields.map((f) =>
    f.id === 4 ? { ...f, value: { ...groups, items } } : f.id === 3 ? { ...f, value: rows } : f,
  );
  return writeStruct({ kind: 'struct', fields });
}

/** A Parquet file of `chunks` (the group's bytes, or none) behind `footer`. */
export function assemble(chunks: Uint8Array, footer: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + chunks.length + footer.length + 8);
  out.set(MAGIC, 0);
  out.set(chunks, 4);
  out.set(footer, 4 + chunks.length);
  new DataView(out.buffer).setUint32(4 + chunks.length + footer.length, footer.length, true);
  out.set(MAGIC, out.length - 4);
  return out;
}

/** Row group `index` of `file` as a file of its own (reads only that group's bytes). */
export async function rowGroupFile(file: InputFile, footer: Footer, index: number): Promise<Uint8Array> {
  const { start, end } = footer.groups[index];
  const chunks = await byteReader(file)(start, end);
  return assemble(chunks, cutFooter(footer, index));
}

/** The file's schema with no rows (for reading the column types before any data). */
export function schemaFile(footer: Footer): Uint8Array {
  return assemble(new Uint8Array(0), cutFooter(footer, null));
}
