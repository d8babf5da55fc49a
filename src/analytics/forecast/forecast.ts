/**
 * Value forecast (analytics.md §10): BG/NBD for purchase days and survival, Gamma-Gamma for the
 * value of a purchase day, per customer over a horizon, with an optional holdout check.
 */
import type { Engine } from '../../engine/types';
import { compareCodePoints, resolvePeriod, sig12 } from '../common';
import type { Params } from '../params';
import { expectedPurchases, fitBgnbd, groupTriples, pAlive, type BgnbdParams, type Triple } from './bgnbd';
import { buildForecastInputSql } from './forecast-sql';
import { expectedAvgValue, fitGammaGamma, prepareSpend, type GammaGammaParams } from './gamma-gamma';

export { buildForecastInputSql } from './forecast-sql';

/** Fewer customers with x > 0 than this: no forecast (§10). */
export const MIN_REPEATERS = 20;

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

interface InputRow {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  m: number | null;
  holdoutDays: number;
}

async function readInputs(db: Engine, params: Params, asOf: string, calibrationEnd: string) {
  const raw = await db.rows(buildForecastInputSql({ asOf, calibrationEnd, filters: params.filters }));
  return raw.map((r): InputRow => ({
    customerId: String(r.customer_id),
    x: Number(r.x),
    tx: Number(r.t_x),
    T: Number(r.T_c),
    m: r.m_x === null ? null : Number(r.m_x),
    holdoutDays: Number(r.holdout_days),
  }));
}

/** Fit both models, or say why not. */
export function fitModels(inputs: readonly { x: number; tx: number; T: number; m: number | null }[]): {
  model: ForecastModel | null;
  reason: ForecastReason | null;
} {
  if (inputs.length === 0) return { model: null, reason: 'no_customers' };
  if (inputs.filter((c) => c.x > 0).length < MIN_REPEATERS)
    return { model: null, reason: 'too_few_repeaters' };
  const spend = prepareSpend(inputs.map((c) => ({ x: c.x, m: c.m ?? 0 })));
  if (spend.n < MIN_REPEATERS) return { model: null, reason: 'too_few_repeat_values' };
  const bg = fitBgnbd(groupTriples(inputs));
  if (!bg.converged) return { model: null, reason: 'bgnbd_no_convergence' };
  const gg = fitGammaGamma(spend);
  if (!gg.converged) return { model: null, reason: 'gamma_gamma_no_convergence' };
  return {
    model: {
      bgnbd: { ...bg.params, ll: bg.ll },
      gammaGamma: { ...gg.params, ll: gg.ll },
      onBound: [...bg.onBound, ...gg.onBound],
    },
    reason: null,
  };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Score customers: P(alive) and expected purchases once per distinct (x, t_x, T_c). */
function score(model: ForecastModel, inputs: InputRow[], h: number): ForecastRow[] {
  const cache = new Map<string, [number, number]>();
  return inputs.map((c) => {
    const key = `${c.x}|${c.tx}|${c.T}`;
    let s = cache.get(key);
    if (!s) {
      const t: Triple = c;
      s = [pAlive(model.bgnbd, t), expectedPurchases(model.bgnbd, t, h)];
      cache.set(key, s);
    }
    const purchases = finite(s[1]);
    const avg = expectedAvgValue(model.gammaGamma, c.x, c.m);
    return {
      customerId: c.customerId,
      frequency: c.x,
      recencyWeeks: c.tx,
      ageWeeks: c.T,
      monetary: c.m,
      pAlive: finite(s[0]),
      expectedPurchases: purchases,
      expectedAvgValue: avg,
      expectedValue: purchases === null || avg === null ? null : finite(purchases * avg),
    };
  });
}

/** expected_value desc at 12 significant digits (§0), nulls last, then customer id by code point. */
function byExpectedValue(a: ForecastRow, b: ForecastRow): number {
  const x = a.expectedValue === null ? null : sig12(a.expectedValue);
  const y = b.expectedValue === null ? null : sig12(b.expectedValue);
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x > y ? -1 : 1;
  }
  return compareCodePoints(a.customerId, b.customerId);
}

/** `date` plus `days` calendar days (UTC, no local time). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const BUCKETS = ['0', '1', '2', '3', '4', '5', '6', '7+'];

async function holdoutCheck(db: Engine, params: Params, asOf: string): Promise<HoldoutResult> {
  const weeks = params.forecast.holdout_weeks;
  const calibrationEnd = addDays(asOf, -7 * weeks);
  const inputs = await readInputs(db, params, asOf, calibrationEnd);
  const { model, reason } = fitModels(inputs);
  const base = {
    weeks,
    calibrationEnd,
    customers: inputs.length,
    repeaters: inputs.filter((c) => c.x > 0).length,
    reason,
    model,
  };
  // Customers whose prediction cannot be computed (₂F₁ not converging) are left out of both sides.
  const scored = inputs
    .map((c) => ({ c, predicted: model ? expectedPurchases(model.bgnbd, c, weeks) : 0 }))
    .filter((s) => Number.isFinite(s.predicted));
  const buckets = BUCKETS.map((bucket, i): HoldoutBucket => {
    const inBucket = scored.filter((s) => (i === 7 ? s.c.x >= 7 : s.c.x === i));
    const predicted = inBucket.reduce((s, b) => s + b.predicted, 0);
    const act = inBucket.reduce((s, b) => s + b.c.holdoutDays, 0);
    const n = inBucket.length;
    return {
      bucket,
      customers: n,
      predicted: model ? predicted : null,
      actual: act,
      meanPredicted: model && n ? predicted / n : null,
      meanActual: n ? act / n : null,
    };
  });
  return {
    ...base,
    customers: scored.length,
    predicted: model ? buckets.reduce((s, b) => s + b.predicted!, 0) : null,
    actual: buckets.reduce((s, b) => s + b.actual, 0),
    buckets,
  };
}

/** Run the value forecast as of T (whole history up to T, after the filters). */
export async function runForecastFor(db: Engine, params: Params, asOf: string): Promise<ForecastResult> {
  const inputs = await readInputs(db, params, asOf, asOf);
  const { model, reason } = fitModels(inputs);
  const h = params.forecast.horizon_weeks;
  const rows: ForecastRow[] = model
    ? score(model, inputs, h)
    : inputs.map((c) => ({
        customerId: c.customerId,
        frequency: c.x,
        recencyWeeks: c.tx,
        ageWeeks: c.T,
        monetary: c.m,
        pAlive: null,
        expectedPurchases: null,
        expectedAvgValue: null,
        expectedValue: null,
      }));
  rows.sort(byExpectedValue);
  return {
    asOf,
    horizonWeeks: h,
    customers: inputs.length,
    repeaters: inputs.filter((c) => c.x > 0).length,
    model,
    reason,
    rows,
    holdout: params.forecast.holdout_weeks > 0 ? await holdoutCheck(db, params, asOf) : null,
  };
}

/** Run the value forecast as of T. Null without sales data. */
export async function runForecast(db: Engine, params: Params): Promise<ForecastResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runForecastFor(db, params, period.asOf);
}
