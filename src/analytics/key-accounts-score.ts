/**
 * Key-account scoring (analytics.md §11), pure: the factor values of a period are computed once
 * (key-accounts.ts, SQL); a change of the standard only re-runs this, in the page, without a query.
 */
import { compareCodePoints, EPS, roundHalfUp, sig12 } from './common';
import { averageRankScores } from './kpi-score';
import {
  FACTOR_DIRECTION,
  KEY_ACCOUNT_FACTORS,
  type KeyAccountFactor,
  type KeyTier,
} from './key-account-factors';
import type { Params } from './params';

/** Why a factor cannot be used for the whole dataset (machine key; the UI words it). */
export type FactorUnavailable =
  | 'no_cost'
  | 'no_quantity'
  | 'no_quantity_or_product'
  | 'previous_not_covered'
  | 'no_receivables'
  | 'no_receivables_snapshot'
  | 'no_cost_to_serve'
  | 'no_survey'
  | 'no_forecast'
  /** The forecast factors are computed only when the standard uses one (the page is computing it). */
  | 'not_computed'
  | 'all_null';

/**
 * The factor values of one period, column by column, for the customers with revenue > 0 in it
 * (sorted by id, code point). Plain data: computed once per period and filters, scored on every
 * change of the standard.
 */
export interface FactorTable {
  ids: string[];
  names: string[];
  revenue: number[];
  /** Customer master `scope` / `partnership` (null without the column or the customer). */
  scope: (string | null)[];
  partnership: (string | null)[];
  /** Each factor's values aligned with `ids` (null = not computable for that customer). */
  values: Record<KeyAccountFactor, (number | null)[]>;
  /** Null when the factor can be used; else why not. */
  unavailable: Record<KeyAccountFactor, FactorUnavailable | null>;
  /**
   * Each usable factor's §6 scores and the revenues at 12 significant digits, computed once
   * (`prepareFactorTable`): they do not depend on the standard, so a new standard only weighs,
   * sums and sorts. Computed on the fly when absent.
   */
  scores?: Partial<Record<KeyAccountFactor, number[]>>;
  revenueKeys?: number[];
}

/** A factor of the standard as applied: its weight as given and after rescaling (sum 100). */
export interface AppliedFactor {
  factor: KeyAccountFactor;
  given: number;
  weight: number;
}

/** A factor of the standard left out for the whole dataset. */
export interface DroppedFactor {
  factor: KeyAccountFactor;
  given: number;
  reason: FactorUnavailable;
}

/**
 * One ranked customer. What explains its score factor by factor (value, score, part) is read
 * with `valueOf`, `scoreOf` and `partOf` from the result's columns: 20 k customers × 6 factors of
 * small arrays on every change of the standard cost more in garbage collection than the scoring.
 */
export interface KeyAccountRow {
  customerId: string;
  name: string;
  revenue: number;
  scope: string | null;
  partnership: string | null;
  /** Its position in the factor table (the index into `columns`). */
  index: number;
  /** Σ w_i × s_i over the applied factors, 0–100. */
  score: number;
  rank: number;
  tier: KeyTier;
}

/** The standard applied to one period. */
export interface KeyAccountsScored {
  applied: AppliedFactor[];
  dropped: DroppedFactor[];
  mode: Params['key_accounts']['mode'];
  /** In rank order. */
  rows: KeyAccountRow[];
  tierCounts: Record<KeyTier, number>;
  /** Per applied factor (the order of `applied`): every customer's value and score s ∈ [0, 1], by `index`. */
  columns: { values: (number | null)[]; scores: number[] }[];
}

/** The value of applied factor `i` for a customer (the stage as its points). */
export const valueOf = (s: KeyAccountsScored, r: KeyAccountRow, i: number): number | null =>
  s.columns[i].values[r.index];
/** The score s ∈ [0, 1] of applied factor `i` for a customer. */
export const scoreOf = (s: KeyAccountsScored, r: KeyAccountRow, i: number): number =>
  s.columns[i].scores[r.index];
/** The points of applied factor `i` for a customer: weight × score (the parts sum to its score). */
export const partOf = (s: KeyAccountsScored, r: KeyAccountRow, i: number): number =>
  s.applied[i].weight * s.columns[i].scores[r.index];

/** Strategic and key tiers together: the key accounts. */
export const isKeyAccount = (t: KeyTier | null): boolean => t === 'strategic' || t === 'key';

/**
 * The factors of a standard that are used (rescaled to sum to 100, as §6 does) and those left
 * out. When every chosen factor is unavailable (or the available ones weigh 0) all weights are 0.
 */
