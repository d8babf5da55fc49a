import { sqlString } from '../engine/sql';

/**
 * Column value profiling (from a sample, in JS) and the matching cleaning expressions (for the
 * whole column, in DuckDB SQL). One number style and one date format are decided per column,
 * because trying many formats on every cell is slow in DuckDB (try_strptime failures are costly)
 * and because a column is written one way by the system that exported it.
 */

/** How a numeric column writes its decimal separator. */
export type NumberStyle = 'dot' | 'comma';

/** How a date column is written (a DuckDB strptime format, or a special reader). */
export type DateFormat =
  | 'iso' // 2024-03-05, 2024-03-05 08:26:00 (TRY_CAST)
  | 'excel' // Excel serial day numbers
  | string; // a strptime format such as %d/%m/%Y

/** What a sample of a column looks like. */
export interface ColumnProfile {
  /** Share of non-empty sample values that parse as a number / date / month. */
  numberShare: number;
  dateShare: number;
  monthShare: number;
  /** Number style when the column is numeric. */
  numberStyle: NumberStyle;
  /** Date format when the column holds dates; `ambiguousDayMonth` when D/M vs M/D is open. */
  dateFormat: DateFormat | null;
  ambiguousDayMonth: boolean;
  /** Integer ids written as floats (`17850.0`): strip the `.0`. */
  floatIds: boolean;
  /** Distinct values / non-empty values in the sample (ids repeat, names rarely do). */
  distinctRatio: number;
  nonEmpty: number;
}

/** Words that mark a summary row (合计, Total …), compared without spaces and colons. */
export const SUMMARY_WORDS = [
  '合计',
  '总计',
  '小计',
  '总和',
  '合計',
  'total',
  'grandtotal',
  'subtotal',
  'sum',
  'totals',
];

/** Whether a cell names a summary row. */
export function isSummaryWord(cell: string): boolean {
  return SUMMARY_WORDS.includes(cell.replace(/[\s:：]/g, '').toLowerCase());
}

/** Cell texts that mean "no value". */
export const NULL_WORDS = ['', '-', '--', 'n/a', 'na', '#n/a', 'null', 'none', '—'];

const NULLS = new Set(['', '-', '--', 'n/a', 'na', '#n/a', 'null', 'none', '—']);
const FULLWIDTH = /[０-９．，－（）％￥]/g;
const HALF: Record<string, string> = {
  '．': '.',
  '，': ',',
  '－': '-',
  '（': '(',
  '）': ')',
  '％': '%',
  '￥': '¥',
};

