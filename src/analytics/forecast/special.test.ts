import { describe, expect, it } from 'vitest';
import { hyp2f1, lnGamma, lnHyp2f1 } from './special';

/** |got − want| ≤ tol·|want|. */
function close(got: number, want: number, tol = 1e-10) {
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(tol * Math.abs(want));
}

const Z = [0, 1e-6, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 0.995, 0.999];

describe('lnGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    close(lnGamma(1), 0 + 1e-300, 1);
    close(lnGamma(10), Math.log(362880), 1e-14);
    close(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    // ln Γ(171) = ln 170!, summed directly.
    let s = 0;
    for (let k = 2; k <= 170; k++) s += Math.log(k);
    close(lnGamma(171), s, 1e-13);
  });
});

describe('₂F₁ by the power series (analytics.md §10), against closed forms', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1 − z)/z', () => {
    for (const z of Z.slice(1)) close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z);
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });

  it('₂F₁(a, b; b; z) = (1 − z)^−a, also for b = c = 10⁴', () => {
    for (const [a, b] of [
      [0.243, 2.426],
      [3.5, 1],
      [25.2, 10_000],
      [0.5, 9_999.5],
    ])
      for (const z of Z) close(hyp2f1(a, b, b, z), Math.pow(1 - z, -a));
  });

  it('₂F₁(½, ½; 3/2; z²) = asin(z)/z and ₂F₁(½, 1; 3/2; z²) = atanh(z)/z', () => {
    for (const z2 of Z.slice(1)) {
      const z = Math.sqrt(z2);
      close(hyp2f1(0.5, 0.5, 1.5, z2), Math.asin(z) / z);
      close(hyp2f1(0.5, 1, 1.5, z2), Math.atanh(z) / z);
    }
  });

  it('₂F₁(½, ½; 1; ½) = 2K(1/√2)/π = Γ(¼)²/(2π^{3/2})', () => {
    // Γ(1/4) = 3.6256099082219083119…; also checked against lnGamma.
    const g = 3.625609908221908;
    close(Math.exp(lnGamma(0.25)), g, 1e-14);
    close(hyp2f1(0.5, 0.5, 1, 0.5), (g * g) / (2 * Math.pow(Math.PI, 1.5)));
  });

  it("Gauss's second theorem: ₂F₁(a, b; (a+b+1)/2; ½) = √π Γ((a+b+1)/2) / (Γ((a+1)/2) Γ((b+1)/2)), b up to 2·10⁴", () => {
    for (const [a, b] of [
      [0.3, 0.7],
      [2.5, 40],
      [26.243, 10_002.426],
      [3.3, 20_000],
    ]) {
      const c = (a + b + 1) / 2;
      const want = 0.5 * Math.log(Math.PI) + lnGamma(c) - lnGamma((a + 1) / 2) - lnGamma((b + 1) / 2);
      // Compared on the log scale: lnGamma of 10⁴ carries ~1e-12 absolute error.
      expect(Math.abs(lnHyp2f1(a, b, c, 0.5) - want)).toBeLessThan(1e-10);
    }
  });

  it("Euler's transformation ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) holds (two independent series)", () => {
    for (const [a, b, c] of [
      [0.243, 2.426, 3.219],
      [10.243, 12.426, 13.219],
      [3.2, 10_000, 10_000.5],
      [1.7, 5_000, 6_000.8],
    ])
      for (const z of [0.2, 0.6, 0.9, 0.99, 0.999])
        // On the log scale (the factors pass the double range for c − a − b ≈ 999); an absolute
        // error of 1e-10 in the logarithm is a relative one of 1e-10 in the value.
        expect(
          Math.abs(lnHyp2f1(a, b, c, z) - ((c - a - b) * Math.log1p(-z) + lnHyp2f1(c - a, c - b, c, z))),
        ).toBeLessThan(1e-10);
  });

  it('Gauss contiguous relation in c (DLMF 15.5.18) holds', () => {
    // c(c−1)(z−1)F(c−1) + c[c−1−(2c−a−b−1)z]F(c) + (c−a)(c−b)zF(c+1) = 0
    for (const [a, b, c] of [
      [0.5, 1.3, 2.2],
      [12.2, 3.4, 5.5],
    ])
      for (const z of [0.3, 0.9, 0.99]) {
        const terms = [
          c * (c - 1) * (z - 1) * hyp2f1(a, b, c - 1, z),
          c * (c - 1 - (2 * c - a - b - 1) * z) * hyp2f1(a, b, c, z),
          (c - a) * (c - b) * z * hyp2f1(a, b, c + 1, z),
        ];
        const scale = Math.max(...terms.map(Math.abs));
        expect(Math.abs(terms[0] + terms[1] + terms[2]) / scale).toBeLessThan(1e-12);
      }
  });

  it('returns a logarithm where the value overflows, NaN where the series cannot converge', () => {
    // ₂F₁(a, b; b; z) = (1−z)^−a: a = 400, z = 0.99 → 800 ln 10... = 400·ln 100.
    expect(hyp2f1(400, 3, 3, 0.99)).toBe(Infinity);
    close(lnHyp2f1(400, 3, 3, 0.99), 400 * Math.log(100), 1e-12);
    expect(lnHyp2f1(0.5, 0.5, 1, 1 - 1e-9)).toBeNaN();
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -0.5, 0.5)).toThrow(RangeError);
  });
});
