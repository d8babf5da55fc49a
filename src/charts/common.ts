/** Options every chart takes: size, accessible label, the DOM document (tests pass jsdom's). */
export interface ChartBase {
  width: number;
  height?: number;
  ariaLabel: string;
  document?: Document;
}

/** Make a chart clickable: Plot puts the datum under the pointer in `value` (with a tip mark). */
export function onPick<T>(chart: Element, pick: ((d: T) => void) | undefined): void {
  if (!pick) return;
  chart.addEventListener('click', () => {
    const v = (chart as unknown as { value?: T | null }).value;
    if (v) pick(v);
  });
  (chart as HTMLElement).style.cursor = 'pointer';
}

/** Shorten a label for an axis (full text stays in the tooltip). */
export function shorten(s: string, max = 14): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
