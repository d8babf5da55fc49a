import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveStatic, type StaticServer } from '../../test/e2e/static-server';
import { main } from './analyze';
import { parseArgs } from './args';
import { expandGlob, partitionOf } from './inputs';
import { nativeInstalled } from '../../test/helpers/native';

/** Run the CLI in this process; returns the exit code and what it wrote to stderr. */
async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  try {
    return { code: await main(args), stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cli-datasets-'));

describe('native engine options', () => {
  it('--memory-limit takes a DuckDB size, --temp-dir a folder, both for the native engine only', () => {
    const base = ['--sales', 'a.parquet', '--out', 'o'];
    expect(
      parseArgs([...base, '--engine', 'native', '--memory-limit', '1.5GB', '--temp-dir', '/tmp/x']),
    ).toMatchObject({
      memoryLimit: '1.5GB',
      tempDir: '/tmp/x',
    });
    expect(() => parseArgs([...base, '--engine', 'native', '--memory-limit', 'lots'])).toThrow(
      /--memory-limit must be a size such as 4GB/,
    );
    expect(() => parseArgs([...base, '--memory-limit', '4GB'])).toThrow(/apply to --engine native only/);
  });
});

describe('inputs: globs and hive folders', () => {
  it('reads key=value folders as partition values (percent-escapes decoded), other folders not', () => {
    expect(partitionOf('year=2025/month=03/part-0.parquet')).toEqual([
      ['year', '2025'],
      ['month', '03'],
    ]);
    expect(partitionOf('2025/区域=%E5%8D%8E%E4%B8%9C/x.parquet')).toEqual([['区域', '华东']]);
    expect(partitionOf('part-0.parquet')).toEqual([]);
  });

  it('expands *, ? and […] per folder level and ** across levels, in path order', async () => {
    const root = join(dir, 'glob');
    for (const p of [
      'y=2024/m=01/a.parquet',
      'y=2024/m=02/a.parquet',
      'y=2025/m=01/a.parquet',
      'y=2025/m=01/b.csv',
    ])
      mkdirSync(join(root, p, '..'), { recursive: true });
    const { writeFileSync } = await import('node:fs');
    for (const p of [
      'y=2024/m=01/a.parquet',
      'y=2024/m=02/a.parquet',
      'y=2025/m=01/a.parquet',
      'y=2025/m=01/b.csv',
    ])
      writeFileSync(join(root, p), 'x');
    const rel = (files: string[]) => files.map((f) => f.slice(root.length + 1));
    expect(rel(expandGlob(`${root}/y=*/m=*/*.parquet`).files)).toEqual([
      'y=2024/m=01/a.parquet',
      'y=2024/m=02/a.parquet',
      'y=2025/m=01/a.parquet',
    ]);
    expect(rel(expandGlob(`${root}/y=202?/m=0[2-9]/*`).files)).toEqual(['y=2024/m=02/a.parquet']);
    expect(rel(expandGlob(`${root}/**/*.csv`).files)).toEqual(['y=2025/m=01/b.csv']);
    expect(expandGlob(`${root}/nope=*/*.parquet`).files).toEqual([]);
  });
});

describe.skipIf(!nativeInstalled())('npm run analyze: partitioned Parquet and a Parquet URL', () => {
  let server: StaticServer;
  const parts = join(dir, 'sales');
  const single = join(dir, 'web', 'sales.parquet');
  let partCount = 0;

  beforeAll(async () => {
    // The demo's sales lines as Parquet parts: year=…/区域=…/part-N.parquet (the region column
    // lives in the folder names only; 华东 2024 in two parts), and the same rows, in the same
    // order, as one file with the partition columns last (as the dataset reads them).
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(
      `CREATE TABLE s AS SELECT *, CAST(year(订单日期) AS VARCHAR) AS year FROM read_csv('sample-data/demo/sales.csv.gz')`,
    );
    const groups = (await conn.runAndReadAll('SELECT DISTINCT year, 区域 FROM s ORDER BY ALL')).getRows();
    const files: string[] = [];
    for (const [year, region] of groups as [string, string][]) {
      const folder = join(parts, `year=${year}`, `区域=${region}`);
      mkdirSync(folder, { recursive: true });
      const where = `year = '${year}' AND 区域 = '${region}'`;
      const halves =
        year === '2024' && region === '华东'
          ? [`${where} AND 订单日期 < DATE '2024-07-01'`, `${where} AND 订单日期 >= DATE '2024-07-01'`]
          : [where];
      for (const [i, w] of halves.entries()) {
        const f = join(folder, `part-${i}.parquet`);
        await conn.run(`COPY (SELECT * EXCLUDE (year, 区域) FROM s WHERE ${w}) TO '${f}' (FORMAT parquet)`);
        files.push(f);
      }
    }
    files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    partCount = files.length;
    mkdirSync(join(dir, 'web'), { recursive: true });
    await conn.run(
      `COPY (SELECT * EXCLUDE (year, 区域), year, 区域 FROM read_parquet([${files.map((f) => `'${f}'`).join(', ')}],
         hive_partitioning = true, hive_types_autocast = false)) TO '${single}' (FORMAT parquet)`,
    );
    conn.closeSync();
    db.closeSync();
    server = await serveStatic({ root: join(dir, 'web'), basePath: '/data/' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const run = async (sales: string, ...extra: string[]) => {
    const out = mkdtempSync(join(tmpdir(), 'cli-datasets-out-'));
    const r = await cli('--sales', sales, ...extra, '--as-of', '2025-12-31', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    return { out, stderr: r.stderr };
  };
  /** Every result file, summary.json with the input's name set to one value. */
  const results = (out: string) =>
    Object.fromEntries(
      readdirSync(out)
        .sort()
        .map((f) => {
          const text = readFileSync(join(out, f), 'utf8');
          if (f !== 'summary.json') return [f, text];
          const summary = JSON.parse(text);
          for (const input of summary.inputs) input.file = 'sales';
          return [f, JSON.stringify(summary)];
        }),
    );

  it('a folder, a glob and an http URL give the result files of one file (native, one thread, byte for byte)', async () => {
    const one = await run(single, '--engine', 'native', '--threads', '1');
    const expected = results(one.out);
    expect(Object.keys(expected)).toContain('abc_customers.csv');
    expect(readFileSync(join(one.out, 'summary.json'), 'utf8')).toContain('"rows_loaded": 46273');

    const folder = await run(parts, '--engine', 'native', '--threads', '1');
    expect(folder.stderr).toContain(`reading sales (${partCount} files) as sales`);
    expect(results(folder.out)).toEqual(expected);

    const glob = await run(`${parts}/year=*/区域=*/part-*.parquet`, '--engine', 'native', '--threads', '1');
    expect(results(glob.out)).toEqual(expected);

    server.log.length = 0;
    const url = await run(
      `http://127.0.0.1:${server.port}/data/sales.parquet`,
      '--engine',
      'native',
      '--threads',
      '1',
    );
    // Same name (the URL's last segment), so summary.json is equal as it is.
    for (const f of readdirSync(one.out))
      expect(readFileSync(join(url.out, f), 'utf8'), f).toBe(readFileSync(join(one.out, f), 'utf8'));
    expect(server.log.length).toBeGreaterThan(1);
    expect(server.log.every((e) => e.range !== null || e.method === 'HEAD')).toBe(true);
  }, 240_000);

  it('DuckDB-WASM reads the folder through the JS reader to the same result files', async () => {
    const one = await run(single, '--engine', 'native', '--threads', '1');
    const wasm = await run(parts);
    expect(results(wasm.out)).toEqual(results(one.out));
  }, 240_000);

  it('a glob that matches nothing, an empty folder and a part of another schema each get a clear error', async () => {
    const none = await cli(
      '--sales',
      `${parts}/year=2030/*.parquet`,
      '--engine',
      'native',
      '--out',
      join(dir, 'x'),
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no file matches this pattern');

    mkdirSync(join(dir, 'empty', 'sub'), { recursive: true });
    const empty = await cli('--sales', join(dir, 'empty'), '--engine', 'native', '--out', join(dir, 'x'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the folder holds no data files');

    const odd = join(dir, 'odd');
    mkdirSync(odd, { recursive: true });
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(
      `COPY (SELECT * FROM read_csv('sample-data/demo/sales.csv.gz') LIMIT 10) TO '${odd}/a.parquet'`,
    );
    await conn.run(`COPY (SELECT '2024-01-01' AS day, 5 AS amount) TO '${odd}/b.parquet'`);
    conn.closeSync();
    db.closeSync();
    const other = await cli('--sales', odd, '--engine', 'native', '--out', join(dir, 'x'));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('the part “b.parquet” has other columns than “a.parquet”');
    expect(other.stderr).toContain('dataset_schema');
  }, 120_000);
});
