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
      { order_date: '2023-04-01', order_id: 'o5', customer_id: 'A', revenue: 90, gross_profit: 9, cost: 81 },
    ]);
    const p = defaultParams();
    p.period_start = '2024-04-01';
    p.as_of = '2024-06-30';
    const r = (await runOverview(db, p))!;
    // T = 30 June is a whole month: the earlier ranges end on their month's last day (31 March).
    // The data starts 2023-04-01, exactly the year-ago range's start: covered.
    expect(r.previous).toEqual({ start: '2024-01-01', end: '2024-03-31', covered: true });
    expect(r.lastYear).toEqual({ start: '2023-04-01', end: '2023-06-30', covered: true });
    // Now: revenue 180, GP 45 → .25; customers with revenue > 0: A, B (C nets −20); orders with
    // net revenue > 0: o1, o2 (o3 nets −20: a cancellation is not an order) → 180 / 2 = 90.
    expect(r.current).toEqual({
      revenue: 180,
      grossProfit: 45,
      marginRate: 0.25,
      quantity: null,
      customers: 2,
      orders: 2,
      averageOrder: 90,
      revenueWithoutCustomer: 0,
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
      revenueWithoutCustomer: 0,
    });
    expect(r.yearAgo).toEqual({
      revenue: 90,
      grossProfit: 9,
      marginRate: 0.1,
      quantity: null,
      customers: 1,
      orders: 1,
      averageOrder: 90,
      revenueWithoutCustomer: 0,
    });
    expect(change(r.current.revenue, r.before!.revenue)).toBeCloseTo(0.125, 12);
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

  it('shows no comparison when the data starts one day after the earlier range starts', async () => {
    // Period 2024-04-01 … 2024-06-30; the year-ago range starts 2023-04-01, the data a day later.
    await createTable(db, 'sales', [
      { order_date: '2023-04-02', order_id: 'x', customer_id: 'A', revenue: 10 },
      { order_date: '2024-05-01', order_id: 'y', customer_id: 'A', revenue: 20 },
    ]);
    const p = defaultParams();
    p.period_start = '2024-04-01';
    p.as_of = '2024-06-30';
    const r = (await runOverview(db, p))!;
    expect(r.lastYear).toEqual({ start: '2023-04-01', end: '2023-06-30', covered: false });
    expect(r.yearAgo).toBeNull();
    // The previous period 2024-01 … 03 starts after 2023-04-02: covered, and it holds no sales.
    expect(r.previous.covered).toBe(true);
    expect(r.before!.revenue).toBe(0);
    expect(change(r.current.revenue, r.before!.revenue)).toBeNull();
  });

  it('compares a partial last month like for like and keeps sales without a customer', async () => {
    // T = 2011-12-09 (partial month); the 12-month period 2011-01-01 … 2011-12-09: the previous
    // period is 2010-01-01 … 2010-12-09 (9 days of data), not covered by data starting 2010-12-01.
    await createTable(db, 'sales', [
      { order_date: '2010-12-01', order_id: '536365', customer_id: '17850', revenue: 100 },
      { order_date: '2010-12-01', order_id: '536366', customer_id: null, revenue: 40 },
      { order_date: '2011-02-01', order_id: '536370', customer_id: '17850', revenue: 100 },
      { order_date: '2011-06-01', order_id: 'C536379', customer_id: '17850', revenue: -30 },
      { order_date: '2011-06-01', order_id: '536380', customer_id: null, revenue: 10 },
      { order_date: '2011-12-09', order_id: '581587', customer_id: '12680', revenue: 50 },
    ]);
    const p = defaultParams();
    const r = (await runOverview(db, p))!;
    expect(r.period.start).toBe('2011-01-01');
    expect(r.previous).toEqual({ start: '2010-01-01', end: '2010-12-09', covered: false });
    expect(r.before).toBeNull();
    expect(r.yearAgo).toBeNull();
    // In the period: 100 − 30 + 10 + 50 = 130; of it 10 without a customer. Customers: 17850 (70),
    // 12680. Orders: 536370, 536380, 581587 (C536379 nets −30: not an order).
    expect(r.current).toMatchObject({ revenue: 130, customers: 2, orders: 3, revenueWithoutCustomer: 10 });
  });

  it('counts purchase days as orders when the file has no order id', async () => {
    // A: two rows on 1 May (one purchase day), a return alone on 2 May (net −5: not a purchase);
    // B: one day. → 2 orders.
    await createTable(db, 'sales', [
      { order_date: '2024-05-01', customer_id: 'A', revenue: 10 },
      { order_date: '2024-05-01', customer_id: 'A', revenue: 5 },
      { order_date: '2024-05-02', customer_id: 'A', revenue: -5 },
      { order_date: '2024-05-03', customer_id: 'B', revenue: 7 },
    ]);
    const r = (await runOverview(db, defaultParams()))!;
    expect(r.current.orders).toBe(2);
  });

  it('gives a covered range without sales a gross profit of 0 when the data has cost (null only without cost)', async () => {
    // Previous period 2024-01 … 03 is covered (data from 2023-12-01) and empty.
    await createTable(db, 'sales', [
      { order_date: '2023-12-01', customer_id: 'A', revenue: 10, gross_profit: 2, cost: 8, quantity: 1 },
      { order_date: '2024-05-01', customer_id: 'A', revenue: 20, gross_profit: 5, cost: 15, quantity: 2 },
    ]);
    const p = defaultParams();
    p.period_start = '2024-04-01';
    p.as_of = '2024-06-30';
    const r = (await runOverview(db, p))!;
    expect(r.before).toMatchObject({ revenue: 0, grossProfit: 0, quantity: 0, customers: 0, orders: 0 });
    await createTable(db, 'sales', [
      { order_date: '2023-12-01', customer_id: 'A', revenue: 10 },
      { order_date: '2024-05-01', customer_id: 'A', revenue: 20 },
    ]);
    expect((await runOverview(db, p))!.before).toMatchObject({ grossProfit: null, quantity: null });
  });
});
