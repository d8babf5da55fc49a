/**
 * Customer satisfaction (analytics.md §12, seed 002): response, customer, dimension and company
 * indices per wave, the change since the previous wave, and importance–performance per question
 * with its four quadrants. This file runs the queries; the SQL is in satisfaction-sql.ts, the
 * indices made of its rows in satisfaction-index.ts; links to ABC class, KPI tier, lifecycle
 * stage and key-account tier, and the "at risk" list, in satisfaction-links.ts.
 */
import type { Cell, Engine } from '../engine/types';
import { hasTable, isoDate, periodSalesSql, resolvePeriod, type Period } from './common';
import type { Params } from './params';
import { satisfactionFrom, type SatisfactionResult, type SatisfactionRows } from './satisfaction-index';
import {
  afterAsOfSql,
  customerAnswersSql,
  customerDimensionsSql,
  customerWavesSql,
  itemWavesSql,
  responsesSql,
  type SatisfactionSqlParams,
} from './satisfaction-sql';

export { IPA_QUADRANTS, ipa, orderWaves, previousWaves } from './satisfaction-index';
export type {
  CustomerDimension,
  CustomerWave,
  IpaQuadrant,
  ItemResult,
  MatchedBy,
  SatisfactionResult,
  UnmatchedResponse,
  WaveResult,
} from './satisfaction-index';

function sqlParams(params: Params, period: Period, items: boolean): SatisfactionSqlParams {
  return { asOf: period.asOf, filters: params.filters, items, sales: true };
}

/**
 * The SQL parameters of a survey loaded without sales data: T is the parameters' as-of date, else
 * the latest survey date (null when no answer is dated); no matching, no filters.
 */
async function surveyAloneParams(db: Engine, params: Params): Promise<SatisfactionSqlParams> {
  let asOf = params.as_of;
  if (asOf === null) {
    const [r] = await db.rows<{ d: number | null }>('SELECT max(survey_date) AS d FROM survey');
    asOf = r.d === null ? null : isoDate(r.d);
  }
  return { asOf, filters: params.filters, items: await hasTable(db, 'survey_items'), sales: false };
}

/** Whether sales data is loaded (a survey may be loaded alone): the period, or null. */
async function salesPeriod(db: Engine, params: Params): Promise<Period | null> {
  return (await hasTable(db, 'sales')) ? resolvePeriod(db, params) : null;
}

/** The rows of one run (satisfaction-sql.ts). */
async function satisfactionRows(db: Engine, p: SatisfactionSqlParams): Promise<SatisfactionRows> {
  const customerWaves = await db.rows<SatisfactionRows['customerWaves'][number]>(customerWavesSql(p));
  const customerDimensions = await db.rows<SatisfactionRows['customerDimensions'][number]>(
    customerDimensionsSql(p),
  );
  const itemWaves = await db.rows<SatisfactionRows['itemWaves'][number]>(itemWavesSql(p));
  const responses = await db.rows<SatisfactionRows['responses'][number]>(responsesSql(p));
  const [after] = await db.rows<{ n: number }>(afterAsOfSql(p.asOf));
  return { customerWaves, customerDimensions, itemWaves, responses, afterAsOf: Number(after.n) };
}

/**
 * Run the satisfaction analysis. Null without a survey table; without sales data the survey's
 * own results (`sales: false`: every respondent unmatched, no revenue weights, no filters).
 */
export async function runSatisfaction(db: Engine, params: Params): Promise<SatisfactionResult | null> {
  if (!(await hasTable(db, 'survey'))) return null;
  const period = await salesPeriod(db, params);
  if (period) return runSatisfactionFor(db, params, period);
  const p = await surveyAloneParams(db, params);
  return satisfactionFrom(await satisfactionRows(db, p), {
    asOf: p.asOf,
    sales: false,
    weights: null,
    weightByRevenue: false,
    filtered: false,
  });
}

/** runSatisfaction with the period resolved (the result files' run). */
export async function runSatisfactionFor(
  db: Engine,
  params: Params,
  period: Period,
): Promise<SatisfactionResult> {
  const p = sqlParams(params, period, await hasTable(db, 'survey_items'));
  const rows = await satisfactionRows(db, p);
  // Company index: mean of customer indices, or weighted by revenue in the analysis period.
  let weights: Map<string, number> | null = null;
  if (params.satisfaction.weight_by_revenue) {
    const rev = await db.rows<{ customer_id: string; revenue: number | null }>(
      `SELECT customer_id, sum(revenue) AS revenue FROM (${periodSalesSql(period, params.filters)}) WHERE customer_id IS NOT NULL GROUP BY 1`,
    );
    weights = new Map(rev.map((r) => [String(r.customer_id), Number(r.revenue ?? 0)]));
  }
  return satisfactionFrom(rows, {
    asOf: period.asOf,
    sales: true,
    weights,
    weightByRevenue: params.satisfaction.weight_by_revenue,
    filtered: Object.values(params.filters).some((v) => v.length > 0),
  });
}

/** One answer of a customer (the customer panel). */
export interface CustomerAnswer {
  wave: string;
  surveyDate: string | null;
  item: string;
  dimension: string | null;
  importance: number;
  /** The answer on its scale; null when skipped. */
  answer: number | null;
  scale: [number, number] | null;
  score: number | null;
}

/**
 * A customer's answers, latest wave first (empty without a survey). Without sales data: the
 * answers of the respondent under that id or name.
 */
export async function runCustomerAnswers(
  db: Engine,
  params: Params,
  customerId: string,
): Promise<CustomerAnswer[]> {
  if (!customerId || !(await hasTable(db, 'survey'))) return [];
  const period = await salesPeriod(db, params);
  const p = period
    ? sqlParams(params, period, await hasTable(db, 'survey_items'))
    : await surveyAloneParams(db, params);
  const rows = await db.rows<Record<string, Cell>>(customerAnswersSql(p, customerId));
  return rows.map((r) => ({
    wave: String(r.wave),
    surveyDate: r.survey_date === null ? null : isoDate(Number(r.survey_date)),
    item: String(r.item),
    dimension: r.dimension === null ? null : String(r.dimension),
    importance: Number(r.importance),
    answer: r.answer === null ? null : Number(r.answer),
    scale: r.scale_min === null ? null : [Number(r.scale_min), Number(r.scale_max)],
    score: r.score === null ? null : Number(r.score),
  }));
}

/** runSatisfactionFor when a survey is loaded, else null (the result files' run: no survey, no files). */
export async function runSatisfactionIfSurvey(
  db: Engine,
  params: Params,
  period: Period,
): Promise<SatisfactionResult | null> {
  return (await hasTable(db, 'survey')) ? runSatisfactionFor(db, params, period) : null;
}
