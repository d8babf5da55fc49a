import { describe, expect, it } from 'vitest';
import type { ParetoBar } from '../analytics/pareto';
import { paretoChart } from './pareto-chart';
import { goldenSvg, testDocument } from './golden';

const bars: ParetoBar[] = [
  {
    rankFrom: 1,
    rankTo: 1,
    value: 500,
    entities: 1,
    perEntity: 500,
    cumShare: 0.5,
    class: 'A',
    label: 'Alpha',
  },
  {
    rankFrom: 2,
    rankTo: 2,
    value: 300,
    entities: 1,
    perEntity: 300,
    cumShare: 0.8,
    class: 'A',
    label: 'Beta',
  },
  {
    rankFrom: 3,
    rankTo: 3,
    value: 100,
    entities: 1,
    perEntity: 100,
    cumShare: 0.9,
    class: 'B',
    label: 'Gamma',
  },
  {
    rankFrom: 4,
    rankTo: 4,
    value: 60,
    entities: 1,
    perEntity: 60,
    cumShare: 0.96,
    class: 'B',
    label: 'Delta',
  },
  {
    rankFrom: 5,
    rankTo: 5,
    value: 40,
    entities: 1,
    perEntity: 40,
    cumShare: 1,
    class: 'C',
    label: '<img src=x onerror=alert(1)>',
  },
];

const options = {
  width: 640,
  thresholds: [0.8, 0.95],
  labels: {
    value: 'Revenue',
    valuePerEntity: 'Revenue per customer',
    entities: 'Customers',
    cumShare: 'Cumulative share',
    rank: 'Rank',
    entity: 'Customer',
    class: 'Class',
    threshold: (p: string) => `${p} line`,
  },
  formatValue: (v: number) => String(v),
  formatPct: (v: number) => `${Math.round(v * 100)}%`,
  ariaLabel: 'Pareto chart',
};

describe('paretoChart', () => {
  it('matches its golden file', () => {
    const chart = paretoChart(bars, { ...options, document: testDocument() });
    const { expected, actual } = goldenSvg('pareto-chart', chart);
    expect(actual).toBe(expected);
  });

  it('draws one bar per entity coloured by class, and both threshold lines', () => {
    const chart = paretoChart(bars, { ...options, document: testDocument() });
    const rects = [...chart.querySelectorAll('g[aria-label="bar"] rect')];
    expect(rects).toHaveLength(5);
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual([
      '#0072B2',
      '#0072B2',
      '#E69F00',
      '#E69F00',
      '#8C8C8C',
    ]);
    expect(chart.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(3);
    expect(chart.textContent).toContain('80% line');
    expect(chart.textContent).toContain('95% line');
  });

  it('never turns a label into markup', () => {
    const chart = paretoChart(bars, { ...options, document: testDocument() });
    expect(chart.querySelector('img')).toBeNull();
  });
});
