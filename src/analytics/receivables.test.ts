import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { defaultParams } from './params';
import { runReceivables } from './receivables';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('receivables (analytics.md §9)', () => {
  it('puts days on the bucket edges where the spec says, fractional days included', async () => {
    // One customer per days value, 10 overdue each: 0, 30 → 0–30; 30.5, 31, 60 → 31–60;
    // 60.5, 90 → 61–90; 90.5, 91 → > 90; −3 (not yet due) → 0–30; a due date 45 days back → 31–60.
    await createTable(db, 'sales', [{ order_date: '2024-12-31', customer_id: 'X', revenue: 1 }]);
    const days = [0, 30, 30.5, 31, 60, 60.5, 90, 90.5, 91, -3];
    await createTable(db, 'receivables', [
      ...days.map((d, i) => ({
        customer_id: `c${String(i).padStart(2, '0')}`,
        as_of_date: '2024-12-31',
        outstanding: 10,
        overdue_amount: 10,
        days_overdue: d,
      })),
      {
        customer_id: 'c99',
        as_of_date: '2024-12-31',
        outstanding: 10,
        overdue_amount: 10,
        due_date: '2024-11-16',
      },
    ]);
    const r = (await runReceivables(db, defaultParams()))!;
    const bucketOfRow = (b: Record<string, number>) => Object.keys(b).find((k) => b[k] > 0);
    expect(r.rows.map((x) => bucketOfRow(x.buckets))).toEqual([
      'd0_30',
      'd0_30',
      'd31_60',
      'd31_60',
      'd31_60',
      'd61_90',
      'd61_90',
      'd90_plus',
      'd90_plus',
      'd0_30',
      'd31_60',
    ]);
    expect(r.totals.buckets).toEqual({ d0_30: 30, d31_60: 40, d61_90: 20, d90_plus: 20 });
  });

  it('ages the latest snapshot on or before T and draws the warning line', async () => {
    // Sales: trailing-12-month revenue to T = 2024-12-31 is 1000 (the 2023 row is outside).
    await createTable(db, 'sales', [
      { order_date: '2024-12-31', customer_id: 'A', revenue: 600, region: 'E' },
      { order_date: '2024-06-30', customer_id: 'B', revenue: 400, region: 'W' },
      { order_date: '2023-06-30', customer_id: 'B', revenue: 9999, region: 'W' },
    ]);
    // Snapshots 2024-11-30 (used) and 2025-01-31 (after T, ignored).
    // A: two invoices, 100 overdue 20 days and 50 overdue 95 days, outstanding 300 → ratio .5.
    // B: 100 outstanding, 40 overdue with a due date 61 days before the snapshot → 61–90.
    await createTable(db, 'receivables', [
      { customer_id: 'A', as_of_date: '2024-11-30', outstanding: 200, overdue_amount: 100, days_overdue: 20 },
      { customer_id: 'A', as_of_date: '2024-11-30', outstanding: 100, overdue_amount: 50, days_overdue: 95 },
      {
        customer_id: 'B',
        as_of_date: '2024-11-30',
        outstanding: 100,
        overdue_amount: 40,
        due_date: '2024-09-30',
      },
      {
        customer_id: 'A',
        as_of_date: '2025-01-31',
        outstanding: 999,
        overdue_amount: 999,
        days_overdue: 999,
      },
    ]);
    const r = (await runReceivables(db, defaultParams()))!;
    expect(r.asOfDate).toBe('2024-11-30');
    expect(r.rows).toEqual([
      {
        customerId: 'A',
        outstanding: 300,
        overdue: 150,
        overdueRatio: 0.5,
        maxDaysOverdue: 95,
        buckets: { d0_30: 100, d31_60: 0, d61_90: 0, d90_plus: 50 },
      },
      {
        customerId: 'B',
        outstanding: 100,
        overdue: 40,
        overdueRatio: 0.4,
        maxDaysOverdue: 61,
        buckets: { d0_30: 0, d31_60: 0, d61_90: 40, d90_plus: 0 },
      },
    ]);
    // Warning: 400 outstanding / 1000 trailing revenue = 0.4 ≥ 0.2 → breached.
    expect(r.warning).toEqual({
      base: 1000,
      baseKind: 'trailing_revenue',
      ratio: 0.4,
      share: 0.2,
      breached: true,
    });
    const p = defaultParams();
    p.receivables.base = 4000; // e.g. total assets: 400 / 4000 = 0.1 < 0.2
    p.filters.region = ['E']; // only A's receivables
    const r2 = (await runReceivables(db, p))!;
    expect(r2.rows.map((x) => x.customerId)).toEqual(['A']);
    expect(r2.warning).toEqual({
      base: 4000,
      baseKind: 'given',
      ratio: 300 / 4000,
      share: 0.2,
      breached: false,
    });
  });

  it('is null without a receivables table', async () => {
    await db.exec('DROP TABLE receivables');
    expect(await runReceivables(db, defaultParams())).toBeNull();
  });
});
