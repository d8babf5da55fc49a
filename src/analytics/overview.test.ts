import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { buildHeadlineSql, change, runOverview } from './overview';
import { defaultParams } from './params';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('overview headline figures', () => {
  it('compares the period with the previous one and with a year earlier', async () => {
    // Period 2024-04 … 2024-06 (3 months, T = 2024-06-30); previous 2024-01 … 03; a year earlier 2023-04 … 06.
    await createTable(db, 'sales', [
      {
        order_date: '2024-04-02',
        order_id: 'o1',
        customer_id: 'A',
        revenue: 100,
        gross_profit: 30,
        cost: 70,
      },
      { order_date: '2024-04-02', order_id: 'o1', customer_id: 'A', revenue: 50, gross_profit: 10, cost: 40 },
      { order_date: '2024-06-30', order_id: 'o2', customer_id: 'B', revenue: 50, gross_profit: 10, cost: 40 },
      {
        order_date: '2024-05-01',
        order_id: 'o3',
        customer_id: 'C',
        revenue: -20,
        gross_profit: -5,
        cost: -15,
      },
      {
        order_date: '2024-02-01',
        order_id: 'o4',
        customer_id: 'A',
        revenue: 160,
        gross_profit: 40,
        cost: 120,
      },
      { order_date: '2023-05-01', order_id: 'o5', customer_id: 'A', revenue: 90, gross_profit: 9, cost: 81 },
    ]);
    const p = defaultParams();
    p.period_start = '2024-04-01';
    p.as_of = '2024-06-30';
    const r = (await runOverview(db, p))!;
    expect(r.previous).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(r.lastYear).toEqual({ start: '2023-04-01', end: '2023-06-30' });
    // Now: revenue 180, GP 45 → .25; customers with revenue > 0: A, B (C nets −20); orders o1, o2, o3.
    expect(r.current).toEqual({
      revenue: 180,
      grossProfit: 45,
      marginRate: 0.25,
      quantity: null,
      customers: 2,
      orders: 3,
      averageOrder: 60,
    });
    // Each range counts only its own rows (one scan with a FILTER per range).
    expect(r.before).toEqual({
      revenue: 160,
      grossProfit: 40,
      marginRate: 0.25,
      quantity: null,
      customers: 1,
      orders: 1,
      averageOrder: 160,
    });
    expect(r.yearAgo).toEqual({
      revenue: 90,
      grossProfit: 9,
      marginRate: 0.1,
      quantity: null,
      customers: 1,
      orders: 1,
      averageOrder: 90,
    });
    expect(change(r.current.revenue, r.before.revenue)).toBeCloseTo(0.125, 12);
    expect(change(5, 0)).toBeNull();
  });

  it('gives each of several overlapping ranges the figures it has alone', async () => {
    const ranges = [
      { start: '2024-01-01', end: '2024-06-30' },
      { start: '2024-04-01', end: '2024-12-31' },
      { start: '2023-01-01', end: '2024-04-30' },
    ];
    const p = defaultParams();
    const [all] = await db.rows(buildHeadlineSql(ranges, p));
    for (const [k, r] of ranges.entries()) {
      const [alone] = await db.rows(buildHeadlineSql([r], p));
      for (const f of ['revenue', 'gross_profit', 'quantity', 'customers', 'orders'])
        expect(all[`${f}_${k}`], `${f} of range ${k}`).toEqual(alone[`${f}_0`]);
    }
  });
});
