import { compareCodePoints, roundHalfUp, sig12 } from './common';

/** KPI tier. */
export type Tier = 'A' | 'B' | 'C';

/** Metrics of one scored entity, as the SQL returns them. */
export interface KpiMetrics {
  customerId: string;
  /** Category when scoring customer × category, else null. */
  category: string | null;
  revenue: number;
  /** R1 plan fulfilment, R2 volume contribution, R3 price index, R4 stability (null = not computable). */
  r: [number | null, number | null, number | null, number | null];
  /** Months with plan_basis > 0 and actual_basis ≤ 0, `YYYY-MM`. */
  missedMonths: string[];
}

/** A scored entity with everything that explains its tier. */
export interface KpiScored extends KpiMetrics {
  /** Normalised scores s1–s4 in [0, 1] (0 for a null metric; null for a dropped metric). */
  s: [number | null, number | null, number | null, number | null];
  /** Weighted parts K_i × s_i (rescaled weights; 0 for a dropped metric). */
  parts: [number, number, number, number];
  total: number;
  rank: number;
  /** Tier by score before the forced-C rule. */
  scoreTier: Tier;
  tier: Tier;
  forcedC: boolean;
}

/** Scoring options. */
export interface ScoreOptions {
  /** K1–K4 as given (sum 100). */
  weights: [number, number, number, number];
  /** Which metrics exist for the dataset; a missing one is dropped and the weights rescaled. */
  available: [boolean, boolean, boolean, boolean];
  /** Share of entities in A and in C (0.2). */
  tierShare: number;
  /** Missed-plan months that force C (3). */
  missedLimit: number;
}

/**
 * Average-rank normalisation: ascending rank among non-null values with ties averaged,
 * s = (rank − 1) / (n − 1); s = 1 when n = 1; null → 0. Values are compared at 12 significant
 * digits (analytics.md §0): 0.9515125930958017 and 0.9515125930957997 tie.
 */
export function averageRankScores(values: (number | null)[]): number[] {
  // Sorted copy in a typed array (native numeric sort, no comparator calls), then each value's
  // tie range by binary search: ranks first…last (1-based) average to (first + last) / 2.
  const keys = values.map((v) => (v === null ? null : sig12(v)));
  let n = 0;
  for (const v of keys) if (v !== null) n++;
  const sorted = new Float64Array(n);
  let k = 0;
  for (const v of keys) if (v !== null) sorted[k++] = v;
  sorted.sort();
  const out = new Array<number>(values.length).fill(0);
  keys.forEach((v, i) => {
    if (v === null) return;
    const first = lowerBound(sorted, v) + 1;
    const last = lowerBound(sorted, v, true);
    out[i] = n === 1 ? 1 : ((first + last) / 2 - 1) / (n - 1);
  });
  return out;
}

/** Index of the first element ≥ v (or > v with `after`) in an ascending array. */
function lowerBound(a: Float64Array, v: number, after = false): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v || (after && a[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The weights actually used: dropped metrics get 0, the rest are rescaled to sum to 100. */
export function effectiveWeights(weights: number[], available: boolean[]): [number, number, number, number] {
  const sum = weights.reduce((s, w, i) => s + (available[i] ? w : 0), 0);
  return weights.map((w, i) => (available[i] && sum > 0 ? (w * 100) / sum : 0)) as [
    number,
    number,
    number,
    number,
  ];
}

/**
 * Order for tiers: total desc, revenue desc, then customer id and category by code point.
 * Totals and revenues are compared at 12 significant digits (analytics.md §0): Σ K_i × s_i of
 * two entities can be equal exactly (58⅓ both) yet differ in the last bit of the double sum,
 * and a revenue summed in another order likewise; the rank must not depend on that. The keys
 * are rounded once per entity (`total`, `revenue`), not once per comparison.
 */
function compareForTier(
  a: { total: number; revenue: number; e: KpiScored },
  b: { total: number; revenue: number; e: KpiScored },
): number {
  return (
    b.total - a.total ||
    b.revenue - a.revenue ||
    compareCodePoints(a.e.customerId, b.e.customerId) ||
    compareCodePoints(a.e.category ?? '', b.e.category ?? '')
  );
}

/**
 * Score, rank and tier the entities (analytics.md §6). nA = nC = round_half_up(share × n): the
 * first nA are A, the last nC (that are not A) are C, the rest B; then an entity with at least
 * `missedLimit` missed-plan months becomes C whatever its score. Returned in rank order.
 */
export function scoreAndTier(entities: KpiMetrics[], o: ScoreOptions): KpiScored[] {
  const w = effectiveWeights(o.weights, o.available);
  const s = [0, 1, 2, 3].map((i) => averageRankScores(entities.map((e) => (o.available[i] ? e.r[i] : null))));
  const scored: KpiScored[] = entities.map((e, k) => {
    // A dropped metric has no score at all (§0: what cannot be computed is null, never 0).
    const sk = s.map((si, i) => (o.available[i] ? si[k] : null)) as KpiScored['s'];
    const parts = sk.map((x, i) => w[i] * (x ?? 0)) as [number, number, number, number];
    // Fields listed, not spread: a spread copy of 20 k rows was the slowest part of a KPI run
    // (V8 builds each copy property by property); TypeScript flags a field added to KpiMetrics.
    return {
      customerId: e.customerId,
      category: e.category,
      revenue: e.revenue,
      r: e.r,
      missedMonths: e.missedMonths,
      s: sk,
      parts,
      total: parts[0] + parts[1] + parts[2] + parts[3],
      rank: 0,
      scoreTier: 'B',
      tier: 'B',
      forcedC: false,
    };
  });
  const ranked = scored
    .map((e) => ({ total: sig12(e.total), revenue: sig12(e.revenue), e }))
    .sort(compareForTier)
    .map((k) => k.e);
  const n = ranked.length;
  const nA = roundHalfUp(o.tierShare * n);
  const nC = roundHalfUp(o.tierShare * n);
  const firstC = Math.max(nA, n - nC);
  ranked.forEach((e, i) => {
    e.rank = i + 1;
    e.scoreTier = i < nA ? 'A' : i >= firstC ? 'C' : 'B';
    e.forcedC = e.missedMonths.length >= o.missedLimit;
    e.tier = e.forcedC ? 'C' : e.scoreTier;
  });
  return ranked;
}
