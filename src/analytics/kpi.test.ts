import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { runKpi, scoringPeriod } from './kpi';
import { defaultParams, type Params } from './params';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const sale = (d: string, c: string, p: string, cat: string, qty: number | null, rev: number): FixtureRow => ({
  order_date: d,
  customer_id: c,
  product_id: p,
  category: cat,
  quantity: qty,
  revenue: rev,
});
// Period Jan–Mar 2024 (3 months).
const SALES = [
  sale('2024-01-10', 'A', 'P1', 'oil', 10, 100),
  sale('2024-02-10', 'A', 'P1', 'oil', 10, 100),
  sale('2024-03-10', 'A', 'P2', 'gas', 5, 100),
  sale('2024-01-10', 'B', 'P1', 'oil', 10, 80),
  sale('2024-03-10', 'B', 'P1', 'oil', 10, 80),
  sale('2024-02-10', 'C', 'P2', 'gas', 5, 110),
  sale('2024-03-10', 'C', 'P2', 'gas', -5, -110), // a full return: C nets to 0
];
const plan = (c: string, q: number): FixtureRow[] =>
  ['2024-01', '2024-02', '2024-03'].map((m) => ({ period: m, customer_id: c, plan_quantity: q }));
const PLAN = [...plan('A', 10), ...plan('B', 10), ...plan('C', 5), ...plan('D', 5)];

const params = (kpi: Partial<Params['kpi']> = {}): Params => {
  const p = defaultParams();
  p.period_start = '2024-01-01';
  p.as_of = '2024-03-31';
  p.kpi = { ...p.kpi, compare: 'none', ...kpi };
  return p;
};

