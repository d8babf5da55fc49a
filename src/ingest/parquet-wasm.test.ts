import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import type { NativeEngine } from '../engine/native';
import { nativeInstalled } from '../../test/helpers/native';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { datasetToParquet } from '../export/parquet';
import { loadDemo } from '../../test/helpers/demo';
import { fromBytes } from './input';
import { jsParquetSource, parquetReader } from './parquet-source';
import { wasmParquetSource } from './parquet-wasm';
import { assemble, cutFooter, readFooter, rowGroupFile } from './parquet-row-group';
import { readStruct, writeStruct } from './thrift-compact';
import { inspectFile, loadFiles } from './load';
import type { RawSource } from './raw-source';
import { IngestError, type FilePlan, type InputFile } from './types';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/ingest/files');

const pathFile = (path: string, name = path.split('/').pop()!): InputFile => ({
  name,
  size: statSync(path).size,
  source: { kind: 'path', path },
});

/** Every raw row of a source (streamed batch by batch or whole), in record order. */
async function rawRows(db: NodeEngine, plan: FilePlan, src: RawSource) {
  const cols = ['_rec', '_line', ...plan.columns.map((c) => `c${c.index}`)].map((c) => `"${c}"`).join(', ');
  const out: Record<string, unknown>[] = [];
  for await (const relation of src.batches?.() ?? [src.relation])
    out.push(...(await db.rows(`SELECT ${cols}, typeof(_rec) AS t FROM ${relation} ORDER BY _rec`)));
  await src.cleanup();
  return out;
}

describe('a Parquet footer cut to one row group', () => {
  it('reads and writes the thrift of a footer to the same bytes', () => {
    const bytes = readFileSync(join(FIXTURES, 'typed.parquet'));
    const length = bytes.readUInt32LE(bytes.length - 8);
    const footer = bytes.subarray(bytes.length - 8 - length, bytes.length - 8);
    expect(Buffer.from(writeStruct(readStruct(footer).value)).equals(footer)).toBe(true);
  });

  it('gives a file of that group alone, which hyparquet reads as the group', async () => {
    const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
    const file = pathFile(join(FIXTURES, 'typed.parquet'));
    const footer = (await readFooter(file))!;
    expect(footer.groups.length).toBeGreaterThan(0);
    const one = await rowGroupFile(file, footer, 0);
    const meta = parquetMetadata(one.buffer as ArrayBuffer);
    expect(meta.row_groups).toHaveLength(1);
    expect(Number(meta.num_rows)).toBe(footer.groups[0].rows);
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'typed.parquet'))).buffer;
    const whole = await parquetReadObjects({ file: bytes, rowEnd: footer.groups[0].rows });
    expect(await parquetReadObjects({ file: one.buffer as ArrayBuffer })).toEqual(whole);
    // Schema only: no row group, no rows.
    const empty = parquetMetadata(assemble(new Uint8Array(0), cutFooter(footer, null)).buffer as ArrayBuffer);
    expect(empty.row_groups).toHaveLength(0);
    expect(empty.schema).toEqual(meta.schema);
  });
});

