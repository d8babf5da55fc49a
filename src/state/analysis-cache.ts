/**
 * Results of analyses keyed by (analysis, data version, parameters, page options): a page that
 * shows the same analysis as another (Overview and Pareto both rank customers) reuses the
 * promise instead of running the SQL again. Bounded, least recently used first out.
 */
const MAX_ENTRIES = 60;
const cache = new Map<string, Promise<unknown>>();

/** The cached result of `compute` for this key, computing it once. Failed runs are not kept. */
export function cached<T>(
  name: string,
  version: number,
  inputs: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const key = `${name}|${version}|${JSON.stringify(inputs)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit as Promise<T>;
  }
  const p = compute();
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return p;
}

/** Drop everything (new data, engine restart). */
export function clearCache(): void {
  cache.clear();
}
