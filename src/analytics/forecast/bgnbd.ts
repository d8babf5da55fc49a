/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): likelihood, fit,
 * P(alive) and expected purchase days, exactly as analytics.md §10 writes them.
 */
import { lnGamma, lnHyp2f1 } from './special';
import { fitOnLogScale, type FitResult } from './fit';
import { ln, exp, pow, log1p, expm1 } from './fdmath';

/** BG/NBD parameters: purchase rates ~ Gamma(r, α), drop-out probability ~ Beta(a, b). */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Parameter names in the order of the fit (and of `on_bound`). */
export const BGNBD_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** A customer's summary in weeks: x repeat purchase days, recency t_x, age T_c. */
export interface Triple {
  x: number;
  tx: number;
  T: number;
}

/** One customer's term of the log-likelihood, the formula of §10 literally (for tests and checks). */
export function bgnbdTerm(p: BgnbdParams, { x, tx, T }: Triple): number {
  const { r, alpha, a, b } = p;
  return (
    lnGamma(r + x) -
    lnGamma(r) +
    r * ln(alpha) +
    lnGamma(a + b) +
    lnGamma(b + x) -
    lnGamma(b) -
    lnGamma(a + b + x) +
    ln(pow(alpha + T, -(r + x)) + (x > 0 ? (a / (b + x - 1)) * pow(alpha + tx, -(r + x)) : 0))
  );
}

/**
 * Customers grouped for a fast likelihood: the terms that depend on x alone are summed per
 * distinct x, the −(r+x)·ln(α+T_c) part per distinct T_c, and only the mixing term
 * ln(1 + a/(b+x−1)·((α+T_c)/(α+t_x))^(r+x)) is evaluated per distinct (x, t_x, T_c) with x > 0.
 */
export interface BgnbdData {
  /** Customers in all. */
  n: number;
  /** Distinct x with their customer counts. */
  xs: number[];
  xCount: number[];
  /** Distinct T_c with their customer counts and Σ x. */
  ages: number[];
  ageCount: number[];
  ageX: number[];
  /** Distinct t_x of customers with x > 0. */
  recencies: number[];
  /** Distinct triples with x > 0: x, index into xs, ages and recencies, and customer count. */
  rep: { x: Float64Array; ix: Int32Array; iAge: Int32Array; iRec: Int32Array; n: Float64Array };
}

/** Group customers by (x, t_x, T_c) (the likelihood costs one term per distinct triple). */
export function groupTriples(customers: Iterable<Triple>): BgnbdData {
  const triples = new Map<string, { t: Triple; n: number }>();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    const g = triples.get(key);
    if (g) g.n++;
    else triples.set(key, { t: { x: c.x, tx: c.tx, T: c.T }, n: 1 });
  }
  const index = (values: Map<number, number>, v: number) => {
    if (!values.has(v)) values.set(v, values.size);
    return values.get(v)!;
  };
  const xIdx = new Map<number, number>();
  const ageIdx = new Map<number, number>();
  const recIdx = new Map<number, number>();
  const xCount: number[] = [];
  const ageCount: number[] = [];
  const ageX: number[] = [];
  const rep: number[][] = [];
  let n = 0;
  for (const { t, n: k } of triples.values()) {
    n += k;
    const ix = index(xIdx, t.x);
    xCount[ix] = (xCount[ix] ?? 0) + k;
    const ia = index(ageIdx, t.T);
    ageCount[ia] = (ageCount[ia] ?? 0) + k;
    ageX[ia] = (ageX[ia] ?? 0) + k * t.x;
    if (t.x > 0) rep.push([t.x, ix, ia, index(recIdx, t.tx), k]);
  }
  return {
    n,
    xs: [...xIdx.keys()],
    xCount,
    ages: [...ageIdx.keys()],
    ageCount,
    ageX,
    recencies: [...recIdx.keys()],
    rep: {
      x: Float64Array.from(rep, (q) => q[0]),
      ix: Int32Array.from(rep, (q) => q[1]),
      iAge: Int32Array.from(rep, (q) => q[2]),
      iRec: Int32Array.from(rep, (q) => q[3]),
      n: Float64Array.from(rep, (q) => q[4]),
    },
  };
}

