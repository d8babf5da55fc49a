import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { defaultParams } from './params';
import { runCustomerTimeline, runPerformance } from './performance';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const s = (d: string, c: string, p: string, qty: number, rev: number, cost: number | null): FixtureRow => ({
  order_date: d,
  customer_id: c,
  customer_name: `Co ${c}`,
  product_id: p,
  quantity: qty,
  revenue: rev,
  cost,
  gross_profit: cost === null ? null : rev - cost,
});

const SALES = [
  // 2024 (period, T = 2024-12-31):
  s('2024-01-15', 'A', 'P1', 10, 600, 400),
  s('2024-04-15', 'A', 'P2', 5, 200, 100),
  s('2024-04-20', 'B', 'P1', 3, 300, 240),
  s('2024-07-01', 'C', 'P2', 1, 100, 20),
  s('2024-12-31', 'C', 'P2', -1, -100, -20), // C nets to 0
  // 2023 (last year):
  s('2023-02-01', 'A', 'P1', 5, 400, 300),
  s('2023-05-01', 'B', 'P1', 1, 0, 0),
  // The data starts 2023-01-01, the year-ago range's first day: covered (analytics.md §1).
  s('2023-01-01', 'B', 'P1', 0, 0, 0),
];
const PLAN = [
  { period: '2024-01', customer_id: 'A', plan_revenue: 500 },
  { period: '2024-04', customer_id: 'A', plan_revenue: 500 },
  { period: '2024-04', customer_id: 'B', plan_revenue: 0 },
];

describe('transaction performance and composition (analytics.md §3)', () => {
  it('reports customers over the period: share, rank, margin, plan fulfilment, YoY', async () => {
    await createTable(db, 'sales', SALES);
    await createTable(db, 'plan', PLAN);
    const r = (await runPerformance(db, defaultParams(), { entity: 'customer', grain: 'quarter' }))!;
    // Total 2024 revenue = 800 + 300 + 0 = 1100.
    //  A: 800, GP 300 → .375, share 800/1100, plan 1000 → .8, last year 400 → +100 %.
    //  B: 300, GP 60 → .2, plan 0 → fulfilment null, last year 0 → YoY null.
    //  C: 0 → margin null (revenue ≤ 0), share 0.
    expect(r.planBasis).toBe('revenue');
    expect(
      r.rows.map((x) => [x.id, x.rank, x.revenue, x.marginRate, x.plan, x.fulfilment, x.lastYear, x.yoy]),
    ).toEqual([
      ['A', 1, 800, 0.375, 1000, 0.8, 400, 1],
      ['B', 2, 300, 0.2, 0, null, 0, null],
      ['C', 3, 0, null, null, null, 0, null],
    ]);
    expect(r.rows[0].share).toBeCloseTo(800 / 1100, 12);
    expect(r.rows[1].cumShare).toBeCloseTo(1, 12);
    // Quarters: Q1 600 (plan 500, last year Q1 400), Q2 500 (plan 500), Q3 100, Q4 −100.
    expect(r.series.map((b) => [b.bucket, b.revenue, b.plan, b.lastYear])).toEqual([
      ['2024-Q1', 600, 500, 400],
      ['2024-Q2', 500, 500, 0],
      ['2024-Q3', 100, null, 0],
      ['2024-Q4', -100, null, 0],
    ]);
    expect(r.total).toMatchObject({ bucket: 'total', revenue: 1100, plan: 1000, lastYear: 400, yoy: 1.75 });
  });

  it('ranks products by revenue with cumulative share, and by margin rate', async () => {
    await createTable(db, 'sales', SALES);
    const r = (await runPerformance(db, defaultParams(), { entity: 'product' }))!;
    // P1: 900, GP 260 → .289; P2: 200, GP 100 → .5 (margin rank 1).
    expect(r.rows.map((x) => [x.id, x.rank, x.revenue, x.marginRank])).toEqual([
      ['P1', 1, 900, 2],
      ['P2', 2, 200, 1],
    ]);
    expect(r.planBasis).toBeNull(); // the plan has no product ids
  });

  it('names a product by the name most of its lines in the period give it', async () => {
    const named = (name: string) => ({ ...s('2024-05-01', 'A', 'P9', 1, 10, null), product_name: name });
    await createTable(db, 'sales', [named('Lamp'), named('?'), named('Lamp')]);
    const r = (await runPerformance(db, defaultParams(), { entity: 'product' }))!;
    expect(r.rows.map((x) => [x.id, x.label])).toEqual([['P9', 'Lamp']]);
    await createTable(db, 'sales', SALES); // the next test reads the shared table
  });

  it('gives a customer timeline with the plan', async () => {
    const t = await runCustomerTimeline(db, defaultParams(), 'A');
    expect(t).toEqual([
      { month: '2023-02', revenue: 400, quantity: 5, grossProfit: 100, plan: null },
      { month: '2024-01', revenue: 600, quantity: 10, grossProfit: 200, plan: 500 },
      { month: '2024-04', revenue: 200, quantity: 5, grossProfit: 100, plan: 500 },
    ]);
  });

  it('ranks by revenue and by margin rate at 12 significant digits, then id (§0)', async () => {
    // PB sells 0.10 + 0.20 = 0.30000000000000004, PA 0.30, PC 0.31: PA and PB tie at 12 digits
    // (revenue ranks PC 1, PA 2, PB 3, the id decides); both earn a margin rate of 0.5, PC 0.1
    // (margin ranks PA 1, PB 2, PC 3). Exact doubles would put PB before PA.
    await createTable(db, 'sales', [
      s('2024-06-01', 'A', 'PB', 1, 0.1, 0.05),
      s('2024-06-02', 'A', 'PB', 1, 0.2, 0.1),
      s('2024-06-03', 'A', 'PA', 1, 0.3, 0.15),
      s('2024-06-04', 'A', 'PC', 1, 0.31, 0.279),
    ]);
    const r = (await runPerformance(db, defaultParams(), { entity: 'product' }))!;
    expect(r.rows.map((x) => [x.id, x.rank, x.marginRank])).toEqual([
      ['PC', 1, 3],
      ['PA', 2, 1],
      ['PB', 3, 2],
    ]);
    expect(r.rows[2].revenue).toBeGreaterThan(r.rows[1].revenue); // the doubles do differ
  });

  it('gives no year-ago figures for ranges the data does not cover', async () => {
    // Period 2024 (T = 2024-12-31); the data starts 2023-05-01, after the year-ago start 2023-01-01:
    // no YoY for the customers or the year; per quarter, only Q3 and Q4 2023 are covered.
    await createTable(db, 'sales', [
      s('2023-05-01', 'A', 'P1', 1, 100, 50),
      s('2023-08-01', 'A', 'P1', 1, 100, 50),
      s('2024-02-01', 'A', 'P1', 1, 300, 100),
      s('2024-08-01', 'A', 'P1', 1, 300, 100),
    ]);
    await createTable(db, 'plan', []);
    const r = (await runPerformance(db, defaultParams(), { entity: 'customer', grain: 'quarter' }))!;
    expect(r.rows[0]).toMatchObject({ id: 'A', lastYear: null, yoy: null });
    expect(r.total).toMatchObject({ lastYear: null, yoy: null });
    expect(r.series.map((b) => [b.bucket, b.lastYear, b.yoy])).toEqual([
      ['2024-Q1', null, null],
      ['2024-Q3', 100, 2],
    ]);
  });
});
