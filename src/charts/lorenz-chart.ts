import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { TIP_LINE_HEIGHT, type ChartBase } from './common';
import { INK, OKABE_ITO } from './palette';

/** Options of the Lorenz curve. */
export interface LorenzOptions extends ChartBase {
  labels: { x: string; y: string; equality: string };
  formatPct: (v: number) => string;
}

/**
 * Lorenz curve: cumulative share of value (y) against cumulative share of entities (x), from
 * the smallest to the largest, with the line of equality. The area between them is half the Gini.
 * `shares` are the entities' value shares in rank order (largest first), as the Pareto module gives them.
 */
export function lorenzChart(shares: number[], o: LorenzOptions): Element {
  const n = shares.length;
  const ascending = [...shares].reverse();
  const pts = [{ x: 0, y: 0 }];
  let cum = 0;
  // At most ~400 points: enough for the eye, whatever n is.
  const step = Math.max(1, Math.floor(n / 400));
  ascending.forEach((s, i) => {
    cum += s;
    if ((i + 1) % step === 0 || i === n - 1) pts.push({ x: (i + 1) / n, y: cum });
  });
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 300,
    marginLeft: 50,
    ariaLabel: o.ariaLabel,
    x: { domain: [0, 1], label: o.labels.x, tickFormat: o.formatPct, grid: true },
    y: { domain: [0, 1], label: o.labels.y, tickFormat: o.formatPct, grid: true },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: 'x', y: 'y', stroke: INK, strokeDasharray: '4,3' },
      ),
      Plot.text([{ x: 0.62, y: 0.68 }], {
        x: 'x',
        y: 'y',
        text: () => o.labels.equality,
        fill: INK,
        rotate: -35,
        fontSize: 10,
      }),
      Plot.areaY(pts, { x: 'x', y: 'y', fill: OKABE_ITO[0], fillOpacity: 0.15 }),
      Plot.line(pts, {
        x: 'x',
        y: 'y',
        stroke: OKABE_ITO[0],
        strokeWidth: 2,
        tip: { lineHeight: TIP_LINE_HEIGHT },
        title: (p: { x: number; y: number }) => `${o.formatPct(p.x)} → ${o.formatPct(p.y)}`,
      }),
    ],
  }) as unknown as Element;
  return withTable(chart, {
    columns: [o.labels.x, o.labels.y],
    rows: pts.map((p) => [o.formatPct(p.x), o.formatPct(p.y)]),
  });
}
