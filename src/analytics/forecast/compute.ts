/**
 * The pure part of the value forecast (analytics.md §10): fit both models on the customers' summaries,
 * score every customer, order them, and run the holdout check. No SQL and no I/O, so the browser
 * runs it in a Web Worker (`src/state/forecast.worker.ts`) and Node in its own thread.
 */
import { compareCodePoints, sig12 } from '../common';
import { expectedPurchases, fitBgnbd, groupTriples, pAlive, type Triple } from './bgnbd';
import type {
  ForecastComputed,
  ForecastInput,
  ForecastModel,
  ForecastReason,
  ForecastRequest,
  ForecastRow,
  HoldoutBucket,
  HoldoutResult,
} from './forecast';
import { expectedAvgValue, fitGammaGamma, prepareSpend } from './gamma-gamma';

/** Fewer customers with x > 0 than this: no forecast (§10). */
export const MIN_REPEATERS = 20;

/** Fit both models, or say why not. */
export function fitModels(inputs: readonly { x: number; tx: number; T: number; m: number | null }[]): {
  model: ForecastModel | null;
  reason: ForecastReason | null;
} {
  if (inputs.length === 0) return { model: null, reason: 'no_customers' };
  if (inputs.filter((c) => c.x > 0).length < MIN_REPEATERS)
    return { model: null, reason: 'too_few_repeaters' };
  // The fit takes money at 12 significant digits (§0): native DuckDB with threads adds a
  // customer's days in another order, and an optimiser started from numbers that differ in the
  // last bits stops at a slightly different point. The files keep the values in full.
  const spend = prepareSpend(inputs.map((c) => ({ x: c.x, m: c.m === null ? 0 : sig12(c.m) })));
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
function score(model: ForecastModel, inputs: ForecastInput[], h: number): ForecastRow[] {
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
      pastValue: c.pastValue,
      pAlive: finite(s[0]),
      expectedPurchases: purchases,
      expectedAvgValue: avg,
      expectedValue: purchases === null || avg === null ? null : finite(purchases * avg),
    };
  });
}

/**
 * expected_value desc at 12 significant digits (§0), nulls last, then customer id by code point.
 * Each row's rounded value is computed once (sig12 goes through text: per comparison it cost
 * more than the scoring).
 */
function sortByExpectedValue(rows: ForecastRow[]): ForecastRow[] {
  const keyed = rows.map((row) => ({ row, v: row.expectedValue === null ? null : sig12(row.expectedValue) }));
  keyed.sort((a, b) => {
    if (a.v !== b.v) {
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      return a.v > b.v ? -1 : 1;
    }
    return compareCodePoints(a.row.customerId, b.row.customerId);
  });
  return keyed.map((k) => k.row);
}

const BUCKETS = ['0', '1', '2', '3', '4', '5', '6', '7+'];

function holdoutCheck(weeks: number, calibrationEnd: string, inputs: ForecastInput[]): HoldoutResult {
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

/** Fit, score and (with a holdout) check: the pure part of the forecast, the same in a Web Worker or here. */
export function computeForecast(request: ForecastRequest): ForecastComputed {
  const { inputs, horizonWeeks: h } = request;
  const { model, reason } = fitModels(inputs);
  const rows: ForecastRow[] = model
    ? score(model, inputs, h)
    : inputs.map((c) => ({
        customerId: c.customerId,
        frequency: c.x,
        recencyWeeks: c.tx,
        ageWeeks: c.T,
        monetary: c.m,
        pastValue: c.pastValue,
        pAlive: null,
        expectedPurchases: null,
        expectedAvgValue: null,
        expectedValue: null,
      }));
  const hold = request.holdout;
  return {
    model,
    reason,
    rows: sortByExpectedValue(rows),
    holdout: hold ? holdoutCheck(hold.weeks, hold.calibrationEnd, hold.inputs) : null,
  };
}
