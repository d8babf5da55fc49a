import { describe, expect, it } from 'vitest';
import { addMonths, filterSql, monthsBetween, roundHalfUp } from './common';
import { defaultParams } from './params';

describe('calendar helpers', () => {
  it('adds months across years', () => {
    expect(addMonths('2024-12-31', -11)).toBe('2024-01-01');
    expect(addMonths('2024-03-15', -14)).toBe('2023-01-01');
    expect(addMonths('2024-11-30', 2)).toBe('2025-01-01');
  });
  it('counts months between', () => {
    expect(monthsBetween('2024-01-31', '2024-12-01')).toBe(11);
    expect(monthsBetween('2023-12-01', '2024-01-01')).toBe(1);
  });
});

describe('filterSql', () => {
  it('is TRUE without filters and quotes values', () => {
    const f = defaultParams().filters;
    expect(filterSql(f)).toBe('TRUE');
    f.region = ["O'Hara", '华东'];
    expect(filterSql(f)).toBe(`"region" IN ('O''Hara', '华东')`);
  });
});

describe('round_half_up', () => {
  it('rounds halves up, also when the product of a share and a count falls just below a half', () => {
    expect([roundHalfUp(0.5), roundHalfUp(1.4), roundHalfUp(2.5), roundHalfUp(0.2 * 12)]).toEqual([
      1, 1, 3, 2,
    ]);
    // 0.35 × 90 = 31.5 exactly, but the double product is 31.499999999999996: still 32 tiers.
    expect(0.35 * 90).toBeLessThan(31.5);
    expect(roundHalfUp(0.35 * 90)).toBe(32);
    expect(roundHalfUp(0.29 * 50)).toBe(15); // 14.499999999999998
  });
});
