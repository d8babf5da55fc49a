import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { onPick, TIP_LINE_HEIGHT, type ChartBase } from './common';
import { INK } from './palette';

/** One point of the margin × turnover chart. */
export interface QuadrantPoint {
  key: string;
  label: string;
  x: number;
  y: number;
  size: number;
  group: string;
}

/** Options of the quadrant chart. */
export interface QuadrantChartOptions extends ChartBase {
  labels: { x: string; y: string; size: string; group: string };
  /** Median lines that split the quadrants. */
  xSplit: number | null;
  ySplit: number | null;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  formatSize: (v: number) => string;
  colors: Record<string, string>;
  groupLabel: (g: string) => string;
  onSelect?: (p: QuadrantPoint) => void;
}

/** Scatter of turnover (x) against margin rate (y), dots sized by revenue, split at the medians. */
export function quadrantChart(points: QuadrantPoint[], o: QuadrantChartOptions): Element {
  const R_MAX = 22;
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 380,
    marginLeft: 60,
    ariaLabel: o.ariaLabel,
    grid: true,
    x: { label: o.labels.x, tickFormat: o.formatX },
    y: { label: o.labels.y, tickFormat: o.formatY },
    r: { range: [3, R_MAX] },
    // Room for the largest dot inside the frame: dots at the ends covered the axis labels.
    inset: R_MAX + 2,
    color: {
      domain: Object.keys(o.colors),
      range: Object.values(o.colors),
      legend: true,
      tickFormat: o.groupLabel,
    },
    marks: [
      ...(o.xSplit !== null ? [Plot.ruleX([o.xSplit], { stroke: INK, strokeDasharray: '4,3' })] : []),
      ...(o.ySplit !== null ? [Plot.ruleY([o.ySplit], { stroke: INK, strokeDasharray: '4,3' })] : []),
      Plot.dot(points, {
        x: 'x',
        y: 'y',
        r: 'size',
        fill: 'group',
        fillOpacity: 0.7,
        stroke: 'white',
        channels: {
          ' ': { value: 'label', label: ' ' },
          [o.labels.x]: (p: QuadrantPoint) => o.formatX(p.x),
          [o.labels.y]: (p: QuadrantPoint) => o.formatY(p.y),
          [o.labels.size]: (p: QuadrantPoint) => (o.formatExact ?? o.formatSize)(p.size),
          [o.labels.group]: (p: QuadrantPoint) => o.groupLabel(p.group),
        },
        tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: false, y: false, r: false, fill: false } },
      }),
    ],
  }) as unknown as Element;
  onPick(chart, o.onSelect);
  return withTable(chart, {
    columns: ['', o.labels.x, o.labels.y, o.labels.size, o.labels.group],
    rows: points.map((p) => [
      p.label,
      o.formatX(p.x),
      o.formatY(p.y),
      (o.formatExact ?? o.formatSize)(p.size),
      o.groupLabel(p.group),
    ]),
  });
}
