// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { barChart } from '../charts/bar-chart';
import { paretoChart } from '../charts/pareto-chart';
import { chartImage, chartSvg } from './chart-image';

// jsdom lays nothing out (every box is 0×0); positions are checked in the browser test
// (test/e2e/share.e2e.ts). Here: the file is well-formed, standalone, and carries every part.
const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('chart → standalone SVG', () => {
  it('keeps the plot and turns the HTML legend into SVG, escaping labels', () => {
    const chart = paretoChart(
      [
        {
          rankFrom: 1,
          rankTo: 1,
          value: 5,
          entities: 1,
          perEntity: 5,
          cumShare: 0.5,
          class: 'A',
          label: 'Alpha',
        },
        {
          rankFrom: 2,
          rankTo: 2,
          value: 5,
          entities: 1,
          perEntity: 5,
          cumShare: 1,
          class: 'C',
          label: '<img src=x onerror=alert(1)>',
        },
      ],
      {
        width: 400,
        thresholds: [0.8, 0.95],
        labels: {
          value: 'V',
          valuePerEntity: 'V per E',
          entities: 'N',
          cumShare: 'C',
          rank: 'R',
          entity: 'E',
          class: 'Class & co',
          threshold: (p) => p,
        },
        formatValue: String,
        formatPct: String,
        ariaLabel: 'Pareto chart',
      },
    );
    expect(chart.tagName.toLowerCase()).toBe('figure');
    document.body.append(chart);
    const text = chartSvg(chart);
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    // No HTML left: the swatch row became rects and texts, the plot a nested <svg>.
    expect(text).not.toMatch(/<(span|div|figure)\b/);
    expect(root.querySelectorAll(':scope > g > svg[aria-label="Pareto chart"]')).toHaveLength(1);
    expect([...root.querySelectorAll(':scope > g > text')].map((t) => t.textContent)).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect(text).toContain('&lt;img src=x');
  });

  it('exports a chart without a legend as its own <svg>', () => {
    const chart = barChart([{ key: 'a', label: '华东', value: 3, group: 'A' }], {
      width: 300,
      ariaLabel: 'bars',
      valueLabel: 'Revenue',
      formatValue: String,
    });
    document.body.append(chart);
    const doc = parse(chartSvg(chart));
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.querySelectorAll('svg')).toHaveLength(1);
    expect(doc.documentElement.textContent).toContain('华东');
  });

  it('draws the caption (title, period, filters) above the chart, escaped, and grows by its height', () => {
    const chart = barChart([{ key: 'a', label: '华东', value: 3, group: 'A' }], {
      width: 300,
      ariaLabel: 'bars',
      valueLabel: 'Revenue',
      formatValue: String,
    });
    document.body.append(chart);
    const plain = chartImage(chart);
    const captioned = chartImage(chart, {
      title: '帕累托 / ABC 分类',
      lines: ['期间 2025-01-01 至 2025-12-31', '筛选：区域: 华东 <b>'],
    });
    expect(captioned.height - plain.height).toBe(20 + 16 * 2 + 8);
    const doc = parse(captioned.svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    const texts = [...doc.querySelectorAll('g.caption text')].map((t) => t.textContent);
    expect(texts).toEqual(['帕累托 / ABC 分类', '期间 2025-01-01 至 2025-12-31', '筛选：区域: 华东 <b>']);
    expect(captioned.svg).toContain('&lt;b&gt;');
  });
});
