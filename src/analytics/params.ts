/**
 * The one parameter object of analytics.md / outputs.md. The CLI reads it with --params, the URL
 * carries it, summary.json echoes it. Every key is optional; defaults are the spec's.
 */
import { defaultStandard, KEY_ACCOUNT_FACTORS, type Standard } from './key-account-factors';

/** Filter dimensions that apply to sales rows before any analysis. */
export const FILTER_KEYS = ['region', 'channel', 'category', 'customer_type', 'sales_rep'] as const;
/** One filter dimension. */
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Selected values per dimension; an empty list means no filter. */
export type Filters = Record<FilterKey, string[]>;

/** The measure Pareto and rankings use. */
export type Measure = 'revenue' | 'gross_profit' | 'quantity';

/** Every parameter of the spec, fully resolved (defaults applied). */
export interface Params {
  /** First day of the analysis period (its month start is used); null = spec default (12 months to T). */
  period_start: string | null;
  /** As-of date T; null = max(order_date). */
  as_of: string | null;
  /** Measure for Pareto/ABC (revenue, gross_profit, quantity). */
  measure: Measure;
  /** Row filters. */
  filters: Filters;
  /** ABC thresholds on cumulative share before the entity. */
  abc: { a: number; b: number };
  /** Turnover sales basis; 'auto' picks per analytics.md §4. */
  turnover: { basis: 'auto' | 'quantity' | 'value' | 'revenue' };
  /** Lifecycle rule parameters (§5). */
  lifecycle: {
    window_months: number;
    lost_months: number;
    new_months: number;
    growth_threshold: number;
    decline_threshold: number;
    overdue_days: number;
  };
  /** KPI scorecard parameters (§6). */
  kpi: {
    weights: [number, number, number, number];
    /** Scoring period: `analysis` (the analysis period), a year `2025` or a quarter `2025-Q3`. */
    period: string;
    /** Period the tiers are compared with: `previous` (same length, just before), `none`, a year or a quarter. */
    compare: string;
    /** Score each customer × category (分品种) instead of each customer. */
    by_category: boolean;
    tier_share: number;
    missed_months_limit: number;
    credit_b: number;
    credit_c: number;
  };
  /** RFM window (§7). */
  rfm: { window_months: number };
  /** Receivables warning line (§9): outstanding ÷ base against a share; base null = trailing-12-month revenue. */
  receivables: { warning_share: number; base: number | null };
  /**
   * ABC migration (§13): the earlier period — `previous` (same length, just before), `year_ago`,
   * a year `2025` or a quarter `2025-Q3`.
   */
  migration: { compare: string };
  /** Value forecast (§10): horizon h in weeks; holdout weeks for the holdout check (0 = none). */
  forecast: { horizon_weeks: number; holdout_weeks: number };
  /**
   * Customer satisfaction (§12): the company index weighted by the customers' revenue in the
   * period (else their plain mean); "at risk" = index below `at_risk_index` or fallen by
   * `at_risk_drop` points or more since the previous wave (0–100 points).
   */
  satisfaction: { weight_by_revenue: boolean; at_risk_index: number; at_risk_drop: number };
  /**
   * Key accounts (§11): the company's rating standard (`[factor, weight]` pairs, weights sum to
   * 100) and its tiers — by share of the ranked customers (`strategic_share`, then `key_share`)
   * or by score (`strategic_score`, `key_score`, 0–100).
   */
  key_accounts: {
    factors: Standard;
    mode: 'share' | 'threshold';
    strategic_share: number;
    key_share: number;
    strategic_score: number;
    key_score: number;
  };
}

/** The spec's defaults. */
export function defaultParams(): Params {
  return {
    period_start: null,
    as_of: null,
    measure: 'revenue',
    filters: { region: [], channel: [], category: [], customer_type: [], sales_rep: [] },
    abc: { a: 0.8, b: 0.95 },
    turnover: { basis: 'auto' },
    lifecycle: {
      window_months: 3,
      lost_months: 6,
      new_months: 3,
      growth_threshold: 0.2,
      decline_threshold: -0.2,
      overdue_days: 90,
    },
    kpi: {
      weights: [30, 30, 20, 20],
      period: 'analysis',
      compare: 'previous',
      by_category: false,
      tier_share: 0.2,
      missed_months_limit: 3,
      credit_b: 1.0,
      credit_c: 0.25,
    },
    rfm: { window_months: 12 },
    receivables: { warning_share: 0.2, base: null },
    migration: { compare: 'previous' },
    forecast: { horizon_weeks: 52, holdout_weeks: 0 },
    satisfaction: { weight_by_revenue: false, at_risk_index: 60, at_risk_drop: 10 },
    key_accounts: {
      factors: defaultStandard(),
      mode: 'share',
      strategic_share: 0.05,
      key_share: 0.15,
      strategic_score: 80,
      key_score: 60,
    },
  };
}

