import { EPS } from './common';

/** A KPI metric by position: 0 plan fulfilment, 1 volume share, 2 price index, 3 stability (§6 R1–R4). */
export type KpiMetricIndex = 0 | 1 | 2 | 3;

/** One weighted part of a KPI total. */
export interface TierPart {
  metric: KpiMetricIndex;
  /** Points earned: applied weight × score s (0–1). */
  points: number;
  /** Applied weight after rescaling: the most points the metric can give. */
  weight: number;
}

/** Why a scored entity has its tier, in the terms of its weighted parts. */
export interface TierReason {
  /** The part that earned the most points; null when no metric carries weight. */
  strongest: TierPart | null;
  /**
   * Of the other parts, the one that lost the most points (weight − points); null with fewer
   * than two weighted metrics.
   */
  weakest: TierPart | null;
}

/**
 * The strongest and weakest weighted part of one scored entity (analytics.md §6: the output
 * explains the tier). Only metrics with an applied weight > 0 count (a dropped metric has
 * weight 0). Strongest = most points earned; weakest = most points lost among the rest, so a
 * heavily weighted metric half fulfilled is not called weakest next to one scored near 0.
 * Points within 1e-9 are a tie, and a tie goes to the metric listed first.
 */
export function explainTier(o: {
  /** Weighted parts K_i × s_i, as `KpiScored.parts`. */
  parts: readonly number[];
  /** Applied weights, as `KpiResult.appliedWeights`. */
  weights: readonly number[];
}): TierReason {
  const candidates: TierPart[] = [];
  for (let i = 0; i < 4; i++)
    if (o.weights[i] > EPS)
      candidates.push({ metric: i as KpiMetricIndex, points: o.parts[i] ?? 0, weight: o.weights[i] });
  const best = (key: (p: TierPart) => number, from: TierPart[]) =>
    from.reduce<TierPart | null>((b, p) => (b === null || key(p) > key(b) + EPS ? p : b), null);
  const strongest = best((p) => p.points, candidates);
  const weakest = best(
    (p) => p.weight - p.points,
    candidates.filter((p) => p !== strongest),
  );
  return { strongest, weakest };
}
