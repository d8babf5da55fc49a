import {
  add,
  byCodePoint,
  bySig12Desc,
  columnKnown,
  EPS,
  ge,
  gt,
  le,
  monthIndex,
  monthLabel,
  sig12,
  type Dataset,
  type KpiParams,
  type PlanRow,
  type RawParams,
  type SalesRow,
  withCustomer,
} from './common';
import type { Period } from './period';

/** One row of kpi.csv. */
export interface KpiRow {
  customer_id: string;
  revenue: number;
  r: (number | null)[];
  s: (number | null)[];
  total: number;
  rank: number;
  tier: 'A' | 'B' | 'C';
  forced_c: boolean;
  missed_months: string[];
}

/** §6 defaults. */
export function kpiParams(params: RawParams): KpiParams {
  return { weights: [30, 30, 20, 20], tier_share: 0.2, missed_months_limit: 3, ...params.kpi };
}

/**
 * Average-rank score of §6: ascending rank, ties averaged, (rank − 1)/(n − 1); null → 0. Values
 * are compared at 12 significant digits (§0).
 */
export function averageRankScores(values: (number | null)[]): number[] {
  const present = values
    .map((v, i) => [v === null ? null : sig12(v), i] as const)
    .filter(([v]) => v !== null) as [number, number][];
  present.sort((a, b) => a[0] - b[0]);
  const n = present.length;
  const out = values.map(() => 0);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && present[j + 1][0] === present[i][0]) j++;
    const rank = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) out[present[k][1]] = n === 1 ? 1 : (rank - 1) / (n - 1);
    i = j + 1;
  }
  return out;
}

/** round_half_up of §0 (with the 1e-9 tolerance, so 0.2 × 12.5 does not fall to 2). */
const roundHalfUp = (x: number) => Math.floor(x + 0.5 + EPS);

/** Category of a product: the smallest (by code point) category of its sales lines. */
function productCategories(sales: SalesRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of sales) {
    if (r.product_id === null || r.category === null) continue;
    const cur = out.get(r.product_id);
    if (cur === undefined || byCodePoint(r.category, cur) < 0) out.set(r.product_id, r.category);
  }
  return out;
}

/**
 * The plan rows that count (NOTES.md K2, K12): rows in the period's months; with a filter,
 * only customers with filtered sales rows; with a category filter, only rows of those
 * categories (plan category, else the product's) — or none when the plan has neither.
 */
function countedPlan(
  period: Period,
  data: Dataset,
  params: RawParams,
): { rows: PlanRow[]; drop: string | null } {
  if (!data.plan.length) return { rows: [], drop: 'no_plan' };
  const categories = params.filters?.category ?? [];
  const splittable = data.plan.some((r) => r.category !== null || r.product_id !== null);
  if (categories.length && !splittable) return { rows: [], drop: 'plan_not_by_category' };
  const filtered = Object.values(params.filters ?? {}).some((v) => v && v.length);
  const customers = new Set(period.sales.map((r) => r.customer_id));
  const prodCat = productCategories(data.sales);
  const rows = data.plan.filter((r) => {
    const m = monthIndex(r.period);
    if (m < period.startMonth || m > period.endMonth) return false;
    if (filtered && !customers.has(r.customer_id)) return false;
    if (!categories.length) return true;
    const cat = r.category ?? (r.product_id === null ? null : (prodCat.get(r.product_id) ?? null));
    return cat !== null && categories.includes(cat);
  });
  return { rows, drop: null };
}

