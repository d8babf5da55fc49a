/**
 * Period presets of the filter bar: pure functions from the data's first and last
 * order dates (and, for "same period last year", the period in force) to the two parameters that
 * set the period, `period_start` and `as_of`. T is never after the data's last order date: a
 * later T would count days without data as days without sales (recency, active customers).
 */
import { addMonths, comparisonEnd, monthEnd } from './common';

/** The presets, in the order the filter bar offers them. */
export const PERIOD_PRESETS = ['whole', 'last12', 'ytd', 'lastQuarter', 'lastYear'] as const;
/** One period preset. */
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The period parameters a preset sets (null: the spec's default, analytics.md §0). */
export interface PeriodChoice {
  period_start: string | null;
  as_of: string | null;
}

/** What a preset is computed from. */
export interface PresetInput {
  /** First order date of the whole sales table, `YYYY-MM-DD`. */
  dataStart: string;
  /** Last order date of the whole sales table, `YYYY-MM-DD` (the latest T a preset gives). */
  dataEnd: string;
  /** The period in force (`start`, `asOf`), for "same period last year". */
  current: { start: string; asOf: string };
}

/** First day of the month of `date`. */
const monthStart = (date: string) => addMonths(date, 0);

/** The later of two `YYYY-MM-DD` dates. */
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The last calendar quarter the data covers to its end: the quarter of `dataEnd` when the data
 * reaches that quarter's last day, else the quarter before.
 */
export function lastCompleteQuarter(dataEnd: string): { start: string; end: string } {
  const [y, m] = dataEnd.split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  let start = `${String(y).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
  let end = monthEnd(addMonths(start, 2));
  if (dataEnd < end) {
    start = addMonths(start, -3);
    end = monthEnd(addMonths(start, 2));
  }
  return { start, end };
}

/**
 * The period a preset selects, or null when the data cannot give it (no complete quarter, or the
 * year-earlier period ends before the data starts):
 * - `whole`: from the data's first month to its last day;
 * - `last12`: the default, the 12 months ending on the data's last day (both parameters null);
 * - `ytd`: from 1 January of the data's last year (or its first month, if later) to its last day;
 * - `lastQuarter`: the last calendar quarter the data covers to its end;
 * - `lastYear`: the period in force, 12 months earlier (a month-end T stays a month end).
 */
export function presetPeriod(preset: PeriodPreset, input: PresetInput): PeriodChoice | null {
  const { dataStart, dataEnd, current } = input;
  const first = monthStart(dataStart);
  switch (preset) {
    case 'whole':
      return { period_start: first, as_of: dataEnd };
    case 'last12':
      return { period_start: null, as_of: null };
    case 'ytd':
      return { period_start: later(`${dataEnd.slice(0, 4)}-01-01`, first), as_of: dataEnd };
    case 'lastQuarter': {
      const q = lastCompleteQuarter(dataEnd);
      return q.end < dataStart ? null : { period_start: later(q.start, first), as_of: q.end };
    }
    case 'lastYear': {
      // The period in force, kept within the data first (a typed T may lie beyond it).
      const nowEnd = current.asOf > dataEnd ? dataEnd : current.asOf;
      const nowStart = current.start > nowEnd ? nowEnd : current.start;
      const asOf = comparisonEnd(nowEnd, 12);
      if (asOf < dataStart) return null;
      return { period_start: later(addMonths(nowStart, -12), first), as_of: asOf };
    }
  }
}

/**
 * Whether the period parameters are the ones a preset gives (the filter bar marks it pressed).
 * "Same period last year" moves from the period in force, so it is never "the current one".
 */
export function isPresetActive(
  preset: PeriodPreset,
  params: PeriodChoice,
  input: Omit<PresetInput, 'current'>,
): boolean {
  if (preset === 'lastYear') return false;
  const p = presetPeriod(preset, { ...input, current: { start: input.dataStart, asOf: input.dataEnd } });
  return !!p && p.period_start === params.period_start && p.as_of === params.as_of;
}

/** An As-of date the user typed, kept within the data: never after its last order date. */
export function clampAsOf(asOf: string, dataEnd: string | undefined): string {
  return dataEnd && asOf > dataEnd ? dataEnd : asOf;
}