/** A bad parameter: names the key path and what is wrong with it. */
export class ParamError extends Error {
  /** Dotted key path, e.g. `kpi.weights`. */
  readonly key: string;
  constructor(key: string, message: string) {
    super(`${key}: ${message}`);
    this.name = 'ParamError';
    this.key = key;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

type Check = (v: unknown, key: string) => unknown;

/** Limits of a numeric parameter: validation, the parameters panel and the CLI all use these. */
export interface NumberLimits {
  min: number;
  max: number;
  integer: boolean;
}

type NumberCheck = Check & { limits: NumberLimits };

const number = (min = -Infinity, max = Infinity, integer = false): NumberCheck =>
  Object.assign(
    (v: unknown, key: string) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParamError(key, 'must be a number');
      if (integer && !Number.isInteger(v)) throw new ParamError(key, 'must be a whole number');
      if (v < min || v > max) throw new ParamError(key, `must be between ${min} and ${max}`);
      return v;
    },
    { limits: { min, max, integer } },
  );

const oneOf =
  (...values: string[]): Check =>
  (v, key) => {
    if (typeof v !== 'string' || !values.includes(v))
      throw new ParamError(key, `must be one of ${values.join(', ')}`);
    return v;
  };

const periodSpec =
  (...words: string[]): Check =>
  (v, key) => {
    if (typeof v !== 'string' || !(words.includes(v) || /^\d{4}$/.test(v) || /^\d{4}-Q[1-4]$/.test(v)))
      throw new ParamError(key, `must be ${words.join(', ')}, a year (2025) or a quarter (2025-Q3)`);
    return v;
  };

const boolean: Check = (v, key) => {
  if (typeof v !== 'boolean') throw new ParamError(key, 'must be true or false');
  return v;
};

const dateOrNull: Check = (v, key) => {
  if (v === null) return null;
  if (typeof v !== 'string' || !isCalendarDate(v)) throw new ParamError(key, 'must be a date YYYY-MM-DD');
  return v;
};

const stringList: Check = (v, key) => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new ParamError(key, 'must be a list of strings');
  return [...v];
};

const weights: Check = (v, key) => {
  if (!Array.isArray(v) || v.length !== 4) throw new ParamError(key, 'must be a list of 4 numbers');
  v.forEach((x, i) => number(0, 100)(x, `${key}[${i}]`));
  const sum = (v as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-9) throw new ParamError(key, `must sum to 100 (they sum to ${sum})`);
  return [...v];
};

/**
 * A key-account standard: a non-empty list of `[factor, weight]` pairs, each factor of the §11
 * catalogue at most once, weights 0–100 summing to 100 (the UI refuses other sums too).
 */
const standard: Check = (v, key) => {
  if (!Array.isArray(v) || v.length === 0)
    throw new ParamError(key, 'must be a non-empty list of [factor, weight] pairs');
  const seen = new Set<string>();
  const out = v.map((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new ParamError(`${key}[${i}]`, 'must be a [factor, weight] pair');
    const [factor, weight] = pair as unknown[];
    if (typeof factor !== 'string' || !(KEY_ACCOUNT_FACTORS as readonly string[]).includes(factor))
      throw new ParamError(`${key}[${i}]`, `factor must be one of ${KEY_ACCOUNT_FACTORS.join(', ')}`);
    if (seen.has(factor)) throw new ParamError(`${key}[${i}]`, `factor ${factor} is listed twice`);
    seen.add(factor);
    number(0, 100)(weight, `${key}[${i}]`);
    return [factor, weight];
  });
  const sum = out.reduce((a, p) => a + (p[1] as number), 0);
  if (Math.abs(sum - 100) > 1e-9) throw new ParamError(key, `weights must sum to 100 (they sum to ${sum})`);
  return out;
};

