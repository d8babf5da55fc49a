/**
 * What the Forecast page, the Lifecycle page and the customer panel read off a forecast
 * (docs/analytics.md §10, "Readings on screen"): the P(alive) distribution, the at-risk list, the
 * recency × frequency grid, the holdout verdict and the models in plain words. Pure; every figure
 * is computed here once, the components only format it.
 */
import type { ForecastModel, ForecastRow, HoldoutResult } from './forecast';

/** Width of a bin of the P(alive) distribution (ten bins, the last one closed: [0.9, 1]). */
export const P_ALIVE_BIN = 0.1;

/** One bin of the P(alive) distribution: customers with `from ≤ P(alive) < to` (the last bin includes 1). */
export interface PAliveBin {
  from: number;
  to: number;
  customers: number;
}

/**
 * The P(alive) distribution of the customers who bought again (x > 0). Customers who bought once
 * are left out and counted apart: the model gives them P(alive) = 1 (it has seen no purchase after
 * which they could have dropped out), which would only pile up in the last bin.
 */
export function pAliveDistribution(rows: readonly ForecastRow[]): { bins: PAliveBin[]; oneTime: number } {
  const counts = Array<number>(10).fill(0);
  let oneTime = 0;
  for (const r of rows) {
    if (r.pAlive === null) continue;
    if (r.frequency === 0) {
      oneTime++;
      continue;
    }
    // Round first so 0.3 (0.30000000000000004 or 0.29999999999999993) lands in the bin it names.
    counts[Math.min(9, Math.floor(Math.round(r.pAlive * 1e9) / 1e8))]++;
  }
  return {
    bins: counts.map((customers, i) => ({ from: i / 10, to: (i + 1) / 10, customers })),
    oneTime,
  };
}

/** The at-risk rule (docs/analytics.md §10): a past value in the top fifth and P(alive) below ½. */
export const AT_RISK = {
  /** P(alive) strictly below this. */
  pAliveBelow: 0.5,
  /** Past value at or above this quantile of all customers' past values. */
  pastValueQuantile: 0.8,
} as const;

/** The at-risk list: high past value, low P(alive) (seed 004's churn warning). */
export interface AtRisk {
  /** The past value a customer must reach (the 80th percentile, nearest rank). */
  pastValueFloor: number;
  /** Customers at risk, by past value descending (then customer id). */
  rows: ForecastRow[];
  /** Their past value in all. */
  pastValue: number;
}

/**
 * Customers who bought again (x > 0), whose past value is at least the 80th percentile of every
 * customer's past value (nearest rank: the value of the ⌈0.8·n⌉-th smallest) and whose P(alive)
 * is below 0.5. Null without a forecast.
 */
export function atRisk(rows: readonly ForecastRow[]): AtRisk | null {
  if (rows.length === 0 || rows.every((r) => r.pAlive === null)) return null;
  const values = rows.map((r) => r.pastValue).sort((a, b) => a - b);
  const floor = values[Math.max(0, Math.ceil(AT_RISK.pastValueQuantile * values.length) - 1)];
  const list = rows
    .filter(
      (r) => r.frequency > 0 && r.pAlive !== null && r.pAlive < AT_RISK.pAliveBelow && r.pastValue >= floor,
    )
    .sort((a, b) =>
      a.pastValue !== b.pastValue
        ? b.pastValue - a.pastValue
        : a.customerId < b.customerId
          ? -1
          : a.customerId > b.customerId
            ? 1
            : 0,
    );
  return { pastValueFloor: floor, rows: list, pastValue: list.reduce((s, r) => s + r.pastValue, 0) };
}

/** Weeks since the last purchase day (T_c − t_x), bucketed: lower bounds in weeks, the last open. */
export const RECENCY_WEEKS = [0, 4, 13, 26, 52, 104] as const;
/** Purchase days after the first (x), bucketed: lower bounds, the last open. */
export const FREQUENCY_FROM = [0, 1, 2, 3, 5, 10, 20] as const;

/** One cell of the recency × frequency grid. */
export interface GridCell {
  /** Index into RECENCY_WEEKS and FREQUENCY_FROM. */
  recency: number;
  frequency: number;
  customers: number;
  meanPAlive: number;
}

const bucket = (bounds: readonly number[], v: number) => {
  let i = 0;
  while (i + 1 < bounds.length && v >= bounds[i + 1] - 1e-9) i++;
  return i;
};

/** Weeks since a customer's last purchase day, as of T. */
export function weeksSinceLast(r: ForecastRow): number {
  return r.ageWeeks - r.recencyWeeks;
}

