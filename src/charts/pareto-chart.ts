import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import type { ParetoBar } from '../analytics/pareto';
import { onPick } from './common';
import { CLASS_COLORS, INK } from './palette';

/** Options of the Pareto chart: size, translated labels, locale formatters, interaction. */
export interface ParetoChartOptions {
  width: number;
  height?: number;
  /** Thresholds drawn as reference lines on the cumulative axis (e.g. 0.8, 0.95). */
  thresholds: number[];
  labels: {
    value: string;
    cumShare: string;
    rank: string;
    entity: string;
    class: string;
    threshold: (pct: string) => string;
  };
  formatValue: (v: number) => string;
  formatPct: (v: number) => string;
  /** Accessible description of the chart. */
  ariaLabel: string;
  /** Called with the bar clicked (cross-filter / drill-down). */
  onSelect?: (bar: ParetoBar) => void;
  /** DOM document to render into (tests pass a jsdom one). */
  document?: Document;
}

function shorten(s: string, max = 14): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Pareto chart: bars of value in rank order coloured by class, the cumulative share as a line
 * on a right-hand 0–100 % axis, and the class thresholds as dashed lines. Bars may stand for a
 * run of ranks when there are many entities (the analytics module groups them).
 */
export function paretoChart(bars: ParetoBar[], o: ParetoChartOptions): SVGSVGElement | HTMLElement {
  const maxValue = Math.max(1e-9, ...bars.map((b) => b.value));
  // The cumulative share shares the plot area with the bars: 100 % maps to the tallest bar.
  const toY = (share: number) => share * maxValue;
  const keyOf = (b: ParetoBar) => String(b.rankFrom);
  const labelOf = new Map(bars.map((b) => [keyOf(b), b.label]));
  const many = bars.length > 24;
  const points = bars.filter((b) => b.cumShare !== null);
  const shareTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 360,
    marginRight: 56,
    marginLeft: 64,
    marginBottom: many ? 24 : 92,
    ariaLabel: o.ariaLabel,
    x: {
      type: 'band',
      domain: bars.map(keyOf),
      label: o.labels.rank,
      tickFormat: many ? () => '' : (k: string) => shorten(labelOf.get(k) ?? k),
      tickRotate: many ? 0 : -45,
      padding: 0.15,
    },
    y: {
      label: o.labels.value,
      grid: true,
      tickFormat: o.formatValue,
      domain: [Math.min(0, ...bars.map((b) => b.value)), maxValue * 1.02],
    },
    color: {
      domain: ['A', 'B', 'C'],
      range: [CLASS_COLORS.A, CLASS_COLORS.B, CLASS_COLORS.C],
      legend: true,
      label: o.labels.class,
    },
    marks: [
      Plot.barY(bars, {
        x: keyOf,
        y: 'value',
        fill: 'class',
        channels: {
          [o.labels.entity]: 'label',
          [o.labels.value]: { value: 'value' },
          [o.labels.cumShare]: { value: (b: ParetoBar) => b.cumShare ?? NaN },
        },
        tip: {
          format: {
            x: false,
            y: false,
            fill: true,
            [o.labels.value]: (v: number) => o.formatValue(v),
            [o.labels.cumShare]: (v: number) => o.formatPct(v),
          },
        },
      }),
      Plot.ruleY([0]),
      ...o.thresholds.map((t) =>
        Plot.ruleY([toY(t)], { stroke: INK, strokeDasharray: '4,3', strokeOpacity: 0.6 }),
      ),
      ...o.thresholds.map((t) =>
        Plot.text([toY(t)], {
          y: (d: number) => d,
          frameAnchor: 'left',
          dx: 4,
          dy: -6,
          text: () => o.labels.threshold(o.formatPct(t)),
          fill: INK,
          fontSize: 10,
        }),
      ),
      Plot.line(points, {
        x: keyOf,
        y: (b: ParetoBar) => toY(b.cumShare ?? 0),
        stroke: INK,
        strokeWidth: 2,
        curve: 'monotone-x',
      }),
      Plot.dot(points, { x: keyOf, y: (b: ParetoBar) => toY(b.cumShare ?? 0), fill: INK, r: many ? 0 : 2.5 }),
      Plot.axisY({ anchor: 'left', label: o.labels.value, tickFormat: o.formatValue }),
      Plot.axisY(shareTicks.map(toY), {
        anchor: 'right',
        label: o.labels.cumShare,
        tickFormat: (_v: number, i: number) => o.formatPct(shareTicks[i]),
      }),
    ],
  });
  onPick(chart, o.onSelect);
  return withTable(chart, {
    columns: [o.labels.rank, o.labels.entity, o.labels.value, o.labels.cumShare, o.labels.class],
    rows: bars.map((b) => [
      b.rankFrom === b.rankTo ? b.rankFrom : `${b.rankFrom}–${b.rankTo}`,
      b.label,
      o.formatValue(b.value),
      b.cumShare === null ? '–' : o.formatPct(b.cumShare),
      b.class,
    ]),
  });
}
