import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../test/helpers/demo';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { keyAccountFactorsCsv, keyAccountsCsv } from '../results/key-account-files';
import { datasetCaps, resolvePeriod } from './common';
import { keyAccountsFrom, runKeyAccountInputs, runKeyAccounts } from './key-accounts';
import { runForecast } from './forecast/forecast';
import { runKpi } from './kpi';
import { defaultParams, type Params } from './params';
import { runSatisfactionFor } from './satisfaction';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const sale = (
  d: string,
  c: string | null,
  order: string | null,
  rev: number,
  rep: string | null,
  qty: number | null = null,
): FixtureRow => ({
  order_date: d,
  customer_id: c,
  order_id: order,
  revenue: rev,
  sales_rep: rep,
  quantity: qty,
});

/*
 * Period 2024-04-01 … 2024-06-30 (3 months); previous period 2024-01-01 … 2024-03-31, covered
 * (the data starts on 2024-01-01).
 *
 *   A  prev: O1 100 (Jan).  now: O2 200 (Apr, R1, 2 units), O3 100 (May, R1, 1 unit), O4 50 (May, R2)
 *      → revenue 350, orders 3, growth (350 − 100)/100 = 2.5, active Apr, May → stability 2/3,
 *        quantity 3; rep R1 (300 against R2's 50). Stage: cur 350 vs prev 100 → growth, 100 points.
 *   B  now: O5 300, credit note C5 −100 (June, R2) → revenue 200, orders 1 (C5 nets below 0),
 *      growth null (previous 0), stability 1/3; first month June → new, 60 points.
 *   C  rows without order id: 40 + 10 on 04-03, 20 on 04-05 → revenue 70, orders 2 purchase days;
 *      no rep; first month April, 2 months before June → new, 60.
 *   D  a return only (−50): revenue ≤ 0, not ranked.
 *   E  bought in February (R2); a plan in April, no sales in the period: not ranked, but its plan
 *      is R2's (the rep of its latest row).
 *   A row without a customer (999, R1): in R1's revenue, in no customer.
 */
const SALES: FixtureRow[] = [
  sale('2024-01-01', 'A', 'O1', 100, 'R1'),
  sale('2024-02-01', 'E', 'O0', 80, 'R2'),
  sale('2024-04-10', 'A', 'O2', 200, 'R1', 2),
  sale('2024-05-10', 'A', 'O3', 100, 'R1', 1),
  sale('2024-05-20', 'A', 'O4', 50, 'R2'),
  sale('2024-06-01', 'B', 'O5', 300, 'R2'),
  sale('2024-06-02', 'B', 'C5', -100, 'R2'),
  sale('2024-04-03', 'C', null, 40, null),
  sale('2024-04-03', 'C', null, 10, null),
  sale('2024-04-05', 'C', null, 20, null),
  sale('2024-04-07', 'D', 'R9', -50, null),
  sale('2024-04-08', null, 'W1', 999, 'R1'),
];

const params = (ka: Partial<Params['key_accounts']> = {}): Params => {
  const p = defaultParams();
  p.period_start = '2024-04-01';
  p.as_of = '2024-06-30';
  p.key_accounts = { ...p.key_accounts, ...ka };
  return p;
};

