import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { labelWidth, onPick, shortenToWidth, TIP_LINE_HEIGHT, type ChartBase } from './common';
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
  /**
   * Write each bar's value (formatValue) at its end: for a few bars whose values matter one by
   * one, and where a bar of ~0 must not read as "no data".
   */
  valueLabels?: boolean;
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
  const label = (b: Bar) => o.formatValue(b.value);
  const common = {
    fill: (b: Bar) => b.group ?? '',
    channels: { [o.valueLabel]: (b: Bar) => exact(b.value), ...channels, ' ': (b: Bar) => b.label },
    tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: false, y: false, fill: false } },
  };
  const size = Math.max(120, (o.horizontal ? 22 : 0) * bars.length + 60);
  // Axis labels get the room they need (no "Potential loyal…" beside free space), up to a third
  // of the chart for horizontal bars; beyond that they are cut and the tooltip has them whole.
  const width = o.width ?? 640;
  const longest = Math.max(0, ...domain.map((k) => labelWidth(labelOf.get(k) ?? k)));
  const marginLeft = o.horizontal ? Math.round(Math.min(Math.max(60, longest + 12), width / 3)) : 60;
  const band = (width - marginLeft - 20) / Math.max(1, domain.length);
  const rotate = !o.horizontal && (domain.length > 8 || longest > band - 4);
  const vertical = rotate ? 130 : band - 4;
  const marginBottom = o.horizontal
    ? 30
    : rotate
      ? Math.round(Math.max(60, Math.min(longest, vertical) * Math.sin((35 * Math.PI) / 180) + 24))
      : 60;
  const height =
    (o.height ?? (o.horizontal ? Math.min(size, 640) : 260)) + (marginBottom - (o.horizontal ? 30 : 60));
  // The value axis ends on a tick past the longest bar (niced with the tick count it is drawn
  // with: Plot's default nices to 10 steps and draws 4, so a bar of 90 ran past a last tick of 80).
  const valueTicks = o.horizontal
    ? Math.max(2, Math.floor((width - marginLeft - 20) / 80))
    : Math.max(2, Math.floor((height - marginBottom - 20) / 35));
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height,
    marginLeft,
    marginBottom,
    ariaLabel: o.ariaLabel,
    color: { domain: Object.keys(colors), range: Object.values(colors) },
    ...(o.horizontal
      ? {
          y: {
            domain,
            label: null,
            tickFormat: (k: string) => shortenToWidth(labelOf.get(k) ?? k, marginLeft - 12),
          },
          x: {
            label: o.valueLabel,
            grid: true,
            nice: valueTicks,
            ticks: valueTicks,
            tickFormat: o.formatValue,
          },
          marks: [
            Plot.barX(bars, { y: 'key', x: 'value', ...common }),
            Plot.ruleX([0]),
            ...(o.valueLabels
              ? [Plot.text(bars, { y: 'key', x: 'value', text: label, textAnchor: 'start', dx: 4 })]
              : []),
          ],
        }
      : {
          x: {
            domain,
            label: null,
            tickFormat: (k: string) => shortenToWidth(labelOf.get(k) ?? k, vertical),
            tickRotate: rotate ? -35 : 0,
          },
          y: {
            label: o.valueLabel,
            grid: true,
            nice: valueTicks,
            ticks: valueTicks,
            tickFormat: o.formatValue,
          },
          marks: [
            Plot.barY(bars, { x: 'key', y: 'value', ...common }),
            Plot.ruleY([0]),
            ...(o.valueLabels
              ? [Plot.text(bars, { x: 'key', y: 'value', text: label, lineAnchor: 'bottom', dy: -4 })]
              : []),
          ],
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
