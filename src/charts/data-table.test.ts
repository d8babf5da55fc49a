import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart';
import { tableOf } from './data-table';
import { heatmap } from './heatmap';
import { lorenzChart } from './lorenz-chart';
import { paretoChart } from './pareto-chart';
import { QUADRANT_COLORS, STAGE_COLORS } from './palette';
import { quadrantChart } from './quadrant-chart';
import { testDocument } from './golden';
import { stackedArea } from './stacked-area';
import { trendChart } from './trend-chart';

const fmt = (v: number) => String(Math.round(v * 100) / 100);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const base = () => ({ width: 500, ariaLabel: 'chart', document: testDocument() });

describe('every chart carries its data as a table (shown under it for screen readers and keyboards)', () => {
  it('bar chart: label, value and tooltip details, in the drawn order', () => {
    const el = barChart(
      [
        { key: 'a', label: '华东', value: 30, details: { Share: '60%' } },
        { key: 'b', label: '<b>x</b>', value: 20, details: { Share: '40%' } },
      ],
      { ...base(), valueLabel: 'Revenue', formatValue: fmt, order: ['b', 'a'] },
    );
    expect(tableOf(el)).toEqual({
      columns: ['', 'Revenue', 'Share'],
      rows: [
        ['<b>x</b>', '20', '40%'],
        ['华东', '30', '60%'],
      ],
    });
  });

  it('trend chart: a row per month with plan and last year', () => {
    const el = trendChart(
      [
        { month: '2024-01', value: 10, plan: 12, lastYear: 8 },
        { month: '2024-02', value: 14, plan: null, lastYear: 9 },
      ],
      { ...base(), labels: { value: 'Revenue', plan: 'Plan', lastYear: 'Last year' }, formatValue: fmt },
    );
    expect(tableOf(el)).toEqual({
      columns: ['', 'Revenue', 'Plan', 'Last year'],
      rows: [
        ['2024-01', '10', '12', '8'],
        ['2024-02', '14', '–', '9'],
      ],
    });
  });

  it('the other charts', () => {
    const q = quadrantChart([{ key: 'k', label: 'K', x: 1, y: 2, size: 3, group: 'star' }], {
      ...base(),
      labels: { x: 'X', y: 'Y', size: 'S', group: 'G' },
      xSplit: null,
      ySplit: null,
      formatX: fmt,
      formatY: fmt,
      formatSize: fmt,
      colors: QUADRANT_COLORS,
      groupLabel: (g) => g.toUpperCase(),
    });
    expect(tableOf(q)?.rows).toEqual([['K', '1', '2', '3', 'STAR']]);
    const h = heatmap([{ row: 'r', col: 'c', value: 5, text: '5' }], {
      ...base(),
      rows: ['r'],
      cols: ['c'],
      labels: { row: 'R', col: 'C', value: 'V' },
    });
    expect(tableOf(h)).toEqual({ columns: ['R', 'C', 'V'], rows: [['r', 'c', '5']] });
    const s = stackedArea(
      [
        { month: '2024-02', group: 'new', value: 2 },
        { month: '2024-01', group: 'lost', value: 1 },
      ],
      { ...base(), groups: ['new', 'lost'], colors: STAGE_COLORS, groupLabel: (g) => g, valueLabel: 'n' },
    );
    expect(tableOf(s)).toEqual({
      columns: ['', 'new', 'lost'],
      rows: [
        ['2024-01', 0, 1],
        ['2024-02', 2, 0],
      ],
    });
    const l = lorenzChart([0.5, 0.3, 0.2], {
      ...base(),
      labels: { x: 'X', y: 'Y', equality: 'eq' },
      formatPct: pct,
    });
    expect(tableOf(l)?.rows).toEqual([
      ['0%', '0%'],
      ['33%', '20%'],
      ['67%', '50%'],
      ['100%', '100%'],
    ]);
    const p = paretoChart(
      [
        {
          rankFrom: 1,
          rankTo: 1,
          value: 50,
          entities: 1,
          perEntity: 50,
          cumShare: 0.5,
          class: 'A',
          label: 'Big',
        },
        {
          rankFrom: 2,
          rankTo: 3,
          value: 50,
          entities: 2,
          perEntity: 25,
          cumShare: 1,
          class: 'B',
          label: '#2–#3',
        },
      ],
      {
        ...base(),
        thresholds: [0.8],
        labels: {
          value: 'V',
          valuePerEntity: 'V each',
          entities: 'N',
          cumShare: 'Cum',
          rank: 'Rank',
          entity: 'Who',
          class: 'Class',
          threshold: (x) => x,
        },
        formatValue: fmt,
        formatPct: pct,
      },
    );
    expect(tableOf(p)).toEqual({
      columns: ['Rank', 'Who', 'N', 'V', 'V each', 'Cum', 'Class'],
      rows: [
        [1, 'Big', 1, '50', '50', '50%', 'A'],
        ['2–3', '#2–#3', 2, '50', '25', '100%', 'B'],
      ],
    });
  });
});
