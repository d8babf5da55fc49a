import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainTier } from './kpi-explain';
import { effectiveWeights, scoreAndTier } from './kpi-score';

describe('why this tier', () => {
  it('names the strongest and weakest part when a metric is dropped (no plan: 43 / 29 / 29)', () => {
    // Weights 30/30/20/20 without plan fulfilment: 0, 300/7 ≈ 42.86, 200/7 ≈ 28.57, 200/7.
    // A small buyer with the best price and every month active: s = (–, .1, .9, 1).
    // Parts: 0, 4.29, 25.71, 28.57 → strongest stability (28.57 of 28.57).
    // Points lost among the rest: volume 42.86 − 4.29 = 38.57, price 2.86 → weakest volume share.
    const w = effectiveWeights([30, 30, 20, 20], [false, true, true, true]);
    const parts = [0, w[1] * 0.1, w[2] * 0.9, w[3] * 1];
    const why = explainTier({ parts, weights: w });
    expect(why.strongest).toEqual({ metric: 3, points: parts[3], weight: w[3] });
    expect(why.weakest).toEqual({ metric: 1, points: parts[1], weight: w[1] });
  });

  it('does not call the strongest part also the weakest', () => {
    // 70/30, s = (.5, .1): parts 35, 3; points lost 35 and 27. Strongest is the first metric (35
    // points); the weakest is the other one (3 of 30), not the first again.
    const why = explainTier({ parts: [35, 3, 0, 0], weights: [70, 30, 0, 0] });
    expect(why.strongest?.metric).toBe(0);
    expect(why.weakest?.metric).toBe(1);
  });

  it('breaks ties (within 1e-9) by metric order', () => {
    // All scores .5 at 30/30/20/20: parts 15, 15, 10, 10 → strongest the first; lost 15, 10, 10
    // among the rest → the second. 1e-12 above is still a tie.
    const why = explainTier({ parts: [15, 15 + 1e-12, 10, 10], weights: [30, 30, 20, 20] });
    expect(why.strongest?.metric).toBe(0);
    expect(why.weakest?.metric).toBe(1);
  });

  it('has no weakest part with one metric and no parts without weights', () => {
    expect(explainTier({ parts: [0, 0, 0, 40], weights: [0, 0, 0, 100] })).toEqual({
      strongest: { metric: 3, points: 40, weight: 100 },
      weakest: null,
    });
    expect(explainTier({ parts: [0, 0, 0, 0], weights: [0, 0, 0, 0] })).toEqual({
      strongest: null,
      weakest: null,
    });
  });

  it('names two different applied metrics for every scored row (property)', () => {
    const metric = fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(metric, metric, metric, metric), { minLength: 1, maxLength: 12 }),
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        (rs, [a1, a3, a4]) => {
          const available: [boolean, boolean, boolean, boolean] = [a1, true, a3, a4];
          const weights: [number, number, number, number] = [30, 30, 20, 20];
          const applied = effectiveWeights(weights, available);
          const rows = scoreAndTier(
            rs.map((r, i) => ({ customerId: `c${i}`, category: null, revenue: 0, r, missedMonths: [] })),
            { weights, available, tierShare: 0.2, missedLimit: 3 },
          );
          for (const row of rows) {
            const why = explainTier({ parts: row.parts, weights: applied });
            expect(why.strongest).not.toBeNull();
            expect(applied[why.strongest!.metric]).toBeGreaterThan(0);
            if (available.filter(Boolean).length > 1) {
              expect(why.weakest).not.toBeNull();
              expect(why.weakest!.metric).not.toBe(why.strongest!.metric);
              expect(applied[why.weakest!.metric]).toBeGreaterThan(0);
              expect(why.strongest!.points).toBeGreaterThanOrEqual(why.weakest!.points - 1e-9);
            } else expect(why.weakest).toBeNull();
          }
        },
      ),
    );
  });
});
