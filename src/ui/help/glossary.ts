/** The glossary's terms, in page order; each has `glossary.<id>.name|formula|read` messages. */
export const GLOSSARY_TERMS = [
  'abc',
  'top20',
  'hhi',
  'gini',
  'rfm',
  'segment',
  'plan_fulfilment',
  'volume_share',
  'price_index',
  'stability',
  'kpi_tier',
  'turnover',
  'cross_ratio',
  'contribution',
  'p_alive',
  'expected_value',
] as const;

/** One glossary term id. */
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];
