import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { onPick, shorten, TIP_LINE_HEIGHT, type ChartBase } from './common';
import { OKABE_ITO } from './palette';

/** One bar. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Group for the colour (e.g. class, stage); bars without one use the first colour. */
  group?: string;
  /** Extra lines for the tooltip. */
  details?: Record<string, string>;
}

/** Options of the bar chart. */
export interface BarChartOptions extends ChartBase {
  horizontal?: boolean;
  valueLabel: string;
  formatValue: (v: number) => string;
  /** Colour per group (fixed colours keep meaning across charts). */
  colors?: Record<string, string>;
  onSelect?: (bar: Bar) => void;
  /** Keep this order (default: as given). */
  order?: string[];
}

/** Bars with tooltips, one colour per group, clickable (cross-filter / drill-down). */
export function barChart(bars: Bar[], o: BarChartOptions): Element {
  const groups = [...new Set(bars.map((b) => b.group ?? ''))];
  const colors = o.colors ?? Object.fromEntries(groups.map((g, i) => [g, OKABE_ITO[i % OKABE_ITO.length]]));
  const domain = o.order ?? bars.map((b) => b.key);
  const labelOf = new Map(bars.map((b) => [b.key, b.label]));
  const detailKeys = [...new Set(bars.flatMap((b) => Object.keys(b.details ?? {})))];
  const channels = Object.fromEntries(detailKeys.map((k) => [k, (b: Bar) => b.details?.[k] ?? '']));
  const exact = o.formatExact ?? o.formatValue;
  const common = {
    fill: (b: Bar) => b.group ?? '',
    channels: { [o.valueLabel]: (b: Bar) => exact(b.value), ...channels, ' ': (b: Bar) => b.label },
    tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: false, y: false, fill: false } },
  };
  const size = Math.max(120, (o.horizontal ? 22 : 0) * bars.length + 60);
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? (o.horizontal ? Math.min(size, 640) : 260),
    marginLeft: o.horizontal ? 120 : 60,
    marginBottom: o.horizontal ? 30 : 60,
    ariaLabel: o.ariaLabel,
    color: { domain: Object.keys(colors), range: Object.values(colors) },
    ...(o.horizontal
      ? {
          y: { domain, label: null, tickFormat: (k: string) => shorten(labelOf.get(k) ?? k, 16) },
          x: { label: o.valueLabel, grid: true, tickFormat: o.formatValue },
          marks: [Plot.barX(bars, { y: 'key', x: 'value', ...common }), Plot.ruleX([0])],
        }
      : {
          x: {
            domain,
            label: null,
            tickFormat: (k: string) => shorten(labelOf.get(k) ?? k, 10),
            tickRotate: bars.length > 8 ? -35 : 0,
          },
          y: { label: o.valueLabel, grid: true, tickFormat: o.formatValue },
          marks: [Plot.barY(bars, { x: 'key', y: 'value', ...common }), Plot.ruleY([0])],
        }),
  } as Plot.PlotOptions) as unknown as Element;
  const ordered = o.order ? o.order.flatMap((k) => bars.filter((b) => b.key === k)) : bars;
  return withTable(chart, {
    columns: ['', o.valueLabel, ...detailKeys],
    rows: ordered.map((b) => [b.label, exact(b.value), ...detailKeys.map((k) => b.details?.[k] ?? '')]),
  });
}

/** Bars as a clickable chart. */
export function clickableBarChart(bars: Bar[], o: BarChartOptions): Element {
  const chart = barChart(bars, o);
  onPick(chart, o.onSelect);
  return chart;
}
