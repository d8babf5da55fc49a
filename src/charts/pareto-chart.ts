import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import type { ParetoBar } from '../analytics/pareto';
import { onPick, TIP_LINE_HEIGHT } from './common';
import { CLASS_COLORS, INK } from './palette';

/** Options of the Pareto chart: size, translated labels, locale formatters, interaction. */
export interface ParetoChartOptions {
  width: number;
  height?: number;
  /** Thresholds drawn as reference lines on the cumulative axis (e.g. 0.8, 0.95). */
  thresholds: number[];
  labels: {
    value: string;
    /** Axis label when bars stand for runs of ranks (their height is the average per entity). */
    valuePerEntity: string;
    /** Tooltip label of the number of entities in a run. */
    entities: string;
    /** Short tooltip label of a run's average (the axis label is too long for a tooltip line). */
    average?: string;
    cumShare: string;
    rank: string;
    entity: string;
    class: string;
    threshold: (pct: string) => string;
  };
  formatValue: (v: number) => string;
  /** The figure in full for the tooltip and the data table (the axis abbreviates). */
  formatExact?: (v: number) => string;
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
  const runs = bars.some((b) => b.entities > 1);
  const exact = o.formatExact ?? o.formatValue;
  const average = o.labels.average ?? o.labels.valuePerEntity;
  const valueLabel = runs ? o.labels.valuePerEntity : o.labels.value;
  const maxValue = Math.max(1e-9, ...bars.map((b) => b.perEntity));
  // The cumulative share shares the plot area with the bars: 100 % maps to the tallest bar.
  const toY = (share: number) => share * maxValue;
  const keyOf = (b: ParetoBar) => String(b.rankFrom);
  const labelOf = new Map(bars.map((b) => [keyOf(b), b.label]));
  const many = bars.length > 24;
  const points = bars.filter((b) => b.cumShare !== null);
  const shareTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  // With many bars, label about ten of them with their first rank instead of every name.
  const step = Math.max(1, Math.ceil(bars.length / 10));
  const rankTicks = bars.filter((_b, i) => i % step === 0).map(keyOf);
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 360,
    marginRight: 56,
    marginLeft: 64,
    marginBottom: many ? 40 : 92,
    ariaLabel: o.ariaLabel,
    x: {
      type: 'band',
      domain: bars.map(keyOf),
      label: o.labels.rank,
      labelAnchor: 'right',
      labelOffset: many ? 36 : undefined,
      ticks: many ? rankTicks : undefined,
      tickFormat: many ? (k: string) => k : (k: string) => shorten(labelOf.get(k) ?? k),
      tickRotate: many ? 0 : -45,
      padding: 0.15,
    },
    y: {
      label: valueLabel,
      grid: true,
      tickFormat: o.formatValue,
      domain: [Math.min(0, ...bars.map((b) => b.perEntity)), maxValue * 1.02],
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
        y: 'perEntity',
        fill: 'class',
        // Each channel carries its translated label: without one Plot names it after the field
        // (`value`, `perEntity`), which the tooltip then shows raw.
        channels: {
          [o.labels.entity]: { value: 'label', label: o.labels.entity },
          ...(runs ? { [o.labels.entities]: { value: 'entities', label: o.labels.entities } } : {}),
          [o.labels.value]: { value: 'value', label: o.labels.value },
          ...(runs ? { [average]: { value: 'perEntity', label: average } } : {}),
          [o.labels.cumShare]: { value: (b: ParetoBar) => b.cumShare ?? NaN, label: o.labels.cumShare },
        },
        tip: {
          lineHeight: TIP_LINE_HEIGHT,
          // The format's key order is the tooltip's line order: who, how many, how much, class.
          format: {
            [o.labels.entity]: true,
            ...(runs ? { [o.labels.entities]: true } : {}),
            x: false,
            y: false,
            [o.labels.value]: (v: number) => exact(v),
            ...(runs ? { [average]: (v: number) => exact(v) } : {}),
            [o.labels.cumShare]: (v: number) => o.formatPct(v),
            fill: true,
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
          // At the right end the bars are short and the cumulative line is near 100 %.
          frameAnchor: 'right',
          textAnchor: 'end',
          dx: -4,
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
      Plot.axisY({ anchor: 'left', label: valueLabel, tickFormat: o.formatValue }),
      Plot.axisY(shareTicks.map(toY), {
        anchor: 'right',
        label: o.labels.cumShare,
        tickFormat: (_v: number, i: number) => o.formatPct(shareTicks[i]),
      }),
    ],
  });
  onPick(chart, o.onSelect);
  return withTable(chart, {
    columns: [
      o.labels.rank,
      o.labels.entity,
      ...(runs ? [o.labels.entities] : []),
      o.labels.value,
      ...(runs ? [o.labels.valuePerEntity] : []),
      o.labels.cumShare,
      o.labels.class,
    ],
    rows: bars.map((b) => [
      b.rankFrom === b.rankTo ? b.rankFrom : `${b.rankFrom}–${b.rankTo}`,
      b.label,
      ...(runs ? [b.entities] : []),
      exact(b.value),
      ...(runs ? [exact(b.perEntity)] : []),
      b.cumShare === null ? '–' : o.formatPct(b.cumShare),
      b.class,
    ]),
  });
}
