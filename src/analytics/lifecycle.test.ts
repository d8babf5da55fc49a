import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { runLifecycle } from './lifecycle';
import { defaultParams, type Params } from './params';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const M = (m: number) => `2024-${String(m).padStart(2, '0')}-15`;
/** One row per listed month with that revenue and cost. */
function rows(id: string, months: number[], revenue: number, cost: number): FixtureRow[] {
  return months.map((m) => ({
    order_date: M(m),
    customer_id: id,
    revenue,
    cost,
    gross_profit: revenue - cost,
  }));
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// T = 2024-12-31, W = 3: cur = Oct–Dec, prev = Jul–Sep, trailing 12 = Jan–Dec 2024.
const SALES: FixtureRow[] = [
  ...rows('A', range(1, 12), 100, 80), // cur 300 = prev 300 → change 0 → stable
  ...rows('B', [1], 50, 25),
  ...rows('B', [7, 8, 9], 100, 50),
  ...rows('B', [10, 11, 12], 120, 60), // (360 − 300)/300 = +0.20 hits the threshold → growth
  ...rows('C', [1], 50, 25),
  ...rows('C', [7, 8, 9], 100, 50),
  ...rows('C', [10, 11, 12], 80, 40), // (240 − 300)/300 = −0.20 hits the threshold → decline
  ...rows('D', [11], 200, 100), // first Nov: 1 month < 3 → new
  ...rows('E', [9, 10, 11, 12], 100, 50), // first Sep: 3 months, not < 3 → window: prev 100, cur 300 → growth
  ...rows('F', range(1, 6), 100, 50), // last Jun: 6 months ≥ 6 → lost
  ...rows('G', range(1, 7), 100, 50), // last Jul: 5 months; cur 0, prev 100 → decline
  ...rows('H', range(1, 12), 100, 110), // trailing GP −120 ≤ 0 → no_value
  ...rows('I', range(1, 12), 100, 80), // 120 days overdue on 2024-12-15 → problem
  ...rows('J', range(1, 12), 100, 80), // exactly 90 days overdue: not > 90 → stable
  { order_date: '2024-05-10', customer_id: 'K', revenue: -50, cost: -40, gross_profit: -10 }, // only a return → lost
  { order_date: '2025-01-05', customer_id: 'Q', revenue: 100, cost: 50, gross_profit: 50 }, // after T: not staged
];
const RECEIVABLES: FixtureRow[] = [
  { customer_id: 'I', as_of_date: '2024-12-15', outstanding: 800, overdue_amount: 500, days_overdue: 120 },
  { customer_id: 'J', as_of_date: '2024-12-15', outstanding: 800, overdue_amount: 500, days_overdue: 90 },
  // A later snapshot, after T: must not be used.
  { customer_id: 'J', as_of_date: '2025-01-15', outstanding: 800, overdue_amount: 500, days_overdue: 200 },
];
const CUSTOMERS: FixtureRow[] = ['A', 'B', 'P'].map((id) => ({ customer_id: id, customer_name: `Co ${id}` }));

const params = (over: Partial<Params['lifecycle']> = {}): Params => {
  const p = defaultParams();
  p.as_of = '2024-12-31';
  p.lifecycle = { ...p.lifecycle, ...over };
  return p;
};

async function load(options: { receivables?: boolean; cost?: boolean } = {}) {
  const sales = options.cost === false ? SALES.map((r) => ({ ...r, cost: null, gross_profit: null })) : SALES;
  await createTable(db, 'sales', sales);
  await db.exec('DROP TABLE IF EXISTS receivables');
  if (options.receivables !== false) await createTable(db, 'receivables', RECEIVABLES);
  await createTable(db, 'customers', CUSTOMERS);
}

describe('lifecycle (analytics.md §5)', () => {
  it('stages every customer by the first matching rule, with its figures', async () => {
    await load();
    const r = (await runLifecycle(db, params()))!;
    expect(r.asOf).toBe('2024-12-31');
    expect(r.previousAsOf).toBe('2024-09-30');
    const staged = Object.fromEntries(r.customers.map((c) => [c.customerId, [c.stage, c.rule]]));
    expect(staged).toEqual({
      A: ['stable', 'window'],
      B: ['growth', 'window'],
      C: ['decline', 'window'],
      D: ['new', 'new'],
      E: ['growth', 'window'],
      F: ['lost', 'lost'],
      G: ['decline', 'window'],
      H: ['no_value', 'no_value'],
      I: ['problem', 'problem'],
      J: ['stable', 'window'],
      K: ['lost', 'no_revenue'],
      P: ['potential', 'master_only'],
    });
    const b = r.customers.find((c) => c.customerId === 'B')!;
    expect(b).toMatchObject({
      firstMonth: '2024-01',
      lastMonth: '2024-12',
      cur: 360,
      prev: 300,
      trailingGp: 25 + 150 + 180,
    });
    expect(b.change).toBeCloseTo(0.2, 12);
    const d = r.customers.find((c) => c.customerId === 'D')!;
    expect(d).toMatchObject({ cur: 200, prev: 0, change: null, firstMonth: '2024-11' });
    const i = r.customers.find((c) => c.customerId === 'I')!;
    expect(i).toMatchObject({ overdueDays: 120, overdueAmount: 500 });
    expect(r.customers.find((c) => c.customerId === 'K')).toMatchObject({
      firstMonth: null,
      lastMonth: null,
    });
    expect(r.customers.some((c) => c.customerId === 'Q')).toBe(false);
  });

  it('counts stages with their period revenue', async () => {
    await load();
    const r = (await runLifecycle(db, params()))!;
    const counts = Object.fromEntries(r.stages.map((s) => [s.stage, s.count]));
    expect(counts).toEqual({
      potential: 1,
      new: 1,
      growth: 2,
      stable: 2,
      decline: 2,
      problem: 1,
      no_value: 1,
      lost: 2,
    });
    // Period 2024-01 … 2024-12: lost = F 600 + K −50.
    expect(r.stages.find((s) => s.stage === 'lost')!.revenue).toBe(550);
  });

  it('gives the transition matrix from T − W to T', async () => {
    await load();
    const r = (await runLifecycle(db, params()))!;
    // At 2024-09-30: A, J stable; B, C growth (prev Apr–Jun 0, cur > 0); E new; F, G decline;
    // H no_value; I stable (no snapshot on or before that date); K lost; D not yet a customer.
    const t = Object.fromEntries(r.transitions.map((x) => [`${x.from}>${x.to}`, x.count]));
    expect(t).toEqual({
      'null>new': 1,
      'new>growth': 1,
      'growth>growth': 1,
      'growth>decline': 1,
      'stable>stable': 2,
      'stable>problem': 1,
      'decline>decline': 1,
      'decline>lost': 1,
      'no_value>no_value': 1,
      'lost>lost': 1,
    });
  });

  it('gives stage counts month by month', async () => {
    await load();
    const r = (await runLifecycle(db, params()))!;
    const jan = r.history.filter((h) => h.month === '2024-01');
    // In January every customer with rows is new, except H whose trailing GP is already < 0.
    expect(Object.fromEntries(jan.map((h) => [h.stage, h.count]))).toEqual({ new: 7, no_value: 1 });
    const dec = r.history.filter((h) => h.month === '2024-12').reduce((s, h) => s + h.count, 0);
    expect(dec).toBe(11);
  });

  it('skips the problem rule without receivables, and uses revenue without cost', async () => {
    await load({ receivables: false, cost: false });
    const r = (await runLifecycle(db, params()))!;
    expect(r.receivablesUsed).toBe(false);
    expect(r.basis).toBe('revenue');
    const stage = (id: string) => r.customers.find((c) => c.customerId === id)!.stage;
    expect(stage('I')).toBe('stable');
    expect(stage('H')).toBe('stable'); // trailing revenue 1200 > 0
    expect(stage('K')).toBe('lost');
  });

  it('respects changed thresholds', async () => {
    await load();
    const r = (await runLifecycle(db, params({ lost_months: 7, growth_threshold: 0.25, new_months: 4 })))!;
    const stage = (id: string) => r.customers.find((c) => c.customerId === id)!.stage;
    expect(stage('F')).toBe('decline'); // 6 < 7 months: not lost; cur 0, prev 0 → decline
    expect(stage('B')).toBe('stable'); // +0.20 < +0.25
    expect(stage('E')).toBe('new'); // 3 < 4
  });
});