/** Shape of the parameter object: a check per leaf, nested objects for groups. */
const SCHEMA: Record<string, Check | Record<string, Check>> = {
  period_start: dateOrNull,
  as_of: dateOrNull,
  measure: oneOf('revenue', 'gross_profit', 'quantity'),
  filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, stringList])),
  abc: { a: number(0, 1), b: number(0, 1) },
  turnover: { basis: oneOf('auto', 'quantity', 'value', 'revenue') },
  lifecycle: {
    window_months: number(1, 60, true),
    lost_months: number(1, 120, true),
    new_months: number(0, 120, true),
    growth_threshold: number(-10, 10),
    decline_threshold: number(-10, 10),
    overdue_days: number(0, 100000),
  },
  kpi: {
    weights,
    period: periodSpec('analysis'),
    compare: periodSpec('previous', 'none'),
    by_category: boolean,
    tier_share: number(0, 0.5),
    missed_months_limit: number(1, 120, true),
    credit_b: number(0, 1000),
    credit_c: number(0, 1000),
  },
  rfm: { window_months: number(1, 120, true) },
  receivables: {
    warning_share: number(0, 100),
    base: (v, key) => (v === null ? null : number(0, Number.MAX_VALUE)(v, key)),
  },
  migration: { compare: periodSpec('previous', 'year_ago') },
  forecast: { horizon_weeks: number(1, 520, true), holdout_weeks: number(0, 520, true) },
  satisfaction: { weight_by_revenue: boolean, at_risk_index: number(0, 100), at_risk_drop: number(0, 100) },
  key_accounts: {
    factors: standard,
    mode: oneOf('share', 'threshold'),
    strategic_share: number(0, 1),
    key_share: number(0, 1),
    strategic_score: number(0, 100),
    key_score: number(0, 100),
  },
};

/**
 * Validate a partial parameter object (from JSON, the URL or the UI) and fill in the defaults.
 * An unknown key or a bad value throws a ParamError naming the key.
 */
export function resolveParams(input: unknown): Params {
  const out = defaultParams() as unknown as Record<string, unknown>;
  if (input === undefined || input === null) return out as unknown as Params;
  if (!isObject(input)) throw new ParamError('(root)', 'must be a JSON object');
  for (const [key, value] of Object.entries(input)) {
    const check = SCHEMA[key];
    if (!check) throw new ParamError(key, 'unknown parameter');
    if (typeof check === 'function') {
      out[key] = check(value, key);
      continue;
    }
    if (!isObject(value)) throw new ParamError(key, 'must be an object');
    const group = { ...(out[key] as Record<string, unknown>) };
    for (const [sub, subValue] of Object.entries(value)) {
      const subCheck = check[sub];
      if (!subCheck) throw new ParamError(`${key}.${sub}`, 'unknown parameter');
      group[sub] = subCheck(subValue, `${key}.${sub}`);
    }
    out[key] = group;
  }
  const p = out as unknown as Params;
  if (p.abc.a > p.abc.b) throw new ParamError('abc', 'a must not exceed b');
  if (p.lifecycle.decline_threshold > p.lifecycle.growth_threshold)
    throw new ParamError('lifecycle', 'decline_threshold must not exceed growth_threshold');
  if (p.period_start && p.as_of && p.period_start > p.as_of)
    throw new ParamError('period_start', 'is after as_of');
  const ka = p.key_accounts;
  if (ka.strategic_share + ka.key_share > 1 + 1e-9)
    throw new ParamError('key_accounts', 'strategic_share + key_share must not exceed 1');
  if (ka.key_score > ka.strategic_score)
    throw new ParamError('key_accounts', 'key_score must not exceed strategic_score');
  return p;
}

/** The parameters that differ from the defaults (what a URL or params.json needs to carry). */
export function diffParams(p: Params): Record<string, unknown> {
  const d = defaultParams() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p)) {
    const def = d[key];
    if (isObject(value) && isObject(def)) {
      const sub: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value))
        if (JSON.stringify(v) !== JSON.stringify(def[k])) sub[k] = v;
      if (Object.keys(sub).length) out[key] = sub;
    } else if (JSON.stringify(value) !== JSON.stringify(def)) out[key] = value;
  }
  return out;
}

/** The limits of the numeric parameter `group.key` (null when it is not a plain number). */
export function paramLimits(group: string, key: string): NumberLimits | null {
  const g = SCHEMA[group];
  const check = typeof g === 'function' ? undefined : g?.[key];
  return check && 'limits' in check ? (check as NumberCheck).limits : null;
}
