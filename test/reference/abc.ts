import { add, byCodePoint, bySig12Desc, le, lt, type RawParams, type SalesRow } from './common';

/** One row of abc_customers.csv / abc_products.csv. */
export interface AbcRow {
  id: string;
  value: number;
  share: number | null;
  cum_share: number | null;
  rank: number;
  class: 'A' | 'B' | 'C';
}

/**
 * §2 Pareto/ABC over the period's rows. `key` picks the entity; rows whose entity is null do
 * not belong to any entity (e.g. a sales line without a product in the product ABC).
 */
export function referenceAbc(
  rows: SalesRow[],
  key: (r: SalesRow) => string | null,
  params: RawParams,
): AbcRow[] {
  const a = params.abc?.a ?? 0.8;
  const b = params.abc?.b ?? 0.95;
  const measure = params.measure ?? 'revenue';
  const values = new Map<string, number>();
  for (const r of rows) {
    const id = key(r);
    if (id === null) continue;
    const v = r[measure];
    // A null measure (no cost → no gross profit) is outside what this reference covers.
    if (v === null) throw new Error(`reference: ${measure} is null on a sales row of ${id}`);
    add(values, id, v);
  }
  // v compared at 12 significant digits (§0), then id; the shares below use the exact v.
  const sorted = [...values].sort(([ia, va], [ib, vb]) => bySig12Desc(va, vb) || byCodePoint(ia, ib));
  const P = sorted.reduce((s, [, v]) => s + Math.max(v, 0), 0);
  let running = 0;
  return sorted.map(([id, v], i) => {
    const pos = Math.max(v, 0);
    const cumBefore = P > 0 ? running / P : null;
    running += pos;
    const share = P > 0 ? pos / P : null;
    let cls: AbcRow['class'];
    if (!(P > 0) || le(v, 0)) cls = 'C';
    else if (lt(cumBefore!, a)) cls = 'A';
    else if (lt(cumBefore!, b)) cls = 'B';
    else cls = 'C';
    return {
      id,
      value: v,
      share,
      cum_share: share === null ? null : cumBefore! + share,
      rank: i + 1,
      class: cls,
    };
  });
}
