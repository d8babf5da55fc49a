import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import type { Period } from './common';
import { defaultParams } from './params';
import { gini, runPareto, runParetoFor, type ParetoParams } from './pareto';

const period: Period = {
  start: '2024-01-01',
  asOf: '2024-12-31',
  months: 12,
  dataStart: '2023-06-01',
  dataEnd: '2024-12-31',
};
const params = (over: Partial<ParetoParams> = {}): ParetoParams => ({
  period,
  filters: defaultParams().filters,
  entity: 'customer',
  measure: 'revenue',
  abc: { a: 0.8, b: 0.95 },
  ...over,
});
const sale = (
  customer_id: string,
  revenue: number,
  order_date = '2024-06-15',
  extra: FixtureRow = {},
): FixtureRow => ({
  order_date,
  customer_id,
  revenue,
  ...extra,
});

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('Pareto / ABC (analytics.md §2)', () => {
  // Net revenue in 2024 per customer, P = 500+300+100+60+40 = 1000:
  //  rank id  v    share cum_before cum   class
  //  1    C1  500  .50   0          .50   A   (550 sale − 50 return; a 2023 row is outside the period)
  //  2    C2  300  .30   .50        .80   A   (crosses a = .80 exactly at its cum → still A)
  //  3    C3  100  .10   .80        .90   B   (cum_before = .80 hits a exactly: not < a → B)
  //  4    C4   60  .06   .90        .96   B
  //  5    C5   40  .04   .96       1.00   C   (cum_before .96 ≥ b)
  //  6    C7    0  0     1.00      1.00   C   (v ≤ 0)
  //  7    C6  −20  0     1.00      1.00   C   (+30 −50, a net return)
  // top20: ceil(.2·7) = 2 → .50+.30 = .80. HHI = .25+.09+.01+.0036+.0016 = .3552.
  // Gini of [500,300,100,60,40]: Σ_unordered |xi−xj| = 2320 → G = 2·2320 / (2·5²·200) = .464.
  const rows = [
    sale('C1', 550),
    sale('C1', -50, '2024-07-01'),
    sale('C1', 9999, '2023-12-31'),
    sale('C2', 300),
    sale('C3', 100),
    sale('C4', 60),
    sale('C5', 40),
    sale('C6', 30),
    sale('C6', -50),
    sale('C7', 0),
  ];

  it('ranks, shares and classes a hand-worked table', async () => {
    await createTable(db, 'sales', rows);
    const r = await runParetoFor(db, params());
    expect(r.rows.map((x) => [x.id, x.value, x.rank, x.class])).toEqual([
      ['C1', 500, 1, 'A'],
      ['C2', 300, 2, 'A'],
      ['C3', 100, 3, 'B'],
      ['C4', 60, 4, 'B'],
      ['C5', 40, 5, 'C'],
      ['C7', 0, 6, 'C'],
      ['C6', -20, 7, 'C'],
    ]);
    expect(r.rows.map((x) => x.share)).toEqual(
      [0.5, 0.3, 0.1, 0.06, 0.04, 0, 0].map((v) => expect.closeTo(v, 12)),
    );
    expect(r.rows.map((x) => x.cumShare)).toEqual(
      [0.5, 0.8, 0.9, 0.96, 1, 1, 1].map((v) => expect.closeTo(v, 12)),
    );
    expect(r.total).toBe(1000);
    expect(r.n).toBe(7);
    expect(r.top20Share).toBeCloseTo(0.8, 12);
    expect(r.hhi).toBeCloseTo(0.3552, 12);
    expect(r.gini).toBeCloseTo(0.464, 12);
    expect(r.classes).toEqual([
      { class: 'A', count: 2, countShare: 2 / 7, value: 800, valueShare: expect.closeTo(0.8, 12) },
      { class: 'B', count: 2, countShare: 2 / 7, value: 160, valueShare: expect.closeTo(0.16, 12) },
      { class: 'C', count: 3, countShare: 3 / 7, value: 20, valueShare: expect.closeTo(0.04, 12) },
    ]);
  });

  it('names a product by the name most of its lines give (ties: code-point order), not the first', async () => {
    const line = (product_id: string, product_name: string) =>
      sale('C1', 10, '2024-06-15', { product_id, product_name });
    await createTable(db, 'sales', [
      line('85123A', 'WHITE HANGING HEART T-LIGHT HOLDER'),
      line('85123A', 'WHITE HANGING HEART T-LIGHT HOLDER'),
      line('85123A', '?'),
      line('P2', 'Beta'),
      line('P2', 'Alpha'),
    ]);
    const r = await runParetoFor(db, params({ entity: 'product' }));
    expect(Object.fromEntries(r.rows.map((row) => [row.id, row.label]))).toEqual({
      '85123A': 'WHITE HANGING HEART T-LIGHT HOLDER',
      P2: 'Alpha',
    });
  });

  it('breaks ties by id compared by code point', async () => {
    // X3 (100) first; X1, X2 and "x0" tie at 50: upper-case sorts before lower-case by code point.
    await createTable(db, 'sales', [sale('X2', 50), sale('x0', 50), sale('X1', 50), sale('X3', 100)]);
    const r = await runParetoFor(db, params());
    expect(r.rows.map((x) => x.id)).toEqual(['X3', 'X1', 'X2', 'x0']);
  });

  it('compares values at 12 significant digits: sums equal up to the order of the additions tie (§0)', async () => {
    // B: 0.1 + 0.2 = 0.30000000000000004, A: 0.3, C: 0.1 + 0.1 + 0.1 = 0.30000000000000004,
    // D: 0.31. Exact doubles would rank B and C above A; at 12 digits A, B and C tie at 0.3 and
    // the id decides: D, A, B, C. Shares still use the exact values:
    // P = 0.31 + 0.3 + 2 × 0.30000000000000004, so A's share is 0.3 / P, not B's.
    await createTable(db, 'sales', [
      sale('B', 0.1),
      sale('B', 0.2),
      sale('A', 0.3),
      sale('C', 0.1),
      sale('C', 0.1),
      sale('C', 0.1),
      sale('D', 0.31),
    ]);
    const r = await runParetoFor(db, params());
    expect(r.rows.map((x) => [x.id, x.value])).toEqual([
      ['D', 0.31],
      ['A', 0.3],
      ['B', 0.1 + 0.2],
      ['C', 0.1 + 0.1 + 0.1],
    ]);
    expect(0.1 + 0.2).toBeGreaterThan(0.3); // the tie is real: the doubles differ
    const P = 0.31 + 0.3 + (0.1 + 0.2) + (0.1 + 0.1 + 0.1);
    expect(r.rows[1].share).toBe(0.3 / P);
    expect(r.rows[2].cumBefore).toBe((0.31 + 0.3) / P);
  });

  it('ranks do not depend on the order of summation (property)', async () => {
    // Every customer buys the same amounts (cents), each in its own shuffled order: the sums are
    // equal as numbers but not always as doubles; the ranks must be the id order all the same.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
        async (cents, keys) => {
          const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
          const fixture = ids.flatMap((id, k) =>
            cents
              .map((c, i) => ({ c, key: keys[(i * 5 + k) % keys.length] + i / 100 }))
              .sort((x, y) => x.key - y.key)
              .map(({ c }) => sale(id, c / 100)),
          );
          await createTable(db, 'sales', fixture);
          const r = await runParetoFor(db, params());
          expect(r.rows.map((x) => x.id)).toEqual(ids);
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });

  it('a single customer is A with the whole share', async () => {
    await createTable(db, 'sales', [sale('ONLY', 123.45)]);
    const r = await runParetoFor(db, params());
    expect(r.rows).toEqual([
      { id: 'ONLY', label: 'ONLY', value: 123.45, share: 1, cumBefore: 0, cumShare: 1, rank: 1, class: 'A' },
    ]);
    expect(r.top20Share).toBe(1);
  });

  it('all values ≤ 0: P = 0, every entity C, shares null', async () => {
    await createTable(db, 'sales', [sale('R1', -10), sale('R2', 0)]);
    const r = await runParetoFor(db, params());
    expect(r.rows.map((x) => [x.id, x.class, x.share])).toEqual([
      ['R2', 'C', null],
      ['R1', 'C', null],
    ]);
    expect(r.total).toBe(0);
    expect(r.top20Share).toBeNull();
    expect(r.gini).toBeNull();
  });

  it('empty period gives an empty result', async () => {
    await createTable(db, 'sales', [sale('C1', 10, '2020-01-01')]);
    const r = await runParetoFor(db, params());
    expect(r.rows).toEqual([]);
    expect(r.n).toBe(0);
    expect(r.classes.map((c) => c.count)).toEqual([0, 0, 0]);
  });

  it('ranks products by gross profit and counts rows without a product', async () => {
    await createTable(db, 'sales', [
      {
        order_date: '2024-02-01',
        customer_id: 'C1',
        product_id: 'P1',
        product_name: 'Pen',
        revenue: 100,
        gross_profit: 40,
      },
      {
        order_date: '2024-02-01',
        customer_id: 'C1',
        product_id: 'P2',
        product_name: 'Ink',
        revenue: 300,
        gross_profit: 10,
      },
      { order_date: '2024-02-01', customer_id: 'C1', product_id: null, revenue: 5, gross_profit: 5 },
    ]);
    const r = await runParetoFor(db, params({ entity: 'product', measure: 'gross_profit' }));
    expect(r.rows.map((x) => [x.id, x.label, x.value])).toEqual([
      ['P1', 'Pen', 40],
      ['P2', 'Ink', 10],
    ]);
    expect(r.rowsWithoutEntity).toBe(1);
  });

  it('uses the default period: 12 months to the last order date', async () => {
    await createTable(db, 'sales', [
      sale('OLD', 1000, '2023-12-31'),
      sale('NEW', 10, '2024-12-05'),
      sale('MID', 5, '2024-01-01'),
    ]);
    const r = await runPareto(db, defaultParams());
    expect(r?.params.period).toMatchObject({ start: '2024-01-01', asOf: '2024-12-05', months: 12 });
    expect(r?.rows.map((x) => x.id)).toEqual(['NEW', 'MID']);
  });

  it('laws: class shares sum to 1, A non-empty when P > 0, order-independent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
            fc.integer({ min: -50, max: 500 }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        async (pairs) => {
          const fixture = pairs.map(([id, v]) => sale(id, v));
          await createTable(db, 'sales', fixture);
          const r1 = await runParetoFor(db, params());
          await createTable(db, 'sales', [...fixture].reverse());
          const r2 = await runParetoFor(db, params());
          expect(r2.rows).toEqual(r1.rows);
          if (r1.total > 0) {
            const sum = r1.classes.reduce((s, c) => s + (c.valueShare ?? 0), 0);
            expect(sum).toBeCloseTo(1, 9);
            expect(r1.classes[0].count).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  });
});

describe('gini', () => {
  it('is 0 for equal values and matches the double-sum definition', () => {
    expect(gini([5, 5, 5])).toBe(0);
    const x = [1, 2, 7, 10];
    let s = 0;
    for (const a of x) for (const b of x) s += Math.abs(a - b);
    expect(gini(x)).toBeCloseTo(s / (2 * x.length ** 2 * (20 / 4)), 12);
  });
});
