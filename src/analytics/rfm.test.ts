import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { defaultParams } from './params';
import { runRfm, segmentOf, unusedScores } from './rfm';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const row = (c: string, d: string, o: string | null, rev: number, gp: number | null = null): FixtureRow => ({
  customer_id: c,
  order_date: d,
  order_id: o,
  revenue: rev,
  gross_profit: gp,
  cost: gp === null ? null : rev - gp,
});

describe('RFM (analytics.md §7)', () => {
  it('segments every R×F combination as the spec lists them', () => {
    const grid = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((f) => segmentOf(r, f)));
    expect(grid).toEqual([
      ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
      ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
      ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
      ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
      ['new', 'potential_loyalist', 'potential_loyalist', 'champion', 'champion'],
    ]);
  });

  it('names the scores no customer has and the tie that skipped them', async () => {
    // T = 2024-12-31. Six customers with one order each, two with three: p_F = 0 for the six
    // (score 1) and 6/8 for the two (score 4): F 2, 3 and 5 are empty.
    const rows = [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((c, i) => row(c, `2024-12-${10 + i}`, `${c}1`, 100 + i)),
      ...['g', 'h'].flatMap((c) => [1, 2, 3].map((k) => row(c, `2024-0${k}-15`, `${c}${k}`, 50))),
    ];
    await createTable(db, 'sales', rows);
    const r = (await runRfm(db, { ...defaultParams(), as_of: '2024-12-31' }))!;
    expect(new Set(r.rows.map((x) => x.fScore))).toEqual(new Set([1, 4]));
    // Every R score is used (recency: seven distinct values), so only F is named.
    expect(new Set(r.rows.map((x) => x.rScore)).size).toBe(5);
    // F 2 and 3 are skipped by the six customers with one order (p jumps from 0 to 6/8), F 5 by
    // the two with three orders (the last group, p = 6/8 < 4/5).
    expect(unusedScores(r.rows)).toEqual([
      { axis: 'f', scores: [2, 3], value: 1, count: 6, score: 1 },
      { axis: 'f', scores: [5], value: 3, count: 2, score: 4 },
    ]);
    expect(unusedScores([])).toEqual([]);
  });

  it('scores a hand-worked table', async () => {
    // T = 2024-12-31, window 2024-01-01 … T. Included (M > 0): a, b, c, d, g → n = 5.
    //  id  R (days)  F  M      p_R = #(R > x)/5  p_F = #(F < x)/5  p_M = #(M < x)/5  scores  segment
    //  a   0         3  300    3/5 → 4           4/5 → 5           3/5 → 4           4 5 4   loyal
    //  b   10        2  1000   2/5 → 3           3/5 → 4           4/5 → 5           3 4 5   loyal
    //  c   90        1  50     1/5 → 2           0   → 1           0   → 1           2 1 1   hibernating
    //  d   305       1  150    0   → 1           0   → 1           2/5 → 3           1 1 3   hibernating (a return nets M, is no purchase)
    //  g   0         1  100    3/5 → 4           0   → 1           1/5 → 2           4 1 2   promising (two lines, one order)
    // e nets to 0 (left out); f bought before the window (left out).
    await createTable(db, 'sales', [
      row('a', '2024-12-31', 'o1', 100),
      row('a', '2024-12-01', 'o2', 100),
      row('a', '2024-11-01', 'o3', 100),
      row('b', '2024-12-21', 'o4', 500),
      row('b', '2024-06-01', 'o5', 500),
      row('c', '2024-10-02', 'o6', 50),
      row('d', '2024-03-01', 'o7', 200),
      row('d', '2024-04-01', 'o8', -50),
      row('e', '2024-01-01', 'o9', 100),
      row('e', '2024-02-01', 'o9r', -100),
      row('f', '2023-12-31', 'o10', 1000),
      row('g', '2024-12-31', 'o11', 60),
      row('g', '2024-12-31', 'o11', 40),
    ]);
    const r = (await runRfm(db, defaultParams()))!;
    expect(r.windowStart).toBe('2024-01-01');
    expect(
      r.rows.map((x) => [
        x.customerId,
        x.recencyDays,
        x.frequency,
        x.monetary,
        x.rScore,
        x.fScore,
        x.mScore,
        x.segment,
      ]),
    ).toEqual([
      ['a', 0, 3, 300, 4, 5, 4, 'loyal'],
      ['b', 10, 2, 1000, 3, 4, 5, 'loyal'],
      ['c', 90, 1, 50, 2, 1, 1, 'hibernating'],
      ['d', 305, 1, 150, 1, 1, 3, 'hibernating'],
      ['g', 0, 1, 100, 4, 1, 2, 'promising'],
    ]);
    expect(r.segments.find((s) => s.segment === 'loyal')).toEqual({
      segment: 'loyal',
      count: 2,
      monetary: 1300,
    });
    expect(r.grid.find((c) => c.r === 4 && c.f === 5)).toMatchObject({ count: 1, monetary: 300 });
  });

  it('scores M values equal at 12 significant digits as a tie (§0)', async () => {
    // a buys 0.10 + 0.20 in one order, b 0.30, c 0.50, e 0.3000000015 (n = 4). In doubles
    // a's M is 0.30000000000000004 and b's 0.3: the same amount, so neither counts as below
    // the other. p_M = #(M < x)/4 at 12 digits: a 0, b 0 → 1; e 2/4 (a, b) → 3; c 3/4 → 4.
    // Exact comparison would give a 1/4 → 2 (the reference implementation found this).
    await createTable(db, 'sales', [
      row('a', '2024-12-31', 'o1', 0.1),
      row('a', '2024-12-31', 'o1', 0.2),
      row('b', '2024-12-31', 'o2', 0.3),
      row('c', '2024-12-31', 'o3', 0.5),
      row('e', '2024-12-31', 'o4', 0.3000000015),
    ]);
    const r = (await runRfm(db, defaultParams()))!;
    expect(r.rows.map((x) => [x.customerId, x.mScore])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 4],
      ['e', 3],
    ]);
  });

  it('ties large M values that differ by more than 1e-9 but not at 12 digits', async () => {
    // a: 12345678.10 + 0.20 = 12345678.299999999 in doubles, b: 12345678.30 (1.9e-9 more), c: 5.
    // At 12 significant digits a and b are both 12345678.3000: p_M = #(M < x)/3: c 0 → 1;
    // a, b 1/3 → 2. An absolute 1e-9 tolerance would put a below b (b 2/3 → 4).
    await createTable(db, 'sales', [
      row('a', '2024-12-31', 'o1', 12345678.1),
      row('a', '2024-12-31', 'o1', 0.2),
      row('b', '2024-12-31', 'o2', 12345678.3),
      row('c', '2024-12-31', 'o3', 5),
    ]);
    const r = (await runRfm(db, defaultParams()))!;
    expect(r.rows.map((x) => [x.customerId, x.monetary, x.mScore])).toEqual([
      ['a', 12345678.1 + 0.2, 2],
      ['b', 12345678.3, 2],
      ['c', 5, 1],
    ]);
  });

  it('counts purchase dates without order ids and subtracts prorated cost to serve', async () => {
    await createTable(db, 'sales', [
      row('a', '2024-12-31', null, 100, 40),
      row('a', '2024-12-31', null, 50, 10),
      row('a', '2024-11-30', null, 100, 30),
    ]);
    await createTable(db, 'customers', [{ customer_id: 'a', cost_to_serve: 24 }]);
    const p = defaultParams();
    p.rfm.window_months = 6;
    const r = (await runRfm(db, p))!;
    expect(r.frequencyBasis).toBe('date');
    // F = 2 purchase dates; GP 80 − cost to serve 24 × 6/12 = 68.
    expect(r.rows[0]).toMatchObject({ frequency: 2, monetary: 250, grossProfit: 80, netValue: 68 });
    await db.exec('DROP TABLE customers');
  });
});