/** ln(1 + eᵘ) without overflow. */
function softplus(u: number): number {
  return u > 0 ? u + log1p(exp(-u)) : log1p(exp(u));
}

/** The log-likelihood of §10 summed over the grouped customers (equal to Σ bgnbdTerm). */
export function bgnbdLogLikelihood(p: BgnbdParams, d: BgnbdData): number {
  const { r, alpha, a, b } = p;
  const lgR = lnGamma(r);
  const lgB = lnGamma(b);
  const lgAB = lnGamma(a + b);
  const lnA = ln(a);
  let ll = d.n * r * ln(alpha);
  const mix = new Float64Array(d.xs.length);
  for (let i = 0; i < d.xs.length; i++) {
    const x = d.xs[i];
    ll += d.xCount[i] * (lnGamma(r + x) - lgR + lnGamma(b + x) - lgB - lnGamma(a + b + x) + lgAB);
    mix[i] = x > 0 ? lnA - ln(b + x - 1) : 0;
  }
  const lnAge = new Float64Array(d.ages.length);
  for (let i = 0; i < d.ages.length; i++) {
    lnAge[i] = ln(alpha + d.ages[i]);
    ll -= (r * d.ageCount[i] + d.ageX[i]) * lnAge[i];
  }
  const lnRec = Float64Array.from(d.recencies, (t) => ln(alpha + t));
  const { x, ix, iAge, iRec, n } = d.rep;
  for (let i = 0; i < x.length; i++)
    ll += n[i] * softplus(mix[ix[i]] + (r + x[i]) * (lnAge[iAge[i]] - lnRec[iRec[i]]));
  return ll;
}

/**
 * Repeat triples above which the exploring runs use a subsample (`explore`, see `subsample`), and
 * above which a larger subsample is polished on before all of them (`refine`, optimize.ts).
 */
export const SUBSAMPLES = { explore: 4000, refine: 30_000 };

/**
 * The same data with every k-th distinct repeat triple kept (its count × k) so that about
 * `max` remain: a likelihood close to the full one at a fraction of the cost, for the exploring
 * runs from the starting points only (the polish and the reported optimum use all the data).
 */
export function subsample(d: BgnbdData, max: number): BgnbdData {
  const k = Math.ceil(d.rep.x.length / max);
  if (k <= 1) return d;
  const keep = (a: Float64Array | Int32Array) => a.filter((_, i) => i % k === 0);
  return {
    ...d,
    rep: {
      x: keep(d.rep.x) as Float64Array,
      ix: keep(d.rep.ix) as Int32Array,
      iAge: keep(d.rep.iAge) as Int32Array,
      iRec: keep(d.rep.iRec) as Int32Array,
      n: (keep(d.rep.n) as Float64Array).map((n) => n * k),
    },
  };
}

/** A BG/NBD fit. */
export type BgnbdFit = FitResult<BgnbdParams>;

/**
 * Maximum-likelihood fit over the box [1e-4, 1e4] of every parameter, on the log scale, from
 * several starting points (see fit.ts). Starts: all 1 (the lifetimes package's default), and
 * two that put the mean purchase rate r/α at the data's repeat rate Σx / ΣT_c. With more than
 * 4,000 distinct repeat triples the runs from the starts explore on a subsample of them; with more
 * than 30,000 the polish runs on a larger subsample before it runs on all of them.
 */
export function fitBgnbd(d: BgnbdData, sizes = SUBSAMPLES): BgnbdFit {
  let sx = 0;
  let sT = 0;
  d.xs.forEach((x, i) => (sx += x * d.xCount[i]));
  d.ages.forEach((t, i) => (sT += t * d.ageCount[i]));
  const rate = sx > 0 && sT > 0 ? sx / sT : 1;
  const coarse = subsample(d, sizes.explore);
  const mid = subsample(d, sizes.refine);
  return fitOnLogScale({
    names: BGNBD_NAMES,
    starts: [
      [1, 1, 1, 1],
      [0.5, 0.5 / rate, 0.5, 2],
      [2, 2 / rate, 2, 6],
    ],
    logLikelihood: ([r, alpha, a, b]) => bgnbdLogLikelihood({ r, alpha, a, b }, d),
    exploreLogLikelihood: ([r, alpha, a, b]) => bgnbdLogLikelihood({ r, alpha, a, b }, coarse),
    refineLogLikelihood:
      mid === d ? undefined : ([r, alpha, a, b]) => bgnbdLogLikelihood({ r, alpha, a, b }, mid),
    make: ([r, alpha, a, b]) => ({ r, alpha, a, b }),
  });
}

