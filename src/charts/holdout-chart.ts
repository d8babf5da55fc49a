import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { TIP_LINE_HEIGHT, type ChartBase } from './common';
import { INK, OKABE_ITO } from './palette';

/** One frequency bucket of the holdout check: mean purchase days per customer in the holdout. */
export interface HoldoutPoint {
  /** `0` … `6`, `7+`: purchase days after the first in the calibration data. */
  bucket: string;
  customers: number;
  predicted: number;
  actual: number;
}

/** Options of the holdout chart. */
export interface HoldoutChartOptions extends ChartBase {
  labels: { x: string; y: string; predicted: string; actual: string; customers: string };
  formatValue: (v: number) => string;
  formatCount: (v: number) => string;
}

type Mark = { bucket: string; series: string; value: number; customers: number };

/**
 * The classic calibration/holdout chart (Fader, Hardie & Lee 2005, fig. 3): per frequency bucket of
 * the calibration data, the mean purchase days per customer in the holdout weeks, actual (solid)
 * against predicted (dashed).
 */
export function holdoutChart(points: HoldoutPoint[], o: HoldoutChartOptions): Element {
  const marks: Mark[] = points.flatMap((p) => [
    { bucket: p.bucket, series: o.labels.actual, value: p.actual, customers: p.customers },
    { bucket: p.bucket, series: o.labels.predicted, value: p.predicted, customers: p.customers },
  ]);
  const series = [o.labels.actual, o.labels.predicted];
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 260,
    marginLeft: 50,
    marginBottom: 40,
    ariaLabel: o.ariaLabel,
    x: { type: 'point', domain: points.map((p) => p.bucket), label: o.labels.x, padding: 0.3 },
    y: { label: o.labels.y, grid: true, tickFormat: o.formatValue, zero: true },
    color: { domain: series, range: [INK, OKABE_ITO[0]], legend: true },
    marks: [
      Plot.ruleY([0]),
      ...series.map((name) =>
        Plot.line(
          marks.filter((m) => m.series === name),
          {
            x: 'bucket',
            y: 'value',
            stroke: 'series',
            strokeWidth: 2,
            strokeDasharray: name === o.labels.predicted ? '6 4' : undefined,
          },
        ),
      ),
      Plot.dot(marks, {
        x: 'bucket',
        y: 'value',
        fill: 'series',
        r: 3.5,
        channels: {
          [o.labels.x]: 'bucket',
          ' ': 'series',
          [o.labels.y]: (m: Mark) => o.formatValue(m.value),
          [o.labels.customers]: (m: Mark) => o.formatCount(m.customers),
        },
        tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: false, y: false, fill: false } },
      }),
    ],
  }) as unknown as Element;
  return withTable(chart, {
    columns: [o.labels.x, o.labels.customers, o.labels.actual, o.labels.predicted],
    rows: points.map((p) => [
      p.bucket,
      o.formatCount(p.customers),
      o.formatValue(p.actual),
      o.formatValue(p.predicted),
    ]),
  });
}