describe('key accounts over SQL (analytics.md §11), a hand-worked table', () => {
  beforeAll(async () => {
    await createTable(db, 'sales', SALES);
    await createTable(db, 'plan', [
      { period: '2024-04', customer_id: 'A', plan_revenue: 200 },
      { period: '2024-05', customer_id: 'A', plan_revenue: 200 },
      { period: '2024-04', customer_id: 'E', plan_revenue: 100 },
    ]);
    // The snapshot of 2024-06-30 counts (the March one is older).
    await createTable(db, 'receivables', [
      { customer_id: 'A', as_of_date: '2024-03-31', outstanding: 100, overdue_amount: 100 },
      { customer_id: 'A', as_of_date: '2024-06-30', outstanding: 100, overdue_amount: 25 },
      { customer_id: 'B', as_of_date: '2024-06-30', outstanding: 0, overdue_amount: 0 },
    ]);
    await createTable(db, 'customers', [
      { customer_id: 'A', cost_to_serve: 10, scope: '全国性', partnership: '战略合作伙伴' },
      { customer_id: 'B', cost_to_serve: 5, scope: '地区性' },
    ]);
  });

  it('computes each factor per customer with revenue > 0', async () => {
    const inputs = (await runKeyAccountInputs(db, params(), { forecast: false }))!;
    const t = inputs.now.table;
    expect(t.ids).toEqual(['A', 'B', 'C']);
    expect(t.revenue).toEqual([350, 200, 70]);
    expect(t.values.orders).toEqual([3, 1, 2]);
    expect(t.values.growth).toEqual([2.5, null, null]);
    expect(t.values.stability).toEqual([2 / 3, 1 / 3, 1 / 3]);
    expect(t.values.stage).toEqual([100, 60, 60]);
    expect(t.values.quantity).toEqual([3, null, null]);
    // overdue / outstanding at 2024-06-30; 0 without an outstanding balance there (B 0, C no row).
    expect(t.values.overdue_share).toEqual([0.25, 0, 0]);
    expect(t.values.cost_to_serve).toEqual([10, 5, null]);
    expect(t.scope).toEqual(['全国性', '地区性', null]);
    expect(t.partnership).toEqual(['战略合作伙伴', null, null]);
    expect(inputs.subclasses).toEqual({ scope: true, partnership: true });
    expect(inputs.now.receivablesAsOf).toBe('2024-06-30');
    expect(t.unavailable).toMatchObject({
      revenue: null,
      gross_profit: 'no_cost',
      price_index: 'no_quantity_or_product',
      satisfaction: 'no_survey',
      p_alive: 'not_computed',
      growth: null,
    });
    // The previous period: A (100) and E (80); its own previous period (2023-Q4) is not covered.
    expect(inputs.before!.table.ids).toEqual(['A', 'E']);
    expect(inputs.before!.table.unavailable.growth).toBe('previous_not_covered');
  });

  it('scores the default standard: gross profit left out, the rest rescaled', async () => {
    const r = (await runKeyAccounts(db, params({ mode: 'threshold' })))!;
    // revenue 30, orders 15, growth 10, stage 10, overdue 10 of 75 → 40, 20, 13⅓, 13⅓, 13⅓.
    expect(r.scored.applied.map((a) => [a.factor, a.weight])).toEqual([
      ['revenue', 40],
      ['orders', 20],
      ['growth', (10 * 100) / 75],
      ['stage', (10 * 100) / 75],
      ['overdue_share', (10 * 100) / 75],
    ]);
    expect(r.scored.dropped).toEqual([{ factor: 'gross_profit', given: 25, reason: 'no_cost' }]);
    // s: revenue C 0, B ½, A 1; orders B 0, C ½, A 1; growth A 1 (alone), B and C null → 0;
    // stage B, C tie (rank 1.5) → ¼, A 1; overdue (lower): A 0, B and C tie → ¾.
    // A = 40 + 20 + 13⅓ + 13⅓ + 0 = 86⅔; B = 20 + 0 + 0 + 3⅓ + 10 = 33⅓; C = 0 + 10 + 0 + 3⅓ + 10 = 23⅓.
    const score = Object.fromEntries(r.scored.rows.map((x) => [x.customerId, x.score]));
    expect(score.A).toBeCloseTo(86 + 2 / 3, 10);
    expect(score.B).toBeCloseTo(33 + 1 / 3, 10);
    expect(score.C).toBeCloseTo(23 + 1 / 3, 10);
    // Threshold 80 / 60: A strategic, the others regular.
    expect(r.scored.rows.map((x) => [x.customerId, x.rank, x.tier])).toEqual([
      ['A', 1, 'strategic'],
      ['B', 2, 'regular'],
      ['C', 3, 'regular'],
    ]);
    // The previous period, same standard: growth is left out there too (2023-Q4 not covered), so
    // revenue 30, orders 15, stage 10, overdue 10 of 65. A 100 vs E 80: revenue A 1, E 0; orders
    // 1 each and stage new (60) each tie at ½; overdue at 2024-03-31 A 100 % → 0, E 0 → 1.
    // A = (30 + 7.5 + 5 + 0) × 100/65 = 65.38 → key; E = (0 + 7.5 + 5 + 10) × 100/65 = 34.62.
    expect(r.scoredBefore!.rows.map((x) => [x.customerId, x.tier])).toEqual([
      ['A', 'key'],
      ['E', 'regular'],
    ]);
    expect(r.scoredBefore!.rows[0].score).toBeCloseTo((42.5 * 100) / 65, 10);
    // A moved key → strategic (a key account both times): nothing gained or lost.
    expect(r.changes).toEqual({
      gained: [],
      lost: [],
      matrix: [
        { from: 'key', to: 'strategic', count: 1 },
        { from: 'regular', to: 'gone', count: 1 },
        { from: 'new', to: 'regular', count: 2 },
      ],
    });
  });

  it('gives the sales team: revenue of its rows, its customers, plan fulfilment, overdue share', async () => {
    const r = (await runKeyAccounts(db, params({ mode: 'threshold' })))!;
    const team = Object.fromEntries(r.teamRows!.map((t) => [t.rep ?? '-', t]));
    // R1: A's O2 + O3 and the row without a customer = 1,299; its customer A (plan 400, actual 350).
    expect(team.R1).toMatchObject({
      revenue: 1299,
      customers: 1,
      keyAccounts: 1,
      strategic: 1,
      planFulfilment: 350 / 400,
      overdueShare: 0.25,
      customerIds: ['A'],
    });
    // R2: A's O4 50 + B 300 − 100 = 250; customers B (ranked) and E (plan 100, no sales: 0 / 100).
    expect(team.R2).toMatchObject({
      revenue: 250,
      customers: 1,
      keyAccounts: 0,
      planFulfilment: 0,
      overdueShare: null,
      customerIds: ['B', 'E'],
    });
    // Rows without a rep: C 70 and D −50.
    expect(team['-']).toMatchObject({ revenue: 20, customers: 1, customerIds: ['C'] });
    expect(r.teamRows!.map((t) => t.rep)).toEqual(['R1', 'R2', null]);
  });

  it('writes key_accounts.csv and key_account_factors.csv in the order of outputs.md', async () => {
    const r = (await runKeyAccounts(
      db,
      params({
        factors: [
          ['orders', 50],
          ['cost_to_serve', 50],
        ],
      }),
    ))!;
    // orders B 0, C ½, A 1; cost to serve (lower): B 5 → 1, A 10 → 0, C null → 0.
    // A 50, B 50, C 25: A and B tie, A has more revenue.
    expect(keyAccountsCsv(r)).toBe(
      [
        'customer_id,revenue,score,rank,tier,scope,partnership',
        'A,350,50,1,regular,全国性,战略合作伙伴',
        'B,200,50,2,regular,地区性,',
        'C,70,25,3,regular,,',
        '',
      ].join('\n'),
    );
    expect(keyAccountFactorsCsv(r)).toBe(
      [
        'customer_id,factor,value,score,weight,part',
        'A,orders,3,1,50,50',
        'A,cost_to_serve,10,0,50,0',
        'B,orders,1,0,50,0',
        'B,cost_to_serve,5,1,50,50',
        'C,orders,2,0.5,50,25',
        'C,cost_to_serve,,0,50,0',
        '',
      ].join('\n'),
    );
  });

  it('does not cover the previous period when the data starts later: no changes', async () => {
    const p = params();
    p.period_start = '2024-01-01';
    p.as_of = '2024-06-30';
    const r = (await runKeyAccounts(db, p))!;
    expect(r.previous.covered).toBe(false);
    expect(r.changes).toBeNull();
    expect(r.now.table.unavailable.growth).toBe('previous_not_covered');
  });
});

