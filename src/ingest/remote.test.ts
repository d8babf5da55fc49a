import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../test/e2e/static-server';
import { NodeEngine } from '../engine/node';
import { inspectFile, loadFiles } from './load';
import { openDataUrl } from './remote';
import { IngestError } from './types';

// A Parquet file of 3000 rows in row groups of 1000 (three groups, so range reads are per group).
const N = 3000;
const parquet = new Uint8Array(
  parquetWriteBuffer({
    columnData: [
      {
        name: 'order_date',
        data: Array.from({ length: N }, (_, i) => new Date(Date.UTC(2024, 0, 1 + (i % 300)))),
        type: 'TIMESTAMP',
      },
      { name: 'customer_id', data: Array.from({ length: N }, (_, i) => `C${i % 40}`), type: 'STRING' },
      { name: 'revenue', data: Array.from({ length: N }, (_, i) => (i % 97) + 0.5), type: 'DOUBLE' },
    ],
    rowGroupSize: 1000,
  }),
);
const revenueTotal = Array.from({ length: N }, (_, i) => (i % 97) + 0.5).reduce((a, b) => a + b, 0);

let dir: string;
let ranged: StaticServer;
let whole: StaticServer;
let db: NodeEngine;
const base = (s: StaticServer) => `http://127.0.0.1:${s.port}/share/`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'remote-'));
  writeFileSync(join(dir, 'sales.parquet'), parquet);
  writeFileSync(join(dir, 'plan.csv'), 'period,customer_id,plan_revenue\n2024-01,C1,100\n');
  ranged = await serveStatic({ root: dir, basePath: '/share/' });
  whole = await serveStatic({ root: dir, basePath: '/share/', ranges: false });
  db = await NodeEngine.start();
});
afterAll(async () => {
  await ranged?.close();
  await whole?.close();
  await db?.close();
});

describe('data files named in a link', () => {
  it('reads a Parquet file with range requests only, and loads every row', async () => {
    ranged.log.length = 0;
    const file = await openDataUrl(new URL('sales.parquet', base(ranged)));
    expect(file.source).toEqual({ kind: 'url', url: `${base(ranged)}sales.parquet`, size: parquet.length });
    expect(file.name).toBe('sales.parquet');
    const plan = await inspectFile(file);
    expect(plan.format).toBe('parquet');
    const [report] = await loadFiles(db, [plan]);
    expect(report.rowsLoaded).toBe(N);
    const [{ total }] = await db.rows<{ total: number }>('SELECT sum(revenue) AS total FROM sales');
    expect(total).toBeCloseTo(revenueTotal, 6);
    const gets = ranged.log.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(2);
    // Every GET asked for a byte range and got one: the file was never downloaded whole.
    expect(gets.every((r) => r.range !== null && r.status === 206)).toBe(true);
    expect(gets[0].range).toBe('bytes=0-3');
  });

  it('downloads a Parquet file whole from a server that ignores ranges (one request)', async () => {
    whole.log.length = 0;
    const file = await openDataUrl(new URL('sales.parquet', base(whole)));
    expect(file.source.kind).toBe('blob');
    expect(file.size).toBe(parquet.length);
    expect(whole.log.map((r) => r.status)).toEqual([200]);
  });

  it('downloads a CSV whole', async () => {
    const file = await openDataUrl(new URL('plan.csv', base(ranged)));
    expect(file.source.kind).toBe('blob');
    expect((await inspectFile(file)).kind).toBe('plan');
  });

  it('names the address and the HTTP status when the file is missing', async () => {
    const err = await openDataUrl(new URL('nope.csv', base(ranged))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).key).toBe('data_url_status');
    expect((err as IngestError).params).toMatchObject({ status: 404, url: `${base(ranged)}nope.csv` });
  });

  it('says the server could not be reached when nothing answers', async () => {
    const closed = await serveStatic({ root: dir, basePath: '/share/' });
    const url = new URL('sales.parquet', base(closed));
    await closed.close();
    const err = await openDataUrl(url).catch((e: unknown) => e);
    expect((err as IngestError).key).toBe('data_url_unreachable');
  });
});
