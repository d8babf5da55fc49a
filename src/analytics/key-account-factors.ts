/**
 * The factor catalogue of key accounts (analytics.md §11, seed 003): what a company's rating
 * standard may weigh, each with its direction. Imported by params.ts (validation), so it imports
 * nothing itself.
 */

/** Factor ids of §11, in the catalogue's order. */
export const KEY_ACCOUNT_FACTORS = [
  'revenue',
  'gross_profit',
  'quantity',
  'orders',
  'growth',
  'stability',
  'stage',
  'price_index',
  'overdue_share',
  'cost_to_serve',
  'satisfaction',
  'p_alive',
  'expected_value',
] as const;
/** One factor id. */
export type KeyAccountFactor = (typeof KEY_ACCOUNT_FACTORS)[number];

/** Whether a higher or a lower value is better (the rank runs ascending or descending). */
export const FACTOR_DIRECTION: Record<KeyAccountFactor, 'higher' | 'lower'> = {
  revenue: 'higher',
  gross_profit: 'higher',
  quantity: 'higher',
  orders: 'higher',
  growth: 'higher',
  stability: 'higher',
  stage: 'higher',
  price_index: 'higher',
  overdue_share: 'lower',
  cost_to_serve: 'lower',
  satisfaction: 'higher',
  p_alive: 'higher',
  expected_value: 'higher',
};

/** A rating standard: `[factor, weight]` pairs in the standard's order (weights ≥ 0, sum 100). */
export type Standard = [KeyAccountFactor, number][];

/** The default standard of §11. */
export function defaultStandard(): Standard {
  return [
    ['revenue', 30],
    ['gross_profit', 25],
    ['orders', 15],
    ['growth', 10],
    ['stage', 10],
    ['overdue_share', 10],
  ];
}

/** §5 stages as points (the `stage` factor); a prospect without sales is never scored. */
export const STAGE_POINTS: Record<string, number> = {
  growth: 100,
  stable: 80,
  new: 60,
  decline: 40,
  problem: 10,
  no_value: 0,
  lost: 0,
};

/** Key-account tiers, best first. */
export const KEY_TIERS = ['strategic', 'key', 'regular'] as const;
/** One tier. */
export type KeyTier = (typeof KEY_TIERS)[number];

/** Factors that need the value forecast of §10 (fitted only when the standard uses one). */
export const FORECAST_FACTORS: readonly KeyAccountFactor[] = ['p_alive', 'expected_value'];
