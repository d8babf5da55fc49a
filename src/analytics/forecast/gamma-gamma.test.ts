import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaSampler } from '../../../test/helpers/gamma-sample';
import {
  expectedAvgValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaTerm,
  prepareSpend,
  type Spend,
} from './gamma-gamma';

describe('Gamma-Gamma (analytics.md §10)', () => {
  it('matches a hand-worked pair of customers', () => {
    // p = 1, q = 2, γ = 3.
    // (x 1, m 2): ln Γ(3) − ln Γ(1) − ln Γ(2) + 2 ln 3 + 0·ln 2 + 1·ln 1 − 3 ln(3 + 2)
    //           = ln 2 + ln 9 − ln 125 = ln(18/125).
    // (x 2, m 1): ln Γ(4) − ln Γ(2) − ln Γ(2) + 2 ln 3 + 1·ln 1 + 2 ln 2 − 4 ln(3 + 2)
    //           = ln 6 + ln 9 + ln 4 − ln 625 = ln(216/625).
    const g = { p: 1, q: 2, gamma: 3 };
    expect(gammaGammaTerm(g, { x: 1, m: 2 })).toBeCloseTo(Math.log(18 / 125), 14);
    expect(gammaGammaTerm(g, { x: 2, m: 1 })).toBeCloseTo(Math.log(216 / 625), 14);
    const d = prepareSpend([
      { x: 1, m: 2 },
      { x: 2, m: 1 },
      // Left out of the likelihood: no repeat, or a mean value ≤ 0.
      { x: 0, m: 0 },
      { x: 3, m: -5 },
    ]);
    expect(d.n).toBe(2);
    expect(gammaGammaLogLikelihood(g, d)).toBeCloseTo(Math.log((18 / 125) * (216 / 625)), 13);
  });

  it('expected value of a purchase day: conditional, population mean, null when q ≤ 1', () => {
    const g = { p: 1, q: 2, gamma: 3 };
    // p(γ + x m)/(px + q − 1) = 1·(3 + 1·2)/(1 + 2 − 1) = 2.5; population pγ/(q − 1) = 3.
    expect(expectedAvgValue(g, 1, 2)).toBe(2.5);
    expect(expectedAvgValue(g, 0, null)).toBe(3);
    expect(expectedAvgValue(g, 2, -4)).toBe(3);
    expect(expectedAvgValue({ ...g, q: 1 }, 1, 2)).toBeNull();
    expect(expectedAvgValue({ ...g, q: 0.5 }, 0, null)).toBeNull();
  });

  it('grouped likelihood = Σ of the literal terms (random data and parameters)', () => {
    const spend = fc.record({
      x: fc.integer({ min: 1, max: 60 }),
      m: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    });
    const param = fc.double({ min: -9, max: 9, noNaN: true }).map((v) => Math.exp(v));
    fc.assert(
      fc.property(
        fc.array(spend, { minLength: 1, maxLength: 30 }),
        param,
        param,
        param,
        (cs: Spend[], p, q, gamma) => {
          const literal = cs.reduce((s, c) => s + gammaGammaTerm({ p, q, gamma }, c), 0);
          const grouped = gammaGammaLogLikelihood({ p, q, gamma }, prepareSpend(cs));
          expect(Math.abs(grouped - literal)).toBeLessThan(1e-8 * Math.max(1, Math.abs(literal)));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  it('recovers simulated parameters (seeded)', () => {
    // 3,000 customers: ν ~ Gamma(q = 4, rate γ = 30), each purchase value ~ Gamma(p = 5, rate ν).
    const { gamma } = gammaSampler(7);
    const cs: Spend[] = [];
    for (let i = 0; i < 3000; i++) {
      const nu = gamma(4) / 30;
      const x = 1 + (i % 8);
      let sum = 0;
      for (let j = 0; j < x; j++) sum += gamma(5) / nu;
      cs.push({ x, m: sum / x });
    }
    const fit = fitGammaGamma(prepareSpend(cs));
    expect(fit.converged).toBe(true);
    expect(fit.params.p).toBeGreaterThan(4.5);
    expect(fit.params.p).toBeLessThan(5.5);
    // The population mean pγ/(q−1) = 5·30/3 = 50 is well determined.
    expect(expectedAvgValue(fit.params, 0, null)).toBeGreaterThan(47);
    expect(expectedAvgValue(fit.params, 0, null)).toBeLessThan(53);
  });
});
