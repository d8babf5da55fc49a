import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { defaultParams } from './params';
import { runTargets, toDateRanges } from './targets';
import { decompose, runDecomposition } from './targets-decomposition';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('target tracking (analytics.md §8)', () => {
  it('derives MTD/QTD/YTD ranges from T', () => {
    // T = 2024-05-10: May 1–31 (10 of 31 days), Q2 Apr 1–Jun 30 (40 of 91), year 131 of 366 (leap).
    expect(toDateRanges('2024-05-10')).toEqual({
      mtd: { start: '2024-05-01', end: '2024-05-31', elapsed: 10, days: 31 },
      qtd: { start: '2024-04-01', end: '2024-06-30', elapsed: 40, days: 91 },
      ytd: { start: '2024-01-01', end: '2024-12-31', elapsed: 131, days: 366 },
    });
  });

  it('tracks actual vs full and prorated plan, YoY and the run-rate, by region', async () => {
    await createTable(db, 'sales', [
      { order_date: '2024-05-10', customer_id: 'A', region: 'E', revenue: 310 },
      { order_date: '2024-04-15', customer_id: 'A', region: 'E', revenue: 100 },
      { order_date: '2024-02-01', customer_id: 'B', region: 'W', revenue: 200 },
      { order_date: '2023-05-05', customer_id: 'A', region: 'E', revenue: 155 }, // last year's MTD
      { order_date: '2023-05-20', customer_id: 'A', region: 'E', revenue: 999 }, // after last year's T: not in YoY
      // The data starts on 2023-01-01, last year's YTD start: every year-ago range is covered (§1).
      { order_date: '2023-01-01', customer_id: 'B', region: 'W', revenue: 0 },
    ]);
    await createTable(db, 'plan', [
      { period: '2024-05', customer_id: 'A', plan_revenue: 620 },
      { period: '2024-06', customer_id: 'A', plan_revenue: 300 },
      { period: '2024-02', customer_id: 'B', plan_revenue: 100 },
    ]);
    const r = (await runTargets(db, defaultParams(), 'region'))!;
    // T = 2024-05-10. MTD actual 310, plan 620 → 50 %; prorated 620 × 10/31 = 200 → 155 %; gap 310.
    const mtd = r.total.ranges.mtd;
    expect(mtd).toMatchObject({ actual: 310, plan: 620, planProrated: 200, gap: 310, lastYear: 155, yoy: 1 });
    expect(mtd.fulfilment).toBeCloseTo(0.5, 12);
    expect(mtd.fulfilmentProrated).toBeCloseTo(1.55, 12);
    // QTD: 410 vs plan (May + Jun) 920. YTD: 610 vs 1020; run-rate 610 / 131 × 366.
    expect(r.total.ranges.qtd).toMatchObject({ actual: 410, plan: 920 });
    expect(r.total.ranges.ytd).toMatchObject({ actual: 610, plan: 1020, lastYear: 155 });
    expect(r.runRate).toBeCloseTo((610 / 131) * 366, 9);
    expect(r.lines.map((l) => [l.key, l.ranges.ytd.actual, l.ranges.ytd.plan])).toEqual([
      ['E', 410, 920],
      ['W', 200, 100],
    ]);
  });

  it('has no plan figures without a plan table', async () => {
    await db.exec('DROP TABLE plan');
    const r = (await runTargets(db, defaultParams()))!;
    expect(r.hasPlan).toBe(false);
    expect(r.total.ranges.ytd).toMatchObject({ plan: null, fulfilment: null, gap: null });
  });
});

describe('target decomposition (analytics.md §8)', () => {
  it('splits by last year seasonality and line shares; adjustments keep the total', () => {
    // Lines: E 300, W 100, X −50 (counts as 0) → shares .75, .25, 0. Target 1200.
    // W +100 %: weights .75, .5, 0 → targets 1200 × .6 = 720, 480, 0.
    const months = [100, 100, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0]; // shares .25, .25, .5
    const r = decompose(
      { year: 2025, target: 1200, method: 'seasonal', dimension: 'region', adjustments: { W: 1 } },
      [
        { key: 'E', revenue: 300 },
        { key: 'W', revenue: 100 },
        { key: 'X', revenue: -50 },
      ],
      months,
    );
    expect(r.monthShares.slice(0, 3)).toEqual([0.25, 0.25, 0.5]);
    expect(r.lines.map((l) => [l.key, l.share, l.baseTarget, l.target])).toEqual([
      ['E', 0.75, 900, 720],
      ['W', 0.25, 300, 480],
      ['X', 0, 0, 0],
    ]);
    expect(r.lines[0].months.slice(0, 3)).toEqual([180, 180, 360]);
    expect(r.lines.reduce((s, l) => s + l.target, 0)).toBeCloseTo(1200, 9);
  });

  it('falls back to even months when last year is empty, and computes the 3-month baseline', async () => {
    await createTable(db, 'sales', [
      { order_date: '2024-01-05', customer_id: 'A', region: 'E', revenue: 30 },
      { order_date: '2024-02-05', customer_id: 'A', region: 'E', revenue: 60 },
      { order_date: '2024-04-05', customer_id: 'A', region: 'E', revenue: 90 },
      { order_date: '2024-05-05', customer_id: 'A', region: 'E', revenue: 10 },
    ]);
    const r = await runDecomposition(db, defaultParams(), {
      year: 2024,
      target: 120,
      method: 'seasonal',
      dimension: 'region',
      adjustments: {},
    });
    expect(r.seasonalFallback).toBe(true);
    expect(r.monthShares.every((s) => s === 1 / 12)).toBe(true);
    // Baseline over the dense months Jan–May: April = mean(Jan 30, Feb 60, Mar 0) = 30; May = mean(60, 0, 90) = 50.
    expect(r.baseline).toEqual([
      { month: '2024-01', revenue: 30, ma3: null },
      { month: '2024-02', revenue: 60, ma3: null },
      { month: '2024-03', revenue: 0, ma3: null },
      { month: '2024-04', revenue: 90, ma3: 30 },
      { month: '2024-05', revenue: 10, ma3: 50 },
    ]);
  });
});
