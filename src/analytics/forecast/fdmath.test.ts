import stdlibLog1p from '@stdlib/math-base-special-log1p';
import { describe, expect, it } from 'vitest';
import { exp, ln, log1p, referenceExp, referenceLn } from './fdmath';

/** A seeded uniform generator (the same arguments every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Largest relative difference of f from the reference over the arguments. */
function worst(f: (x: number) => number, ref: (x: number) => number, xs: number[]): number {
  let w = 0;
  for (const x of xs) {
    const [a, e] = [f(x), ref(x)];
    const d = e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
    if (!(d <= w)) w = d;
  }
  return w;
}

describe('fdmath: deterministic ln, exp, log1p', () => {
  const rnd = lcg(7);
  // Arguments over the ranges the fit uses and beyond: 1e-300 … 1e300 on a log scale, and near 1.
  const wide = Array.from({ length: 100_000 }, () => 10 ** (rnd() * 600 - 300));
  const near1 = Array.from({ length: 20_000 }, () => 1 + (rnd() - 0.5) * 0.3);
  const tiny = Array.from({ length: 2_000 }, () => 1 + (rnd() - 0.5) * 1e-12);

  it('ln is within 5e-16 relative of stdlib (msun), and exact at the special values', () => {
    expect(
      worst(ln, referenceLn, [...wide, ...near1, ...tiny, 5e-324, 2.2e-308, Number.MAX_VALUE]),
    ).toBeLessThan(5e-16);
    expect(ln(1)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(Infinity)).toBe(Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(NaN)).toBeNaN();
  });

  it('exp is within 5e-16 relative of stdlib over the whole range, subnormal results included', () => {
    const xs = Array.from({ length: 100_000 }, () => (rnd() - 0.5) * 1400);
    const small = Array.from({ length: 10_000 }, () => (rnd() - 0.5) * 1e-6);
    expect(worst(exp, referenceExp, [...xs, ...small, 709.78, -700, 0])).toBeLessThan(5e-16);
    // Subnormal results are rounded twice: within 2 units of the last place of a subnormal.
    for (const x of [-740, -744.4, -745])
      expect(Math.abs(exp(x) - referenceExp(x))).toBeLessThanOrEqual(1e-323);
    expect(exp(0)).toBe(1);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(NaN)).toBeNaN();
  });

  it('log1p is within 5e-16 relative of stdlib, keeping the digits of tiny arguments', () => {
    const xs = Array.from({ length: 50_000 }, () => 10 ** (rnd() * 40 - 30) * (rnd() < 0.3 ? -0.9 : 1));
    const unit = Array.from({ length: 50_000 }, () => rnd() * 2 - 0.99);
    expect(worst(log1p, stdlibLog1p, [...xs, ...unit, 1e-300, 0.125, -0.125, 1e300])).toBeLessThan(5e-16);
    expect(log1p(0)).toBe(0);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-2)).toBeNaN();
  });
});
