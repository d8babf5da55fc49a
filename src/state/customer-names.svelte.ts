import { runCustomerNames, runProductNames } from '../analytics/names';
import type { AsyncResult } from './async-result.svelte';
import { useAnalysis } from './use-analysis.svelte';

/**
 * Customer names for a page's tables (the master's name, else the one the sales lines give
 * first; names.ts), shared by every page through the result cache, computed once per data
 * version (it reads no parameter: param-uses.ts). Call during component setup.
 */
export function useCustomerNames(): AsyncResult<Map<string, string>> {
  return useAnalysis('customer_names', (e) => runCustomerNames(e));
}

/** Product names for a page's tables (the name most sales lines give a product; names.ts), as useCustomerNames. */
export function useProductNames(): AsyncResult<Map<string, string>> {
  return useAnalysis('product_names', (e) => runProductNames(e));
}
