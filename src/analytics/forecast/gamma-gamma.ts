/**
 * Gamma-Gamma model of the value of a purchase (Fader, Hardie & Lee 2005, "RFM and CLV";
 * Hardie's note "The Gamma-Gamma Model of Monetary Value"), as analytics.md §10 writes it.
 */
import { lnGamma } from './special';
import { fitOnLogScale, type FitResult } from './fit';
import { EPS } from '../common';
import { ln } from './fdmath';

/** Gamma-Gamma parameters: purchase values ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Parameter names in the order of the fit (and of `on_bound`). */
export const GAMMA_GAMMA_NAMES = ['p', 'q', 'gamma'] as const;

/** A repeat customer: x repeat purchase days of mean value m (m > 0). */
export interface Spend {
  x: number;
  m: number;
}

/** One customer's term of the log-likelihood, the formula of §10 literally. */
export function gammaGammaTerm({ p, q, gamma }: GammaGammaParams, { x, m }: Spend): number {
  return (
    lnGamma(p * x + q) -
    lnGamma(p * x) -
    lnGamma(q) +
    q * ln(gamma) +
    (p * x - 1) * ln(m) +
    p * x * ln(x) -
    (p * x + q) * ln(gamma + x * m)
  );
}

/**
 * Customers prepared for a fast likelihood: the Γ terms per distinct x, the sums of ln m, x ln m
 * and x ln x once; only (px + q)·ln(γ + x m) is evaluated per customer.
 */
export interface GammaGammaData {
  n: number;
  xs: number[];
  xCount: number[];
  sumLnM: number;
  sumXLnM: number;
  sumXLnX: number;
  x: Float64Array;
  xm: Float64Array;
  /** Mean of m (for the starting points). */
  meanM: number;
}

/** Prepare customers with x > 0 and m > 0 (others are not part of this likelihood). */
export function prepareSpend(customers: Iterable<Spend>): GammaGammaData {
  const xIdx = new Map<number, number>();
  const xCount: number[] = [];
  const x: number[] = [];
  const xm: number[] = [];
  let sumLnM = 0;
  let sumXLnM = 0;
  let sumXLnX = 0;
  let sumM = 0;
  for (const c of customers) {
    if (!(c.x > 0 && c.m > EPS)) continue;
    if (!xIdx.has(c.x)) xIdx.set(c.x, xIdx.size);
    const i = xIdx.get(c.x)!;
    xCount[i] = (xCount[i] ?? 0) + 1;
    x.push(c.x);
    xm.push(c.x * c.m);
    sumLnM += ln(c.m);
    sumXLnM += c.x * ln(c.m);
    sumXLnX += c.x * ln(c.x);
    sumM += c.m;
  }
  return {
    n: x.length,
    xs: [...xIdx.keys()],
    xCount,
    sumLnM,
    sumXLnM,
    sumXLnX,
    x: Float64Array.from(x),
    xm: Float64Array.from(xm),
    meanM: x.length ? sumM / x.length : 1,
  };
}

/** The log-likelihood of §10 over the prepared customers (equal to Σ gammaGammaTerm). */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, d: GammaGammaData): number {
  const lgQ = lnGamma(q);
  const qLnGamma = q * ln(gamma);
  let ll = p * d.sumXLnM - d.sumLnM + p * d.sumXLnX;
  for (let i = 0; i < d.xs.length; i++) {
    const px = p * d.xs[i];
    ll += d.xCount[i] * (lnGamma(px + q) - lnGamma(px) - lgQ + qLnGamma);
  }
  for (let i = 0; i < d.x.length; i++) ll -= (p * d.x[i] + q) * ln(gamma + d.xm[i]);
  return ll;
}

/** A Gamma-Gamma fit. */
export type GammaGammaFit = FitResult<GammaGammaParams>;

/**
 * Customers above which the exploring runs use a subsample (`explore`, see `subsampleSpend`), and
 * above which a larger subsample is polished on before all of them (`refine`, optimize.ts).
 */
export const SPEND_SUBSAMPLES = { explore: 4000, refine: 30_000 };

/**
 * Every k-th prepared customer, so that about `max` remain, for the exploring runs from the
 * starting points only (the polish and the reported optimum use all the data): the likelihood
 * costs one logarithm per customer and evaluation, 13 M of them for 20,000 customers in full.
 * Unweighted: the optimum of a likelihood does not move when it is scaled.
 */
export function subsampleSpend(d: GammaGammaData, max: number): GammaGammaData {
  const k = Math.ceil(d.n / max);
  if (k <= 1) return d;
  const keep: Spend[] = [];
  for (let i = 0; i < d.n; i += k) keep.push({ x: d.x[i], m: d.xm[i] / d.x[i] });
  return prepareSpend(keep);
}

/**
 * Maximum-likelihood fit over the box [1e-4, 1e4] on the log scale. Starts: all 1, and two
 * whose population mean pγ/(q−1) is the data's mean m. With more than 4,000 customers the runs
 * from the starts explore on a subsample of them; with more than 30,000 the polish runs on a
 * larger subsample before it runs on all of them.
 */
export function fitGammaGamma(d: GammaGammaData, sizes = SPEND_SUBSAMPLES): GammaGammaFit {
  const m = d.meanM;
  const coarse = subsampleSpend(d, sizes.explore);
  const mid = subsampleSpend(d, sizes.refine);
  return fitOnLogScale({
    names: GAMMA_GAMMA_NAMES,
    starts: [
      [1, 1, 1],
      [1, 2, m],
      [5, 3, (2 * m) / 5],
    ],
    logLikelihood: ([p, q, gamma]) => gammaGammaLogLikelihood({ p, q, gamma }, d),
    exploreLogLikelihood: ([p, q, gamma]) => gammaGammaLogLikelihood({ p, q, gamma }, coarse),
    refineLogLikelihood:
      mid === d ? undefined : ([p, q, gamma]) => gammaGammaLogLikelihood({ p, q, gamma }, mid),
    make: ([p, q, gamma]) => ({ p, q, gamma }),
  });
}

/**
 * Expected value of a purchase day, §10: p(γ + x m)/(px + q − 1) when x > 0 and m > 0, else
 * the population mean pγ/(q − 1); null when q ≤ 1 (the mean does not exist).
 */
export function expectedAvgValue(
  { p, q, gamma }: GammaGammaParams,
  x: number,
  m: number | null,
): number | null {
  if (q <= 1 + EPS) return null;
  if (x > 0 && m !== null && m > EPS) return (p * (gamma + x * m)) / (p * x + q - 1);
  return (p * gamma) / (q - 1);
}
