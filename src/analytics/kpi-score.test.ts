import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRankScores, effectiveWeights, scoreAndTier, type KpiMetrics } from './kpi-score';

const m = (id: string, r: KpiMetrics['r'], revenue = 0, missed: string[] = []): KpiMetrics => ({
  customerId: id,
  category: null,
  revenue,
  r,
  missedMonths: missed,
});

describe('average-rank normalisation', () => {
  it('averages ties and maps to [0, 1]; null → 0', () => {
    // Values 5, 1, 3, 3, null: ranks 4, 1, 2.5, 2.5 among n = 4 → s = 3/3, 0/3, 1.5/3, 1.5/3.
    expect(averageRankScores([5, 1, 3, 3, null])).toEqual([1, 0, 0.5, 0.5, 0]);
  });
  it('gives 1 for a single value and 0.5 for all tied', () => {
    expect(averageRankScores([null, 7])).toEqual([0, 1]);
    expect(averageRankScores([2, 2, 2])).toEqual([0.5, 0.5, 0.5]);
  });
  it('compares values at 12 significant digits (§0)', () => {
    // One Online Retail customer's r3 from two implementations (…8017 and …7997) is one value:
    // values 1, 0.95151259309580 (twice), 0.5 → ranks 4, 2.5, 2.5, 1 of n = 4 → 1, .5, .5, 0.
    // Compared exactly, …7997 would rank 2 (s = 1/3) and …8017 rank 3 (s = 2/3).
    expect(averageRankScores([1, 0.9515125930958017, 0.9515125930957997, 0.5])).toEqual([1, 0.5, 0.5, 0]);
    // Values apart at the 12th digit stay apart.
    expect(averageRankScores([1.00000000002, 1.00000000001])).toEqual([1, 0]);
  });
});

describe('weights', () => {
  it('rescales the remaining weights to 100 when a metric is dropped', () => {
    // Without R1 (30): 30/70, 20/70, 20/70 of 100.
    const w = effectiveWeights([30, 30, 20, 20], [false, true, true, true]);
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(300 / 7, 12);
    expect(w[2]).toBeCloseTo(200 / 7, 12);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
  });
});