/** Full-width digits and punctuation → ASCII (`１２．５` → `12.5`). */
export function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => HALF[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Parse a number as the SQL expression will (for profiling and tests). Null when not a number. */
export function parseNumber(raw: string, style: NumberStyle): number | null {
  let t = halfWidth(raw.trim());
  if (NULLS.has(t.toLowerCase())) return null;
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  let scale = 1;
  if (t.endsWith('%')) {
    scale = 0.01;
    t = t.slice(0, -1);
  }
  t = t.replace(/^[¥$€£]|^(RMB|CNY|USD|EUR)\s*/i, '').replace(/[¥$€£]/g, '');
  t = style === 'dot' ? t.replace(/[,\s\u00a0']/g, '') : t.replace(/[.\s\u00a0']/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t) * sign * scale;
  return Number.isFinite(v) ? v : null;
}

/** Evidence for a decimal comma in one value: `1.234,5`, `12,5`, `1 234,50`. */
function commaEvidence(v: string): boolean {
  return /^[^.,]*\d{1,3}(\.\d{3})+,\d+$/.test(v) || /^[^.,]*\d+,\d{1,2}$/.test(v) || /\d \d{3},\d+$/.test(v);
}
/** Evidence for a decimal dot: `1,234.5`, `12.5`, `0.25`. */
function dotEvidence(v: string): boolean {
  return /\d,\d{3}(,\d{3})*\.\d+$/.test(v) || /^[^,]*\d\.\d{1,2}$/.test(v) || /^[^,]*\d\.\d{4,}$/.test(v);
}

interface DateCandidate {
  format: DateFormat;
  re: RegExp;
  /** Positions of day and month in the match when the order is open. */
  dm?: [number, number];
}

const DATE_CANDIDATES: DateCandidate[] = [
  { format: 'iso', re: /^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/ },
  { format: '%Y-%m-%d', re: /^\d{4}-\d{1,2}-\d{1,2}$/ },
  { format: '%Y/%m/%d', re: /^\d{4}\/\d{1,2}\/\d{1,2}$/ },
  { format: '%Y/%m/%d %H:%M:%S', re: /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/ },
  { format: '%Y/%m/%d %H:%M', re: /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/ },
  { format: '%Y.%m.%d', re: /^\d{4}\.\d{1,2}\.\d{1,2}$/ },
  { format: '%Y%m%d', re: /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/ },
  { format: '%Y年%m月%d日', re: /^\d{4}年\d{1,2}月\d{1,2}日$/ },
  { format: 'DM/%Y', re: /^(\d{1,2})\/(\d{1,2})\/\d{4}$/, dm: [1, 2] },
  { format: 'DM-%Y', re: /^(\d{1,2})-(\d{1,2})-\d{4}$/, dm: [1, 2] },
  { format: 'DM.%Y', re: /^(\d{1,2})\.(\d{1,2})\.\d{4}$/, dm: [1, 2] },
  { format: 'DM/%y', re: /^(\d{1,2})\/(\d{1,2})\/\d{2}$/, dm: [1, 2] },
  { format: 'DM-%y', re: /^(\d{1,2})-(\d{1,2})-\d{2}$/, dm: [1, 2] },
  { format: 'DM/%Y %H:%M', re: /^(\d{1,2})\/(\d{1,2})\/\d{4} \d{1,2}:\d{2}(:\d{2})?$/, dm: [1, 2] },
];

const MONTH_RE = [
  /^\d{4}-\d{1,2}$/,
  /^\d{4}\/\d{1,2}$/,
  /^\d{4}年\d{1,2}月$/,
  /^(19|20)\d{2}(0[1-9]|1[0-2])$/,
];

/**
 * Resolve a day/month template (`DM/%Y`) to a strptime format. `dayFirst` decides the order.
 * A time part, when present, is parsed too (`%H:%M`).
 */
export function resolveDayMonth(format: DateFormat, dayFirst: boolean): DateFormat {
  if (!format.startsWith('DM')) return format;
  const sep = format[2];
  const rest = format.slice(3);
  const dm = dayFirst ? `%d${sep}%m` : `%m${sep}%d`;
  return `${dm}${sep}${rest}`;
}

/** The separator of a day/month template (for the whole-column check). */
export function dayMonthSeparator(format: DateFormat): string | null {
  return format.startsWith('DM') ? format[2] : null;
}

/** Longest cell text profiled as a possible number or date (a 40-digit amount is already absurd). */
const MAX_TYPED_LENGTH = 64;

/** Profile a column's sample values. */
export function profileColumn(values: string[]): ColumnProfile {
  const vals = values.map((v) => halfWidth(v.trim())).filter((v) => !NULLS.has(v.toLowerCase()));
  const n = vals.length;
  // Only short cells can be numbers or dates. Skipping long ones also keeps the regular
  // expressions below from running on a megabyte of digits (some are quadratic there).
  const short = vals.filter((v) => v.length <= MAX_TYPED_LENGTH);
  const comma = short.some(commaEvidence) && !short.some(dotEvidence);
  const numberStyle: NumberStyle = comma ? 'comma' : 'dot';
  const numbers = short.filter((v) => parseNumber(v, numberStyle) !== null).length;
  let best: DateCandidate | null = null;
  let bestHits = 0;
  for (const c of DATE_CANDIDATES) {
    const hits = short.filter((v) => c.re.test(v)).length;
    if (hits > bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  let dateFormat: DateFormat | null = best?.format ?? null;
  let ambiguousDayMonth = false;
  if (best?.dm) {
    let dayFirst: boolean | null = null;
    for (const v of short) {
      const m = best.re.exec(v);
      if (!m) continue;
      const a = Number(m[best.dm[0]]);
      const b = Number(m[best.dm[1]]);
      if (a > 12) dayFirst = true;
      else if (b > 12) dayFirst = false;
      if (dayFirst !== null) break;
    }
    ambiguousDayMonth = dayFirst === null;
    dateFormat = dayFirst === null ? best.format : resolveDayMonth(best.format, dayFirst);
  }
  // Cells in another unambiguous date form count too (the SQL reads them through a fallback).
  const anyDate = short.filter((v) => DATE_CANDIDATES.some((c) => c.re.test(v))).length;
  // Excel serial dates: whole numbers between 1955 and 2119 in a column that is otherwise numeric.
  const serials = short.filter(
    (v) => /^\d{5}(\.\d+)?$/.test(v) && Number(v) >= 20000 && Number(v) <= 80000,
  ).length;
  if (bestHits === 0 && serials === n && n > 0) dateFormat = 'excel';
  const months = short.filter(
    (v) => MONTH_RE.some((re) => re.test(v)) || DATE_CANDIDATES.some((c) => c.re.test(v)),
  ).length;
  const floats = short.filter((v) => /^\d+\.0+$/.test(v)).length;
  return {
    numberShare: n ? numbers / n : 0,
    dateShare: n ? (dateFormat === 'excel' ? serials : anyDate) / n : 0,
    monthShare: n ? months / n : 0,
    numberStyle,
    dateFormat,
    ambiguousDayMonth,
    floatIds: n > 0 && floats === n,
    distinctRatio: n ? new Set(vals).size / n : 0,
    nonEmpty: n,
  };
}

/* ---------- SQL expressions (col is an expression of type VARCHAR) ---------- */

/**
 * SQL: whether `expr` is one of the null words. A function call, not `IN (…)`: DuckDB rewrites an
 * IN list of six or more constants into a join, which runs for every row even inside a CASE
 * branch that no row takes (measured: 1.5 s per column at 1 M rows instead of nothing).
 */
export function nullWordSql(expr: string): string {
  return `list_contains([${NULL_WORDS.map(sqlString).join(', ')}], ${expr})`;
}

/** Full-width → ASCII inside SQL. */
function sqlHalfWidth(col: string): string {
  return `translate(${col}, '０１２３４５６７８９．，－（）％￥', '0123456789.,-()%¥')`;
}

/**
 * A number in the column's style. The plain cast runs first (fast for clean columns); the
 * cleaning path (currency, thousands separators, parentheses, %, full-width) only for the rest.
 * A decimal-comma column never takes the plain cast: `1.234` means 1234 there.
 */
export function numberSql(col: string, style: NumberStyle): string {
  const t = `trim(${sqlHalfWidth(col)})`;
  const body = `regexp_replace(${t}, '^\\((.*)\\)$', '\\1')`;
  const noCurrency = `regexp_replace(regexp_replace(${body}, '^(RMB|CNY|USD|EUR)\\s*', '', 'i'), '[¥$€£%]', '', 'g')`;
  const digits =
    style === 'dot'
      ? `regexp_replace(${noCurrency}, '[,\\s\\x{00A0}'']', '', 'g')`
      : `replace(regexp_replace(${noCurrency}, '[.\\s\\x{00A0}'']', '', 'g'), ',', '.')`;
  const cleaned = `CASE WHEN ${nullWordSql(`lower(${t})`)} THEN NULL
      ELSE TRY_CAST(${digits} AS DOUBLE)
           * (CASE WHEN ${t} LIKE '(%)' THEN -1 ELSE 1 END)
           / (CASE WHEN ${t} LIKE '%\\%' ESCAPE '\\' THEN 100 ELSE 1 END) END`;
  // The CASE around the cleaning path matters for speed: DuckDB's common-subexpression optimiser
  // hoists a repeated `trim(translate(…))` out of a coalesce and evaluates it for every row, but
  // never looks inside a CASE, so the cleaning only runs for cells the plain cast missed.
  return style === 'dot'
    ? `coalesce(TRY_CAST(${col} AS DOUBLE), CASE WHEN ${col} IS NOT NULL THEN ${cleaned} END)`
    : `(CASE WHEN ${col} IS NOT NULL THEN ${cleaned} END)`;
}

/** Unambiguous date forms tried, by a cheap regex guard, for cells the column's format misses. */
const FALLBACKS: [string, string][] = [
  [
    '^\\d{4}-\\d{1,2}-\\d{1,2}',
    "CAST(TRY_CAST(regexp_extract($X, '^(\\d{4}-\\d{1,2}-\\d{1,2})', 1) AS DATE) AS DATE)",
  ],
  [
    '^\\d{4}/\\d{1,2}/\\d{1,2}',
    "CAST(try_strptime(regexp_extract($X, '^(\\d{4}/\\d{1,2}/\\d{1,2})', 1), '%Y/%m/%d') AS DATE)",
  ],
  ['^\\d{4}\\.\\d{1,2}\\.\\d{1,2}$', "CAST(try_strptime($X, '%Y.%m.%d') AS DATE)"],
  ['^\\d{4}年\\d{1,2}月\\d{1,2}日$', "CAST(try_strptime($X, '%Y年%m月%d日') AS DATE)"],
  ['^(19|20)\\d{6}$', "CAST(try_strptime($X, '%Y%m%d') AS DATE)"],
];

/** A calendar date in the column's format; other unambiguous forms as a fallback. */
export function dateSql(col: string, format: DateFormat): string {
  const t = `trim(${sqlHalfWidth(col)})`;
  let primary: string;
  if (format === 'iso')
    primary = `coalesce(TRY_CAST(${t} AS DATE), CAST(TRY_CAST(${t} AS TIMESTAMP) AS DATE))`;
  else if (format === 'excel')
    primary = `CAST(DATE '1899-12-30' + CAST(floor(TRY_CAST(${t} AS DOUBLE)) AS INTEGER) AS DATE)`;
  else primary = `CAST(try_strptime(${t}, '${format.replaceAll("'", "''")}') AS DATE)`;
  if (format === 'excel') return `(CASE WHEN ${col} IS NOT NULL THEN ${primary} END)`;
  const fallback = `CASE ${FALLBACKS.map(([re, expr]) => `WHEN regexp_matches(${t}, '${re}') THEN ${expr.replaceAll('$X', t)}`).join(' ')} END`;
  // Inside a CASE (see numberSql: no hoisting of the repeated trim). An ISO column takes the
  // plain cast first: a cell that casts as it is gives the same date as the cleaned text.
  const full = `CASE WHEN ${col} IS NOT NULL THEN coalesce(${primary}, ${fallback}) END`;
  return format === 'iso' ? `coalesce(TRY_CAST(${col} AS DATE), ${full})` : `(${full})`;
}

/** The first day of a month from `2024-03`, `2024/3`, `2024年3月`, `202403`, or any date form. */
export function monthSql(col: string, dateFormat: DateFormat | null): string {
  const t = `trim(${sqlHalfWidth(col)})`;
  const month = `CASE
      WHEN regexp_matches(${t}, '^\\d{4}[-/]\\d{1,2}$') THEN make_date(CAST(regexp_extract(${t}, '^(\\d{4})', 1) AS INTEGER), CAST(regexp_extract(${t}, '[-/](\\d{1,2})$', 1) AS INTEGER), 1)
      WHEN regexp_matches(${t}, '^\\d{4}年\\d{1,2}月$') THEN make_date(CAST(regexp_extract(${t}, '^(\\d{4})', 1) AS INTEGER), CAST(regexp_extract(${t}, '年(\\d{1,2})月', 1) AS INTEGER), 1)
      WHEN regexp_matches(${t}, '^(19|20)\\d{2}(0[1-9]|1[0-2])$') THEN make_date(CAST(substr(${t}, 1, 4) AS INTEGER), CAST(substr(${t}, 5, 2) AS INTEGER), 1)
    END`;
  const asDate = dateFormat ? `CAST(date_trunc('month', ${dateSql(col, dateFormat)}) AS DATE)` : 'NULL::DATE';
  return `(CASE WHEN ${col} IS NOT NULL THEN coalesce(${month}, ${asDate}) END)`;
}

// JS `\s` (isSummaryWord) is RE2 `\s` plus \v, the Unicode separators (\pZ: U+3000, U+00A0 …) and U+FEFF.
const SEP = '[\\s\\x0B\\pZ\\x{FEFF}:：]*';
/**
 * Code points a summary cell can start with (worked out on first use, not at start-up): a
 * separator of SEP (every \\s, \\v, Unicode space separator, U+FEFF and both colons; JavaScript's
 * \\s is a superset of RE2's) or the first letter of a summary word in either case. A superset is
 * harmless: it only decides whether the regular expression runs.
 */
let summaryStarts: number[] | null = null;
function summaryStartsList(): number[] {
  if (summaryStarts) return summaryStarts;
  const starts = new Set<number>();
  for (let cp = 0; cp < 0x10000; cp++)
    // eslint-disable-next-line no-control-regex -- \x0B (vertical tab) is one of SEP's separators
    if (/[\s\x0B\p{Z}\uFEFF:：]/u.test(String.fromCharCode(cp))) starts.add(cp);
  for (const w of SUMMARY_WORDS)
    for (const ch of [w[0], w[0].toLowerCase(), w[0].toUpperCase()]) starts.add(ch.codePointAt(0)!);
  return (summaryStarts = [...starts].sort((a, b) => a - b));
}

/**
 * SQL: whether a cell names a summary row (as isSummaryWord: the cell without spaces and colons,
 * lower-cased, is one of SUMMARY_WORDS). One anchored regular expression, case-insensitive by
 * explicit letter classes (`[tT]`); about 3× cheaper than lower(regexp_replace(…)) IN (…) at 1 M rows.
 * It runs only for cells whose first character can start a match (summaryStartsList): nearly every
 * cell fails that integer test, and a regular expression per text cell was about 1.5 s of a 1 M-row
 * load with nine text columns. The test is `list_contains`, not `IN (…)`: DuckDB evaluates an IN
 * list of 36 constants as a chain of comparisons, 2.1–2.5 s for 13 columns × 1 M cells under Node
 * against 1.0–1.2 s (the bare `ascii` call: 0.5–0.8 s).
 */
export function summarySql(col: string): string {
  const letter = (ch: string) =>
    ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch;
  const words = SUMMARY_WORDS.map((w) => [...w].map(letter).join(SEP));
  return `(CASE WHEN list_contains([${summaryStartsList().join(', ')}], ascii(${col})) THEN regexp_full_match(${col}, '${SEP}(?:${words.join('|')})${SEP}') ELSE FALSE END)`;
}

/**
 * Trimmed text; empty → NULL; float-written integer ids lose their `.0`. `trim = false` for a
 * column proven to hold no leading or trailing space separator (the same value, without a
 * trim() per cell).
 */
export function textSql(col: string, floatIds = false, trim = true): string {
  const t = trim ? `nullif(trim(${col}), '')` : `nullif(${col}, '')`;
  return floatIds ? `regexp_replace(${t}, '^(\\d+)\\.0+$', '\\1')` : t;
}

/** A date format as people write it: `%d-%m-%y` → `DD-MM-YY`, `iso` → `YYYY-MM-DD`. */
export function humanDateFormat(format: DateFormat): string {
  if (format === 'iso') return 'YYYY-MM-DD';
  if (format === 'excel') return 'Excel serial number';
  return format
    .replace('%Y', 'YYYY')
    .replace('%y', 'YY')
    .replace('%m', 'MM')
    .replace('%d', 'DD')
    .replace(' %H:%M:%S', ' hh:mm:ss')
    .replace(' %H:%M', ' hh:mm');
}

/** Whether a date format puts day and month in an order the user may want to swap. */
export function hasDayMonthOrder(format: DateFormat | null): boolean {
  // Year first (`2025/6/12 10:23:45`, a survey tool's submission time) is always year–month–day.
  return !!format && (format.startsWith('DM') || (/%d.%m|%m.%d/.test(format) && !format.startsWith('%Y')));
}

/** The same format with the day/month order chosen by the user. */
export function withDayMonthOrder(format: DateFormat, dayFirst: boolean): DateFormat {
  if (format.startsWith('DM')) return resolveDayMonth(format, dayFirst);
  const swapped = format.replace(/%d(.)%m/, '%m$1%d');
  const dm = format.replace(/%m(.)%d/, '%d$1%m');
  return dayFirst ? dm : swapped;
}

/** Whether a format reads the day first (for the mapping screen's selector). */
export function isDayFirst(format: DateFormat): boolean {
  return format.startsWith('DM') || /%d.%m/.test(format);
}

/**
 * True when a cell is written as a year-first date (`2024-02-30`, `2024/2/30`, `2024年2月30日`,
 * `20240230`) that does not exist on the calendar: month 13, day 0, 30 February. Lets the load
 * report say "no such date" instead of "not understood".
 */
export function impossibleDateSql(col: string): string {
  const t = `trim(${sqlHalfWidth(col)})`;
  const re = `'^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$'`;
  const part = (i: number) => `regexp_extract(${t}, ${re}, ${i})`;
  const eight = `'^(19|20)\\d{6}$'`;
  return `(CASE
      WHEN regexp_full_match(${t}, ${re}) THEN TRY_CAST(${part(1)} || '-' || lpad(${part(2)}, 2, '0') || '-' || lpad(${part(3)}, 2, '0') AS DATE) IS NULL
      WHEN regexp_full_match(${t}, ${eight}) THEN TRY_CAST(substr(${t}, 1, 4) || '-' || substr(${t}, 5, 2) || '-' || substr(${t}, 7, 2) AS DATE) IS NULL
      ELSE FALSE END)`;
}
