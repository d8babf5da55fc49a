/** The value forecast's part of the result files (outputs.md): clv.csv and summary.json `forecast`. */
import type { ForecastResult } from '../analytics/forecast/forecast';
import { csvText, type Text } from '../export/csv';

/** clv.csv, in the forecast's order (expected_value desc, then customer_id); null when there is no forecast. */
export function clvCsv(f: ForecastResult): Text | null {
  if (!f.model) return null;
  return csvText(
    [
      'customer_id',
      'frequency',
      'recency_weeks',
      'age_weeks',
      'monetary',
      'p_alive',
      'expected_purchases',
      'expected_avg_value',
      'expected_value',
    ],
    f.rows.map((r) => [
      r.customerId,
      r.frequency,
      r.recencyWeeks,
      r.ageWeeks,
      r.monetary,
      r.pAlive,
      r.expectedPurchases,
      r.expectedAvgValue,
      r.expectedValue,
    ]),
  );
}

/**
 * summary.json `forecast`: the fitted parameters and log-likelihoods (null without a forecast,
 * and `reason` says why), parameters on the box, customer and repeater counts, and with
 * holdout_weeks > 0 the holdout comparison in total and per frequency bucket.
 */
export function forecastBlock(f: ForecastResult): Record<string, unknown> {
  const bg = f.model?.bgnbd;
  const gg = f.model?.gammaGamma;
  const h = f.holdout;
  return {
    as_of: f.asOf,
    horizon_weeks: f.horizonWeeks,
    customers: f.customers,
    repeaters: f.repeaters,
    reason: f.reason,
    r: bg?.r ?? null,
    alpha: bg?.alpha ?? null,
    a: bg?.a ?? null,
    b: bg?.b ?? null,
    ll: bg?.ll ?? null,
    p: gg?.p ?? null,
    q: gg?.q ?? null,
    gamma: gg?.gamma ?? null,
    gg_ll: gg?.ll ?? null,
    on_bound: f.model?.onBound ?? [],
    ...(h
      ? {
          holdout: {
            weeks: h.weeks,
            calibration_end: h.calibrationEnd,
            customers: h.customers,
            repeaters: h.repeaters,
            reason: h.reason,
            on_bound: h.model?.onBound ?? [],
            predicted: h.predicted,
            actual: h.actual,
            buckets: h.buckets.map((b) => ({
              bucket: b.bucket,
              customers: b.customers,
              predicted: b.predicted,
              actual: b.actual,
              mean_predicted: b.meanPredicted,
              mean_actual: b.meanActual,
            })),
          },
        }
      : {}),
  };
}
