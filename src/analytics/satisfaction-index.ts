/**
 * Customer satisfaction's indices (analytics.md §12), pure: from the rows satisfaction-sql.ts
 * gives (customer × wave and customer × wave × dimension indices, questions per wave, responses)
 * to the result — waves in order with their previous wave, each customer's change, the company
 * index per wave and dimension, the importance–performance quadrants. satisfaction.ts queries the
 * rows and calls `satisfactionFrom`.
 */
import { compareCodePoints, EPS, isoDate } from './common';

/** Importance–performance quadrant of a question (§12). */
export type IpaQuadrant = 'concentrate_here' | 'keep_up' | 'low_priority' | 'possible_overkill';
/** The quadrants in reading order (the chart's corners). */
export const IPA_QUADRANTS: IpaQuadrant[] = [
  'concentrate_here',
  'keep_up',
  'low_priority',
  'possible_overkill',
];

/** How a respondent was matched to a customer of the sales data. */
export type MatchedBy = 'id' | 'name' | null;

/** One customer in one wave (satisfaction.csv). */
export interface CustomerWave {
  /** The sales data's customer id; an unmatched respondent keeps its own id, else its name. */
  customerId: string;
  wave: string;
  /** Responses with at least one answered question. */
  responses: number;
  /** Mean of its response indices (0–100). */
  index: number;
  /** Its index in the previous wave (null when it did not answer then). */
  previousIndex: number | null;
  change: number | null;
  matchedBy: MatchedBy;
}

/** One customer × wave × dimension (satisfaction_dimensions.csv). */
export interface CustomerDimension {
  customerId: string;
  wave: string;
  dimension: string;
  index: number;
}

/** One question in the current wave (satisfaction_items.csv). */
export interface ItemResult {
  item: string;
  dimension: string | null;
  /** Mean importance of its answers. */
  importance: number;
  /** Mean score of its answers (0–100). */
  performance: number;
  answers: number;
  quadrant: IpaQuadrant;
}

/** The company in one wave. */
export interface WaveResult {
  wave: string;
  /** The wave just before (calendar half year, or the wave before in the order of a wave column). */
  previous: string | null;
  responses: number;
  customers: number;
  /** Mean of the customer indices (revenue-weighted with weight_by_revenue); null without weights. */
  index: number | null;
  /** Company index per dimension, by dimension. */
  dimensions: { dimension: string; index: number | null }[];
}

/** A response whose respondent matched no customer of the sales data (counted under its own key). */
export interface UnmatchedResponse {
  sourceFile: string;
  responseId: string | null;
  surveyId: string | null;
  surveyName: string | null;
  surveyDate: string | null;
  wave: string;
  /** Several sales customers have this name, so it could not decide. */
  ambiguous: boolean;
}

/** Result of the satisfaction analysis. */
export interface SatisfactionResult {
  /**
   * T: surveys dated after it are ignored. A survey loaded without sales data takes the
   * parameters' as-of date, else its latest survey date (null when no answer is dated).
   */
  asOf: string | null;
  /**
   * Respondents were matched to the customers of sales data. False for a survey loaded without
   * sales: its own results, every respondent under its own id or name (unmatched), and no links
   * to value (class, tier, stage, revenue weights, at risk).
   */
  sales: boolean;
  waves: WaveResult[];
  /** The latest wave ("current"), null without any answered response. */
  current: string | null;
  customers: CustomerWave[];
  dimensions: CustomerDimension[];
  /** Questions of the current wave, by item. */
  items: ItemResult[];
  /** The means the quadrants are drawn against (null without questions). */
  itemMeans: { importance: number; performance: number } | null;
  /** Dimensions in display order (the five of seed 002 first when present). */
  dimensionNames: string[];
  /** Questions answered without a dimension (they count in the indices, in no dimension). */
  withoutDimension: string[];
  responses: { total: number; byId: number; byName: number; unmatched: number; afterAsOf: number };
  unmatched: UnmatchedResponse[];
  weightByRevenue: boolean;
  /** Filters are active: only customers with sales rows passing them count. */
  filtered: boolean;
}

