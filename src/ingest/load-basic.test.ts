import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { fromBytes } from './input';
import { inspectFile, loadFiles } from './load';
import { IngestError } from './types';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const file = (text: string, name = 'sales.csv') => fromBytes(new TextEncoder().encode(text), name);

describe('ingest v0', () => {
  it('maps Chinese headers, skips a title line, cleans values, sets aside the total row', async () => {
    const csv = [
      '2024年销售明细',
      '订单日期,客户编号,客户名称,销售额（元）,数量',
      '2024-03-05,C001,甲公司,"¥1,234.50",10',
      '2024/3/6,C002,乙公司,(100.00),-1',
      'not a date,C003,丙公司,5,1',
      '合计,,,"1,139.50",10',
    ].join('\n');
    const plan = await inspectFile(file(csv));
    expect(plan.kind).toBe('sales');
    expect(plan.headerLine).toBe(1);
    expect(plan.columns.map((c) => c.role)).toEqual([
      'order_date',
      'customer_id',
      'customer_name',
      'revenue',
      'quantity',
    ]);
    const [report] = await loadFiles(db, [plan]);
    expect(report).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 1, summaryRows: 1 });
    expect(report.rejects).toEqual([
      { line: 5, reason: 'bad_date', cells: ['not a date', 'C003', '丙公司', '5', '1'] },
    ]);
    expect(report.totals.find((t) => t.role === 'revenue')).toEqual({
      role: 'revenue',
      read: 1234.5 - 100 + 5 + 1139.5,
      loaded: 1134.5,
    });
    const rows = await db.rows(
      "SELECT customer_id, revenue, quantity, strftime(order_date, '%Y-%m-%d') AS d, source_row FROM sales ORDER BY source_row",
    );
    expect(rows).toEqual([
      { customer_id: 'C001', revenue: 1234.5, quantity: 10, d: '2024-03-05', source_row: 1 },
      { customer_id: 'C002', revenue: -100, quantity: -1, d: '2024-03-06', source_row: 2 },
    ]);
  });

  it('derives revenue from quantity × unit price (Online Retail shape)', async () => {
    const csv =
      'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n536365,85123A,6,2010-12-01 08:26:00,2.55,17850.0\n';
    const plan = await inspectFile(file(csv));
    expect(plan.missing).toEqual([]);
    await loadFiles(db, [plan]);
    const [r] = await db.rows<{ revenue: number }>('SELECT revenue FROM sales');
    expect(r.revenue).toBeCloseTo(15.3, 12);
  });

  it('says when cost is empty on some rows (margins would be understated), not when it is on all or none', async () => {
    const head = 'Order Date,Customer ID,Amount,Cost\n';
    const partial = await inspectFile(
      file(`${head}2024-01-01,A,100,60\n2024-01-02,B,50,\n2024-01-03,C,80,40\n`),
    );
    const [r1] = await loadFiles(db, [partial]);
    expect(r1.notes).toContainEqual({ key: 'note.partial_cost', params: { n: 1, total: 3 } });
    const full = await inspectFile(file(`${head}2024-01-01,A,100,60\n2024-01-02,B,50,20\n`));
    const [r2] = await loadFiles(db, [full]);
    expect(r2.notes.map((n) => n.key)).not.toContain('note.partial_cost');
  });

  it('counts duplicate rows after the load when asked to, with the same notes, and not when cancelled', async () => {
    const csv = 'Order Date,Customer ID,Amount\n2024-01-01,A,100\n2024-01-01,A,100\n2024-01-02,B,50\n';
    const second = 'Order Date,Customer ID,Amount\n2024-01-05,C,7\n2024-01-05,C,7\n2024-01-05,C,7\n';
    const plans = async () => [await inspectFile(file(csv)), await inspectFile(file(second, 'more.csv'))];
    const now = await loadFiles(db, await plans());
    expect(now.map((r) => r.notes.filter((n) => n.key === 'note.duplicate_rows'))).toEqual([
      [{ key: 'note.duplicate_rows', params: { n: 1 } }],
      [{ key: 'note.duplicate_rows', params: { n: 2 } }],
    ]);
    let count: ((signal?: AbortSignal) => Promise<void>) | null = null;
    const later = await loadFiles(db, await plans(), { deferDuplicates: (c) => (count = c) });
    expect(later.flatMap((r) => r.notes.map((n) => n.key))).not.toContain('note.duplicate_rows');
    expect(count).not.toBeNull();
    const stop = new AbortController();
    stop.abort();
    await expect(count!(stop.signal)).rejects.toMatchObject({ kind: 'cancelled' });
    expect(later.flatMap((r) => r.notes.map((n) => n.key))).not.toContain('note.duplicate_rows');
    await count!();
    expect(later).toEqual(now);
  });

  it('finds NUL bytes whether or not the pre-scan runs (plain and gzip files), and none in a clean file', async () => {
    const csv = 'Order Date,Customer ID,Amount\n2024-01-01,A\u0000B,100\n2024-01-02,B,50\n';
    const [plain] = await loadFiles(db, [await inspectFile(file(csv))]);
    expect(plain.notes).toContainEqual({ key: 'note.nul_bytes', params: { n: 1 } });
    const [ids] = await db.rows<{ ids: string }>(
      "SELECT string_agg(customer_id, '|' ORDER BY source_row) AS ids FROM sales",
    );
    expect(ids.ids).toBe('AB|B');
    const { gzipSync } = await import('node:zlib');
    const gz = fromBytes(new Uint8Array(gzipSync(new TextEncoder().encode(csv))), 'sales.csv.gz');
    const [zipped] = await loadFiles(db, [await inspectFile(gz)]);
    expect(zipped.notes).toContainEqual({ key: 'note.nul_bytes', params: { n: 1 } });
    const [clean] = await loadFiles(db, [await inspectFile(file(csv.replace('\u0000', '')))]);
    expect(clean.notes.map((n) => n.key)).not.toContain('note.nul_bytes');
  });

  it('refuses a file without the required roles, naming them, and keeps the earlier data', async () => {
    const before = await db.rows('SELECT count(*) AS n FROM sales');
    const plan = await inspectFile(file('foo,bar\n1,2\n'));
    const err = await loadFiles(db, [plan]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).key).toBe('missing_roles');
    expect((err as IngestError).params.columns).toBe('foo, bar');
    expect(await db.rows('SELECT count(*) AS n FROM sales')).toEqual(before);
  });

  it('refuses an empty file', async () => {
    await expect(inspectFile(file(''))).rejects.toMatchObject({ key: 'empty_file' });
  });
});