export function applyWeights(
  standard: Params['key_accounts']['factors'],
  unavailable: FactorTable['unavailable'],
): { applied: AppliedFactor[]; dropped: DroppedFactor[] } {
  const applied: AppliedFactor[] = [];
  const dropped: DroppedFactor[] = [];
  for (const [factor, given] of standard) {
    const reason = unavailable[factor];
    if (reason) dropped.push({ factor, given, reason });
    else applied.push({ factor, given, weight: 0 });
  }
  const sum = applied.reduce((s, a) => s + a.given, 0);
  for (const a of applied) a.weight = sum > EPS ? (a.given * 100) / sum : 0;
  return { applied, dropped };
}

/**
 * Indices in the order of `scores` descending compared at 12 significant digits (§0), ties
 * broken by `tie`. The same order as sorting on `sig12(score)`, but sig12 (a decimal rounding,
 * microseconds each) is computed only for neighbours too close to tell apart without it: two
 * scores equal at 12 digits differ by at most a unit of their 12th digit (≤ 1e-11 × |score|),
 * and sig12 keeps the order of the raw values, so equal keys are neighbours in raw order.
 */
export function orderByScore(scores: number[], tie: (a: number, b: number) => number): number[] {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const same = (a: number, b: number) =>
    a === b ||
    ((Math.abs(a - b) <= 2e-11 * Math.max(Math.abs(a), Math.abs(b)) ||
      Math.max(Math.abs(a), Math.abs(b)) <= 2 * EPS) &&
      sig12(a) === sig12(b));
  const out: number[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i + 1;
    while (j < idx.length && same(scores[idx[j - 1]], scores[idx[j]])) j++;
    if (j - i === 1) out.push(idx[i]);
    else for (const k of idx.slice(i, j).sort(tie)) out.push(k);
    i = j;
  }
  return out;
}

/**
 * A factor's average-rank scores of §6 over the table's customers: ascending for "higher is
 * better", for "lower" the ranks of the negated values (the lowest value scores 1); null → 0.
 */
export function factorScores(table: FactorTable, factor: KeyAccountFactor): number[] {
  const done = table.scores?.[factor];
  if (done) return done;
  const v = table.values[factor];
  return averageRankScores(
    FACTOR_DIRECTION[factor] === 'higher' ? v : v.map((x) => (x === null ? null : -x)),
  );
}

/** Compute every usable factor's scores and the revenue keys once (the table is changed and returned). */
export function prepareFactorTable(table: FactorTable): FactorTable {
  const scores: Partial<Record<KeyAccountFactor, number[]>> = {};
  for (const f of KEY_ACCOUNT_FACTORS) if (!table.unavailable[f]) scores[f] = factorScores(table, f);
  table.scores = scores;
  table.revenueKeys = table.revenue.map(sig12);
  return table;
}

/**
 * Score, rank and tier every customer of the table (§11): per applied factor the average-rank
 * score of §6 (ascending for "higher is better", descending for "lower"; null → 0), the score
 * Σ w_i × s_i; order by score desc, revenue desc (both at 12 significant digits, §0), id; tiers
 * by share (`round_half_up`) or by score threshold (with §0's tolerance).
 */
export function scoreKeyAccounts(table: FactorTable, ka: Params['key_accounts']): KeyAccountsScored {
  const { applied, dropped } = applyWeights(ka.factors, table.unavailable);
  const n = table.ids.length;
  const s = applied.map(({ factor }) => factorScores(table, factor));
  const revenueKeys = table.revenueKeys ?? table.revenue.map(sig12);
  const rows: KeyAccountRow[] = new Array(n);
  for (let k = 0; k < n; k++) {
    // Parts added in the standard's order (the same double as summing the parts of partOf).
    let score = 0;
    for (let i = 0; i < applied.length; i++) score += applied[i].weight * s[i][k];
    rows[k] = {
      customerId: table.ids[k],
      name: table.names[k],
      revenue: table.revenue[k],
      scope: table.scope[k],
      partnership: table.partnership[k],
      index: k,
      score,
      rank: 0,
      tier: 'regular',
    };
  }
  const order = orderByScore(
    rows.map((r) => r.score),
    (a, b) => revenueKeys[b] - revenueKeys[a] || compareCodePoints(rows[a].customerId, rows[b].customerId),
  );
  const nStrategic = Math.min(n, roundHalfUp(ka.strategic_share * n));
  const nKey = Math.min(n - nStrategic, roundHalfUp(ka.key_share * n));
  const tierCounts: Record<KeyTier, number> = { strategic: 0, key: 0, regular: 0 };
  const out = order.map((k, i) => {
    const r = rows[k];
    r.rank = i + 1;
    if (ka.mode === 'share')
      r.tier = i < nStrategic ? 'strategic' : i < nStrategic + nKey ? 'key' : 'regular';
    else {
      const score = sig12(r.score);
      r.tier =
        score >= ka.strategic_score - EPS ? 'strategic' : score >= ka.key_score - EPS ? 'key' : 'regular';
    }
    tierCounts[r.tier]++;
    return r;
  });
  const columns = applied.map((a, i) => ({ values: table.values[a.factor], scores: s[i] }));
  return { applied, dropped, mode: ka.mode, rows: out, tierCounts, columns };
}

