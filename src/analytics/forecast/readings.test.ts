import { describe, expect, it } from 'vitest';
import type { ForecastModel, ForecastRow, HoldoutResult } from './forecast';
import {
  atRisk,
  holdoutVerdict,
  meanPAliveBy,
  pAliveSeparates,
  modelReading,
  pAliveDistribution,
  recencyFrequencyGrid,
  suggestedHoldoutWeeks,
} from './readings';

/** A scored customer: id, x, t_x, T_c (weeks), past value, P(alive). */
const row = (id: string, x: number, tx: number, T: number, past: number, p: number | null): ForecastRow => ({
  customerId: id,
  frequency: x,
  recencyWeeks: tx,
  ageWeeks: T,
  monetary: x > 0 ? past / (x + 1) : null,
  pastValue: past,
  pAlive: p,
  expectedPurchases: p === null ? null : p * 2,
  expectedAvgValue: p === null ? null : 10,
  expectedValue: p === null ? null : p * 20,
});

// Ten customers. Past values 10, 20, …, 100: the 80th percentile by nearest rank is the 8th
// smallest, 80. At risk: x > 0, P(alive) < 0.5, past ≥ 80 → h (80, 0.2) and j (100, 0.49);
// i (90) has P(alive) 0.5 (not below), g (70, 0.1) is under the floor, one-time buyer e never is.
const ROWS = [
  row('a', 3, 20, 30, 10, 0.95),
  row('b', 1, 5, 40, 20, 0.3),
  row('c', 2, 10, 10, 30, 1),
  row('d', 0, 0, 8, 40, 1),
  row('e', 0, 0, 60, 50, 1),
  row('f', 12, 50, 52, 60, 0.99),
  row('g', 4, 10, 100, 70, 0.1),
  row('h', 5, 30, 90, 80, 0.2),
  row('i', 6, 40, 45, 90, 0.5),
  row('j', 25, 60, 200, 100, 0.49),
];

describe('P(alive) distribution', () => {
  it('bins the repeat customers in tenths and counts the one-time buyers apart', () => {
    const d = pAliveDistribution(ROWS);
    expect(d.oneTime).toBe(2);
    // 0.95 and 0.99 and 1 (c) → bin 9; 0.3 → 3; 0.1 → 1; 0.2 → 2; 0.5 → 5; 0.49 → 4.
    expect(d.bins.map((b) => b.customers)).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 0, 3]);
    expect(d.bins[3]).toEqual({ from: 0.3, to: 0.4, customers: 1 });
  });

  it('puts a value computed as 0.30000000000000004 or 0.29999999999999993 in the bin of 0.3', () => {
    const d = pAliveDistribution([row('x', 1, 1, 2, 1, 0.1 + 0.2), row('y', 1, 1, 2, 1, 0.7 - 0.4)]);
    expect(d.bins[3].customers).toBe(2);
  });

  it('is empty without a forecast', () => {
    expect(pAliveDistribution([row('a', 1, 1, 2, 1, null)]).bins.every((b) => b.customers === 0)).toBe(true);
  });
});

describe('at-risk list (high past value, low P(alive))', () => {
  it('keeps repeat customers in the top fifth of past value with P(alive) below ½, by past value', () => {
    const r = atRisk(ROWS)!;
    expect(r.pastValueFloor).toBe(80);
    expect(r.rows.map((x) => x.customerId)).toEqual(['j', 'h']);
    expect(r.pastValue).toBe(180);
  });

  it('is null without a forecast or without customers', () => {
    expect(atRisk([])).toBeNull();
    expect(atRisk([row('a', 1, 1, 2, 1, null)])).toBeNull();
  });
});

describe('recency × frequency grid', () => {
  it('averages P(alive) per (weeks since the last purchase, x) bucket', () => {
    // Weeks since last = T − t_x: a 10 → [4, 13) = 1; b 35 → [26, 52) = 3; c 0 → 0; d 8 → 1;
    // e 60 → [52, 104) = 4; f 2 → 0; g 90 → 4; h 60 → 4; i 5 → 1; j 140 → [104, ∞) = 5.
    // x buckets: 0 | 1 | 2 | 3–4 | 5–9 | 10–19 | 20+.
    const g = recencyFrequencyGrid(ROWS);
    const at = (rec: number, f: number) => g.find((c) => c.recency === rec && c.frequency === f);
    expect(at(1, 0)).toEqual({ recency: 1, frequency: 0, customers: 1, meanPAlive: 1 }); // d
    expect(at(4, 0)).toEqual({ recency: 4, frequency: 0, customers: 1, meanPAlive: 1 }); // e
    expect(at(1, 3)).toEqual({ recency: 1, frequency: 3, customers: 1, meanPAlive: 0.95 }); // a
    expect(at(4, 3)!.meanPAlive).toBe(0.1); // g (x = 4)
    expect(at(4, 4)!.meanPAlive).toBe(0.2); // h (x = 5)
    expect(at(1, 4)!.meanPAlive).toBe(0.5); // i (x = 6)
    expect(at(5, 6)!.meanPAlive).toBe(0.49); // j (x = 25)
    expect(at(0, 5)!.meanPAlive).toBe(0.99); // f (x = 12)
    expect(g.reduce((s, c) => s + c.customers, 0)).toBe(10);
  });

  it('puts a customer exactly 4 weeks after the last purchase in the second bucket', () => {
    const g = recencyFrequencyGrid([row('a', 1, 2, 6, 1, 0.5), row('b', 1, 2, 6 - 1e-12, 1, 0.7)]);
    expect(g).toEqual([{ recency: 1, frequency: 1, customers: 2, meanPAlive: 0.6 }]);
  });
});

