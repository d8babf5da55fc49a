/**
 * The data behind a chart as a plain table, for people who cannot see the chart (screen
 * readers, keyboard users) and for anyone who wants the numbers: every chart function attaches
 * one to the element it returns, and PlotFigure offers it under the chart.
 */

/** A chart's data as rows of formatted cells. An empty first header means "the item". */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

const tables = new WeakMap<Element, ChartTable>();

/** Attach the data table to a chart element; returns the element. */
export function withTable<E extends Element>(chart: E, table: ChartTable): E {
  tables.set(chart, table);
  return chart;
}

/** The table attached to a chart element, if any. */
export function tableOf(chart: Element): ChartTable | null {
  return tables.get(chart) ?? null;
}