/** A customer whose key-account standing changed between two periods. */
export interface KeyAccountChange {
  customerId: string;
  name: string;
  /** Null: not ranked in that period (no revenue > 0 there). */
  tierBefore: KeyTier | null;
  tierNow: KeyTier | null;
  scoreBefore: number | null;
  scoreNow: number | null;
  revenueBefore: number | null;
  revenueNow: number | null;
}

/** Key accounts gained and lost since the previous period, and the tier matrix. */
export interface KeyAccountChanges {
  /** Key accounts now that were not before (new customers included), by rank now. */
  gained: KeyAccountChange[];
  /** Key accounts before that are not now (including customers not ranked now), by rank before. */
  lost: KeyAccountChange[];
  /** Tier before (`new` = not ranked) → tier now (`gone` = not ranked), non-empty cells only. */
  matrix: { from: KeyTier | 'new'; to: KeyTier | 'gone'; count: number }[];
}

/** Compare the tiers of two periods scored with the same standard. */
export function keyAccountChanges(now: KeyAccountsScored, before: KeyAccountsScored): KeyAccountChanges {
  const was = new Map(before.rows.map((r) => [r.customerId, r]));
  const is = new Map(now.rows.map((r) => [r.customerId, r]));
  const change = (id: string): KeyAccountChange => {
    const b = was.get(id);
    const a = is.get(id);
    return {
      customerId: id,
      name: a?.name ?? b?.name ?? id,
      tierBefore: b?.tier ?? null,
      tierNow: a?.tier ?? null,
      scoreBefore: b?.score ?? null,
      scoreNow: a?.score ?? null,
      revenueBefore: b?.revenue ?? null,
      revenueNow: a?.revenue ?? null,
    };
  };
  const gained = now.rows
    .filter((r) => isKeyAccount(r.tier) && !isKeyAccount(was.get(r.customerId)?.tier ?? null))
    .map((r) => change(r.customerId));
  const lost = before.rows
    .filter((r) => isKeyAccount(r.tier) && !isKeyAccount(is.get(r.customerId)?.tier ?? null))
    .map((r) => change(r.customerId));
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const r of now.rows) bump(`${was.get(r.customerId)?.tier ?? 'new'}>${r.tier}`);
  for (const r of before.rows) if (!is.has(r.customerId)) bump(`${r.tier}>gone`);
  const froms = ['strategic', 'key', 'regular', 'new'] as const;
  const tos = ['strategic', 'key', 'regular', 'gone'] as const;
  const matrix = froms.flatMap((from) =>
    tos.flatMap((to) => {
      const count = counts.get(`${from}>${to}`) ?? 0;
      return count ? [{ from, to, count }] : [];
    }),
  );
  return { gained, lost, matrix };
}

/** A factor table with no customers and every factor usable (tests, empty periods). */
export function emptyFactorTable(): FactorTable {
  const values = {} as FactorTable['values'];
  const unavailable = {} as FactorTable['unavailable'];
  for (const f of KEY_ACCOUNT_FACTORS) {
    values[f] = [];
    unavailable[f] = null;
  }
  return { ids: [], names: [], revenue: [], scope: [], partnership: [], values, unavailable };
}

/**
 * What carries the key accounts: the mean points of each applied factor over the strategic and
 * key accounts (all customers when there are none), in the standard's order.
 */
export function keyAccountCarry(s: KeyAccountsScored): { factor: KeyAccountFactor; points: number }[] {
  const keys = s.rows.filter((r) => isKeyAccount(r.tier));
  const over = keys.length ? keys : s.rows;
  return s.applied.map((a, i) => ({
    factor: a.factor,
    points: over.length ? over.reduce((t, r) => t + partOf(s, r, i), 0) / over.length : 0,
  }));
}