const holdout = (predicted: number | null, actual: number): HoldoutResult => ({
  weeks: 39,
  calibrationEnd: '1997-09-30',
  customers: 10,
  repeaters: 5,
  reason: predicted === null ? 'too_few_repeaters' : null,
  model: null,
  predicted,
  actual,
  buckets: [],
});

describe('holdout verdict (good within 15 %, fair within 30 %)', () => {
  it('grades the total predicted against the actual purchase days', () => {
    // CDNOW's 39 weeks: 1,653.4 predicted vs 1,882 actual = 12.1 % under → good.
    const v = holdoutVerdict(holdout(1653.4, 1882));
    expect(v.kind === 'graded' && v.grade).toBe('good');
    expect(v.kind === 'graded' && v.error).toBeCloseTo(-0.1215, 4);
    expect(holdoutVerdict(holdout(115, 100))).toEqual({
      kind: 'graded',
      error: 0.1499999999999999,
      grade: 'good',
    });
    expect(holdoutVerdict(holdout(130, 100))).toMatchObject({ grade: 'fair' });
    expect(holdoutVerdict(holdout(70, 100))).toMatchObject({ grade: 'fair' });
    expect(holdoutVerdict(holdout(69, 100))).toMatchObject({ grade: 'poor' });
    expect(holdoutVerdict(holdout(250, 100))).toMatchObject({ grade: 'poor' });
  });

  it('has no grade without a calibration forecast or without purchases in the holdout', () => {
    expect(holdoutVerdict(holdout(null, 10))).toEqual({ kind: 'no_model' });
    expect(holdoutVerdict(holdout(3, 0))).toEqual({ kind: 'no_actual' });
  });
});

describe('the models in words', () => {
  it('reads CDNOW’s parameters as weeks between purchases, drop-out and mean value', () => {
    const m: ForecastModel = {
      bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: 0 },
      gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44, ll: 0 },
      onBound: [],
    };
    const r = modelReading(m);
    expect(r.weeksBetween).toBeCloseTo(18.16, 2); // 4.414 / 0.243
    expect(r.dropOut).toBeCloseTo(0.2463, 4); // 0.793 / 3.219
    expect(r.meanValue).toBeCloseTo(35.22, 2); // 6.25 · 15.44 / 2.74
  });

  it('splits the parameters on the box by model and has no mean value when q ≤ 1', () => {
    const r = modelReading({
      bgnbd: { r: 1, alpha: 2, a: 3, b: 1e4, ll: 0 },
      gammaGamma: { p: 2, q: 0.9, gamma: 1e4, ll: 0 },
      onBound: ['b', 'gamma'],
    });
    expect(r.bgnbdOnBound).toEqual(['b']);
    expect(r.gammaGammaOnBound).toEqual(['gamma']);
    expect(r.meanValue).toBeNull();
  });
});

describe('mean P(alive) per group', () => {
  it('averages per group in the given order, leaving out customers without a group', () => {
    const stage = new Map([
      ['a', 'stable'],
      ['b', 'decline'],
      ['g', 'decline'],
      ['d', 'new'],
    ]);
    expect(meanPAliveBy(ROWS, stage, ['new', 'growth', 'stable', 'decline'])).toEqual([
      { group: 'new', customers: 1, meanPAlive: 1 },
      { group: 'stable', customers: 1, meanPAlive: 0.95 },
      { group: 'decline', customers: 2, meanPAlive: 0.2 },
    ]);
  });

  it('separates the groups unless every one is at 99 % or more', () => {
    expect(pAliveSeparates([{ meanPAlive: 1 }, { meanPAlive: 0.2 }])).toBe(true);
    expect(pAliveSeparates([{ meanPAlive: 1 }, { meanPAlive: 0.9899 }])).toBe(true);
    expect(pAliveSeparates([{ meanPAlive: 1 }, { meanPAlive: 0.99 }])).toBe(false);
  });
});

describe('suggested holdout weeks', () => {
  it('is 26 weeks, or a third of the longest history when that is shorter, at least 1', () => {
    expect(suggestedHoldoutWeeks(ROWS)).toBe(26); // longest 200 weeks
    expect(suggestedHoldoutWeeks([row('a', 1, 1, 45, 1, 0.5)])).toBe(15);
    expect(suggestedHoldoutWeeks([row('a', 0, 0, 2, 1, 1)])).toBe(1);
  });
});
