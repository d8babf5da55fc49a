import { Random } from '../../sample-data/random';

/**
 * Seeded Gamma(k, 1) draws (Marsaglia & Tsang 2000; k < 1 by Gamma(k+1)·U^(1/k)) and uniforms in
 * (0, 1], for simulated BG/NBD and Gamma-Gamma populations in tests and the forecast benchmark.
 */
export function gammaSampler(seed: number): { gamma: (k: number) => number; uniform: () => number } {
  const rng = new Random(seed);
  const uniform = () => 1 - rng.next();
  const gamma = (k: number): number => {
    if (k < 1) return gamma(k + 1) * Math.pow(uniform(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const n = rng.normal();
      const v = (1 + c * n) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return { gamma, uniform };
}
