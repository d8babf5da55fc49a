/**
 * The key of one analysis result in a view snapshot: the analysis, the form the page shows it in
 * (`full`, or the id of a summary), the parameters it reads and the page's options. The reviewer's
 * page computes the same key from the link's view; any other choice gives another key, which the
 * snapshot does not hold ("Not in this link"), never another view's numbers.
 */
export function resultKey(name: string, form: string, params: unknown, deps: unknown): string {
  return stableJson([name, form, params, deps]);
}

/** JSON with object keys sorted (two equal values give one text, whatever their key order). */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
