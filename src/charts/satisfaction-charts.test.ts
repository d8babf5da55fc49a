import { describe, expect, it } from 'vitest';
import { ipaChart } from './ipa-chart';
import { tableOf } from './data-table';
import { labelWidth } from './common';
import { goldenSvg, testDocument } from './golden';
import { LABEL_PLACES, placeLabels } from './ipa-labels';
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

  it('importance–performance labels: crowded questions get labels that cover no other label or dot', () => {
    // Twenty questions within 0.4 importance and 8 points of score, as the demo's survey has them.
    const points = Array.from({ length: 20 }, (_, i) => ({
      px: 200 + (i % 5) * 14,
      py: 150 + Math.floor(i / 5) * 9,
      text: `第${i + 1}题：交货及时`,
    }));
    const frame = { x0: 50, x1: 620, y0: 20, y1: 370 };
    const corner = { x0: 520, x1: 620, y0: 20, y1: 35 };
    const placed = placeLabels(points, frame, [corner]);
    const boxes = placed.flatMap((k, i) => {
      if (k === null) return [];
      const { dx, dy, anchor } = LABEL_PLACES[k];
      const w = labelWidth(points[i].text);
      const x = points[i].px + dx;
      return [
        {
          x0: anchor === 'start' ? x : x - w,
          x1: anchor === 'start' ? x + w : x,
          y0: points[i].py + dy - 6,
          y1: points[i].py + dy + 6,
        },
      ];
    });
    const dots = points.map((p) => ({ x0: p.px - 6, x1: p.px + 6, y0: p.py - 6, y1: p.py + 6 }));
    const hit = (a: (typeof boxes)[number], b: (typeof boxes)[number]) =>
      a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    boxes.forEach((a, i) => {
      boxes.slice(i + 1).forEach((b) => expect(hit(a, b)).toBe(false));
      dots.forEach((d) => expect(hit(a, d)).toBe(false));
      expect(hit(a, corner)).toBe(false);
      expect(a.x0 >= frame.x0 && a.x1 <= frame.x1 && a.y0 >= frame.y0 && a.y1 <= frame.y1).toBe(true);
    });
    // Some fit, not all: the first placed get the room; the rest are left to the tooltip and table.
    expect(placed[0]).not.toBeNull();
    expect(boxes.length).toBeGreaterThan(3);
    expect(placed.some((k) => k === null)).toBe(true);
    // Room enough: every label to the right of its dot.
    expect(placeLabels([{ px: 100, py: 100, text: 'a' }], frame)).toEqual([0]);
    // At the right edge: to the left.
    expect(placeLabels([{ px: 610, py: 100, text: '按约定时间交货' }], frame)).toEqual([1]);
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
