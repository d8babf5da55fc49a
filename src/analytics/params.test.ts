import { describe, expect, it } from 'vitest';
import { defaultParams, diffParams, ParamError, resolveParams, paramLimits } from './params';

describe('resolveParams', () => {
  it('fills every default of the spec', () => {
    const p = resolveParams({});
    expect(p.abc).toEqual({ a: 0.8, b: 0.95 });
    expect(p.kpi.weights).toEqual([30, 30, 20, 20]);
    expect(p.lifecycle.window_months).toBe(3);
    expect(p.rfm.window_months).toBe(12);
    expect(p.forecast).toEqual({ horizon_weeks: 52, holdout_weeks: 0 });
  });

  it('checks the forecast group (analytics.md §10)', () => {
    expect(resolveParams({ forecast: { horizon_weeks: 26, holdout_weeks: 13 } }).forecast).toEqual({
      horizon_weeks: 26,
      holdout_weeks: 13,
    });
    expect(() => resolveParams({ forecast: { horizon_weeks: 0 } })).toThrow(/^forecast.horizon_weeks: /);
    expect(() => resolveParams({ forecast: { holdout_weeks: 1.5 } })).toThrow(/^forecast.holdout_weeks: /);
    expect(() => resolveParams({ forecast: { h: 1 } })).toThrow(/^forecast.h: unknown parameter$/);
  });

  it('checks the satisfaction group (analytics.md §12)', () => {
    expect(resolveParams({}).satisfaction).toEqual({
      weight_by_revenue: false,
      at_risk_index: 60,
      at_risk_drop: 10,
    });
    expect(
      resolveParams({ satisfaction: { weight_by_revenue: true, at_risk_drop: 15 } }).satisfaction,
    ).toEqual({
      weight_by_revenue: true,
      at_risk_index: 60,
      at_risk_drop: 15,
    });
    expect(() => resolveParams({ satisfaction: { weight_by_revenue: 'yes' } })).toThrow(
      /^satisfaction.weight_by_revenue: must be true or false$/,
    );
    expect(() => resolveParams({ satisfaction: { at_risk_index: 120 } })).toThrow(
      /^satisfaction.at_risk_index: /,
    );
    expect(() => resolveParams({ satisfaction: { at_risk_drop: -1 } })).toThrow(
      /^satisfaction.at_risk_drop: /,
    );
    expect(() => resolveParams({ satisfaction: { drop: 1 } })).toThrow(
      /^satisfaction.drop: unknown parameter$/,
    );
  });

  it('accepts the example object of outputs.md', () => {
    const p = resolveParams({
      period_start: '2024-01-01',
      as_of: '2024-12-31',
      measure: 'revenue',
      filters: { region: ['华东'], channel: [], category: [], customer_type: [], sales_rep: [] },
      abc: { a: 0.8, b: 0.95 },
      turnover: { basis: 'quantity' },
      kpi: {
        weights: [30, 30, 20, 20],
        tier_share: 0.2,
        missed_months_limit: 3,
        credit_b: 1.0,
        credit_c: 0.25,
      },
    });
    expect(p.filters.region).toEqual(['华东']);
    expect(p.as_of).toBe('2024-12-31');
  });

  it('names an unknown key', () => {
    expect(() => resolveParams({ abc: { c: 1 } })).toThrow(new ParamError('abc.c', 'unknown parameter'));
    expect(() => resolveParams({ nope: 1 })).toThrow(/^nope: unknown parameter$/);
  });

  it('names a bad value', () => {
    expect(() => resolveParams({ kpi: { weights: [30, 30, 20, 10] } })).toThrow(
      /kpi.weights: must sum to 100/,
    );
    expect(() => resolveParams({ as_of: '2024-02-30' })).toThrow(/as_of: must be a date/);
    expect(() => resolveParams({ lifecycle: { window_months: 0 } })).toThrow(/lifecycle.window_months/);
  });

  it('diffParams keeps only what differs from the defaults', () => {
    const p = defaultParams();
    p.abc.a = 0.7;
    p.filters.region = ['华南'];
    expect(diffParams(p)).toEqual({ abc: { a: 0.7 }, filters: { region: ['华南'] } });
    expect(resolveParams(diffParams(p))).toEqual(p);
  });
});

describe('parameter limits (one spec for validation and the parameters panel)', () => {
  it('are the ones validation applies', () => {
    expect(paramLimits('rfm', 'window_months')).toEqual({ min: 1, max: 120, integer: true });
    expect(paramLimits('lifecycle', 'window_months')).toEqual({ min: 1, max: 60, integer: true });
    expect(paramLimits('receivables', 'warning_share')).toEqual({ min: 0, max: 100, integer: false });
    expect(() => resolveParams({ rfm: { window_months: 121 } })).toThrow(/between 1 and 120/);
    expect(paramLimits('kpi', 'weights')).toBeNull();
  });
});
