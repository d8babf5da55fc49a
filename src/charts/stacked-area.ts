import * as Plot from '@observablehq/plot';
import { withTable } from './data-table';
import { monthTicks, TIP_LINE_HEIGHT, type ChartBase } from './common';

/** Count of one group in one month. */
export interface StackPoint {
  month: string;
  group: string;
  value: number;
}

/** Options of the stacked area chart. */
export interface StackedAreaOptions extends ChartBase {
  groups: string[];
  colors: Record<string, string>;
  groupLabel: (g: string) => string;
  valueLabel: string;
  /** Month tick labels in the UI language. */
  formatMonth?: (d: Date) => string;
}

/** Counts per group over months, stacked (e.g. lifecycle stages month by month). */
export function stackedArea(points: StackPoint[], o: StackedAreaOptions): Element {
  const date = (m: string) => new Date(`${m}-01T00:00:00Z`);
  const chart = Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 260,
    marginLeft: 50,
    marginRight: 28,
    ariaLabel: o.ariaLabel,
    x: {
      type: 'utc',
      label: null,
      ticks: monthTicks(o.width - 78, new Set(points.map((p) => p.month)).size),
      ...(o.formatMonth ? { tickFormat: o.formatMonth } : {}),
    },
    y: { label: o.valueLabel, grid: true },
    color: {
      domain: o.groups,
      range: o.groups.map((g) => o.colors[g]),
      legend: true,
      tickFormat: o.groupLabel,
    },
    marks: [
      Plot.areaY(points, {
        x: (p: StackPoint) => date(p.month),
        y: 'value',
        fill: 'group',
        order: o.groups,
        curve: 'step-after',
        tip: { lineHeight: TIP_LINE_HEIGHT },
        title: (p: StackPoint) => `${p.month} ${o.groupLabel(p.group)}: ${p.value}`,
      }),
      Plot.ruleY([0]),
    ],
  }) as unknown as Element;
  // One row per month, one column per group.
  const months = [...new Set(points.map((p) => p.month))].sort();
  const value = new Map(points.map((p) => [`${p.month}|${p.group}`, p.value]));
  return withTable(chart, {
    columns: ['', ...o.groups.map(o.groupLabel)],
    rows: months.map((m) => [m, ...o.groups.map((g) => value.get(`${m}|${g}`) ?? 0)]),
  });
}
