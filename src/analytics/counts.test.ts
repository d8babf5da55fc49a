import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { runKpi } from './kpi';
import { runLifecycle } from './lifecycle';
import { runOverview } from './overview';
import { defaultParams } from './params';
import { runPareto } from './pareto';
import { runPerformance } from './performance';
import { runRfm } from './rfm';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const sale = (c: string | null, d: string, rev: number, qty: number | null = 1): FixtureRow => ({
  customer_id: c,
  order_date: d,
  order_id: `${c}-${d}-${rev}`,
  revenue: rev,
  quantity: qty,
  product_id: 'p1',
});

/**
 * The customer counts of docs/analytics.md "Customer counts", on one table. Period 2024-01-01 …
 * 2024-12-31 (T = the last order date), so the RFM window (12 months ending T) is the period.
 *  id    rows                                      net in period   counted by
 *  a     2 purchases in the period                  +300          all
 *  b     purchase 100, return −100 (qty +1, −1)      0            withSales, lifecycle
 *  c     purchase 50, return −80                    −30           withSales, lifecycle, KPI
 *  d     returned goods only, revenue 0, qty 2       0            withSales, lifecycle, KPI
 *  e     a purchase in 2023 only                     –            lifecycle (lost)
 *  f     plan 500 in 2024-03, no sales               –            KPI (plan > 0)
 *  g     customers master only                       –            lifecycle (potential)
 *  NULL  a walk-in sale of 70 in the period          –            nobody (no customer)
 */
describe('customer counts (docs/analytics.md)', () => {
  it('count each population once, and the same population the same on every page', async () => {
    await createTable(db, 'sales', [
      sale('a', '2024-02-01', 100),
      sale('a', '2024-12-31', 200),
      sale('b', '2024-03-01', 100),
      sale('b', '2024-03-05', -100, -1),
      sale('c', '2024-04-01', 50),
      sale('c', '2024-04-02', -80, -1),
      sale('d', '2024-05-01', 0, 2),
      sale('e', '2023-06-01', 40),
      sale(null, '2024-06-01', 70),
    ]);
    await createTable(db, 'plan', [{ period: '2024-03', customer_id: 'f', plan_revenue: 500 }]);
    await createTable(db, 'customers', [{ customer_id: 'g' }]);
    const p = defaultParams();
    const overview = (await runOverview(db, p))!;
    const pareto = (await runPareto(db, p, 'customer'))!;
    const perf = (await runPerformance(db, p, { entity: 'customer' }))!;
    const lifecycle = (await runLifecycle(db, p))!;
    const kpi = (await runKpi(db, p))!;
    const rfm = (await runRfm(db, p))!;
    expect(overview.period.start).toBe('2024-01-01');
    expect(rfm.windowStart).toBe(overview.period.start);
    expect(rfm.periodStart).toBe(overview.period.start);

    // Customers with net revenue > 0 in the period: a. The Overview card and RFM (window = period).
    expect(overview.current.customers).toBe(1);
    expect(rfm.rows.map((r) => r.customerId)).toEqual(['a']);
    // Customers with a sales row in the period: a, b, c, d. Pareto and the Customers table.
    expect(pareto.n).toBe(4);
    expect(perf.rows.map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    // A sales row up to T (all history) plus master-only: a, b, c, d, e, g.
    expect(lifecycle.customers.map((c) => c.customerId).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'g']);
    // Scored: revenue or quantity ≠ 0, or plan > 0: a, c (−30), d (qty 2), f (plan). Not b (0 and 0).
    expect(kpi.rows.map((r) => r.customerId).sort()).toEqual(['a', 'c', 'd', 'f']);
  });

  it('RFM keeps its own window when the period is longer, and says where the period starts', async () => {
    // Period from 2023-06 (19 months): the Overview counts e (40 in 2023-06) as well; the RFM
    // window is still the 12 months ending T, so e is not in it.
    const p = defaultParams();
    p.period_start = '2023-06-01';
    const overview = (await runOverview(db, p))!;
    const rfm = (await runRfm(db, p))!;
    expect(overview.current.customers).toBe(2);
    expect(rfm.windowStart).toBe('2024-01-01');
    expect(rfm.periodStart).toBe('2023-06-01');
    expect(rfm.rows).toHaveLength(1);
  });
});
