/** UI languages. */
export type Locale = 'en' | 'zh-CN';

/** Pick the UI language from the browser's preferred languages. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A plain number with grouping, e.g. `1,234.5`. Null shows as an en dash. `fixed`: always that
 * many decimals (`89.0` beside `93.6` in a table column), else trailing zeros are dropped.
 */
export function formatNumber(
  value: number | null,
  locale: Locale,
  maximumFractionDigits = 2,
  fixed = false,
): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return nf(locale, {
    maximumFractionDigits,
    minimumFractionDigits: fixed ? maximumFractionDigits : 0,
  }).format(value);
}

/**
 * A large amount, compact for reading: Chinese uses 万 (1e4) and 亿 (1e8), English K/M/B.
 * `123456789` → `1.23亿` / `123.5M`.
 */
export function formatAmount(value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${nf(locale, { maximumFractionDigits: 2 }).format(value / 1e8)}亿`;
    if (abs >= 1e4) return `${nf(locale, { maximumFractionDigits: 2 }).format(value / 1e4)}万`;
    return nf(locale, { maximumFractionDigits: 2 }).format(value);
  }
  return nf(locale, { notation: 'compact', maximumFractionDigits: abs >= 1e3 ? 1 : 2 }).format(value);
}

/**
 * An amount in full, for tables and exports read by an analyst: thousands separators and exactly
 * two decimals, never abbreviated (`1234567.891` → `1,234,567.89`). Cards and charts abbreviate
 * with {@link formatAmount} and show this on hover.
 */
export function formatExact(value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return nf(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/**
 * A file size: bytes under 1 KB, then KB and MB with one decimal (`300 B`, never `0 KB`).
 * Units are the same in both languages.
 */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale, 0)} B`;
  if (bytes < 1 << 20) return `${formatNumber(bytes / 1024, locale, 1)} KB`;
  if (bytes < 1 << 30) return `${formatNumber(bytes / (1 << 20), locale, 1)} MB`;
  return `${formatNumber(bytes / (1 << 30), locale, 1)} GB`;
}

/**
 * A sample value as the file means it: a decimal written with binary noise (`731.9400000000001`,
 * from a double computed or stored by another program) is shown at 15 significant digits,
 * which every double holds exactly (`731.94`). Other text is returned unchanged.
 */
export function tidyNumberText(text: string): string {
  // A leading zero (`00123.4567890`) is a code, not a number: left alone.
  if (!/^[+-]?(0|[1-9]\d*)\.\d{6,}$/.test(text)) return text;
  const n = Number(text);
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : text;
}

/** A fraction as a percentage, `0.256` → `25.6%`; `fixed` as in formatNumber (`19.0%`). */
export function formatPercent(
  value: number | null,
  locale: Locale,
  maximumFractionDigits = 1,
  fixed = false,
): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return nf(locale, {
    style: 'percent',
    maximumFractionDigits,
    minimumFractionDigits: fixed ? maximumFractionDigits : 0,
  }).format(value);
}

/**
 * A share with `digits` decimals that never rounds to 0 % or 100 % when it is not: a positive
 * value below half the last digit reads "< 0.1%" (digits 1), one short of 1 by less reads
 * "> 99.9%". For a mean P(alive) of 0.01 % or a drop-out probability of 0.004 %, "0%" would read
 * as none.
 */
export function formatPercentStrict(value: number | null, locale: Locale, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const step = 10 ** -(digits + 2);
  if (value > 0 && value < step / 2) return `< ${formatPercent(step, locale, digits)}`;
  if (value < 1 && value >= 1 - step / 2) return `> ${formatPercent(1 - step, locale, digits)}`;
  return formatPercent(value, locale, digits);
}

/** An ISO calendar date shown unambiguously: `2024-03-05` stays ISO in both languages. */
export function formatDate(iso: string | null): string {
  return iso ?? '–';
}
