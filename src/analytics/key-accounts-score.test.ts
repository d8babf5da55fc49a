import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sig12 } from './common';
import type { KeyAccountFactor } from './key-account-factors';
import {
  applyWeights,
  emptyFactorTable,
  keyAccountChanges,
  orderByScore,
  partOf,
  scoreKeyAccounts,
  scoreOf,
  valueOf,
  type FactorTable,
} from './key-accounts-score';
import { defaultParams, type Params } from './params';

/** A factor table of the given customers (ids in code-point order) and factor columns. */
function table(
  ids: string[],
  revenue: number[],
  columns: Partial<Record<KeyAccountFactor, (number | null)[]>>,
  unavailable: Partial<FactorTable['unavailable']> = {},
): FactorTable {
  const t = emptyFactorTable();
  t.ids = ids;
  t.names = ids.map((id) => `name ${id}`);
  t.revenue = revenue;
  t.scope = ids.map(() => null);
  t.partnership = ids.map(() => null);
  for (const f of Object.keys(t.values) as KeyAccountFactor[])
    t.values[f] = columns[f] ?? ids.map(() => null);
  t.values.revenue = revenue;
  Object.assign(t.unavailable, unavailable);
  return t;
}

const ka = (o: Partial<Params['key_accounts']>): Params['key_accounts'] => ({
  ...defaultParams().key_accounts,
  ...o,
});

/*
 * Five customers, a standard of four factors, one of them unavailable:
 *
 *   standard: revenue 40, overdue_share 20 (lower is better), growth 20, cost_to_serve 20
 *   cost_to_serve is unavailable (no master column) → dropped; the other 80 rescaled to 100:
 *   revenue 40 × 100/80 = 50, overdue_share 25, growth 25.
 *
 *   id  revenue  overdue  growth
 *   A     500     0.5      0.1
 *   B     300     0        null   (previous ≤ 0)
 *   C     300     0.2      0.5
 *   D     100     0        −0.2
 *   E     200     0.2      0.1
 *
 * revenue, ascending ranks (ties averaged): D 1, E 2, B/C 3.5, A 5 → s = (rank − 1)/4:
 *   D 0, E 0.25, B 0.625, C 0.625, A 1
 * overdue_share, lower is better: ranks of −value ascending: A 1, C/E 2.5, B/D 4.5 →
 *   A 0, C 0.375, E 0.375, B 0.875, D 0.875
 * growth, 4 non-null values: D 1, A/E 2.5, C 4 → s = (rank − 1)/3: D 0, A 0.5, E 0.5, C 1; B null → 0
 *
 * score = 50 s_rev + 25 s_overdue + 25 s_growth:
 *   A 50 + 0 + 12.5 = 62.5
 *   B 31.25 + 21.875 + 0 = 53.125
 *   C 31.25 + 9.375 + 25 = 65.625
 *   D 0 + 21.875 + 0 = 21.875
 *   E 12.5 + 9.375 + 12.5 = 34.375
 * ranks: C 1, A 2, B 3, E 4, D 5.
 */
const five = table(
  ['A', 'B', 'C', 'D', 'E'],
  [500, 300, 300, 100, 200],
  { overdue_share: [0.5, 0, 0.2, 0, 0.2], growth: [0.1, null, 0.5, -0.2, 0.1] },
  { cost_to_serve: 'no_cost_to_serve' },
);
const standard: Params['key_accounts']['factors'] = [
  ['revenue', 40],
  ['overdue_share', 20],
  ['growth', 20],
  ['cost_to_serve', 20],
];

