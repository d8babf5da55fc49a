import { describe, expect, it } from 'vitest';
import { ipaChart } from './ipa-chart';
import { tableOf } from './data-table';
import { goldenSvg, testDocument } from './golden';
import { waveChart } from './wave-chart';

const fmt = (v: number) => String(Math.round(v * 10) / 10);
const check = (name: string, el: Element) => {
  const { expected, actual } = goldenSvg(name, el);
  expect(actual).toBe(expected);
};

describe('satisfaction charts against their golden files', () => {
  it('importance–performance chart: the means split the quadrants, each named in its corner', () => {
    const el = ipaChart(
      [
        { key: 'q1', label: '按约定时间交货', x: 5, y: 56.25, group: 'concentrate_here' },
        { key: 'q2', label: '<b>x</b>', x: 3, y: 75, group: 'possible_overkill' },
        { key: 'q3', label: '投诉处理及时', x: 2, y: 50, group: 'low_priority' },
        { key: 'q4', label: '送货车辆整洁', x: 4, y: 81.25, group: 'keep_up' },
      ],
      {
        width: 500,
        ariaLabel: 'IPA',
        document: testDocument(),
        labels: { x: 'Importance', y: 'Score', group: 'Reading' },
        xMean: 3.5,
        yMean: 65.625,
        formatX: fmt,
        formatY: fmt,
        groupLabel: (g) => g.replace('_', ' '),
      },
    );
    check('ipa-chart', el);
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain('concentrate here');
    expect(tableOf(el)!.rows[0]).toEqual(['按约定时间交货', '5', '56.3', 'concentrate here']);
  });

  it('wave chart: the company index by wave, a wave without one left out of the line', () => {
    const el = waveChart(
      [
        { wave: '2025-H1', value: 71.9, details: { Responses: '120' } },
        { wave: '2025-H2', value: 68.4, details: { Responses: '131' } },
        { wave: '2026-H1', value: null },
      ],
      {
        width: 400,
        ariaLabel: 'Index',
        document: testDocument(),
        valueLabel: 'Index',
        waveLabel: 'Wave',
        formatValue: fmt,
      },
    );
    check('wave-chart', el);
    expect(tableOf(el)!.rows).toEqual([
      ['2025-H1', '71.9', '120'],
      ['2025-H2', '68.4', '131'],
      ['2026-H1', '–', ''],
    ]);
  });
});
