import { describe, expect, it } from 'vitest';
import { addMonths, filterSql, monthsBetween } from './common';
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
