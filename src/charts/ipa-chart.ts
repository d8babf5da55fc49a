import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { onPick, shorten, TIP_LINE_HEIGHT, type ChartBase } from './common';
import { INK, IPA_COLORS } from './palette';

/** One question of the importance–performance chart. */
export interface IpaPoint {
  key: string;
  /** The question's text (shortened on the chart, whole in the tooltip and the table). */
  label: string;
  /** Mean importance (x) and mean score 0–100 (y). */
  x: number;
  y: number;
  /** Quadrant key (concentrate_here, keep_up, low_priority, possible_overkill). */
  group: string;
}

/** Options of the importance–performance chart. */
export interface IpaChartOptions extends ChartBase {
  labels: { x: string; y: string; group: string };
  /** The means over the questions: the lines that split the quadrants. */
  xMean: number;
  yMean: number;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** The quadrants' names, written in their corners ("concentrate here" …). */
  groupLabel: (g: string) => string;
  onSelect?: (p: IpaPoint) => void;
}

/**
 * Importance (x) against performance (y) per question, split at the means over the questions,
 * each quadrant named in its corner: important and low is "concentrate here".
 */
export function ipaChart(points: IpaPoint[], o: IpaChartOptions): Element {
  const xs = points.map((p) => p.x);
  const pad = Math.max(0.5, (Math.max(...xs) - Math.min(...xs)) * 0.15);
  const x0 = Math.min(...xs, o.xMean) - pad;
  const x1 = Math.max(...xs, o.xMean) + pad;
  const corners = [
    { group: 'concentrate_here', x: x1, y: 2, anchor: 'end' },
    { group: 'keep_up', x: x1, y: 98, anchor: 'end' },
    { group: 'low_priority', x: x0, y: 2, anchor: 'start' },
    { group: 'possible_overkill', x: x0, y: 98, anchor: 'start' },
  ];
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 400,
    marginLeft: 50,
    marginRight: 20,
    ariaLabel: o.ariaLabel,
    grid: true,
    x: { label: o.labels.x, domain: [x0, x1], tickFormat: o.formatX },
    y: { label: o.labels.y, domain: [0, 100], tickFormat: o.formatY },
    color: { domain: Object.keys(IPA_COLORS), range: Object.values(IPA_COLORS) },
    marks: [
      Plot.ruleX([o.xMean], { stroke: INK, strokeDasharray: '4,3' }),
      Plot.ruleY([o.yMean], { stroke: INK, strokeDasharray: '4,3' }),
      ...corners.map((c) =>
        Plot.text([c], {
          x: 'x',
          y: 'y',
          text: (d: { group: string }) => o.groupLabel(d.group),
          textAnchor: c.anchor as 'start' | 'end',
          lineAnchor: c.y > 50 ? 'top' : 'bottom',
          fill: IPA_COLORS[c.group],
          fontWeight: 600,
          fontSize: 12,
        }),
      ),
      Plot.dot(points, {
        x: 'x',
        y: 'y',
        r: 6,
        fill: 'group',
        stroke: 'white',
        channels: {
          ' ': { value: 'label', label: ' ' },
          [o.labels.x]: (p: IpaPoint) => o.formatX(p.x),
          [o.labels.y]: (p: IpaPoint) => o.formatY(p.y),
          [o.labels.group]: (p: IpaPoint) => o.groupLabel(p.group),
        },
        tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: false, y: false, fill: false } },
      }),
      Plot.text(points, {
        x: 'x',
        y: 'y',
        text: (p: IpaPoint) => shorten(p.label, 10),
        dx: 9,
        textAnchor: 'start',
        fontSize: 10,
        fill: '#444',
      }),
    ],
  }) as unknown as Element;
  onPick(chart, o.onSelect);
  return withTable(chart, {
    columns: ['', o.labels.x, o.labels.y, o.labels.group],
    rows: points.map((p) => [p.label, o.formatX(p.x), o.formatY(p.y), o.groupLabel(p.group)]),
  });
}
