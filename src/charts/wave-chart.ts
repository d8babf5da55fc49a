import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { TIP_LINE_HEIGHT, type ChartBase } from './common';
import { OKABE_ITO } from './palette';

/** One survey wave's figure. */
export interface WavePoint {
  wave: string;
  /** 0–100; null when it cannot be computed (no weights). */
  value: number | null;
  /** Extra lines for the tooltip and the table (responses, customers). */
  details?: Record<string, string>;
}

/** Options of the wave chart. */
export interface WaveChartOptions extends ChartBase {
  valueLabel: string;
  waveLabel: string;
  formatValue: (v: number) => string;
}

/** An index (0–100) by survey wave: a line through the waves in order, each value written. */
export function waveChart(points: WavePoint[], o: WaveChartOptions): Element {
  const known = points.filter((p) => p.value !== null) as (WavePoint & { value: number })[];
  const detailKeys = [...new Set(points.flatMap((p) => Object.keys(p.details ?? {})))];
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 240,
    marginLeft: 50,
    ariaLabel: o.ariaLabel,
    x: { domain: points.map((p) => p.wave), label: o.waveLabel, padding: 0.4 },
    y: { domain: [0, 100], label: o.valueLabel, grid: true, tickFormat: o.formatValue },
    marks: [
      Plot.line(known, { x: 'wave', y: 'value', stroke: OKABE_ITO[0], strokeWidth: 2 }),
      Plot.dot(known, {
        x: 'wave',
        y: 'value',
        r: 5,
        fill: OKABE_ITO[0],
        channels: Object.fromEntries(detailKeys.map((k) => [k, (p: WavePoint) => p.details?.[k] ?? ''])),
        tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: true, y: (v: number) => o.formatValue(v) } },
      }),
      Plot.text(known, {
        x: 'wave',
        y: 'value',
        text: (p: WavePoint & { value: number }) => o.formatValue(p.value),
        dy: -12,
        fontWeight: 600,
      }),
    ],
  }) as unknown as Element;
  return withTable(chart, {
    columns: [o.waveLabel, o.valueLabel, ...detailKeys],
    rows: points.map((p) => [
      p.wave,
      p.value === null ? '–' : o.formatValue(p.value),
      ...detailKeys.map((k) => p.details?.[k] ?? ''),
    ]),
  });
}