/** §6 KPI scorecard over the analysis period, per customer (sorted by rank), and the weights used. */
export function referenceKpi(
  period: Period,
  data: Dataset,
  params: RawParams,
): { rows: KpiRow[]; appliedWeights: number[] } {
  const p = kpiParams(params);
  // Lines without a customer are not in a per-customer analysis (§1).
  const rows = withCustomer(period.inPeriod);
  const quantityKnown = columnKnown(data.sales, 'quantity');
  const productKnown = data.sales.some((r) => r.product_id !== null);
  const counted = countedPlan(period, data, params);
  const planRows = counted.rows;
  // A quantity plan needs sales quantities to compare with (NOTES.md K2).
  const planByQuantity = quantityKnown && data.plan.some((r) => r.plan_quantity !== null);
  const available = [counted.drop === null, true, quantityKnown && productKnown, true];

  const revenue = new Map<string, number>();
  const quantity = new Map<string, number>();
  const monthlyActual = new Map<string, number>(); // customer|month → actual basis
  const monthlyRevenue = new Map<string, number>();
  const monthlyPlan = new Map<string, number>();
  const planSum = new Map<string, number>();
  for (const r of rows) {
    const m = monthIndex(r.order_date);
    add(revenue, r.customer_id, r.revenue);
    add(quantity, r.customer_id, r.quantity ?? 0);
    add(monthlyActual, `${r.customer_id}|${m}`, planByQuantity ? (r.quantity ?? 0) : r.revenue);
    add(monthlyRevenue, `${r.customer_id}|${m}`, r.revenue);
  }
  for (const r of planRows) {
    const v = (planByQuantity ? r.plan_quantity : r.plan_revenue) ?? 0;
    add(planSum, r.customer_id, v);
    add(monthlyPlan, `${r.customer_id}|${monthIndex(r.period)}`, v);
  }
  const ids = new Set<string>();
  for (const [c, v] of revenue) if (Math.abs(v) > EPS || Math.abs(quantity.get(c)!) > EPS) ids.add(c);
  for (const [c, v] of planSum) if (gt(v, 0)) ids.add(c);
  const scored = [...ids].sort(byCodePoint);

  // R3: mix-neutral price index over (c, p) with net quantity > 0.
  const pairRev = new Map<string, number>();
  const pairQty = new Map<string, number>();
  const prodRev = new Map<string, number>();
  const prodQty = new Map<string, number>();
  for (const r of rows) {
    if (r.product_id === null || r.quantity === null) continue;
    add(pairRev, JSON.stringify([r.customer_id, r.product_id]), r.revenue);
    add(pairQty, JSON.stringify([r.customer_id, r.product_id]), r.quantity);
  }
  // avg_price(p) over the qualifying pairs only (NOTES.md K5: so that 1.0 is the average price).
  const qualifying = [...pairQty].filter(([, q]) => gt(q, 0));
  for (const [k, q] of qualifying) {
    const prod = (JSON.parse(k) as [string, string])[1];
    add(prodRev, prod, pairRev.get(k)!);
    add(prodQty, prod, q);
  }
  const r3num = new Map<string, number>();
  const r3den = new Map<string, number>();
  for (const [k, q] of qualifying) {
    const [c, prod] = JSON.parse(k) as [string, string];
    const avgPrice = prodRev.get(prod)! / prodQty.get(prod)!;
    if (!gt(avgPrice, 0)) continue;
    add(r3num, c, pairRev.get(k)!);
    add(r3den, c, q * avgPrice);
  }

  const months = period.endMonth - period.startMonth + 1;
  const totalQty = scored.reduce(
    (s, c) => s + (quantityKnown ? (quantity.get(c) ?? 0) : (revenue.get(c) ?? 0)),
    0,
  );
  const metrics = scored.map((c) => {
    const ps = planSum.get(c) ?? 0;
    let actual = 0;
    let active = 0;
    const missed: string[] = [];
    for (let m = period.startMonth; m <= period.endMonth; m++) {
      const a = monthlyActual.get(`${c}|${m}`) ?? 0;
      actual += a;
      if (gt(monthlyRevenue.get(`${c}|${m}`) ?? 0, 0)) active++;
      if (gt(monthlyPlan.get(`${c}|${m}`) ?? 0, 0) && le(a, 0)) missed.push(monthLabel(m));
    }
    const vol = quantityKnown ? (quantity.get(c) ?? 0) : (revenue.get(c) ?? 0);
    const den = r3den.get(c);
    const r = [
      gt(ps, 0) ? actual / ps : null,
      // Σ over scored customers ≤ 0 (net returns) gives no share (NOTES.md K6).
      gt(totalQty, 0) ? vol / totalQty : null,
      den !== undefined && gt(den, 0) ? r3num.get(c)! / den : null,
      active / months,
    ].map((v, i) => (available[i] ? v : null));
    return { c, r, missed };
  });
  // A metric null for every scored customer is unavailable for the dataset (NOTES.md K4).
  for (let i = 0; i < 4; i++)
    if (metrics.length && metrics.every((m) => m.r[i] === null)) available[i] = false;
  const scores = [0, 1, 2, 3].map((i) => averageRankScores(metrics.map((m) => m.r[i])));
  const kept = p.weights.reduce((s, w, i) => s + (available[i] ? w : 0), 0);
  const weights = p.weights.map((w, i) => (available[i] ? (w * 100) / kept : 0));

  const out = metrics.map((m, j) => {
    const s = [0, 1, 2, 3].map((i) => (available[i] ? scores[i][j] : null));
    const total = s.reduce<number>((t, v, i) => t + weights[i] * (v ?? 0), 0);
    return { m, s, total, revenue: revenue.get(m.c) ?? 0 };
  });
  // Totals and revenues compared at 12 significant digits (§0: summation order must not decide a rank).
  out.sort(
    (x, y) => bySig12Desc(x.total, y.total) || bySig12Desc(x.revenue, y.revenue) || byCodePoint(x.m.c, y.m.c),
  );
  const n = out.length;
  const nA = roundHalfUp(p.tier_share * n);
  const nC = roundHalfUp(p.tier_share * n);
  const rowsOut = out.map((o, i): KpiRow => {
    const forced = ge(o.m.missed.length, p.missed_months_limit);
    const tier = forced ? 'C' : i < nA ? 'A' : i >= n - nC ? 'C' : 'B';
    return {
      customer_id: o.m.c,
      revenue: o.revenue,
      r: o.m.r,
      s: o.s,
      total: o.total,
      rank: i + 1,
      tier,
      forced_c: forced,
      missed_months: o.m.missed,
    };
  });
  return { rows: rowsOut, appliedWeights: weights };
}
