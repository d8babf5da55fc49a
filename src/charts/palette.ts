/**
 * Colour-blind-safe colours (Okabe & Ito). Class A/B/C and the other categorical keys use fixed
 * colours so a class keeps its colour on every chart.
 */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/** ABC class colours: A blue, B orange, C grey (distinct for every common colour-vision deficiency). */
export const CLASS_COLORS = { A: '#0072B2', B: '#E69F00', C: '#8C8C8C' } as const;

/** Neutral ink for reference lines and the cumulative curve. */
export const INK = '#222222';

/** Lifecycle stage colours (Okabe–Ito, ordered from "good" to "gone"). */
export const STAGE_COLORS: Record<string, string> = {
  potential: '#56B4E9',
  new: '#009E73',
  growth: '#0072B2',
  stable: '#999999',
  decline: '#E69F00',
  problem: '#D55E00',
  no_value: '#CC79A7',
  lost: '#000000',
};

/** Quadrant colours. */
export const QUADRANT_COLORS: Record<string, string> = {
  promote: '#009E73',
  high_margin: '#0072B2',
  high_turnover: '#E69F00',
  review: '#D55E00',
};

/** Importance–performance quadrant colours (satisfaction, §12): act first in vermilion. */
export const IPA_COLORS: Record<string, string> = {
  concentrate_here: '#D55E00',
  keep_up: '#009E73',
  low_priority: '#8C8C8C',
  possible_overkill: '#0072B2',
};

/** Tier colours (same as ABC classes). */
export const TIER_COLORS = { A: '#0072B2', B: '#E69F00', C: '#8C8C8C' } as const;

/**
 * Key-account factor colours (analytics.md §11): Okabe–Ito first, then Paul Tol's muted scheme,
 * so the six factors of the default standard keep the most distinct ones.
 */
export const FACTOR_COLORS: Record<string, string> = {
  revenue: '#0072B2',
  gross_profit: '#009E73',
  orders: '#E69F00',
  growth: '#CC79A7',
  stage: '#56B4E9',
  overdue_share: '#D55E00',
  quantity: '#332288',
  stability: '#999933',
  price_index: '#44AA99',
  cost_to_serve: '#882255',
  satisfaction: '#DDCC77',
  p_alive: '#AA4499',
  expected_value: '#117733',
};

/** Key-account tier colours: strategic blue, key orange, regular grey (as classes A/B/C). */
export const KEY_TIER_COLORS = { strategic: '#0072B2', key: '#E69F00', regular: '#8C8C8C' } as const;
