/**
 * SQL expressions that turn a raw VARCHAR cell into a clean value. Cleaning runs inside DuckDB
 * so a large file is never parsed by JavaScript.
 */

/** A number in any common export form; NULL when it is not one. */
export function numberExpr(col: string): string {
  // `(1,234.50)` → negative; currency symbols, thousands separators, spaces and % stripped.
  const t = `trim(${col})`;
  const stripped = `regexp_replace(${t}, '[,¥$€£￥\\s()%]', '', 'g')`;
  return `CASE
    WHEN ${t} IS NULL OR ${t} IN ('', '-', 'N/A', 'n/a', 'NA', '--') THEN NULL
    WHEN ${t} LIKE '(%)' THEN -TRY_CAST(${stripped} AS DOUBLE)
    WHEN ${t} LIKE '%\\%%' ESCAPE '\\' THEN TRY_CAST(${stripped} AS DOUBLE) / 100
    ELSE TRY_CAST(${stripped} AS DOUBLE)
  END`;
}

const DATE_FORMATS = [
  '%Y-%m-%d',
  '%Y/%m/%d',
  '%Y.%m.%d',
  '%Y%m%d',
  '%Y年%m月%d日',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y/%m/%d %H:%M:%S',
];

/** A calendar date from the common unambiguous forms; NULL when none parses. */
export function dateExpr(col: string): string {
  const t = `trim(${col})`;
  return `CAST(coalesce(${DATE_FORMATS.map((f) => `try_strptime(${t}, '${f}')`).join(', ')}) AS DATE)`;
}

/** A month (first day) from `2024-03`, `2024年3月`, `202403` or any date form. */
export function monthExpr(col: string): string {
  const t = `trim(${col})`;
  return `CAST(date_trunc('month', coalesce(
    try_strptime(${t}, '%Y-%m'), try_strptime(${t}, '%Y/%m'), try_strptime(${t}, '%Y年%m月'), try_strptime(${t}, '%Y%m'),
    ${dateExpr(col)
      .replace(/^CAST\(|AS DATE\)$/g, '')
      .replace(/^coalesce/, 'coalesce')}
  )) AS DATE)`;
}

/** Trimmed text; empty → NULL. */
export function textExpr(col: string): string {
  return `nullif(trim(${col}), '')`;
}
