import { describe, expect, it } from 'vitest';
import { partialMonth } from './trend-chart';

describe('partialMonth', () => {
  it('marks the last month when the period stops before its last day', () => {
    expect(partialMonth('2011-12-09', (d) => `to ${d}`)).toEqual({ month: '2011-12', label: 'to 09' });
    expect(partialMonth('2024-02-29', (d) => d)).toBeUndefined();
    expect(partialMonth('2023-02-28', (d) => d)).toBeUndefined();
    expect(partialMonth('2024-02-28', (d) => d)).toEqual({ month: '2024-02', label: '28' });
  });
});