/** The rows of satisfaction-sql.ts one run reads. */
export interface SatisfactionRows {
  /** customerWavesSql */
  customerWaves: {
    customer_id: string;
    wave: string;
    responses: number;
    matched_by: MatchedBy;
    idx: number;
  }[];
  /** customerDimensionsSql */
  customerDimensions: { customer_id: string; wave: string; dimension: string; idx: number }[];
  /** itemWavesSql */
  itemWaves: {
    item: string;
    wave: string;
    dimension: string | null;
    importance: number;
    performance: number;
    answers: number;
  }[];
  /** responsesSql */
  responses: {
    source_file: string;
    response_id: string | null;
    survey_date: number | null;
    wave: string;
    survey_id: string | null;
    survey_name: string | null;
    customer_id: string;
    matched_by: MatchedBy;
    ambiguous: boolean;
    answered: number;
  }[];
  /** afterAsOfSql */
  afterAsOf: number;
}

/** Seed 002's five dimensions, in its order, for display. */
const SERVQUAL = [
  '有形性',
  '可靠性',
  '响应性',
  '保证性',
  '移情性',
  'tangibles',
  'reliability',
  'responsiveness',
  'assurance',
  'empathy',
];

/**
 * The wave before each wave: for half years (`2025-H1`) the calendar half year just before, else
 * the wave before in the order of their first survey date (then name).
 */
export function previousWaves(waves: { wave: string; first: string | null }[]): Map<string, string | null> {
  const half = /^(\d{4})-H([12])$/;
  const out = new Map<string, string | null>();
  if (waves.every((w) => half.test(w.wave))) {
    for (const { wave } of waves) {
      const [, y, h] = wave.match(half)!;
      out.set(wave, h === '2' ? `${y}-H1` : `${Number(y) - 1}-H2`);
    }
    return out;
  }
  const ordered = orderWaves(waves);
  ordered.forEach((w, i) => out.set(w, i > 0 ? ordered[i - 1] : null));
  return out;
}

/** Waves in time order: by first survey date (undated last), then by name. */
export function orderWaves(waves: { wave: string; first: string | null }[]): string[] {
  return [...waves]
    .sort(
      (a, b) =>
        (a.first === null ? 1 : 0) - (b.first === null ? 1 : 0) ||
        (a.first ?? '').localeCompare(b.first ?? '') ||
        compareCodePoints(a.wave, b.wave),
    )
    .map((w) => w.wave);
}

/** Mean of values with weights (equal when `weights` is null); null when the weights sum to 0. */
function weightedMean(
  values: { id: string; v: number }[],
  weights: Map<string, number> | null,
): number | null {
  const sorted = [...values].sort((a, b) => compareCodePoints(a.id, b.id));
  let num = 0;
  let den = 0;
  for (const { id, v } of sorted) {
    const w = weights ? Math.max(weights.get(id) ?? 0, 0) : 1;
    num += w * v;
    den += w;
  }
  return den > 0 ? num / den : null;
}

/** Importance–performance quadrants against the means over the questions (ties count as high). */
export function ipa(rows: Omit<ItemResult, 'quadrant'>[]): {
  items: ItemResult[];
  means: { importance: number; performance: number } | null;
} {
  if (!rows.length) return { items: [], means: null };
  const sorted = [...rows].sort((a, b) => compareCodePoints(a.item, b.item));
  const importance = sorted.reduce((s, r) => s + r.importance, 0) / sorted.length;
  const performance = sorted.reduce((s, r) => s + r.performance, 0) / sorted.length;
  const items = sorted.map((r) => {
    const important = r.importance >= importance - EPS;
    const high = r.performance >= performance - EPS;
    const quadrant: IpaQuadrant = important
      ? high
        ? 'keep_up'
        : 'concentrate_here'
      : high
        ? 'possible_overkill'
        : 'low_priority';
    return { ...r, quadrant };
  });
  return { items, means: { importance, performance } };
}

/** Dimensions in display order: seed 002's five first (Chinese or English names), then by code point. */
function orderDimensions(names: string[]): string[] {
  const rank = (d: string) => {
    const i = SERVQUAL.indexOf(d.toLowerCase());
    return i < 0 ? SERVQUAL.length : i % 5;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b));
}

/**
 * The result from the rows: waves with an answered response in time order ("current" the
 * latest), each customer's previous index and change, the company index per wave (the mean of
 * the customer indices, weighted by `weights` when given) and per dimension, the current wave's
 * questions in their quadrants, the responses counted by how they matched.
 */