describe('KPI scorecard (analytics.md §6)', () => {
  it('computes R1–R4, scores, tiers, forced C and credit on a hand-worked table', async () => {
    await createTable(db, 'sales', SALES);
    await createTable(db, 'plan', PLAN);
    const r = (await runKpi(db, params()))!;
    // Plan basis = quantity. Scored: A, B (sales), C (nets to 0, but plan > 0), D (plan only).
    // R1 = actual qty / plan qty: A 25/30, B 20/30, C 0/15, D 0/15.
    // R2 = qty / Σ qty of scored (45): A 25/45, B 20/45, C 0, D 0.
    // R3: pairs with net qty > 0: (A,P1) 20 for 200, (A,P2) 5 for 100, (B,P1) 20 for 160; (C,P2) nets 0 → out.
    //     avg price P1 = 360/40 = 9, P2 = 100/5 = 20 → A 300/(180+100) = 15/14, B 160/180 = 8/9; C, D null.
    // R4 = active months / 3: A 3/3, B 2/3 (Jan, Mar), C 1/3 (Feb; Mar is negative), D 0.
    // s1: C, D tie at 0 → 1/6; B 2/3; A 1.   s2: same pattern.   s3 (n = 2): B 0, A 1; C, D 0.
    // s4: D 0, C 1/3, B 2/3, A 1.
    // total = 30 s1 + 30 s2 + 20 s3 + 20 s4: A 100; B 20 + 20 + 0 + 40/3 = 53.33; C 5 + 5 + 0 + 20/3 = 16.67; D 10.
    // n = 4 → nA = nC = round_half_up(0.8) = 1: A A, B B, C B, D C; D missed 3 months → forced C.
    expect(r.planBasis).toBe('quantity');
    expect(r.dropped).toEqual([null, null, null, null]);
    const by = Object.fromEntries(r.rows.map((x) => [x.customerId, x]));
    expect(by.A.r.map((v) => v ?? NaN)).toEqual(
      [25 / 30, 25 / 45, 15 / 14, 1].map((v) => expect.closeTo(v, 12)),
    );
    expect(by.B.r.map((v) => v ?? NaN)).toEqual(
      [20 / 30, 20 / 45, 8 / 9, 2 / 3].map((v) => expect.closeTo(v, 12)),
    );
    expect(by.C.r).toEqual([0, 0, null, expect.closeTo(1 / 3, 12)]);
    expect(by.D.r).toEqual([0, 0, null, 0]);
    expect(r.rows.map((x) => [x.customerId, x.rank, x.tier, x.forcedC])).toEqual([
      ['A', 1, 'A', false],
      ['B', 2, 'B', false],
      ['C', 3, 'B', false],
      ['D', 4, 'C', true],
    ]);
    expect(r.rows.map((x) => x.total)).toEqual([100, 160 / 3, 50 / 3, 10].map((v) => expect.closeTo(v, 9)));
    expect(by.D.missedMonths).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(by.C.missedMonths).toEqual(['2024-01', '2024-03']); // Feb had 5 units
    expect(by.B.missedMonths).toEqual(['2024-02']);
    // Credit: A no limit; B 1.0 × 160/3; C (tier B) 1.0 × 0; D (C) 0.25 × 0.
    expect(by.A.credit).toBeNull();
    expect(by.B.credit).toBeCloseTo(160 / 3, 9);
    expect(r.tierCounts).toEqual({ A: 1, B: 2, C: 1 });
  });

  it('drops R1 without a plan and rescales the other weights', async () => {
    await createTable(db, 'sales', SALES);
    await db.exec('DROP TABLE IF EXISTS plan');
    const r = (await runKpi(db, params()))!;
    // Only A and B are scored (C nets to zero and has no plan). nA = nC = round_half_up(0.4) = 0.
    expect(r.dropped[0]).toBe('no_plan');
    expect(r.appliedWeights.map((w) => Math.round(w * 1e6) / 1e6)).toEqual([
      0, 42.857143, 28.571429, 28.571429,
    ]);
    expect(r.rows.map((x) => [x.customerId, x.tier])).toEqual([
      ['A', 'B'],
      ['B', 'B'],
    ]);
    // A tops every remaining metric: total = 100.
    expect(r.rows[0].total).toBeCloseTo(100, 9);
  });

  it('without quantities: R2 on revenue, R3 dropped, the quantity plan not used', async () => {
    await createTable(
      db,
      'sales',
      SALES.map((s) => ({ ...s, quantity: null })),
    );
    await createTable(db, 'plan', PLAN);
    const r = (await runKpi(db, params()))!;
    expect(r.dropped).toEqual(['no_plan', null, 'no_quantity_or_product', null]);
    const a = r.rows.find((x) => x.customerId === 'A')!;
    expect(a.r[1]).toBeCloseTo(300 / 460, 12); // 300 of A + B's 160 (C nets 0)
  });

  it('scores customer × category', async () => {
    await createTable(db, 'sales', SALES);
    await db.exec('DROP TABLE IF EXISTS plan');
    const r = (await runKpi(db, params({ by_category: true })))!;
    expect(r.rows.map((x) => `${x.customerId}/${x.category}`).sort()).toEqual(['A/gas', 'A/oil', 'B/oil']);
  });

  it('with a category filter counts only the plan of that category (plan by product)', async () => {
    // Filter category = oil. Oil sales: A Jan 10, Feb 10 (P1); B Jan 10, Mar 10 (P1).
    // Plan by product: A P1 (oil) 10 in Jan and Feb, P2 (gas) 5 in Mar; B P1 10 in Jan–Mar.
    // Oil plan: A 20, B 30 → R1: A 20/20 = 1, B 20/30. A's gas plan in March is not an oil
    // target: March is not a missed month for A's oil. B missed February (oil plan 10, no oil).
    // Counting the whole plan would give A 20/25 = .8 and a false missed March.
    await createTable(db, 'sales', SALES);
    await createTable(db, 'plan', [
      { period: '2024-01', customer_id: 'A', product_id: 'P1', plan_quantity: 10 },
      { period: '2024-02', customer_id: 'A', product_id: 'P1', plan_quantity: 10 },
      { period: '2024-03', customer_id: 'A', product_id: 'P2', plan_quantity: 5 },
      ...['2024-01', '2024-02', '2024-03'].map((m) => ({
        period: m,
        customer_id: 'B',
        product_id: 'P1',
        plan_quantity: 10,
      })),
    ]);
    const p = params();
    p.filters.category = ['oil'];
    const r = (await runKpi(db, p))!;
    expect(r.dropped[0]).toBeNull();
    const by = Object.fromEntries(r.rows.map((x) => [x.customerId, x]));
    expect(Object.keys(by).sort()).toEqual(['A', 'B']);
    expect(by.A.r[0]).toBeCloseTo(1, 12);
    expect(by.B.r[0]).toBeCloseTo(2 / 3, 12);
    expect(by.A.missedMonths).toEqual([]);
    expect(by.B.missedMonths).toEqual(['2024-02']);
  });

  it('compares tiers with the previous period', async () => {
    await createTable(db, 'sales', [
      ...SALES,
      sale('2023-12-10', 'B', 'P1', 'oil', 50, 500),
      sale('2023-11-10', 'A', 'P1', 'oil', 1, 10),
      // Data from 2023-10-01, the previous period's first day: covered (§1).
      sale('2023-10-01', 'E', 'P1', 'oil', 0, 0),
    ]);
    await createTable(db, 'plan', PLAN);
    const r = (await runKpi(db, params({ compare: 'previous' })))!;
    expect(r.compareCovered).toBe(true);
    expect(r.comparePeriod).toEqual({ label: 'previous', start: '2023-10-01', end: '2023-12-31', months: 3 });
    expect(r.migration.reduce((s, m) => s + m.count, 0)).toBe(r.rows.length);
    // Previous period: A and B scored (n = 2, all B); C and D were not scored then.
    expect(Object.fromEntries(r.rows.map((x) => [x.customerId, x.previousTier]))).toEqual({
      A: 'B',
      B: 'B',
      C: null,
      D: null,
    });
  });

  it('resolves a year or a quarter as the scoring period, clipped to the data', () => {
    const analysis = {
      start: '2024-04-01',
      asOf: '2025-03-31',
      months: 12,
      dataStart: '2023-01-01',
      dataEnd: '2025-03-31',
    };
    expect(scoringPeriod('2024-Q4', analysis)).toEqual({
      label: '2024-Q4',
      start: '2024-10-01',
      end: '2024-12-31',
      months: 3,
    });
    expect(scoringPeriod('2025', analysis)).toEqual({
      label: '2025',
      start: '2025-01-01',
      end: '2025-03-31',
      months: 3,
    });
    expect(scoringPeriod('2024-Q1', analysis).end).toBe('2024-03-31');
  });

  it('compares no tiers when the data starts after the previous period starts', async () => {
    // The previous period 2023-10-01 … 12-31; the data starts a day later: not covered, so no
    // migration (instead of every customer "not scored then").
    await createTable(db, 'sales', [...SALES, sale('2023-10-02', 'A', 'P1', 'oil', 1, 10)]);
    await createTable(db, 'plan', PLAN);
    const r = (await runKpi(db, params({ compare: 'previous' })))!;
    expect(r.compareCovered).toBe(false);
    expect(r.migration).toEqual([]);
    expect(r.rows.every((x) => x.previousTier === null)).toBe(true);
  });
});