describe('scoreAndTier', () => {
  const opts = {
    weights: [30, 30, 20, 20] as [number, number, number, number],
    available: [true, true, true, true] as [boolean, boolean, boolean, boolean],
    tierShare: 0.2,
    missedLimit: 3,
  };

  it('scores a hand-worked table and tiers it 20 / 60 / 20 with forced C', () => {
    // Five customers; s = (average rank − 1) / (n − 1) per metric among non-null values.
    //  id  R1    R2   R3    R4
    //  a   1.2   .4   1.1   1
    //  b   1.0   .3   1.0   1      (3 missed-plan months)
    //  c   .8    .1   1.0   .5
    //  d   .5    .2   .9    .5
    //  e   null  0    .9    .25
    // s1 (n = 4, e is null → 0): d 0, c 1/3, b 2/3, a 1.
    // s2 (n = 5): e 0, c .25, d .5, b .75, a 1.
    // s3: d, e tie at .9 → ranks 1,2 → 1.5 → .125; b, c tie at 1.0 → 3.5 → .625; a 1.
    // s4: e 0; c, d tie → 2.5 → .375; a, b tie → 4.5 → .875.
    // total = 30 s1 + 30 s2 + 20 s3 + 20 s4:
    //  a 30 + 30 + 20 + 17.5 = 97.5;  b 20 + 22.5 + 12.5 + 17.5 = 72.5;  c 10 + 7.5 + 12.5 + 7.5 = 37.5;
    //  d 0 + 15 + 2.5 + 7.5 = 25;     e 0 + 0 + 2.5 + 0 = 2.5.
    // nA = nC = round_half_up(0.2 × 5) = 1 → a A, e C, rest B; b (3 missed months) → forced C.
    const rows = scoreAndTier(
      [
        m('a', [1.2, 0.4, 1.1, 1], 500),
        m('b', [1.0, 0.3, 1.0, 1], 400, ['2024-01', '2024-02', '2024-03']),
        m('c', [0.8, 0.1, 1.0, 0.5], 300),
        m('d', [0.5, 0.2, 0.9, 0.5], 200),
        m('e', [null, 0, 0.9, 0.25], 100),
      ],
      opts,
    );
    expect(rows.map((r) => [r.customerId, r.rank, r.scoreTier, r.tier, r.forcedC])).toEqual([
      ['a', 1, 'A', 'A', false],
      ['b', 2, 'B', 'C', true],
      ['c', 3, 'B', 'B', false],
      ['d', 4, 'B', 'B', false],
      ['e', 5, 'C', 'C', false],
    ]);
    expect(rows.map((r) => r.total)).toEqual([97.5, 72.5, 37.5, 25, 2.5].map((v) => expect.closeTo(v, 9)));
    expect(rows[1].s).toEqual([2 / 3, 0.75, 0.625, 0.875].map((v) => expect.closeTo(v, 12)));
    expect(rows[1].parts[0]).toBeCloseTo(20, 9);
  });

  it('breaks total ties by revenue, then id by code point', () => {
    const rows = scoreAndTier(
      [
        m('b', [null, null, null, null], 5),
        m('a', [null, null, null, null], 5),
        m('c', [null, null, null, null], 9),
      ],
      opts,
    );
    expect(rows.map((r) => r.customerId)).toEqual(['c', 'a', 'b']);
  });

  it('treats totals equal up to rounding as a tie (then revenue decides), whatever the float sum says', () => {
    // n = 4, s = (rank − 1)/3; weights 30/30/20/20.
    //  id  R1 R2 R3 R4   revenue
    //  a   1  1  2  2    100
    //  b   3  3  0  1     90
    //  c   2  1  0  3     80
    //  d   0  0  1  0     70
    // s1: d 0, a 1/3, c 2/3, b 1.   s2: d 0, a = c tie (ranks 2, 3) → .5, b 1.
    // s3: b = c tie (ranks 1, 2) → 1/6, d 2/3, a 1.   s4: d 0, b 1/3, a 2/3, c 1.
    // a = 10 + 15 + 20 + 40/3 = 58⅓;  c = 20 + 15 + 10/3 + 20 = 58⅓;  b = 70;  d = 40/3.
    // a and c tie exactly, so revenue puts a (100) before c (80). In doubles the sums are
    // 58.33333333333333 (a) and 58.333333333333336 (c): ordering on the raw sum would swap them
    // (found by the reference implementation, test/reference/).
    const rows = scoreAndTier(
      [
        m('a', [1, 1, 2, 2], 100),
        m('b', [3, 3, 0, 1], 90),
        m('c', [2, 1, 0, 3], 80),
        m('d', [0, 0, 1, 0], 70),
      ],
      opts,
    );
    expect(rows.map((r) => [r.customerId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
      ['d', 4],
    ]);
    expect(rows[1].total).toBeCloseTo(175 / 3, 9);
    expect(rows[2].total).toBeCloseTo(175 / 3, 9);
  });

  it('compares revenues at 12 significant digits when totals tie, then the id decides', () => {
    // Equal totals (no metric); revenue 0.1 + 0.2 (b) and 0.3 (a) are one number: a before b.
    // c's 0.31 is more. Compared exactly, b's 0.30000000000000004 would come before a.
    const rows = scoreAndTier(
      [
        m('b', [null, null, null, null], 0.1 + 0.2),
        m('a', [null, null, null, null], 0.3),
        m('c', [null, null, null, null], 0.31),
      ],
      opts,
    );
    expect(rows.map((r) => r.customerId)).toEqual(['c', 'a', 'b']);
  });

  it('law: ranks, scores and tiers do not depend on the order of summation', () => {
    // Each customer's metrics are sums of the same amounts (times a factor shared by several
    // customers, so equal values are common), added once in one order and once in a shuffled
    // one: every rank, score and tier must be the same.
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.integer(),
        (amounts, factors, seed) => {
          let state = seed;
          const shuffled = () =>
            amounts
              .map((a) => ({ a, k: (state = (state * 1103515245 + 12345) % 2 ** 31) }))
              .sort((x, y) => x.k - y.k)
              .map((x) => x.a);
          const sum = (xs: number[], f: number) => xs.reduce((t, a) => t + a * f, 0);
          const build = (order: () => number[]) =>
            factors.map(([f, g], i) =>
              m(
                `c${i}`,
                [sum(order(), f) / 100, sum(order(), g), sum(order(), f) / sum(order(), g), null],
                sum(order(), f),
              ),
            );
          const key = (rows: ReturnType<typeof scoreAndTier>) =>
            rows.map((r) => [r.customerId, r.rank, r.tier, ...r.s]);
          expect(key(scoreAndTier(build(shuffled), opts))).toEqual(
            key(
              scoreAndTier(
                build(() => amounts),
                opts,
              ),
            ),
          );
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });

  it('gives a dropped metric no score (null, not 0) and no weight', () => {
    // R1 dropped (no plan): weights 30/20/20 → 300/7, 200/7, 200/7. Two customers, n = 2:
    // a has the higher R2, R3, R4 → s = 1, 1, 1, total 100; b → 0, 0, 0, total 0.
    // s1 is not "the lowest score" for either: the metric does not exist (§0: never 0).
    const rows = scoreAndTier([m('a', [null, 0.6, 1.2, 1], 10), m('b', [null, 0.4, 0.8, 0.5], 5)], {
      ...opts,
      available: [false, true, true, true],
    });
    expect(rows.map((r) => r.s)).toEqual([
      [null, 1, 1, 1],
      [null, 0, 0, 0],
    ]);
    expect(rows[0].parts[0]).toBe(0);
    expect(rows[0].total).toBeCloseTo(100, 9);
  });

  it('law: tiers are round_half_up(20 %) A, the same C, the rest B before forced C; order-independent', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.integer({ min: 0, max: 1000 }),
          ),
          { maxLength: 40 },
        ),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (tuples, share) => {
          const ents = tuples.map(([r1, r4, rev], i) =>
            m(`c${String(i).padStart(3, '0')}`, [r1, null, null, r4], rev),
          );
          const o = { ...opts, tierShare: share };
          const rows = scoreAndTier(ents, o);
          const n = rows.length;
          const k = Math.floor(share * n + 0.5 + 1e-9);
          const count = (t: string) => rows.filter((r) => r.scoreTier === t).length;
          expect(count('A')).toBe(Math.min(k, n));
          expect(count('C')).toBe(Math.max(0, Math.min(k, n - Math.min(k, n))));
          expect(count('A') + count('B') + count('C')).toBe(n);
          const shuffled = scoreAndTier([...ents].reverse(), o);
          expect(shuffled.map((r) => [r.customerId, r.tier, r.total])).toEqual(
            rows.map((r) => [r.customerId, r.tier, r.total]),
          );
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('averageRankScores at scale', () => {
  it('matches the definition (ascending rank, ties averaged) on random data with many ties', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Array.from({ length: 3000 }, () => (rand() < 0.1 ? null : Math.floor(rand() * 200) / 4));
    const valid = values.filter((v): v is number => v !== null);
    const n = valid.length;
    const expected = values.map((v) => {
      if (v === null) return 0;
      const below = valid.filter((x) => x < v).length;
      const equal = valid.filter((x) => x === v).length;
      const avgRank = below + (equal + 1) / 2;
      return (avgRank - 1) / (n - 1);
    });
    const got = averageRankScores(values);
    got.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 12));
  });
});
