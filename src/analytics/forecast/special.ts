/**
 * Special functions of the value forecast (analytics.md §10): the log-gamma function (from
 * `@stdlib/math-base-special-gammaln`, a maintained port of FreeBSD's msun `lgamma`) and the
 * Gauss hypergeometric function ₂F₁, for which no maintained npm package exists.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { ln, exp } from './fdmath';

/** ln Γ(x) for x > 0 (stdlib; relative error of a few ulp). */
export const lnGamma: (x: number) => number = gammaln;

/** Terms summed at most before ₂F₁ gives up (z ≤ 0.99999 needs about 4·10⁶ for tiny a, b). */
const MAX_TERMS = 5_000_000;
/** The series stops when a bound on the rest is below this share of the sum. */
const TAIL = 1e-17;
/** Rescale the running sum above this (its logarithm is kept apart), so no sum overflows. */
const BIG = 1e280;
const LN_BIG = ln(BIG);

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by the Gauss power series
 * Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ, whose terms are then all positive (no cancellation).
 *
 * Terms come from the ratio ρₖ = (a+k)(b+k) z / ((c+k)(k+1)), added with Kahan summation.
 * Stopping rule with a proven bound: for j ≥ k+1,
 * `ρⱼ ≤ ρ̃ = z·(1 + |ab − c| / ((c+k+1)(k+2)) + max(0, a+b−c−1) / (k+2))` (write
 * (a+j)(b+j) − (c+j)(j+1) = ab − c + j(a+b−c−1) and bound each part), so once ρ̃ < 1 the rest
 * after term k+1 is at most t₍ₖ₊₁₎·ρ̃/(1−ρ̃); the loop stops when that is ≤ 1e-17 of the sum.
 * Each term carries a relative rounding error of about 4k ulp after k steps, so the result is
 * good to ~1e-11 relative up to 2·10⁵ terms (z = 0.999 with moderate a, b needs ~4·10⁴;
 * large b ≈ c such as 10⁴ only changes the early ratios). The running sum is rescaled by
 * 10⁻²⁸⁰ whenever it passes 10²⁸⁰, so values like (1−z)^−1000 come out as logarithms.
 * Returns NaN when the series has not converged after 5·10⁶ terms (z extremely close to 1).
 */
export function lnHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0) || !(z >= 0 && z < 1))
    throw new RangeError(`₂F₁ needs a, b, c > 0 and 0 ≤ z < 1 (got ${a}, ${b}, ${c}, ${z})`);
  const abc = Math.abs(a * b - c);
  const excess = Math.max(0, a + b - c - 1);
  let term = 1;
  let sum = 1;
  let carry = 0;
  let scale = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    // Kahan: carry holds what the last addition lost.
    const y = term - carry;
    const s = sum + y;
    carry = s - sum - y;
    sum = s;
    if (sum > BIG) {
      sum /= BIG;
      term /= BIG;
      carry /= BIG;
      scale += LN_BIG;
    }
    const rho = z * (1 + abc / ((c + k + 1) * (k + 2)) + excess / (k + 2));
    if (rho < 1 && (term * rho) / (1 - rho) <= TAIL * sum) return scale + ln(sum);
  }
  return NaN;
}

/** ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1 (see lnHyp2f1; Infinity past the double range). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return exp(lnHyp2f1(a, b, c, z));
}
