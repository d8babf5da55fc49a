import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { monthTicks, TIP_LINE_HEIGHT, type ChartBase } from './common';
import { INK, OKABE_ITO } from './palette';

/** One point of a monthly series. */
export interface TrendPoint {
  /** `YYYY-MM`. */
  month: string;
  value: number;
  /** Optional comparison values (plan, last year, moving average). */
  plan?: number | null;
  lastYear?: number | null;
}

/** Options of the trend chart. */
export interface TrendChartOptions extends ChartBase {
  labels: { value: string; plan: string; lastYear: string };
  formatValue: (v: number) => string;
  /** Month tick labels in the UI language (default: Plot's English ones). */
  formatMonth?: (d: Date) => string;
  /**
   * The last month when it is partial (the data or the period ends before its last day): drawn
   * lighter and labelled, so a short month is not read as a drop (analytics.md §1).
   */
  partial?: { month: string; label: string };
  /**
   * The months of the analysis period (`YYYY-MM`, inclusive) when the chart shows more than the
   * period: they keep full colour on a light band, the others are drawn lighter, and the data
   * table marks them with `label`. A brush may cover any month shown, so it can widen the period.
   */
  highlight?: { from: string; to: string; label: string };
  /** Called with the first and last month of a brushed range (sets the analysis period). */
  onBrush?: (from: string, to: string) => void;
}

/**
 * The `partial` option for a period ending on `asOf`: its month when `asOf` is not the month's
 * last day (the data or the period stops inside it), else none.
 */
export function partialMonth(
  asOf: string,
  label: (day: string) => string,
): { month: string; label: string } | undefined {
  const [y, m, d] = asOf.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d === last ? undefined : { month: asOf.slice(0, 7), label: label(asOf.slice(8)) };
}

const toDate = (m: string) => new Date(`${m}-01T00:00:00Z`);
/** The first day of the month after `m`. */
const nextMonth = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 1));

/** Monthly values as bars, with plan and last year as lines; a brush selects months. */
export function trendChart(points: TrendPoint[], o: TrendChartOptions): Element {
  const plan = points.filter((p) => p.plan !== null && p.plan !== undefined);
  const ly = points.filter((p) => p.lastYear !== null && p.lastYear !== undefined && p.lastYear !== 0);
  const h = o.highlight;
  const inPeriod = (p: TrendPoint) => !h || (p.month >= h.from && p.month <= h.to);
  /** Lighter outside the period, and for a partial last month. */
  const opacity = (p: TrendPoint) => (inPeriod(p) ? 1 : 0.35) * (p.month === o.partial?.month ? 0.4 : 1);
  const exact = o.formatExact ?? o.formatValue;
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 240,
    marginLeft: 60,
    // Room for the last month label, centred on the right edge ("Jan 2026" was cut off).
    marginRight: 28,
    ariaLabel: o.ariaLabel,
    // Ticks on month starts only: with one or two months Plot would otherwise tick days, and a
    // month-name format then repeats the same month.
    x: {
      type: 'utc',
      label: null,
      ticks: monthTicks(o.width - 88, points.length),
      ...(o.formatMonth ? { tickFormat: o.formatMonth } : {}),
    },
    y: { label: o.labels.value, grid: true, tickFormat: o.formatValue },
    // The legend lists only the series that are drawn.
    color: {
      domain: [
        o.labels.value,
        ...(plan.length ? [o.labels.plan] : []),
        ...(ly.length ? [o.labels.lastYear] : []),
      ],
      range: [OKABE_ITO[0], ...(plan.length ? [INK] : []), ...(ly.length ? [OKABE_ITO[1]] : [])],
      legend: plan.length > 0 || ly.length > 0,
    },
    marks: [
      ...(h
        ? [
            Plot.rect([h], {
              x1: () => toDate(h.from),
              x2: () => nextMonth(h.to),
              fill: '#e3edf8',
              ariaHidden: 'true',
            }),
          ]
        : []),
      Plot.rectY(points, {
        x1: (p: TrendPoint) => toDate(p.month),
        x2: (p: TrendPoint) => nextMonth(p.month),
        y: 'value',
        fill: () => o.labels.value,
        ...(o.partial || h ? { fillOpacity: opacity } : {}),
        inset: 1,
        channels: {
          [o.labels.value]: (p: TrendPoint) => exact(p.value),
          ' ': { value: 'month', label: ' ' },
        },
        // fillOpacity (the period's and the partial month's shading) is drawing, not data.
        tip: {
          lineHeight: TIP_LINE_HEIGHT,
          format: { x1: false, x2: false, y: false, fill: false, fillOpacity: false },
        },
      }),
      Plot.ruleY([0]),
      ...(o.partial
        ? [
            Plot.text(
              points.filter((p) => p.month === o.partial!.month),
              {
                x: (p: TrendPoint) => new Date(toDate(p.month).getTime() + 14 * 864e5),
                y: 'value',
                text: () => o.partial!.label,
                dy: -8,
                fontSize: 10,
                fill: INK,
              },
            ),
          ]
        : []),
      ...(plan.length
        ? [
            Plot.line(plan, {
              x: (p: TrendPoint) => new Date(toDate(p.month).getTime() + 14 * 864e5),
              y: 'plan',
              stroke: () => o.labels.plan,
              strokeDasharray: '5,3',
              strokeWidth: 2,
            }),
          ]
        : []),
      ...(ly.length
        ? [
            Plot.line(ly, {
              x: (p: TrendPoint) => new Date(toDate(p.month).getTime() + 14 * 864e5),
              y: 'lastYear',
              stroke: () => o.labels.lastYear,
              strokeWidth: 1.5,
            }),
          ]
        : []),
    ],
  }) as unknown as Element;
  if (o.onBrush) addBrush(chart, points, o.onBrush);
  return withTable(chart, {
    columns: [
      '',
      o.labels.value,
      ...(plan.length ? [o.labels.plan] : []),
      ...(ly.length ? [o.labels.lastYear] : []),
    ],
    rows: points.map((p) => [
      [
        p.month,
        p.month === o.partial?.month ? ` (${o.partial.label})` : '',
        h && inPeriod(p) ? ` (${h.label})` : '',
      ].join(''),
      exact(p.value),
      ...(plan.length ? [p.plan == null ? '–' : exact(p.plan)] : []),
      ...(ly.length ? [p.lastYear == null ? '–' : exact(p.lastYear)] : []),
    ]),
  });
}