describe('key-account scoring (analytics.md §11), worked by hand', () => {
  it('drops an unavailable factor and rescales the others to 100', () => {
    const { applied, dropped } = applyWeights(standard, five.unavailable);
    expect(applied).toEqual([
      { factor: 'revenue', given: 40, weight: 50 },
      { factor: 'overdue_share', given: 20, weight: 25 },
      { factor: 'growth', given: 20, weight: 25 },
    ]);
    expect(dropped).toEqual([{ factor: 'cost_to_serve', given: 20, reason: 'no_cost_to_serve' }]);
  });

  it('scores each factor by average rank in its direction, a null as 0, and ranks by score', () => {
    const r = scoreKeyAccounts(five, ka({ factors: standard }));
    const by = Object.fromEntries(r.rows.map((x) => [x.customerId, x]));
    const each = (id: string, f: (s: typeof r, x: (typeof r.rows)[number], i: number) => number | null) =>
      r.applied.map((_, i) => f(r, by[id], i));
    expect(each('A', scoreOf)).toEqual([1, 0, 0.5]);
    expect(each('B', scoreOf)).toEqual([0.625, 0.875, 0]);
    expect(each('C', scoreOf)).toEqual([0.625, 0.375, 1]);
    expect(each('D', scoreOf)).toEqual([0, 0.875, 0]);
    expect(each('E', scoreOf)).toEqual([0.25, 0.375, 0.5]);
    expect(each('B', valueOf)).toEqual([300, 0, null]);
    expect(each('C', partOf)).toEqual([31.25, 9.375, 25]);
    // The parts of a customer sum to its score.
    expect(each('C', partOf).reduce((a, b) => a! + b!, 0)).toBe(by.C.score);
    expect(r.rows.map((x) => [x.customerId, x.score, x.rank])).toEqual([
      ['C', 65.625, 1],
      ['A', 62.5, 2],
      ['B', 53.125, 3],
      ['E', 34.375, 4],
      ['D', 21.875, 5],
    ]);
  });

  it('tiers by share with round_half_up: 0.1 × 5 = 0.5 → 1 strategic, 0.3 × 5 = 1.5 → 2 key', () => {
    const r = scoreKeyAccounts(five, ka({ factors: standard, strategic_share: 0.1, key_share: 0.3 }));
    expect(r.rows.map((x) => x.tier)).toEqual(['strategic', 'key', 'key', 'regular', 'regular']);
    expect(r.tierCounts).toEqual({ strategic: 1, key: 2, regular: 2 });
    // Defaults 5 % and 15 %: 0.25 → 0 strategic, 0.75 → 1 key.
    expect(scoreKeyAccounts(five, ka({ factors: standard })).tierCounts).toEqual({
      strategic: 0,
      key: 1,
      regular: 4,
    });
  });

  it('tiers by threshold, a score exactly on the line counting as reached', () => {
    // 80 / 60: C 65.625 and A 62.5 are key; with key_score 53.125, B (53.125 exactly) is key too.
    const r = scoreKeyAccounts(five, ka({ factors: standard, mode: 'threshold' }));
    expect(r.rows.map((x) => x.tier)).toEqual(['key', 'key', 'regular', 'regular', 'regular']);
    const exact = scoreKeyAccounts(
      five,
      ka({ factors: standard, mode: 'threshold', strategic_score: 65.625, key_score: 53.125 }),
    );
    expect(exact.rows.map((x) => x.tier)).toEqual(['strategic', 'key', 'key', 'regular', 'regular']);
  });

  it('breaks a tie of scores by revenue, then by id; scores equal at 12 significant digits tie', () => {
    // One factor, orders: X and Y both 2 orders (same score), X more revenue; Z and W tie on both.
    const t = table(['W', 'X', 'Y', 'Z'], [100, 300, 200, 100], { orders: [1, 2, 2, 1] });
    const r = scoreKeyAccounts(t, ka({ factors: [['orders', 100]] }));
    expect(r.rows.map((x) => x.customerId)).toEqual(['X', 'Y', 'W', 'Z']);
    // 0.1 + 0.2 and 0.3 differ in the last bit only: the same value at 12 digits, so id decides.
    const u = table(['P', 'Q'], [0.1 + 0.2, 0.3], {});
    const s = scoreKeyAccounts(u, ka({ factors: [['cost_to_serve', 100]] }));
    expect(s.rows.map((x) => x.customerId)).toEqual(['P', 'Q']);
  });

  it('scores everything 0 when every chosen factor is unavailable (order by revenue)', () => {
    const r = scoreKeyAccounts(five, ka({ factors: [['cost_to_serve', 100]] }));
    expect(r.applied).toEqual([]);
    expect(r.rows.map((x) => [x.customerId, x.score])).toEqual([
      ['A', 0],
      ['B', 0],
      ['C', 0],
      ['E', 0],
      ['D', 0],
    ]);
  });

  it('handles a single customer (s = 1) and no customers', () => {
    const one = scoreKeyAccounts(table(['A'], [5], {}), ka({ factors: [['revenue', 100]] }));
    // round_half_up(0.05 × 1) = round_half_up(0.15 × 1) = 0: one customer alone is regular by share.
    expect(one.rows[0]).toMatchObject({ score: 100, rank: 1, tier: 'regular' });
    expect(scoreKeyAccounts(emptyFactorTable(), defaultParams().key_accounts).rows).toEqual([]);
  });

  it('lists key accounts gained and lost between two periods', () => {
    const k = ka({ factors: standard, strategic_share: 0.1, key_share: 0.3 });
    const now = scoreKeyAccounts(five, k);
    // Before (revenue alone counts: the other factors are null): F strategic, A and G key, H and C
    // regular; B, D and E were not ranked; F, G and H are not ranked now.
    const before = scoreKeyAccounts(table(['A', 'C', 'F', 'G', 'H'], [200, 10, 900, 50, 40], {}), k);
    expect(before.rows.map((x) => [x.customerId, x.tier])).toEqual([
      ['F', 'strategic'],
      ['A', 'key'],
      ['G', 'key'],
      ['H', 'regular'],
      ['C', 'regular'],
    ]);
    const c = keyAccountChanges(now, before);
    expect(c.gained.map((x) => [x.customerId, x.tierBefore, x.tierNow])).toEqual([
      ['C', 'regular', 'strategic'],
      ['B', null, 'key'],
    ]);
    expect(c.lost.map((x) => [x.customerId, x.tierBefore, x.tierNow])).toEqual([
      ['F', 'strategic', null],
      ['G', 'key', null],
    ]);
    expect(c.matrix).toEqual([
      { from: 'strategic', to: 'gone', count: 1 },
      { from: 'key', to: 'key', count: 1 },
      { from: 'key', to: 'gone', count: 1 },
      { from: 'regular', to: 'strategic', count: 1 },
      { from: 'regular', to: 'gone', count: 1 },
      { from: 'new', to: 'key', count: 1 },
      { from: 'new', to: 'regular', count: 2 },
    ]);
  });

  it('orders scores as sorting on sig12 would, rounding only close neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
            fc.constantFrom(0, 1e-10, -1e-10, 0.3, 0.1 + 0.2, 58 + 1 / 3, 175 / 3, 100),
          ),
          { maxLength: 60 },
        ),
        (scores) => {
          const tie = (a: number, b: number) => a - b;
          const expected = scores
            .map((v, i) => ({ k: sig12(v), i }))
            .sort((a, b) => b.k - a.k || tie(a.i, b.i))
            .map((x) => x.i);
          expect(orderByScore(scores, tie)).toEqual(expected);
        },
      ),
    );
  });

  it('property: scores stay in 0–100, share tiers have round_half_up sizes, and row order does not matter', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rev: fc.double({ min: 1, max: 1e6, noNaN: true }),
            o: fc.option(fc.integer({ min: 0, max: 9 })),
          }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (rows) => {
          const ids = rows.map((_, i) => `C${String(i).padStart(3, '0')}`);
          const t = table(
            ids,
            rows.map((r) => r.rev),
            { orders: rows.map((r) => r.o), overdue_share: rows.map((r) => (r.o === null ? 0 : r.o / 10)) },
          );
          const k = ka({
            factors: [
              ['revenue', 50],
              ['orders', 30],
              ['overdue_share', 20],
            ],
          });
          const r = scoreKeyAccounts(t, k);
          const n = rows.length;
          expect(r.tierCounts.strategic).toBe(Math.floor(0.05 * n + 0.5 + 1e-9));
          expect(r.tierCounts.key).toBe(
            Math.min(n - r.tierCounts.strategic, Math.floor(0.15 * n + 0.5 + 1e-9)),
          );
          for (const x of r.rows) expect(x.score).toBeGreaterThanOrEqual(0);
          for (const x of r.rows) expect(x.score).toBeLessThanOrEqual(100 + 1e-9);
          // Reversed input order: the same ranking.
          const rev = table(
            [...ids].reverse(),
            [...rows].reverse().map((r) => r.rev),
            {
              orders: [...rows].reverse().map((r) => r.o),
              overdue_share: [...rows].reverse().map((r) => (r.o === null ? 0 : r.o / 10)),
            },
          );
          expect(scoreKeyAccounts(rev, k).rows.map((x) => x.customerId)).toEqual(
            r.rows.map((x) => x.customerId),
          );
        },
      ),
    );
  });
});
