import type { Engine } from '../engine/types';
import { sqlDate, sqlIdent } from '../engine/sql';
import { hasTable, sig12Sql } from './common';
import { FILTER_KEYS, type FilterKey } from './params';

/** One value of a filter dimension with its revenue over all data (for ordering the picker). */
export interface DimensionValue {
  value: string;
  revenue: number;
  rows: number;
}

/** SQL listing the values of one dimension, biggest revenue first, then by value. */
export function buildDimensionValuesSql(key: FilterKey, limit = 1000): string {
  const col = sqlIdent(key);
  return `SELECT CAST(${col} AS VARCHAR) AS value, coalesce(sum(revenue), 0) AS revenue, count(*) AS rows
FROM sales
WHERE ${col} IS NOT NULL
GROUP BY ${col}
ORDER BY ${sig12Sql('coalesce(sum(revenue), 0)')} DESC, value
LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/** Values of every filter dimension (a dimension without data gets an empty list). */
export async function runDimensionValues(db: Engine): Promise<Record<FilterKey, DimensionValue[]>> {
  const out = {} as Record<FilterKey, DimensionValue[]>;
  // Data without sales (a survey alone) has nothing to filter: every list empty, so the filter
  // bar offers no dimension (and never the values of data shown before).
  for (const key of FILTER_KEYS) out[key] = [];
  if (!(await hasTable(db, 'sales'))) return out;
  for (const key of FILTER_KEYS)
    out[key] = await db.rows<{ value: string; revenue: number; rows: number }>(buildDimensionValuesSql(key));
  return out;
}

/**
 * SQL of one dimension's revenue per value within a period (the amounts a filter drop-down
 * shows beside its values, so they follow the selected period; the list itself and its order
 * come from the whole data, so no value disappears when a period has no sales of it).
 */
export function buildDimensionRevenueSql(key: FilterKey, period: { start: string; asOf: string }): string {
  const col = sqlIdent(key);
  return `SELECT CAST(${col} AS VARCHAR) AS value, coalesce(sum(revenue), 0) AS revenue
FROM sales
WHERE ${col} IS NOT NULL AND order_date BETWEEN ${sqlDate(period.start)} AND ${sqlDate(period.asOf)}
GROUP BY ${col}`;
}

/** Revenue per value of one dimension within a period (values without sales there are absent). */
export async function runDimensionRevenue(
  db: Engine,
  key: FilterKey,
  period: { start: string; asOf: string },
): Promise<Map<string, number>> {
  const rows = await db.rows<{ value: string; revenue: number }>(buildDimensionRevenueSql(key, period));
  return new Map(rows.map((r) => [r.value, r.revenue]));
}
