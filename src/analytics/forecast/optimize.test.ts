import { describe, expect, it } from 'vitest';
import { minimize, nelderMead } from './optimize';

const BOX2 = { lower: [-10, -10], upper: [10, 10] };

describe('Nelder–Mead in a box with restarts', () => {
  it('finds the minimum of the Rosenbrock function (1, 1)', () => {
    const rosen = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const r = minimize(rosen, { starts: [[-1.2, 1]], ...BOX2 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.f).toBeLessThan(1e-12);
  });

  it('finds the minimum of a 4-D quadratic with unequal scales', () => {
    const target = [0.3, -2, 5, 1];
    const w = [1, 100, 0.01, 10];
    const q = (x: number[]) => x.reduce((s, v, i) => s + w[i] * (v - target[i]) ** 2, 0);
    const r = minimize(q, { starts: [[0, 0, 0, 0]], lower: [-9, -9, -9, -9], upper: [9, 9, 9, 9] });
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 5));
  });

  it('stops on the box when the minimum lies outside it', () => {
    // Minimum at (20, −3): the box holds x ≤ 10, so the answer is (10, −3).
    const f = ([x, y]: number[]) => (x - 20) ** 2 + (y + 3) ** 2;
    const r = minimize(f, { starts: [[0, 0]], ...BOX2 });
    expect(r.x[0]).toBe(10);
    expect(r.x[1]).toBeCloseTo(-3, 6);
  });

  it('starts a simplex inward from a point on the bound', () => {
    const f = ([x, y]: number[]) => (x - 5) ** 2 + (y - 5) ** 2;
    const r = nelderMead(f, [10, 10], BOX2);
    expect(r.x[0]).toBeCloseTo(5, 6);
    expect(r.x[1]).toBeCloseTo(5, 6);
  });

  it('keeps the best of several starts (two valleys)', () => {
    // Local minimum near x = 2 (value 1), global near x = −2 (value 0).
    const f = ([x, y]: number[]) => Math.min((x - 2) ** 2 + 1, (x + 2) ** 2) + y * y;
    const r = minimize(f, {
      starts: [
        [3, 0],
        [-3, 0],
      ],
      ...BOX2,
      step: 0.1,
    });
    expect(r.x[0]).toBeCloseTo(-2, 6);
  });

  it('treats non-finite values as +∞ and says when it ran out of evaluations', () => {
    const f = ([x]: number[]) => (x < 0 ? NaN : (x - 1) ** 2);
    expect(minimize(f, { starts: [[3]], lower: [-5], upper: [5] }).x[0]).toBeCloseTo(1, 6);
    const rosen = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    expect(minimize(rosen, { starts: [[-1.2, 1]], ...BOX2, maxEvaluations: 20 }).converged).toBe(false);
  });

  it('polishes on a refine stand-in first, then on f, whose optimum alone is the answer', () => {
    // f, and stand-ins whose optima are 0.05 (explore) and 0.001 (refine) away from f's, as a
    // subsample's would be. With refine, f's own polish starts near its optimum: fewer calls of f.
    const target = [0.3, -2, 5, 1];
    const w = [1, 100, 0.01, 10];
    const quad = (shift: number) => (x: number[]) =>
      x.reduce((s, v, i) => s + w[i] * (v - target[i] - shift) ** 2, 0);
    let calls = 0;
    const f = (x: number[]) => {
      calls++;
      return quad(0)(x);
    };
    const opts = {
      starts: [[0, 0, 0, 0]],
      lower: [-9, -9, -9, -9],
      upper: [9, 9, 9, 9],
      explore: quad(0.05),
    };
    const plain = minimize(f, opts);
    const plainCalls = calls;
    calls = 0;
    const refined = minimize(f, { ...opts, refine: quad(0.001) });
    for (const r of [plain, refined]) {
      expect(r.converged).toBe(true);
      r.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 5));
    }
    expect(calls).toBeLessThan(plainCalls);
  });
});
