import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { labelWidth, onPick, shorten, TIP_LINE_HEIGHT, type ChartBase } from './common';
import { LABEL_PLACES, placeLabels } from './ipa-labels';
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
  const width = o.width ?? 640;
  const height = o.height ?? 400;
  const margin = { left: 50, right: 20, top: 20, bottom: 30 };
  // Labels where they cover neither another label nor a dot nor a quadrant's name: the more
  // important questions first (concentrate here, keep up), then by importance.
  const frame = { x0: margin.left, x1: width - margin.right, y0: margin.top, y1: height - margin.bottom };
  const px = (x: number) => frame.x0 + ((x - x0) / (x1 - x0)) * (frame.x1 - frame.x0);
  const py = (y: number) => frame.y1 - (y / 100) * (frame.y1 - frame.y0);
  const rank = (g: string) => Math.max(0, Object.keys(IPA_COLORS).indexOf(g));
  const order = points
    .map((p, i) => i)
    .sort((a, b) => rank(points[a].group) - rank(points[b].group) || points[b].x - points[a].x || a - b);
  const text = (p: IpaPoint) => shorten(p.label, 10);
  const cornerBoxes = corners.map((c) => {
    const w = labelWidth(o.groupLabel(c.group)) * 1.3;
    const x = px(c.x);
    const y = py(c.y);
    return {
      x0: c.anchor === 'end' ? x - w : x,
      x1: c.anchor === 'end' ? x : x + w,
      y0: c.y > 50 ? y : y - 15,
      y1: c.y > 50 ? y + 15 : y,
    };
  });
  const placed = placeLabels(
    order.map((i) => ({ px: px(points[i].x), py: py(points[i].y), text: text(points[i]) })),
    frame,
    cornerBoxes,
  );
  const placeOf = new Map(order.map((i, k) => [points[i], placed[k]]));
  const chart = Plot.plot({
    document: o.document,
    width,
    height,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: margin.bottom,
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
      ...LABEL_PLACES.flatMap((place, i) => {
        const here = points.filter((p) => placeOf.get(p) === i);
        return here.length
          ? [
              Plot.text(here, {
                x: 'x',
                y: 'y',
                text,
                dx: place.dx,
                dy: place.dy,
                textAnchor: place.anchor,
                fontSize: 10,
                fill: '#444',
              }),
            ]
          : [];
      }),
    ],
  }) as unknown as Element;
  onPick(chart, o.onSelect);
  return withTable(chart, {
    columns: ['', o.labels.x, o.labels.y, o.labels.group],
    rows: points.map((p) => [p.label, o.formatX(p.x), o.formatY(p.y), o.groupLabel(p.group)]),
  });
}