/**
 * Drag across the chart to pick a range of months. Plot has no brush mark yet, so the pointer
 * positions are mapped back through the x scale.
 */
function addBrush(chart: Element, points: TrendPoint[], done: (from: string, to: string) => void): void {
  // A chart with a legend is a <figure> whose swatches are small <svg>s: take the plot itself.
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : [...chart.querySelectorAll('svg')].pop();
  const scale = (
    chart as unknown as { scale: (n: string) => { invert?: (v: number) => Date } | undefined }
  ).scale?.('x');
  if (!svg || !scale?.invert || points.length < 2) return;
  const doc = chart.ownerDocument;
  const band = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
  band.setAttribute('fill', 'rgba(11, 92, 173, 0.15)');
  band.setAttribute('height', '100%');
  band.setAttribute('width', '0');
  svg.append(band);
  let start: number | null = null;
  // Pointer position in the SVG's own coordinates (the SVG may be scaled down to fit).
  const xOf = (ev: PointerEvent) => {
    const rect = svg.getBoundingClientRect();
    const viewWidth = Number(svg.getAttribute('width')) || rect.width;
    return ((ev.clientX - rect.left) * viewWidth) / rect.width;
  };
  const month = (x: number) => {
    const d = scale.invert!(x);
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  // Capture phase: Plot's own pointer handling (the tooltip) must not swallow the drag.
  const capture = { capture: true };
  svg.addEventListener(
    'pointerdown',
    (ev) => {
      start = xOf(ev as PointerEvent);
      band.setAttribute('x', String(start));
      band.setAttribute('width', '0');
    },
    capture,
  );
  svg.addEventListener(
    'pointermove',
    (ev) => {
      if (start === null) return;
      const x = xOf(ev as PointerEvent);
      band.setAttribute('x', String(Math.min(start, x)));
      band.setAttribute('width', String(Math.abs(x - start)));
    },
    capture,
  );
  const finish = (ev: Event) => {
    if (start === null) return;
    const end = xOf(ev as PointerEvent);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    band.setAttribute('width', '0');
    if (b - a < 8) return; // a click, not a drag
    const known = points.map((p) => p.month);
    const from = known.find((m) => m >= month(a)) ?? known[0];
    const to = [...known].reverse().find((m) => m <= month(b)) ?? known[known.length - 1];
    if (from <= to) done(from, to);
  };
  svg.addEventListener('pointerup', finish, capture);
}
