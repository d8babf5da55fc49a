/**
 * A dataset: several Parquet files read as one input (the CLI's `--sales DIR` or a glob such as
 * `sales/year=2025/month=*\/part-*.parquet`). Every part must have the same columns; the
 * `key=value` folders of a part's path (hive partitions) become text columns after the file's
 * own, holding that part's values. Rows are numbered across the parts in their order, so the
 * loaded table is the one a single file with the same rows would give.
 */
import { Table, type Vector } from 'apache-arrow';
import { float64Column, utf8Column } from '../engine/arrow-columns';
import { missingRoles } from './canonical';
import { headerSignature } from './mapping-memory';
import { parquetInfo, parquetRowGroups, type ParquetColumn } from './parquet';
import { inspectFile, proposeRoles, type InspectOptions } from './plan';
import { IngestError, type ColumnPlan, type DatasetPart, type FilePlan, type InputFile } from './types';
import { profileColumn } from './values';

/** A part as a file of its own (for the readers). */
export function partFile(part: DatasetPart): InputFile {
  return { name: part.name, size: part.size, source: part.source };
}

/** The parts of an input: a dataset's, or the file itself as the only part. */
export function partsOf(file: InputFile): DatasetPart[] {
  return file.parts ?? [{ name: file.name, size: file.size, source: file.source, partition: [] }];
}

const describe = (columns: ParquetColumn[]) => columns.map((c) => `${c.name} ${c.type}`).join(', ');
const folders = (part: DatasetPart) =>
  part.partition.length ? part.partition.map(([k]) => `${k}=…`).join('/') : '(none)';

/**
 * Check that every part has the first part's columns (names and types) and its partition keys.
 * Returns each part's footer. Throws IngestError `dataset_schema` / `dataset_partitions`.
 */
async function checkParts(file: InputFile, parts: DatasetPart[]) {
  const infos = [];
  for (const part of parts) infos.push(await parquetInfo(partFile(part)));
  const expected = describe(infos[0].columns);
  infos.forEach((info, i) => {
    const found = describe(info.columns);
    if (found !== expected)
      throw new IngestError('dataset_schema', {
        file: file.name,
        part: parts[i].name,
        first: parts[0].name,
        found,
        expected,
      });
    if (folders(parts[i]) !== folders(parts[0]))
      throw new IngestError('dataset_partitions', {
        file: file.name,
        part: parts[i].name,
        found: folders(parts[i]),
        expected: folders(parts[0]),
      });
  });
  const names = new Set(infos[0].columns.map((c) => c.name));
  const clash = parts[0].partition.find(([k]) => names.has(k));
  if (clash)
    throw new IngestError('dataset_partitions', {
      file: file.name,
      part: parts[0].name,
      found: `${clash[0]}=… (also a column of the file)`,
      expected: 'folder names that are not columns',
    });
  return infos;
}

/**
 * Plan a dataset as the mapping screen would plan one file with all its rows: the columns and
 * sample of its first part with rows, the partition columns (profiled from every part's
 * value), rows counted from every footer, roles proposed (or remembered) over all the columns.
 */
export async function inspectDataset(file: InputFile, options: InspectOptions = {}): Promise<FilePlan> {
  const parts = partsOf(file);
  const infos = await checkParts(file, parts);
  const rows = infos.reduce((n, info) => n + info.rows, 0);
  const sampled = infos.findIndex((info) => info.rows > 0);
  if (sampled < 0) throw new IngestError('header_only', { file: file.name });
  const plan = await inspectFile({ ...partFile(parts[sampled]), name: file.name });
  const first = plan.columns.length;
  const partitions: ColumnPlan[] = parts[0].partition.map(([key], j) => {
    const values = parts.map((p) => p.partition[j][1]);
    const profile = profileColumn(values);
    return {
      index: first + j,
      header: key,
      samples: [...new Set(values)].slice(0, 5),
      role: null,
      roleSource: null,
      sourceType: 'text',
      profile,
      numberStyle: profile.numberStyle,
      dateFormat: profile.dateFormat,
    };
  });
  const columns = [...plan.columns.map((c) => ({ ...c, role: null, roleSource: null })), ...partitions];
  const remembered = options.mappings?.get(headerSignature(columns.map((c) => c.header))) ?? null;
  const kind = proposeRoles(columns, remembered);
  return {
    ...plan,
    file,
    kind,
    columns,
    missing: missingRoles(kind, new Set(columns.flatMap((c) => (c.role ? [c.role] : [])))),
    estimatedRows: rows,
  };
}

/**
 * The row groups of every part in order, as Arrow tables (`_rec` numbered across the parts, the
 * partition values as columns after the file's): the JS reading of a dataset, for engines
 * without a Parquet reader of their own and for files on a web server. One file is a dataset of
 * one part.
 */
export async function* datasetRowGroups(
  file: InputFile,
  onProgress?: (rowsDone: number, rowsTotal: number) => void,
): AsyncGenerator<Table> {
  const parts = partsOf(file);
  const infos = parts.length === 1 ? [await parquetInfo(partFile(parts[0]))] : await checkParts(file, parts);
  const total = infos.reduce((n, info) => n + info.rows, 0);
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    const width = infos[i].columns.length;
    for await (const group of parquetRowGroups(partFile(part), infos[i], (done) =>
      onProgress?.(offset + done, total),
    )) {
      if (!offset && !part.partition.length) {
        yield group;
        continue;
      }
      const cols: Record<string, Vector> = {};
      for (const f of group.schema.fields) cols[f.name] = group.getChild(f.name)!;
      const rec = Float64Array.from(group.getChild('_rec')!.toArray() as Float64Array, (r) => r + offset);
      cols._rec = float64Column(rec);
      part.partition.forEach(([, value], j) => {
        cols[`c${width + j}`] = utf8Column(new Array<string>(group.numRows).fill(value));
      });
      yield new Table(cols);
    }
    offset += infos[i].rows;
  }
}
