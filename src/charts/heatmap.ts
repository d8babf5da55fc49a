import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { onPick, TIP_LINE_HEIGHT, type ChartBase } from './common';

/** One cell of a matrix (transition matrix, R × F grid). */
export interface Cell {
  row: string;
  col: string;
  value: number;
  /** Text printed in the cell. */
  text: string;
  /** Extra tooltip lines. */
  details?: Record<string, string>;
}

/** Options of the heatmap. */
export interface HeatmapOptions extends ChartBase {
  rows: string[];
  cols: string[];
  labels: { row: string; col: string; value: string };
  rowLabel?: (r: string) => string;
  colLabel?: (c: string) => string;
  onSelect?: (c: Cell) => void;
}

/** A matrix of cells shaded by value (a sequential, colour-blind-safe scheme), with the value printed. */
export function heatmap(cells: Cell[], o: HeatmapOptions): Element {
  const max = Math.max(1, ...cells.map((c) => c.value));
  const detailKeys = [...new Set(cells.flatMap((c) => Object.keys(c.details ?? {})))];
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? Math.max(200, 40 * o.rows.length + 70),
    marginLeft: 110,
    // The column axis is on top: room for its label above the tick labels, not touching them.
    marginTop: 46,
    marginBottom: 50,
    ariaLabel: o.ariaLabel,
    x: { domain: o.cols, label: o.labels.col, tickFormat: o.colLabel, axis: 'top', labelOffset: 38 },
    y: { domain: o.rows, label: o.labels.row, tickFormat: o.rowLabel },
    color: { type: 'linear', scheme: 'blues', domain: [0, max] },
    marks: [
      Plot.cell(cells, {
        x: 'col',
        y: 'row',
        fill: 'value',
        inset: 1,
        channels: {
          [o.labels.row]: (c: Cell) => (o.rowLabel ? o.rowLabel(c.row) : c.row),
          [o.labels.col]: (c: Cell) => (o.colLabel ? o.colLabel(c.col) : c.col),
          [o.labels.value]: { value: 'text', label: o.labels.value },
          ...Object.fromEntries(detailKeys.map((k) => [k, (c: Cell) => c.details?.[k] ?? ''])),
        },
        tip: { lineHeight: TIP_LINE_HEIGHT, format: { x: false, y: false, fill: false } },
      }),
      Plot.text(cells, {
        x: 'col',
        y: 'row',
        text: 'text',
        fill: (c: Cell) => (c.value > max * 0.55 ? 'white' : 'black'),
        fontSize: 11,
      }),
    ],
  }) as unknown as Element;
  onPick(chart, o.onSelect);
  return withTable(chart, {
    columns: [o.labels.row, o.labels.col, o.labels.value, ...detailKeys],
    rows: cells.map((c) => [
      o.rowLabel ? o.rowLabel(c.row) : c.row,
      o.colLabel ? o.colLabel(c.col) : c.col,
      c.text,
      ...detailKeys.map((k) => c.details?.[k] ?? ''),
    ]),
  });
}
