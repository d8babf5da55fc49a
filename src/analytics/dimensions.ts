import type { Engine } from '../engine/types';
import { sqlIdent } from '../engine/sql';
import { sig12Sql } from './common';
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
  for (const key of FILTER_KEYS)
    out[key] = await db.rows<{ value: string; revenue: number; rows: number }>(buildDimensionValuesSql(key));
  return out;
}
