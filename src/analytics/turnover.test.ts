import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { defaultParams, type Params } from './params';
import { byContribution, median, runTurnover, type TurnoverRow } from './turnover';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const sale = (d: string, p: string, qty: number, rev: number, cost: number): FixtureRow => ({
  order_date: d,
  customer_id: 'C',
  product_id: p,
  quantity: qty,
  revenue: rev,
  cost,
  gross_profit: rev - cost,
});
const SALES = [
  sale('2024-01-10', 'P1', 20, 200, 120),
  sale('2024-02-10', 'P1', 20, 200, 120),
  sale('2024-03-10', 'P1', 10, 100, 60), // March has no stock row for P1: not in its turnover
  sale('2024-01-10', 'P2', 5, 150, 75),
  sale('2024-02-10', 'P2', 5, 150, 75),
  sale('2024-03-10', 'P2', 10, 300, 150),
  sale('2024-01-10', 'P3', 2, 100, 90),
  sale('2024-01-10', 'P4', 4, 200, 100), // no inventory rows at all
  sale('2024-01-10', 'P6', 3, 90, 60),
  sale('2024-01-20', 'P6', -4, -120, -80), // the return outweighs the sale
];
const inv = (m: string, p: string, opening: number, closing: number): FixtureRow => ({
  period: m,
  product_id: p,
  opening,
  closing,
});
const INVENTORY = [
  inv('2024-01', 'P1', 10, 30),
  inv('2024-02', 'P1', 30, 10),
  inv('2024-01', 'P2', 20, 20),
  inv('2024-02', 'P2', 20, 20),
  inv('2024-03', 'P2', 20, 20),
  inv('2024-01', 'P3', 0, 0),
  inv('2024-02', 'P5', 40, 0),
  inv('2024-01', 'P6', 10, 10),
  inv('2023-12', 'P1', 99, 99), // before the period
];

const params = (basis: Params['turnover']['basis'] = 'auto'): Params => {
  const p = defaultParams();
  p.period_start = '2024-01-01';
  p.as_of = '2024-03-31';
  p.turnover.basis = basis;
  return p;
};

