/** Options every chart takes: size, accessible label, the DOM document (tests pass jsdom's). */
export interface ChartBase {
  width: number;
  height?: number;
  ariaLabel: string;
  document?: Document;
  /**
   * The figure in full for the tooltip and the data table under the chart, when the axis
   * abbreviates it (amounts: `1.23亿` on the axis, `123,456,789.00` on hover and in the table).
   */
  formatExact?: (v: number) => string;
}

/** Lines of a tooltip: Chinese glyphs are taller than Latin ones, and at Plot's 1 em they overlap. */
export const TIP_LINE_HEIGHT = 1.35;

/** Make a chart clickable: Plot puts the datum under the pointer in `value` (with a tip mark). */
export function onPick<T>(chart: Element, pick: ((d: T) => void) | undefined): void {
  if (!pick) return;
  chart.addEventListener('click', () => {
    const v = (chart as unknown as { value?: T | null }).value;
    if (v) pick(v);
  });
  (chart as HTMLElement).style.cursor = 'pointer';
}

/**
 * Month ticks that do not collide: the smallest step of 1, 2, 3, 6 or 12 months that leaves
 * each label about 56 px (a January label reads `Jan 2017` / `2017年1月`). On a 300 px chart
 * of 14 months every label came out at once ("DecJan 2017Feb").
 */
export function monthTicks(plotWidth: number, months: number): string {
  const perMonth = plotWidth / Math.max(1, months);
  const step = [1, 2, 3, 6, 12].find((s) => s * perMonth >= 56) ?? 12;
  return step === 12 ? 'year' : step === 1 ? 'month' : `${step} months`;
}

/** Shorten a label for an axis (full text stays in the tooltip). */
export function shorten(s: string, max = 14): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Width of a label in Plot's axis font (10 px sans-serif), estimated without a layout engine so
 * it is the same under Node and in the page: a CJK or full-width character and "…" 10 px, a
 * capital or wide Latin letter 7 px, a digit 6.4 px, a narrow one (i, l, punctuation) 3 px, any
 * other 5.8 px (Chromium's 10 px sans-serif here: "…" 10 px, digits 6.4 px; with 5.8 for both,
 * "High margin, slo…" was estimated 84 px, drawn 92 px, and lost its first letter).
 */
export function labelWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 || ch === '…') w += 10;
    else if (/[A-Z@%mwMW]/.test(ch)) w += 7;
    else if (/[0-9]/.test(ch)) w += 6.4;
    else if (/[il.,:;'|!() ]/.test(ch)) w += 3;
    else w += 5.8;
  }
  return w;
}

/** The longest start of `s` (with "…") that fits `px` by labelWidth; `s` itself when it fits. */
export function shortenToWidth(s: string, px: number): string {
  if (labelWidth(s) <= px) return s;
  const chars = [...s];
  while (chars.length > 1 && labelWidth(chars.join('') + '…') > px) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