/** ln of the odds term a/(b+x−1)·((α+T_c)/(α+t_x))^(r+x) of P(alive); −∞ when x = 0. */
function lnDeadOdds(p: BgnbdParams, { x, tx, T }: Triple): number {
  if (x === 0) return -Infinity;
  return ln(p.a) - ln(p.b + x - 1) + (p.r + x) * (ln(p.alpha + T) - ln(p.alpha + tx));
}

/** P(alive) of §10: 1 / (1 + 1{x>0}·a/(b+x−1)·((α+T_c)/(α+t_x))^(r+x)); exactly 1 when x = 0. */
export function pAlive(p: BgnbdParams, t: Triple): number {
  return 1 / (1 + exp(lnDeadOdds(p, t)));
}

/** Half-width around a = 1, where the formula's (a−1) cancels and is interpolated instead. */
const A_NEAR_ONE = 1e-5;

/**
 * Expected purchase days in the next h weeks, §10's formula. Evaluated as
 * `c·(1 − K·₂F₁(r+x, b+x; c; z)) / (a−1) / (1 + odds)` with c = a+b+x−1, z = h/(α+T_c+h),
 * K = (1−z)^(r+x), and 1 − K·₂F₁ as −expm1(ln K + ln ₂F₁) so no digits are lost when K·₂F₁ ≈ 1.
 * Two removable singularities of the published formula are handled:
 * - c ≤ ½ (only when x = 0 and a + b ≤ 1.5; c can even be ≤ 0): c·₂F₁(c) is taken from ₂F₁ at
 *   c+1 and c+2 by Gauss's contiguous relation (DLMF 15.5.18), where c cancels exactly;
 * - |a − 1| < 1e-5: linear interpolation between a = 1 ± 1e-5 (error ~1e-10 relative).
 * NaN when ₂F₁'s series does not converge (z within ~1e-6 of 1: α + T_c tiny against h).
 */
export function expectedPurchases(p: BgnbdParams, t: Triple, h: number): number {
  if (h === 0) return 0;
  if (Math.abs(p.a - 1) < A_NEAR_ONE) {
    const lo = expectedPurchasesRaw({ ...p, a: 1 - A_NEAR_ONE }, t, h);
    const hi = expectedPurchasesRaw({ ...p, a: 1 + A_NEAR_ONE }, t, h);
    return lo + ((hi - lo) * (p.a - (1 - A_NEAR_ONE))) / (2 * A_NEAR_ONE);
  }
  return expectedPurchasesRaw(p, t, h);
}

function expectedPurchasesRaw(p: BgnbdParams, t: Triple, h: number): number {
  const { r, alpha, a, b } = p;
  const { x, T } = t;
  const a2 = r + x;
  const b2 = b + x;
  const c = a + b + x - 1;
  const z = h / (alpha + T + h);
  const lnK = -a2 * log1p(h / (alpha + T));
  let numer: number;
  if (c > 0.5) {
    numer = -c * expm1(lnK + lnHyp2f1(a2, b2, c, z));
  } else {
    const lnF1 = lnHyp2f1(a2, b2, c + 1, z);
    const ratio = exp(lnHyp2f1(a2, b2, c + 2, z) - lnF1);
    const bracket = c - (2 * c + 1 - a2 - b2) * z + ((c + 1 - a2) * (c + 1 - b2) * z * ratio) / (c + 1);
    numer = c - (exp(lnK + lnF1) * bracket) / (1 - z);
  }
  return numer / (a - 1) / (1 + exp(lnDeadOdds(p, t)));
}