/** Mean P(alive) per (weeks since the last purchase, purchase days after the first); only cells with customers. */
export function recencyFrequencyGrid(rows: readonly ForecastRow[]): GridCell[] {
  const cells = new Map<string, GridCell>();
  for (const r of rows) {
    if (r.pAlive === null) continue;
    const recency = bucket(RECENCY_WEEKS, weeksSinceLast(r));
    const frequency = bucket(FREQUENCY_FROM, r.frequency);
    const key = `${recency}|${frequency}`;
    const c = cells.get(key) ?? { recency, frequency, customers: 0, meanPAlive: 0 };
    c.customers++;
    c.meanPAlive += r.pAlive;
    cells.set(key, c);
  }
  return [...cells.values()]
    .map((c) => ({ ...c, meanPAlive: c.meanPAlive / c.customers }))
    .sort((a, b) => a.frequency - b.frequency || a.recency - b.recency);
}

/**
 * Verdict thresholds of the holdout check (docs/analytics.md §10): the total predicted purchase
 * days within 15 % of the actual ones is good, within 30 % fair, further off poor.
 */
export const VERDICT = { good: 0.15, fair: 0.3 } as const;

/** How the holdout check came out. */
export type HoldoutVerdict =
  /** The calibration data gave no forecast (the reason is the holdout's). */
  | { kind: 'no_model' }
  /** Nobody bought in the holdout weeks: no relative error to judge. */
  | { kind: 'no_actual' }
  /** predicted / actual − 1 (negative: the forecast was under) and its grade. */
  | { kind: 'graded'; error: number; grade: 'good' | 'fair' | 'poor' };

/** Grade the holdout check on the total purchase days (the per-bucket figures are drawn beside it). */
export function holdoutVerdict(h: HoldoutResult): HoldoutVerdict {
  if (h.predicted === null) return { kind: 'no_model' };
  if (h.actual === 0) return { kind: 'no_actual' };
  const error = h.predicted / h.actual - 1;
  // A threshold hit exactly (130 vs 100 computes as 0.30000000000000004) counts as within it.
  const off = Math.abs(error) - 1e-9;
  return {
    kind: 'graded',
    error,
    grade: off <= VERDICT.good ? 'good' : off <= VERDICT.fair ? 'fair' : 'poor',
  };
}

/** The models in plain words (population figures implied by the fitted parameters). */
export interface ModelReading {
  /** α / r: weeks between purchase days of an average active customer (1 / mean of the rate r/α). */
  weeksBetween: number;
  /** a / (a + b): mean probability of dropping out after a purchase day. */
  dropOut: number;
  /** p·γ / (q − 1): mean value of a purchase day in the population; null when q ≤ 1 (no finite mean). */
  meanValue: number | null;
  /** On-bound parameters by model (names of §10). */
  bgnbdOnBound: string[];
  gammaGammaOnBound: string[];
}

/** Read the fitted parameters as population figures. */
export function modelReading(m: ForecastModel): ModelReading {
  const { r, alpha, a, b } = m.bgnbd;
  const { p, q, gamma } = m.gammaGamma;
  return {
    weeksBetween: alpha / r,
    dropOut: a / (a + b),
    meanValue: q > 1 ? (p * gamma) / (q - 1) : null,
    bgnbdOnBound: m.onBound.filter((n) => ['r', 'alpha', 'a', 'b'].includes(n)),
    gammaGammaOnBound: m.onBound.filter((n) => ['p', 'q', 'gamma'].includes(n)),
  };
}

/** Mean P(alive) of a group of customers. */
export interface GroupPAlive {
  group: string;
  /** Customers of the group with a P(alive). */
  customers: number;
  meanPAlive: number;
}

/**
 * Whether mean P(alive) tells groups apart at all: not when every group is at 99 % or more (the
 * purchase model sees almost no drop-out, as on Superstore), and the page then says so.
 */
export function pAliveSeparates(groups: readonly { meanPAlive: number }[]): boolean {
  return groups.some((g) => g.meanPAlive < 0.99);
}

/**
 * Mean P(alive) per group (e.g. lifecycle stage), in the order of `groups`; customers without a
 * group or a P(alive) are left out, and groups without customers are not listed.
 */
export function meanPAliveBy(
  rows: readonly ForecastRow[],
  groupOf: ReadonlyMap<string, string>,
  groups: readonly string[],
): GroupPAlive[] {
  const sums = new Map<string, { n: number; s: number }>();
  for (const r of rows) {
    const g = groupOf.get(r.customerId);
    if (g === undefined || r.pAlive === null) continue;
    const t = sums.get(g) ?? { n: 0, s: 0 };
    t.n++;
    t.s += r.pAlive;
    sums.set(g, t);
  }
  return groups.flatMap((group) => {
    const t = sums.get(group);
    return t ? [{ group, customers: t.n, meanPAlive: t.s / t.n }] : [];
  });
}

/**
 * Holdout weeks the Forecast page offers to check with: a quarter of a year twice (26 weeks), or a
 * third of the longest customer history when that is shorter, so the calibration keeps two thirds.
 */
export function suggestedHoldoutWeeks(rows: readonly ForecastRow[]): number {
  const longest = rows.reduce((m, r) => Math.max(m, r.ageWeeks), 0);
  return Math.max(1, Math.min(26, Math.floor(longest / 3)));
}
