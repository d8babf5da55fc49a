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
