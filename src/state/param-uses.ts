import { ANALYSES, type ParamKey } from '../analytics/registry';
import type { Params } from '../analytics/params';

export type { ParamKey };

/**
 * The parameters each analysis reads, from the registry (checked by param-uses.test.ts: changing
 * any other key leaves its result unchanged). The result cache keys an analysis by these only, so
 * changing the ABC thresholds re-runs Pareto and nothing else; names not in the registry are keyed
 * by all parameters.
 */
export const PARAM_USES: Record<string, readonly ParamKey[]> = {
  ...Object.fromEntries(ANALYSES.map((a) => [a.id, a.params])),
  // Lookups of the data that read no parameter: computed once per data version, whatever the
  // filters (customer-names.svelte.ts).
  customer_names: [],
  product_names: [],
};

/** The part of `params` an analysis depends on (all of it for names not in the registry). */
export function paramsFor(name: string, params: Params): Partial<Params> {
  const uses = PARAM_USES[name];
  if (!uses) return params;
  return Object.fromEntries(uses.map((k) => [k, params[k]])) as Partial<Params>;
}
