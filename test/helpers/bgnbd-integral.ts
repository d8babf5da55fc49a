import type { BgnbdParams } from '../../src/analytics/forecast/bgnbd';
import { lnGamma } from '../../src/analytics/forecast/special';

/** Composite Simpson of f on [lo, hi] with `steps` (even) steps. */
function simpson(f: (u: number) => number, lo: number, hi: number, steps: number): number {
  const w = (hi - lo) / steps;
  let s = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(lo + i * w);
  return (s * w) / 3;
}

/**
 * BG/NBD expected purchases in (T, T+h] by a route that never touches ₂F₁, to check the
 * module's closed form: given alive, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x); a live customer
 * with λ, p makes (1 − e^(−λph))/p purchases in h weeks on average, and integrating λ out gives
 * g(p) = (1 − ((α+T)/(α+T+ph))^(r+x))/p. So
 * E = P(alive) · ∫₀¹ g(p) · p^(a−1) (1−p)^(β−1) / B(a, β) dp with β = b + x,
 * integrated by composite Simpson in two halves: on [0, ½] in p, or when a < 1.5 in u with
 * p = u^(1/a) (p^(a−1) dp = du/a removes the singularity, or the kink, at 0); on [½, 1] in p,
 * or when β < 1.5 in v with 1 − p = v^(1/β) likewise.
 */
export function expectedByIntegral(
  q: BgnbdParams,
  t: { x: number; tx: number; T: number },
  h: number,
  steps = 200_000,
): number {
  const { r, alpha, a, b } = q;
  const { x, tx, T } = t;
  const beta = b + x;
  const lnB = lnGamma(a) + lnGamma(beta) - lnGamma(a + beta);
  const g = (p: number) =>
    p === 0 ? ((r + x) * h) / (alpha + T) : -Math.expm1(-(r + x) * Math.log1p((p * h) / (alpha + T))) / p;
  const density = (p: number) => Math.exp((a - 1) * Math.log(p) + (beta - 1) * Math.log1p(-p) - lnB);
  const low =
    a < 1.5
      ? simpson(
          (u) => {
            const p = Math.pow(u, 1 / a);
            return (g(p) * Math.exp((beta - 1) * Math.log1p(-p) - lnB)) / a;
          },
          0,
          Math.pow(0.5, a),
          steps,
        )
      : simpson((p) => (p === 0 ? (a > 1 ? 0 : g(0) * Math.exp(-lnB)) : g(p) * density(p)), 0, 0.5, steps);
  const high =
    beta < 1.5
      ? simpson(
          (v) => {
            const p = 1 - Math.pow(v, 1 / beta);
            return (g(p) * Math.exp((a - 1) * Math.log(p) - lnB)) / beta;
          },
          0,
          Math.pow(0.5, beta),
          steps,
        )
      : simpson((p) => (p === 1 ? (beta > 1 ? 0 : g(1) * Math.exp(-lnB)) : g(p) * density(p)), 0.5, 1, steps);
  const alive = x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
  return alive * (low + high);
}