describe('turnover, cross and contribution ratios (analytics.md §4)', () => {
  it('computes every ratio and quadrant on a hand-worked table', async () => {
    await createTable(db, 'sales', SALES);
    await createTable(db, 'inventory', INVENTORY);
    const r = (await runTurnover(db, params()))!;
    // Units basis (inventory in units, quantities known). Σ max(revenue, 0) = 500+600+100+200+0 = 1400.
    //  P1: stock months Jan, Feb: avg = ((10+30)/2 + (30+10)/2)/2 = 20; units in those months 40 → turnover 2;
    //      margin 200/500 = .4 → cross .8; share 500/1400; contribution .8 × 500/1400.
    //  P2: avg 20, units 20 → 1; margin .5 → cross .5; share 600/1400.
    //  P3: avg 0 → turnover null (no stock); P5: stock, no sales → turnover 0, margin null;
    //  P6: revenue −30 → margin null; turnover −1/10.
    // Quadrants over P1, P2: median margin .45, median turnover 1.5 → P1 high_turnover, P2 high_margin.
    expect(r.stockBasis).toBe('quantity');
    expect(r.salesBasis).toBe('quantity');
    expect(r.medianMargin).toBeCloseTo(0.45, 12);
    expect(r.medianTurnover).toBe(1.5);
    expect(r.rows.map((x) => [x.productId, x.avgInventory, x.turnover, x.marginRate, x.quadrant])).toEqual([
      ['P1', 20, 2, 0.4, 'high_turnover'],
      ['P2', 20, 1, 0.5, 'high_margin'],
      ['P3', 0, null, expect.closeTo(0.1, 12), null],
      ['P5', 20, 0, null, null],
      ['P6', 10, -0.1, null, null],
    ]);
    const p1 = r.rows[0];
    expect(p1.crossRatio).toBeCloseTo(0.8, 12);
    expect(p1.salesShare).toBeCloseTo(500 / 1400, 12);
    expect(p1.contribution).toBeCloseTo((0.8 * 500) / 1400, 12);
    expect(r.rows[2].noStock).toBe(true);
    expect(r.rows.find((x) => x.productId === 'P6')!.salesShare).toBeCloseTo(-30 / 1400, 12);
    expect(r.noStockData).toEqual([{ productId: 'P4', customerId: null, revenue: 200 }]);
    // Quadrant summary: P1 (500) high_turnover, P2 (600) high_margin; P3, P5, P6 have none.
    expect(r.quadrants).toEqual({
      promote: { count: 0, revenue: 0 },
      high_margin: { count: 1, revenue: 600 },
      high_turnover: { count: 1, revenue: 500 },
      review: { count: 0, revenue: 0 },
    });
  });

  it('stock without sales earned 0 gross profit (null only when cost is unknown)', async () => {
    // P5 has stock in February and no sale in the period: revenue 0 and gross profit 0 (it sold
    // nothing, so it earned nothing), margin null (revenue ≤ 0). Without cost in the data,
    // gross profit cannot be computed for any product: null.
    await createTable(db, 'sales', SALES);
    await createTable(db, 'inventory', INVENTORY);
    const withCost = (await runTurnover(db, params()))!.rows.find((x) => x.productId === 'P5')!;
    expect([withCost.revenue, withCost.grossProfit, withCost.marginRate]).toEqual([0, 0, null]);
    await createTable(
      db,
      'sales',
      SALES.map((x) => ({ ...x, cost: null, gross_profit: null })),
    );
    const noCost = (await runTurnover(db, params()))!.rows;
    expect(noCost.map((x) => x.grossProfit)).toEqual(noCost.map(() => null));
  });

  it('derives opening stock from the previous month end when only on-hand is given', async () => {
    await createTable(db, 'sales', SALES);
    // closing = on_hand; opening = previous month's on_hand (Dec 2023 for January).
    await createTable(db, 'inventory', [
      { period: '2023-12', product_id: 'P1', on_hand: 10 },
      { period: '2024-01', product_id: 'P1', on_hand: 30 },
      { period: '2024-02', product_id: 'P1', on_hand: 10 },
    ]);
    const r = (await runTurnover(db, params()))!;
    expect(r.rows.map((x) => [x.productId, x.avgInventory, x.turnover])).toEqual([['P1', 20, 2]]);
  });

  it('uses cost of goods sold against stock held at value', async () => {
    await createTable(db, 'sales', SALES);
    await createTable(db, 'inventory', [inv('2024-01', 'P1', 100, 140), inv('2024-02', 'P1', 140, 100)]);
    const r = (await runTurnover(db, params('value')))!;
    // COGS in Jan + Feb = 240; avg stock 120 → 2.
    expect(r.salesBasis).toBe('cogs');
    expect(r.rows[0].turnover).toBe(2);
  });

  it('orders by contribution at 12 significant digits, then product id (§0)', () => {
    // Q1's 0.1 × 3 and Q0's 0.3 are the same number computed two ways (0.30000000000000004 and
    // 0.3): a tie, so Q0 before Q1 by id; Q3's 0.31 first; Q2 without a contribution last.
    const row = (productId: string, contribution: number | null): TurnoverRow => ({
      productId,
      customerId: null,
      revenue: 0,
      grossProfit: null,
      marginRate: null,
      avgInventory: 1,
      turnover: null,
      crossRatio: null,
      salesShare: null,
      contribution,
      quadrant: null,
      noStock: false,
    });
    const rows = [row('Q2', null), row('Q1', 0.1 * 3), row('Q0', 0.3), row('Q3', 0.31)];
    expect(0.1 * 3).toBeGreaterThan(0.3);
    expect(rows.sort(byContribution).map((r) => r.productId)).toEqual(['Q3', 'Q0', 'Q1', 'Q2']);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
