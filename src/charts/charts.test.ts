import { describe, expect, it } from 'vitest';
import { monthTicks } from './common';
import { barChart } from './bar-chart';
import { heatmap } from './heatmap';
import { lorenzChart } from './lorenz-chart';
import { quadrantChart } from './quadrant-chart';
import { goldenSvg, testDocument } from './golden';
import { stackedArea } from './stacked-area';
import { trendChart } from './trend-chart';
import { QUADRANT_COLORS, STAGE_COLORS } from './palette';

const fmt = (v: number) => String(Math.round(v * 100) / 100);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const base = { width: 500, ariaLabel: 'chart' };
const check = (name: string, el: Element) => {
  const { expected, actual } = goldenSvg(name, el);
  expect(actual).toBe(expected);
};

describe('charts against their golden files', () => {
  it('bar chart', () => {
    const el = barChart(
      [
        { key: 'a', label: '华东', value: 30, group: 'A' },
        { key: 'b', label: '<b>x</b>', value: -5, group: 'C' },
      ],
      { ...base, document: testDocument(), valueLabel: 'Revenue', formatValue: fmt, horizontal: true },
    );
    check('bar-chart', el);
    expect(el.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
    expect(el.querySelector('b')).toBeNull();
  });
  it('trend chart', () => {
    const el = trendChart(
      [
        { month: '2024-01', value: 10, plan: 12, lastYear: 8 },
        { month: '2024-02', value: 14, plan: 12, lastYear: 9 },
      ],
      {
        ...base,
        document: testDocument(),
        labels: { value: 'Revenue', plan: 'Plan', lastYear: 'Last year' },
        formatValue: fmt,
      },
    );
    check('trend-chart', el);
  });
  it('quadrant chart', () => {
    const el = quadrantChart(
      [
        { key: 'p1', label: 'P1', x: 2, y: 0.4, size: 500, group: 'high_turnover' },
        { key: 'p2', label: 'P2', x: 1, y: 0.5, size: 600, group: 'high_margin' },
      ],
      {
        ...base,
        document: testDocument(),
        labels: { x: 'Turnover', y: 'Margin', size: 'Revenue', group: 'Quadrant' },
        xSplit: 1.5,
        ySplit: 0.45,
        formatX: fmt,
        formatY: pct,
        formatSize: fmt,
        colors: QUADRANT_COLORS,
        groupLabel: (g) => g,
      },
    );
    check('quadrant-chart', el);
    expect(el.querySelectorAll('circle')).toHaveLength(2);
    // The largest dot stays inside the frame (inset), off the axes and their labels.
    const width = base.width;
    for (const c of el.querySelectorAll('circle')) {
      const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
      expect(cx - r).toBeGreaterThanOrEqual(60);
      expect(cx + r).toBeLessThanOrEqual(width - 20);
      expect(cy - r).toBeGreaterThanOrEqual(20);
    }
  });
  it('heatmap', () => {
    const el = heatmap(
      [
        { row: 'stable', col: 'growth', value: 3, text: '3' },
        { row: 'new', col: 'stable', value: 1, text: '1' },
      ],
      {
        ...base,
        document: testDocument(),
        rows: ['new', 'stable'],
        cols: ['growth', 'stable'],
        labels: { row: 'From', col: 'To', value: 'Customers' },
      },
    );
    check('heatmap', el);
  });
  it('stacked area', () => {
    const el = stackedArea(
      [
        { month: '2024-01', group: 'new', value: 3 },
        { month: '2024-02', group: 'new', value: 1 },
        { month: '2024-02', group: 'stable', value: 2 },
      ],
      {
        ...base,
        document: testDocument(),
        groups: ['new', 'stable'],
        colors: STAGE_COLORS,
        groupLabel: (g) => g,
        valueLabel: 'Customers',
      },
    );
    check('stacked-area', el);
  });
  it('lorenz curve', () => {
    const el = lorenzChart([0.5, 0.3, 0.2], {
      ...base,
      document: testDocument(),
      labels: { x: 'Customers', y: 'Revenue', equality: 'equality' },
      formatPct: pct,
    });
    check('lorenz', el);
  });
});

describe('month ticks', () => {
  it('step so that labels do not collide on small axes', () => {
    expect(monthTicks(1100, 12)).toBe('month');
    expect(monthTicks(300, 12)).toBe('3 months'); // 25 px a month: every label would collide
    expect(monthTicks(300, 14)).toBe('3 months');
    expect(monthTicks(500, 12)).toBe('2 months');
    expect(monthTicks(300, 48)).toBe('year');
  });
});