export function satisfactionFrom(
  rows: SatisfactionRows,
  context: Pick<SatisfactionResult, 'asOf' | 'sales' | 'weightByRevenue' | 'filtered'> & {
    /** Revenue per customer in the period (weight_by_revenue), else null. */
    weights: Map<string, number> | null;
  },
): SatisfactionResult {
  const num = (v: unknown) => Number(v);
  const { customerWaves: cw, customerDimensions: cd, itemWaves: iw, responses: resp } = rows;

  // Waves: those with an answered response, in time order; "current" is the latest.
  const firstDate = new Map<string, string | null>();
  for (const r of resp) {
    const d = r.survey_date === null ? null : isoDate(r.survey_date);
    const prev = firstDate.get(r.wave);
    if (!firstDate.has(r.wave) || (d !== null && (prev === null || prev === undefined || d < prev)))
      firstDate.set(r.wave, d);
  }
  const answeredWaves = [...new Set(cw.map((r) => r.wave))].map((wave) => ({
    wave,
    first: firstDate.get(wave) ?? null,
  }));
  const order = orderWaves(answeredWaves);
  const previous = previousWaves(answeredWaves);
  const current = order.at(-1) ?? null;

  const indexOf = new Map(cw.map((r) => [`${r.customer_id}\u0000${r.wave}`, num(r.idx)]));
  const customers: CustomerWave[] = cw
    .map((r) => {
      const before = previous.get(r.wave);
      const previousIndex = before ? (indexOf.get(`${r.customer_id}\u0000${before}`) ?? null) : null;
      const index = num(r.idx);
      return {
        customerId: String(r.customer_id),
        wave: r.wave,
        responses: num(r.responses),
        index,
        previousIndex,
        change: previousIndex === null ? null : index - previousIndex,
        matchedBy: r.matched_by,
      };
    })
    .sort((a, b) => compareCodePoints(a.customerId, b.customerId) || compareCodePoints(a.wave, b.wave));
  const dimensions: CustomerDimension[] = cd
    .map((r) => ({
      customerId: String(r.customer_id),
      wave: r.wave,
      dimension: r.dimension,
      index: num(r.idx),
    }))
    .sort(
      (a, b) =>
        compareCodePoints(a.customerId, b.customerId) ||
        compareCodePoints(a.wave, b.wave) ||
        compareCodePoints(a.dimension, b.dimension),
    );

  // Company index: mean of customer indices, or weighted by revenue in the analysis period.
  const { weights } = context;
  const dimensionNames = orderDimensions([...new Set(dimensions.map((d) => d.dimension))]);
  const waves: WaveResult[] = order.map((wave) => {
    const inWave = customers.filter((c) => c.wave === wave);
    return {
      wave,
      previous: previous.get(wave) ?? null,
      responses: inWave.reduce((s, c) => s + c.responses, 0),
      customers: inWave.length,
      index: weightedMean(
        inWave.map((c) => ({ id: c.customerId, v: c.index })),
        weights,
      ),
      dimensions: dimensionNames.map((dimension) => ({
        dimension,
        index: weightedMean(
          dimensions
            .filter((d) => d.wave === wave && d.dimension === dimension)
            .map((d) => ({ id: d.customerId, v: d.index })),
          weights,
        ),
      })),
    };
  });

  const { items, means } = ipa(
    iw
      .filter((r) => r.wave === current)
      .map((r) => ({
        item: r.item,
        dimension: r.dimension,
        importance: num(r.importance),
        performance: num(r.performance),
        answers: num(r.answers),
      })),
  );
  const withoutDimension = [...new Set(iw.filter((r) => r.dimension === null).map((r) => r.item))].sort(
    compareCodePoints,
  );
  const answered = resp.filter((r) => num(r.answered) > 0);
  const unmatched = answered
    .filter((r) => r.matched_by === null)
    .map((r) => ({
      sourceFile: r.source_file,
      responseId: r.response_id,
      surveyId: r.survey_id,
      surveyName: r.survey_name,
      surveyDate: r.survey_date === null ? null : isoDate(r.survey_date),
      wave: r.wave,
      ambiguous: !!r.ambiguous,
    }));
  return {
    asOf: context.asOf,
    sales: context.sales,
    waves,
    current,
    customers,
    dimensions,
    items,
    itemMeans: means,
    dimensionNames,
    withoutDimension,
    responses: {
      total: answered.length,
      byId: answered.filter((r) => r.matched_by === 'id').length,
      byName: answered.filter((r) => r.matched_by === 'name').length,
      unmatched: unmatched.length,
      afterAsOf: num(rows.afterAsOf),
    },
    unmatched,
    weightByRevenue: context.weightByRevenue,
    filtered: context.filtered,
  };
}
