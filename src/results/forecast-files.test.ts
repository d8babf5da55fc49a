import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../analytics/forecast/forecast';
import { clvCsv, forecastBlock } from './forecast-files';

const base: ForecastResult = {
  asOf: '1997-09-30',
  horizonWeeks: 52,
  customers: 3,
  repeaters: 2,
  model: {
    bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: -9582.4 },
    gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44, ll: -4055.9 },
    onBound: [],
  },
  reason: null,
  rows: [
    {
      customerId: '=b',
      frequency: 2,
      recencyWeeks: 30.428571428571427,
      ageWeeks: 38.857142857142854,
      monetary: 0.1 + 0.2,
      pastValue: 40.6,
      pAlive: 0.5,
      expectedPurchases: 1.25,
      expectedAvgValue: 20,
      expectedValue: 25,
    },
    {
      customerId: 'a',
      frequency: 0,
      recencyWeeks: 0,
      ageWeeks: 10,
      monetary: null,
      pastValue: 12,
      pAlive: 1,
      expectedPurchases: 0.5,
      expectedAvgValue: 30,
      expectedValue: 15,
    },
  ],
  holdout: null,
};

describe('clv.csv and summary.json forecast (outputs.md)', () => {
  it('writes clv.csv with the columns of outputs.md, full precision, empty cells for null, ids defused', () => {
    expect(clvCsv(base)).toBe(
      'customer_id,frequency,recency_weeks,age_weeks,monetary,p_alive,expected_purchases,expected_avg_value,expected_value\n' +
        "'=b,2,30.428571428571427,38.857142857142854,0.30000000000000004,0.5,1.25,20,25\n" +
        'a,0,0,10,,1,0.5,30,15\n',
    );
  });

  it('summary block: parameters, counts, on_bound; no holdout key without a holdout', () => {
    expect(forecastBlock(base)).toEqual({
      as_of: '1997-09-30',
      horizon_weeks: 52,
      customers: 3,
      repeaters: 2,
      reason: null,
      r: 0.243,
      alpha: 4.414,
      a: 0.793,
      b: 2.426,
      ll: -9582.4,
      p: 6.25,
      q: 3.74,
      gamma: 15.44,
      gg_ll: -4055.9,
      on_bound: [],
    });
  });

  it('without a forecast: no clv.csv, and the block says why with null parameters', () => {
    const none: ForecastResult = { ...base, model: null, reason: 'too_few_repeaters' };
    expect(clvCsv(none)).toBeNull();
    const b = forecastBlock(none);
    expect(b.reason).toBe('too_few_repeaters');
    expect(b.r).toBeNull();
    expect(b.gg_ll).toBeNull();
    expect(b.on_bound).toEqual([]);
  });

  it('carries the holdout comparison in total and per bucket', () => {
    const withHoldout: ForecastResult = {
      ...base,
      holdout: {
        weeks: 13,
        calibrationEnd: '1997-07-01',
        customers: 2,
        repeaters: 1,
        reason: null,
        model: base.model,
        predicted: 3.5,
        actual: 4,
        buckets: [
          { bucket: '0', customers: 1, predicted: 1.5, actual: 1, meanPredicted: 1.5, meanActual: 1 },
          { bucket: '7+', customers: 0, predicted: 0, actual: 0, meanPredicted: null, meanActual: null },
        ],
      },
    };
    expect(forecastBlock(withHoldout).holdout).toEqual({
      weeks: 13,
      calibration_end: '1997-07-01',
      customers: 2,
      repeaters: 1,
      reason: null,
      on_bound: [],
      predicted: 3.5,
      actual: 4,
      buckets: [
        { bucket: '0', customers: 1, predicted: 1.5, actual: 1, mean_predicted: 1.5, mean_actual: 1 },
        { bucket: '7+', customers: 0, predicted: 0, actual: 0, mean_predicted: null, mean_actual: null },
      ],
    });
  });
});
