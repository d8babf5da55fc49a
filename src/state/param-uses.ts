import type { Params } from '../analytics/params';

/** A top-level parameter key. */
export type ParamKey = keyof Params;

const PERIOD: ParamKey[] = ['period_start', 'as_of', 'filters'];

/**
 * The parameters each analysis reads (checked by param-uses.test.ts: changing any other key
 * leaves its result unchanged). The result cache keys an analysis by these only, so changing
 * the ABC thresholds re-runs Pareto and nothing else; analyses not listed are keyed by all.
 */
export const PARAM_USES: Record<string, ParamKey[]> = {
  overview: PERIOD,
  performance: PERIOD,
  pareto: [...PERIOD, 'measure', 'abc'],
  lifecycle: [...PERIOD, 'lifecycle'],
  kpi: [...PERIOD, 'kpi'],
  rfm: [...PERIOD, 'rfm'],
  receivables: [...PERIOD, 'receivables'],
  turnover: [...PERIOD, 'turnover'],
  targets: PERIOD,
  // Whole history up to T: the period's start does not matter.
  forecast: ['as_of', 'filters', 'forecast'],
};

/** The part of `params` an analysis depends on (all of it for analyses not in PARAM_USES). */
export function paramsFor(name: string, params: Params): Partial<Params> {
  const uses = PARAM_USES[name];
  if (!uses) return params;
  return Object.fromEntries(uses.map((k) => [k, params[k]])) as Partial<Params>;
}
