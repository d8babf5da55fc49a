import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaSampler } from '../../../test/helpers/gamma-sample';
import { expectedByIntegral } from '../../../test/helpers/bgnbd-integral';
import {
  bgnbdLogLikelihood,
  bgnbdTerm,
  expectedPurchases,
  fitBgnbd,
  groupTriples,
  pAlive,
  subsample,
  type BgnbdParams,
  type Triple,
} from './bgnbd';

const P: BgnbdParams = { r: 1, alpha: 2, a: 1, b: 2 };
const A: Triple = { x: 0, tx: 0, T: 3 };
const B: Triple = { x: 2, tx: 1, T: 3 };

/**
 * n customers drawn from BG/NBD with the given parameters (seeded; continuous time, so purchase
 * days never coincide), each observed for `age(uniform)` weeks.
 */
function simulate(
  seed: number,
  n: number,
  truth: BgnbdParams,
  age: (uniform: () => number) => number,
): Triple[] {
  const { gamma, uniform: rnd } = gammaSampler(seed);
  const customers: Triple[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(truth.r) / truth.alpha;
    const g1 = gamma(truth.a);
    const p = g1 / (g1 + gamma(truth.b));
    const T = age(rnd);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(rnd()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (rnd() < p) break;
    }
    customers.push({ x, tx, T });
  }
  return customers;
}