describe('parquet-wasm gives the JS reader’s raw rows', () => {
  let db: NodeEngine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the typed fixture', async () => {
    const file = pathFile(join(FIXTURES, 'typed.parquet'));
    const plan = await inspectFile(file);
    const viaWasm = await wasmParquetSource(db, plan);
    expect(viaWasm).not.toBeNull();
    const a = await rawRows(db, plan, viaWasm!);
    const b = await rawRows(db, plan, await jsParquetSource(db, plan));
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  describe.skipIf(!nativeInstalled())('types written by DuckDB, several row groups', () => {
    let native: NativeEngine;
    const dir = mkdtempSync(join(tmpdir(), 'wasm-parquet-'));
    const path = join(dir, 'types.parquet');
    const uuid = join(dir, 'uuid.parquet');
    const wide = join(dir, 'wide-decimal.parquet');
    beforeAll(async () => {
      const { NativeEngine } = await import('../engine/native');
      native = await NativeEngine.start({ threads: 1 });
      await native.exec(`SET TimeZone = 'Asia/Shanghai'`);
      // DECIMAL (hyparquet multiplies by 10^-scale), timestamps with and
      // without a zone near midnight (the UTC day) in three units, BIGINT beyond 2^53, FLOAT,
      // TINYINT, UBIGINT, BOOLEAN, NULLs; 2 500 rows in row groups of 1 000 (numbered across).
      await native.exec(`COPY (SELECT * FROM (VALUES
          (DATE '2024-02-29', TIMESTAMP '2024-03-01 23:59:59', TIMESTAMPTZ '2024-03-01 23:30:00+00', 1234.57::DECIMAL(12,2),
           -0.10::DECIMAL(4,2), 9007199254740993::BIGINT, 0.1::FLOAT, true, ' 甲 ', 3::TINYINT, 5::UBIGINT,
           TIMESTAMP_NS '1969-12-31 23:59:59.5', TIMESTAMP_MS '2024-01-01 10:00:00', 2.5::DOUBLE),
          (NULL, TIMESTAMP '1969-12-31 12:00:00', TIMESTAMPTZ '2024-01-01 00:30:00+08', 0.01::DECIMAL(12,2),
           NULL, -5::BIGINT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
        ) t(d, ts, tstz, amount, small, big, f, flag, name, tiny, ubig, tsns, tsms, dbl), range(1250))
        TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
      await native.exec(`COPY (SELECT 'C1' AS customer_id, '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID AS id)
        TO '${uuid}' (FORMAT parquet)`);
      await native.exec(
        `COPY (SELECT 'C1' AS customer_id, 1.005::DECIMAL(30,3) AS amount) TO '${wide}' (FORMAT parquet)`,
      );
    });
    afterAll(async () => {
      await native?.close();
    });

    it('value for value, row by row', async () => {
      const file = pathFile(path);
      expect((await readFooter(file))!.groups.length).toBeGreaterThan(1);
      const plan = await inspectFile(file);
      const viaWasm = await wasmParquetSource(db, plan);
      expect(viaWasm).not.toBeNull();
      const a = await rawRows(db, plan, viaWasm!);
      const b = await rawRows(db, plan, await jsParquetSource(db, plan));
      expect(a).toHaveLength(2500);
      expect(a).toEqual(b);
      expect(a[0]).toMatchObject({
        c2: Date.UTC(2024, 2, 1),
        c5: 9007199254740992,
        c11: Date.UTC(1969, 11, 31),
      });
      expect(a.find((r) => r.c0 === null)).toMatchObject({
        c1: Date.UTC(1969, 11, 31),
        c2: Date.UTC(2023, 11, 31),
      });
    });

    it('leaves to the JS reader a column whose values could differ (UUID, a 30-digit DECIMAL)', async () => {
      // DuckDB-WASM types a UUID as BLOB; hyparquet reads the wide DECIMAL as text ("1.005").
      for (const path of [uuid, wide]) {
        const plan = await inspectFile(pathFile(path));
        expect(await wasmParquetSource(db, plan)).toBeNull();
      }
    });
  });
});

/**
 * Load `files` into a fresh engine with one reader; the load reports and every table the load
 * made, row by row in their stored order.
 */
async function loadWith(use: 'auto' | 'js', files: InputFile[]) {
  parquetReader.use = use;
  const db = await NodeEngine.start();
  try {
    const plans = [];
    for (const f of files) plans.push(await inspectFile(f));
    if (use === 'auto')
      for (const plan of plans) {
        // The comparison means something only if parquet-wasm reads every file.
        const src = await wasmParquetSource(db, plan);
        expect(src, plan.file.name).not.toBeNull();
        await src!.cleanup();
      }
    const reports = await loadFiles(db, plans);
    const names = await db.rows<{ name: string }>(
      `SELECT database_name || '.' || schema_name || '.' || table_name AS name FROM duckdb_tables() ORDER BY 1`,
    );
    const tables: Record<string, unknown[]> = {};
    for (const { name } of names) tables[name] = await db.rows(`SELECT * FROM ${name}`);
    return { reports, tables };
  } finally {
    parquetReader.use = 'auto';
    await db.close();
  }
}

/** A messy sales export as Parquet: text dates of unknown day/month order, summary and bad rows. */
function messyParquet(rows: number, dates: 'iso' | 'slashed'): Uint8Array {
  const n = rows;
  const day = (i: number) => 1 + (i % 28);
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        {
          name: '订单日期',
          data: Array.from({ length: n }, (_, i) =>
            i === 7
              ? 'not a date'
              : dates === 'iso'
                ? `2024-0${1 + (i % 9)}-${String(day(i)).padStart(2, '0')}`
                : `${String(day(i)).padStart(2, '0')}/0${1 + (i % 9)}/2024`,
          ),
          type: 'STRING',
        },
        {
          name: '客户编号',
          data: Array.from({ length: n }, (_, i) =>
            i === n - 1 ? '合计' : i === 11 ? null : ` C${i % 37} `,
          ),
          type: 'STRING',
        },
        { name: '客户名称', data: Array.from({ length: n }, (_, i) => `客户${i % 37}`), type: 'STRING' },
        {
          name: '金额',
          data: Array.from({ length: n }, (_, i) => (i === 13 ? null : ((i * 7919) % 1000) / 4 - 20)),
          type: 'DOUBLE',
        },
        { name: '数量', data: Int32Array.from({ length: n }, (_, i) => 1 + (i % 5)), type: 'INT32' },
        { name: '退货', data: Array.from({ length: n }, (_, i) => i % 50 === 0), type: 'BOOLEAN' },
      ],
      rowGroupSize: Math.ceil(n / 3),
    }),
  );
}

describe('a damaged Parquet file', () => {
  it('is refused as bad_parquet, naming the file', async () => {
    // Groups of 4 000 rows: the mapping screen's sample comes from the first.
    const bytes = messyParquet(12_000, 'iso');
    const file = fromBytes(bytes, 'damaged.parquet');
    const footer = (await readFooter(file))!;
    // The page header of the last group's first column chunk overwritten.
    bytes.fill(0xff, footer.groups[2].start, footer.groups[2].start + 16);
    const db = await NodeEngine.start();
    try {
      const plan = await inspectFile(file);
      const err = await loadFiles(db, [plan]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).key).toBe('bad_parquet');
      expect((err as IngestError).params.file).toBe('damaged.parquet');
    } finally {
      await db.close();
    }
  });
});

describe('a load through parquet-wasm equals the JS reader’s: load report and every table', () => {
  it('the typed fixture', async () => {
    const files = [pathFile(join(FIXTURES, 'typed.parquet'))];
    const wasm = await loadWith('auto', files);
    expect(wasm.reports[0].rowsLoaded).toBeGreaterThan(0);
    expect(wasm).toEqual(await loadWith('js', files));
  });

  it('a messy export in three row groups, streamed (ISO dates) and whole (day/month read from the column)', async () => {
    for (const dates of ['iso', 'slashed'] as const) {
      const files = [fromBytes(messyParquet(3000, dates), `messy-${dates}.parquet`)];
      const wasm = await loadWith('auto', files);
      expect(wasm.reports[0].rowsRejected).toBeGreaterThan(0);
      expect(wasm.reports[0].summaryRows).toBe(1);
      expect(wasm).toEqual(await loadWith('js', files));
    }
  });

  it('a dataset of two parts with a partition folder', async () => {
    const part = (name: string, bytes: Uint8Array, region: string) => ({
      name,
      size: bytes.length,
      source: { kind: 'buffer' as const, bytes },
      partition: [['区域', region]] as [string, string][],
    });
    const a = messyParquet(1200, 'iso');
    const b = messyParquet(900, 'iso');
    const dataset: InputFile = {
      name: 'sales',
      size: a.length + b.length,
      source: { kind: 'buffer', bytes: a },
      parts: [part('区域=华东/a.parquet', a, '华东'), part('区域=华南/b.parquet', b, '华南')],
    };
    const wasm = await loadWith('auto', [dataset]);
    expect(wasm.reports[0].rowsRead).toBe(2100);
    expect(wasm).toEqual(await loadWith('js', [dataset]));
  });

  it('the demo saved as Parquet (every table kind, survey answers included)', async () => {
    const analyst = await NodeEngine.start();
    let files: InputFile[];
    try {
      await loadDemo(analyst);
      files = (await datasetToParquet(analyst)).map((f) => fromBytes(f.bytes, f.name));
    } finally {
      await analyst.close();
    }
    const wasm = await loadWith('auto', files);
    expect(wasm.reports).toHaveLength(7);
    expect(wasm).toEqual(await loadWith('js', files));
  }, 120_000);
});
