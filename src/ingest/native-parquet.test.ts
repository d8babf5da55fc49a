import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import type { NativeEngine } from '../engine/native';
import { datasetRowGroups } from './dataset';
import { inspectFile, loadFiles } from './load';
import { nativeParquetSource, rawColumnSql } from './native-parquet';
import type { InputFile } from './types';
import { nativeInstalled } from '../../test/helpers/native';

describe('raw Parquet columns read natively', () => {
  it('gives up (null) on a pairing whose values could differ from the JS reader', () => {
    expect(rawColumnSql('"x"', 'INTEGER', 'number')).toBe('CAST("x" AS DOUBLE)');
    expect(rawColumnSql('"x"', 'JSON', 'text')).toBeNull();
    expect(rawColumnSql('"x"', 'TIME', 'number')).toBeNull();
    expect(rawColumnSql('"x"', 'VARCHAR', 'bool')).toBeNull();
  });
});

describe.skipIf(!nativeInstalled())('native read_parquet gives the JS reader’s raw values', () => {
  let native: NativeEngine;
  let wasm: NodeEngine;
  const dir = mkdtempSync(join(tmpdir(), 'native-parquet-'));
  const path = join(dir, 'types.parquet');
  beforeAll(async () => {
    const { NativeEngine } = await import('../engine/native');
    native = await NativeEngine.start({ threads: 1 });
    wasm = await NodeEngine.start();
    // Types that need care: DECIMAL (hyparquet multiplies by 10^-scale), timestamps with and
    // without a zone near midnight (the UTC day), BIGINT beyond 2^53, FLOAT, UUID, BOOLEAN, NULLs.
    await native.exec(`SET TimeZone = 'Asia/Shanghai'`);
    await native.exec(`COPY (SELECT * FROM (VALUES
        (DATE '2024-02-29', TIMESTAMP '2024-03-01 23:59:59', TIMESTAMPTZ '2024-03-01 23:30:00+00', 1234.57::DECIMAL(12,2),
         -0.10::DECIMAL(4,2), 9007199254740993::BIGINT, 0.1::FLOAT, true, ' 甲 ', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID),
        (NULL, TIMESTAMP '1969-12-31 12:00:00', TIMESTAMPTZ '2024-01-01 00:30:00+08', 0.01::DECIMAL(12,2),
         NULL, -5::BIGINT, NULL, NULL, NULL, NULL)
      ) t(d, ts, tstz, amount, small, big, f, flag, name, id)) TO '${path}' (FORMAT parquet)`);
  });
  afterAll(async () => {
    await native?.close();
    await wasm?.close();
  });

  it('column by column, row by row', async () => {
    const file: InputFile = {
      name: 'types.parquet',
      size: statSync(path).size,
      source: { kind: 'path', path },
    };
    const plan = await inspectFile(file);
    const cols = plan.columns.map((c) => `"c${c.index}"`).join(', ');
    const src = await nativeParquetSource(native, plan);
    expect(src).not.toBeNull();
    const viaNative = await native.rows(`SELECT _rec, ${cols} FROM ${src!.relation} ORDER BY _rec`);
    await src!.cleanup();
    let first = true;
    for await (const group of datasetRowGroups(file)) {
      await wasm.insertArrow('raw', group, { create: first });
      first = false;
    }
    const viaJs = await wasm.rows(`SELECT _rec, ${cols} FROM raw ORDER BY _rec`);
    expect(viaNative).toEqual(viaJs);
    expect(viaJs[0]).toMatchObject({ c3: 1234.57, c5: 9007199254740992 });
  });
});

describe.skipIf(!nativeInstalled())('native DuckDB under a small --memory-limit', () => {
  it('stages a large load compressed in a database file in --temp-dir, removed on close', async () => {
    const { NativeEngine } = await import('../engine/native');
    const temp = mkdtempSync(join(tmpdir(), 'native-temp-'));
    const db = await NativeEngine.start({ memoryLimit: '1GB', tempDir: join(temp, 'spill') });
    expect(db.traits.memoryBytes).toBeLessThan(2 ** 30);
    const csv = 'order_date,customer_id,revenue\n2024-01-05,C1,10\n2024-01-06,C2,20.5\n';
    const path = join(temp, 's.csv');
    (await import('node:fs')).writeFileSync(path, csv);
    const plan = await inspectFile({ name: 's.csv', size: csv.length, source: { kind: 'path', path } });
    // Planned as 10 M rows: at 250 B a row that is more than half of 1 GB.
    await loadFiles(db, [{ ...plan, estimatedRows: 10_000_000 }]);
    expect(
      await db.rows("SELECT database_name AS db FROM duckdb_tables() WHERE table_name = 'sales'"),
    ).toEqual([{ db: 'packed' }]);
    expect(await db.rows('SELECT count(*) AS n, sum(revenue) AS r FROM sales')).toEqual([{ n: 2, r: 30.5 }]);
    expect(readdirSync(join(temp, 'spill')).some((f) => f.endsWith('.duckdb'))).toBe(true);
    await db.close();
    expect(readdirSync(join(temp, 'spill')).filter((f) => f.includes('.duckdb'))).toEqual([]);
    expect(existsSync(join(temp, 'spill'))).toBe(true);
  });
});