describe('BG/NBD likelihood (analytics.md §10)', () => {
  it('matches a hand-worked pair of customers', () => {
    // r = 1, α = 2, a = 1, b = 2.
    // A: x = 0, T = 3. The Γ terms of a, b cancel for x = 0; ln Γ(r+0) − ln Γ(r) = 0;
    //    r ln α = ln 2; ln[(α+T)^−r] = ln(1/5)  →  ln(2/5) = ln 0.4.
    // B: x = 2, t_x = 1, T = 3.
    //    ln Γ(3) − ln Γ(1) = ln 2;  r ln α = ln 2;  ln Γ(a+b) = ln Γ(3) = ln 2;
    //    ln Γ(b+x) − ln Γ(b) = ln Γ(4) − ln Γ(2) = ln 6;  −ln Γ(a+b+x) = −ln Γ(5) = −ln 24
    //    → ln(2·2·2·6/24) = ln 2.
    //    mixing: (α+T)^−(r+x) = 5^−3 = 1/125; a/(b+x−1)·(α+t_x)^−(r+x) = 1/3 · 3^−3 = 1/81;
    //    1/125 + 1/81 = 206/10125  →  term = ln(2 · 206/10125) = ln(412/10125).
    // Sum: ln(0.4 · 412/10125) = ln(164.8/10125).
    expect(bgnbdTerm(P, A)).toBeCloseTo(Math.log(0.4), 14);
    expect(bgnbdTerm(P, B)).toBeCloseTo(Math.log(412 / 10125), 14);
    expect(bgnbdLogLikelihood(P, groupTriples([A, B]))).toBeCloseTo(Math.log(164.8 / 10125), 13);
    // Two more of A count twice.
    expect(bgnbdLogLikelihood(P, groupTriples([A, B, A]))).toBeCloseTo(
      Math.log((0.4 * 0.4 * 412) / 10125),
      13,
    );
  });

  it('grouped likelihood = Σ of the literal per-customer terms (random customers and parameters)', () => {
    const triple = fc
      .tuple(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 700 }),
      )
      .map(([x, d1, d2]): Triple => {
        const T = Math.max(d1, d2) / 7;
        return x === 0 ? { x, tx: 0, T } : { x, tx: Math.min(d1, d2) / 7, T };
      });
    const param = fc.double({ min: -9, max: 9, noNaN: true }).map((v) => Math.exp(v));
    fc.assert(
      fc.property(
        fc.array(triple, { minLength: 1, maxLength: 30 }),
        param,
        param,
        param,
        param,
        (cs, r, alpha, a, b) => {
          const p = { r, alpha, a, b };
          const literal = cs.reduce((s, c) => s + bgnbdTerm(p, c), 0);
          const grouped = bgnbdLogLikelihood(p, groupTriples(cs));
          // The literal form under/overflows (α+T)^−(r+x) for extreme parameters; compare where it is finite.
          if (Number.isFinite(literal))
            expect(Math.abs(grouped - literal)).toBeLessThan(1e-9 * Math.max(1, Math.abs(literal)));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('P(alive) and expected purchases', () => {
  it('P(alive) is 1 for x = 0 and hand-worked for B', () => {
    expect(pAlive(P, A)).toBe(1);
    // 1 / (1 + a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) = 1 / (1 + 1/3·(5/3)³) = 1 / (1 + 125/81) = 81/206.
    expect(pAlive(P, B)).toBeCloseTo(81 / 206, 15);
  });

  it('grows with the horizon, is 0 for h = 0, and never exceeds the alive-forever Poisson-gamma bound', () => {
    const q = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const t of [A, B, { x: 7, tx: 30, T: 31 }, { x: 1, tx: 2, T: 60 }]) {
      expect(expectedPurchases(q, t, 0)).toBe(0);
      let prev = 0;
      for (const h of [1, 4, 13, 26, 52, 104, 520]) {
        const e = expectedPurchases(q, t, h);
        expect(e).toBeGreaterThan(prev);
        // Alive with no drop-out, the mean rate is (r+x)/(α+T): E ≤ P(alive)·h·(r+x)/(α+T).
        expect(e).toBeLessThanOrEqual((pAlive(q, t) * h * (q.r + t.x)) / (q.alpha + t.T) + 1e-12);
        prev = e;
      }
    }
  });

  it('agrees with the ₂F₁-free integral, on the direct path, the contiguous path (c ≤ ½, even c < 0) and near a = 1', () => {
    const cases: [BgnbdParams, Triple][] = [
      [
        { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
        { x: 2, tx: 30.43, T: 38.86 },
      ],
      [
        { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
        { x: 0, tx: 0, T: 0 },
      ],
      [
        { r: 2.5, alpha: 0.3, a: 3, b: 40 },
        { x: 12, tx: 20, T: 22 },
      ],
      // c = a + b − 1 = 0.45, −0.4 and 0.45 with x = 0: Gauss's contiguous relation.
      [
        { r: 0.7, alpha: 2, a: 0.3, b: 1.15 },
        { x: 0, tx: 0, T: 10 },
      ],
      [
        { r: 0.7, alpha: 2, a: 0.3, b: 0.3 },
        { x: 0, tx: 0, T: 10 },
      ],
      [
        { r: 0.7, alpha: 2, a: 1.4, b: 0.05 },
        { x: 0, tx: 0, T: 10 },
      ],
      // a within 1e-5 of 1: interpolated.
      [
        { r: 1.1, alpha: 3, a: 1 + 3e-6, b: 2 },
        { x: 3, tx: 5, T: 9 },
      ],
      [
        { r: 1.1, alpha: 3, a: 1, b: 2 },
        { x: 0, tx: 0, T: 9 },
      ],
      // The degenerate optimum: a, b on the box at a fixed ratio.
      [
        { r: 0.5, alpha: 5, a: 3000, b: 10_000 },
        { x: 4, tx: 12, T: 30 },
      ],
    ];
    for (const [q, t] of cases) {
      const want = expectedByIntegral(q, t, 52);
      expect(Math.abs(expectedPurchases(q, t, 52) - want), JSON.stringify([q, t])).toBeLessThan(
        1e-8 * Math.max(1, want),
      );
    }
  });

  it('never gives NaN for finite inputs in the box (random parameters and customers)', () => {
    const param = fc.double({ min: Math.log(1e-4), max: Math.log(1e4), noNaN: true }).map((v) => Math.exp(v));
    fc.assert(
      fc.property(
        param,
        param,
        param,
        param,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 700 }),
        (r, alpha, a, b, x, days) => {
          const t = x === 0 ? { x, tx: 0, T: days / 7 } : { x, tx: days / 14, T: days / 7 };
          const p = pAlive({ r, alpha, a, b }, t);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          const e = expectedPurchases({ r, alpha, a, b }, t, 52);
          // NaN is allowed only where ₂F₁ cannot converge (z within ~1e-6 of 1); the caller nulls it.
          if (Number.isNaN(e)) expect(52 / (alpha + t.T + 52)).toBeGreaterThan(0.9999);
          else expect(e).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('BG/NBD fit', () => {
  it('recovers the parameters of a simulated population (seeded)', () => {
    // 4,000 customers drawn from r = 0.5, α = 4, a = 0.8, b = 2.5 over 52 weeks (continuous time,
    // so purchase days never coincide); the fit must land near the truth.
    const truth = { r: 0.5, alpha: 4, a: 0.8, b: 2.5 };
    const customers = simulate(42, 4000, truth, () => 52);
    const fit = fitBgnbd(groupTriples(customers));
    expect(fit.converged).toBe(true);
    expect(fit.onBound).toEqual([]);
    expect(fit.params.r).toBeGreaterThan(0.4);
    expect(fit.params.r).toBeLessThan(0.6);
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeGreaterThan(0.17);
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeLessThan(0.3);
    // The optimum is a maximum: nudging any parameter lowers the likelihood.
    const d = groupTriples(customers);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      for (const f of [0.999, 1.001])
        expect(bgnbdLogLikelihood({ ...fit.params, [k]: fit.params[k] * f }, d)).toBeLessThan(fit.ll);
  });

  it('explores and polishes on subsamples when given, and still ends on the maximum of all the data', () => {
    // 8,000 customers of r = 0.5, α = 4, a = 0.8, b = 2.5 with ages of 26–52 weeks (continuous
    // time: about 4,600 distinct repeat triples); subsamples of 500 and 2,000 stand in for the
    // 4,000 and 30,000 of a large file.
    const customers = simulate(43, 8000, { r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, (u) => 26 + u() * 26);
    const d = groupTriples(customers);
    expect(d.rep.x.length).toBeGreaterThan(2000);
    const full = fitBgnbd(d, { explore: Infinity, refine: Infinity });
    const fit = fitBgnbd(d, { explore: 500, refine: 2000 });
    expect(fit.converged).toBe(true);
    // The same maximum: the reported optimum is always polished on all the data.
    expect(Math.abs(fit.ll - full.ll)).toBeLessThan(1e-9 * Math.abs(full.ll));
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(Math.log(fit.params[k] / full.params[k]))).toBeLessThan(1e-4);
    expect(fit.params.r).toBeGreaterThan(0.4);
    expect(fit.params.r).toBeLessThan(0.6);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      for (const f of [0.9999, 1.0001])
        expect(bgnbdLogLikelihood({ ...fit.params, [k]: fit.params[k] * f }, d)).toBeLessThan(fit.ll);
  });

  it('explores on a subsample only: every k-th repeat triple, counts × k, the rest untouched', () => {
    const cs: Triple[] = [];
    for (let i = 0; i < 100; i++)
      cs.push({ x: 1 + (i % 5), tx: i / 7, T: (i + 30) / 7 }, { x: 0, tx: 0, T: i / 7 });
    const d = groupTriples(cs);
    expect(subsample(d, 1000)).toBe(d);
    const s = subsample(d, 25);
    expect(s.rep.x.length).toBe(25);
    expect(s.rep.n.reduce((a, n) => a + n, 0)).toBe(100);
    expect(s.xCount).toBe(d.xCount);
    const q = { r: 0.5, alpha: 3, a: 0.8, b: 2.5 };
    expect(Math.abs(bgnbdLogLikelihood(q, s) / bgnbdLogLikelihood(q, d) - 1)).toBeLessThan(0.01);
  });

  it('ends on the box and says so when the data push a and b to infinity', () => {
    // Everyone buys every week for their whole life and nobody has stopped: no drop-out seen,
    // so the fit wants P(drop-out) → 0 (b → ∞).
    const customers: Triple[] = [];
    for (let i = 0; i < 200; i++) {
      const T = 10 + (i % 30);
      customers.push({ x: Math.floor(T), tx: Math.floor(T), T });
    }
    const fit = fitBgnbd(groupTriples(customers));
    expect(fit.onBound).toContain('b');
    expect(Number.isFinite(fit.ll)).toBe(true);
  });
});
