import { runCustomerNames } from '../analytics/names';
import type { AsyncResult } from './async-result.svelte';
import { useAnalysis } from './use-analysis.svelte';

/**
 * Customer names for a page's tables (the master's name, else the one the sales lines give
 * first; names.ts), shared by every page through the result cache. Call during component setup.
 */
export function useCustomerNames(): AsyncResult<Map<string, string>> {
  return useAnalysis('customer_names', async (e) => {
    // datasetCaps' statement: one answer in the query memo for every analysis that asks it.
    const tables = await e.rows<{ t: string }>('SELECT table_name AS t FROM duckdb_tables()');
    return runCustomerNames(e, { customers: tables.some((r) => r.t === 'customers') });
  });
}