describe('key accounts on the demo data', () => {
  beforeAll(async () => {
    for (const t of ['sales', 'plan', 'receivables', 'customers', 'inventory', 'survey', 'survey_items'])
      await db.exec(`DROP TABLE IF EXISTS ${t}`);
    await loadDemo(db);
  }, 120_000);

  it('takes stability and price index from §6 (R4, R3) and ranks every customer with revenue > 0', async () => {
    const p = defaultParams();
    const inputs = (await runKeyAccountInputs(db, p, { forecast: false }))!;
    const kpi = (await runKpi(db, p, { compare: false }))!;
    const r = new Map(kpi.rows.map((x) => [x.customerId, x.r]));
    const t = inputs.now.table;
    t.ids.forEach((id, k) => {
      expect(t.values.stability[k], id).toBe(r.get(id)![3]);
      expect(t.values.price_index[k], id).toBe(r.get(id)![2]);
    });
    expect(t.revenue.every((v) => v > 1e-9)).toBe(true);
    expect(Object.values(t.unavailable).filter((x) => x === null).length).toBeGreaterThanOrEqual(10);
    // A standard change re-scores without a query: same inputs, another standard.
    const a = keyAccountsFrom(inputs, p.key_accounts);
    const b = keyAccountsFrom(inputs, { ...p.key_accounts, factors: [['revenue', 100]] });
    expect(a.scored.rows.length).toBe(b.scored.rows.length);
    expect(b.scored.rows[0].revenue).toBe(Math.max(...t.revenue));
    // The demo's survey: the satisfaction factor is the current wave's customer index of §12.
    const sat = await runSatisfactionFor(db, p, (await resolvePeriod(db, p))!);
    const index = new Map(
      sat.customers
        .filter((c) => c.wave === sat.current && c.matchedBy !== null)
        .map((c) => [c.customerId, c.index]),
    );
    expect(inputs.now.wave).toBe(sat.current);
    expect(t.unavailable.satisfaction).toBeNull();
    t.ids.forEach((id, k) => expect(t.values.satisfaction[k], id).toBe(index.get(id) ?? null));
    expect(t.values.satisfaction.filter((v) => v !== null).length).toBeGreaterThan(20);
    // The value forecast's factors, when the standard uses them: §10's p_alive and expected value.
    const withForecast = (await runKeyAccountInputs(db, p, { forecast: true }))!;
    const fc = new Map((await runForecast(db, p))!.rows.map((x) => [x.customerId, x]));
    expect(withForecast.now.table.unavailable.p_alive).toBeNull();
    withForecast.now.table.ids.forEach((id, k) => {
      expect(withForecast.now.table.values.p_alive[k], id).toBe(fc.get(id)?.pAlive ?? null);
      expect(withForecast.now.table.values.expected_value[k], id).toBe(fc.get(id)?.expectedValue ?? null);
    });
    const period = (await resolvePeriod(db, p))!;
    expect(period.months).toBe(12);
    expect((await datasetCaps(db)).customers).toBe(true);
  });
});
