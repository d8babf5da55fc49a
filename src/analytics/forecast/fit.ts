/** Maximum likelihood over the box of analytics.md §10, on the log scale of every parameter. */
import { minimize } from './optimize';
import { ln, exp } from './fdmath';

/** The box of §10: every parameter in [1e-4, 1e4]. */
export const BOX = { lower: 1e-4, upper: 1e4 } as const;

/**
 * A parameter this close to a bound on the log scale (0.1 %) is reported as on it (`on_bound`).
 * A degenerate optimum runs along a flat ridge into the box, and the optimiser stops somewhere
 * near its end: b = 9,999.87 on the demo; a = 1.00015e-4 and b = 9,998.1 on Superstore (no
 * drop-out seen: a → 0, b → ∞), which a 0.01 % tolerance did not list. All are the bound for the
 * reader.
 */
const ON_BOUND = 1e-3;

/** Result of a fit. */
export interface FitResult<P> {
  /** Maximum-likelihood parameters. */
  params: P;
  /** The maximised log-likelihood. */
  ll: number;
  /** Names of parameters that ended on the box (a degenerate optimum; still a valid answer). */
  onBound: string[];
  /** The optimiser met its tolerances and a restart did not improve the result. */
  converged: boolean;
  /** Likelihood evaluations used. */
  evaluations: number;
}

/** What a model gives the fit. */
export interface FitProblem<P> {
  /** Parameter names, in the order of the vectors below. */
  names: readonly string[];
  /** Starting points (natural scale; clamped into the box). */
  starts: number[][];
  /** Log-likelihood at a parameter vector (natural scale). */
  logLikelihood: (v: number[]) => number;
  /** A cheaper approximation for the exploring runs from the starts (see optimize.ts); default the above. */
  exploreLogLikelihood?: (v: number[]) => number;
  /** A stand-in polished on before the log-likelihood itself (see optimize.ts); default none. */
  refineLogLikelihood?: (v: number[]) => number;
  /** Typed parameters from a vector. */
  make: (v: number[]) => P;
}

/** Maximise the log-likelihood over the box, minimising −LL in θ = ln(parameter). */
export function fitOnLogScale<P>(problem: FitProblem<P>): FitResult<P> {
  const k = problem.names.length;
  const lo = ln(BOX.lower);
  const hi = ln(BOX.upper);
  const clampLog = (v: number) => Math.min(hi, Math.max(lo, ln(v)));
  const explore = problem.exploreLogLikelihood;
  const refine = problem.refineLogLikelihood;
  const r = minimize((theta) => -problem.logLikelihood(theta.map(exp)), {
    explore: explore && ((theta) => -explore(theta.map(exp))),
    refine: refine && ((theta) => -refine(theta.map(exp))),
    starts: problem.starts.map((s) => s.map(clampLog)),
    lower: Array(k).fill(lo),
    upper: Array(k).fill(hi),
  });
  // exp(ln 1e4) is 1e4 + 2e-12: report the box's own ends.
  const natural = r.x.map((t) => Math.min(BOX.upper, Math.max(BOX.lower, exp(t))));
  return {
    params: problem.make(natural),
    ll: -r.f,
    onBound: problem.names.filter((_, i) => r.x[i] - lo < ON_BOUND || hi - r.x[i] < ON_BOUND),
    converged: r.converged && Number.isFinite(r.f),
    evaluations: r.evaluations,
  };
}
