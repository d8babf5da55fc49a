import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart';
import { labelWidth, shortenToWidth } from './common';
import { testDocument } from './golden';

const fmt = (v: number) => String(v);
const ticks = (el: Element, axis: 'x' | 'y') =>
  [...el.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? '');

describe('axis labels', () => {
  it('estimates widths: CJK wider than Latin, narrow letters narrower', () => {
    expect(labelWidth('华东')).toBe(20);
    expect(labelWidth('ii')).toBeLessThan(labelWidth('mm'));
    expect(labelWidth('')).toBe(0);
  });

  it('cuts only what does not fit, with an ellipsis', () => {
    expect(shortenToWidth('Loyal', 100)).toBe('Loyal');
    const cut = shortenToWidth('Potential loyalists', 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(labelWidth(cut)).toBeLessThanOrEqual(60);
    expect('Potential loyalists'.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('horizontal bars get the left margin their labels need (RFM segment names whole)', () => {
    const names = ['Champions', 'Potential loyalists', 'Need attention', 'Hibernating'];
    const el = barChart(
      names.map((n, i) => ({ key: String(i), label: n, value: i + 1 })),
      {
        document: testDocument(),
        width: 460,
        ariaLabel: 'chart',
        valueLabel: 'Customers',
        formatValue: fmt,
        horizontal: true,
      },
    );
    expect(ticks(el, 'y')).toEqual(names);
  });

  it('a long label in a narrow band turns the labels and keeps them whole up to 130 px', () => {
    const labels = ['0–30 days', '31–60 days', '61–90 days', 'over 90 days overdue'];
    const el = barChart(
      labels.map((n, i) => ({ key: String(i), label: n, value: i + 1 })),
      { document: testDocument(), width: 300, ariaLabel: 'chart', valueLabel: 'Overdue', formatValue: fmt },
    );
    expect(ticks(el, 'x')).toEqual(labels);
    expect(el.outerHTML).toContain('rotate(-35');
  });

  it('the value axis reaches past the longest bar (an index of 90 is not drawn beyond a last tick of 80)', () => {
    const el = barChart(
      [
        { key: 'a', label: 'Reliability', value: 90 },
        { key: 'b', label: 'Empathy', value: 72.5 },
      ],
      {
        document: testDocument(),
        width: 400,
        ariaLabel: 'chart',
        valueLabel: 'Index',
        formatValue: fmt,
        horizontal: true,
      },
    );
    expect(Math.max(...ticks(el, 'x').map(Number))).toBeGreaterThanOrEqual(90);
  });
});
