/**
 * Value forecast (analytics.md §10): BG/NBD for purchase days and survival, Gamma-Gamma for the
 * value of a purchase day, per customer over a horizon, with an optional holdout check.
 */
import type { Engine } from '../../engine/types';
import { resolvePeriod } from '../common';
import type { Params } from '../params';
import type { BgnbdParams } from './bgnbd';
import { computeForecast } from './compute';
import { buildForecastInputSql } from './forecast-sql';
import type { GammaGammaParams } from './gamma-gamma';
import { forecastRunner } from './runner';

export { buildForecastInputSql } from './forecast-sql';
export { computeForecast, fitModels, MIN_REPEATERS } from './compute';

/** Why there is no forecast (machine-readable; the UI words it). */
export type ForecastReason =
  /** No customer has a purchase day up to the (calibration) date. */
  | 'no_customers'
  /** Fewer than 20 customers with x > 0. */
  | 'too_few_repeaters'
  /** Fewer than 20 customers with x > 0 and a positive mean value m_x (Gamma-Gamma's data). */
  | 'too_few_repeat_values'
  /** The BG/NBD fit did not converge. */
  | 'bgnbd_no_convergence'
  /** The Gamma-Gamma fit did not converge. */
  | 'gamma_gamma_no_convergence';

/** One customer's summary (from the SQL) and forecast. */
export interface ForecastRow {
  customerId: string;
  /** x: purchase days after the first. */
  frequency: number;
  /** t_x in weeks. */
  recencyWeeks: number;
  /** T_c in weeks. */
  ageWeeks: number;
  /** m_x: mean net revenue of the purchase days after the first; null when x = 0. */
  monetary: number | null;
  /** Net revenue of all its purchase days up to T, the first included (what the at-risk list ranks by). */
  pastValue: number;
  /** The rest are null without a forecast; expected_purchases also where ₂F₁ cannot converge. */
  pAlive: number | null;
  expectedPurchases: number | null;
  expectedAvgValue: number | null;
  expectedValue: number | null;
}

/** The fitted models. */
export interface ForecastModel {
  bgnbd: BgnbdParams & { ll: number };
  gammaGamma: GammaGammaParams & { ll: number };
  /** Parameters of either fit that ended on the box [1e-4, 1e4] (names of §10: r, alpha, a, b, p, q, gamma). */
  onBound: string[];
}

/** Holdout comparison per frequency bucket. */
export interface HoldoutBucket {
  /** `0` … `6`, `7+` (x in the calibration data). */
  bucket: string;
  customers: number;
  /** Predicted (null without a model) and actual purchase days in the holdout, summed over the bucket. */
  predicted: number | null;
  actual: number;
  /** Per customer; null for an empty bucket (or without a model). */
  meanPredicted: number | null;
  meanActual: number | null;
}

/** The holdout check of §10. */
export interface HoldoutResult {
  weeks: number;
  /** T − 7·weeks days: the last day the model saw. */
  calibrationEnd: string;
  /**
   * Customers with a purchase day up to the calibration end (less any whose prediction cannot
   * be computed), and those with x > 0.
   */
  customers: number;
  repeaters: number;
  /** Why the calibration fit gave no forecast (then the predicted figures are null). */
  reason: ForecastReason | null;
  model: ForecastModel | null;
  /** Purchase days in the holdout: predicted (null without a model) and actual, all customers. */
  predicted: number | null;
  actual: number;
  buckets: HoldoutBucket[];
}

/** Result of the value forecast. */
export interface ForecastResult {
  asOf: string;
  horizonWeeks: number;
  /** Customers with a purchase day up to T, and those with x > 0. */
  customers: number;
  repeaters: number;
  model: ForecastModel | null;
  reason: ForecastReason | null;
  /** One row per customer, ordered by expected_value desc (12 significant digits, nulls last), then id. */
  rows: ForecastRow[];
  /** With holdout_weeks > 0. */
  holdout: HoldoutResult | null;
}

/** One customer's input to the fit (a row of buildForecastInputSql). Plain data: it crosses to a Web Worker. */
export interface ForecastInput {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  m: number | null;
  holdoutDays: number;
  pastValue: number;
}

/** Everything the fit and scoring need, read by SQL first (plain data, so it can go to a Web Worker). */
export interface ForecastRequest {
  /** Horizon h in weeks. */
  horizonWeeks: number;
  /** Customers as of T. */
  inputs: ForecastInput[];
  /** The holdout check's customers as of the calibration end (null with holdout_weeks 0). */
  holdout: { weeks: number; calibrationEnd: string; inputs: ForecastInput[] } | null;
}

/** What the fit and scoring give back. */
export type ForecastComputed = Pick<ForecastResult, 'model' | 'reason' | 'rows' | 'holdout'>;

/** Runs `computeForecast` somewhere: here by default; the browser app sends it to a Web Worker (runner.ts). */
export type ForecastCompute = (request: ForecastRequest) => Promise<ForecastComputed>;

async function readInputs(db: Engine, params: Params, asOf: string, calibrationEnd: string) {
  const raw = await db.rows(buildForecastInputSql({ asOf, calibrationEnd, filters: params.filters }));
  // A task boundary between DuckDB's answer (20,000 rows at 1 M lines) and the inputs made of it,
  // so in the browser neither holds the page long (docs/performance.md).
  await new Promise((resolve) => setTimeout(resolve, 0));
  return raw.map((r): ForecastInput => ({
    customerId: String(r.customer_id),
    x: Number(r.x),
    tx: Number(r.t_x),
    T: Number(r.T_c),
    m: r.m_x === null ? null : Number(r.m_x),
    holdoutDays: Number(r.holdout_days),
    pastValue: Number(r.past_value),
  }));
}

/** `date` plus `days` calendar days (UTC, no local time). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Run the value forecast as of T (whole history up to T, after the filters). */
export async function runForecastFor(db: Engine, params: Params, asOf: string): Promise<ForecastResult> {
  const inputs = await readInputs(db, params, asOf, asOf);
  const weeks = params.forecast.holdout_weeks;
  const calibrationEnd = addDays(asOf, -7 * weeks);
  const holdout =
    weeks > 0 ? { weeks, calibrationEnd, inputs: await readInputs(db, params, asOf, calibrationEnd) } : null;
  const h = params.forecast.horizon_weeks;
  const request = { horizonWeeks: h, inputs, holdout };
  const runner = forecastRunner();
  const computed = runner ? await runner(request) : computeForecast(request);
  return {
    asOf,
    horizonWeeks: h,
    customers: inputs.length,
    repeaters: inputs.filter((c) => c.x > 0).length,
    ...computed,
  };
}

/** Run the value forecast as of T. Null without sales data. */
export async function runForecast(db: Engine, params: Params): Promise<ForecastResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runForecastFor(db, params, period.asOf);
}
