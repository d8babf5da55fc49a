import { commonNameSql } from './names';
import { sharedRows } from '../engine/sharing';
import type { Engine } from '../engine/types';
import { sqlIdent, sqlNumber } from '../engine/sql';
import { EPS, periodSalesSql, resolvePeriod, sig12Sql, type Period } from './common';
import type { Filters, Measure, Params } from './params';

/** What is ranked: customers, products, or any sales dimension. */
export type ParetoEntity =
  'customer' | 'product' | 'category' | 'region' | 'channel' | 'sales_rep' | 'customer_type';
/** ABC class. */
export type AbcClass = 'A' | 'B' | 'C';

/** Inputs of the Pareto analysis (analytics.md §2). */
export interface ParetoParams {
  /** Resolved analysis period. */
  period: Period;
  /** Sales-row filters. */
  filters: Filters;
  /** Entity ranked (default customer). */
  entity: ParetoEntity;
  /** Measure summed per entity (default revenue). */
  measure: Measure;
  /** Thresholds a (A/B) and b (B/C) on the cumulative share before the entity. */
  abc: { a: number; b: number };
}

/** One ranked entity. */
export interface ParetoRow {
  id: string;
  /** Display name (customer/product name when known, else the id). */
  label: string;
  /** v_i: the measure summed over the period (returns netted; may be ≤ 0). */
  value: number;
  /** max(v_i, 0) / P; null when P = 0. */
  share: number | null;
  /** Cumulative share before this entity; null when P = 0. */
  cumBefore: number | null;
  /** cum_before_i + share_i; null when P = 0. */
  cumShare: number | null;
  /** 1-based rank by value desc (compared at 12 significant digits), id asc. */
  rank: number;
  class: AbcClass;
}

/** Per-class summary. */
export interface ClassSummary {
  class: AbcClass;
  count: number;
  /** count / n (0 when n = 0). */
  countShare: number;
  /** Σ v_i of the class (net, may include values ≤ 0 in C). */
  value: number;
  /** Σ share_i of the class (shares of positive values; the three sum to 1 when P > 0). */
  valueShare: number | null;
}

/** A bar of the Pareto chart: one entity, or a run of consecutive ranks of one class. */
export interface ParetoBar {
  rankFrom: number;
  rankTo: number;
  /** Σ v of the entities in the bar. */
  value: number;
  /** Entities in the bar (1 unless the bar is a run of ranks). */
  entities: number;
  /** value / entities: what the bar's height shows, so a run is comparable with a single entity. */
  perEntity: number;
  /** Cumulative share after the last entity of the bar. */
  cumShare: number | null;
  class: AbcClass;
  /** Label of the single entity, or `#from–#to` for a run. */
  label: string;
}

/** Result of the Pareto analysis. */
export interface ParetoResult {
  params: ParetoParams;
  /** Entities in rank order. */
  rows: ParetoRow[];
  /** A, B, C in that order (classes with no entity have count 0). */
  classes: ClassSummary[];
  /** n: entities with at least one row in the period. */
  n: number;
  /** P = Σ max(v_i, 0). */
  total: number;
  /** Value share of the first ceil(0.2 n) entities; null when P = 0. */
  top20Share: number | null;
  /** Σ share_i²; null when P = 0. */
  hhi: number | null;
  /** Gini coefficient of the positive values; null when there are none. */
  gini: number | null;
  /** Rows whose entity key is empty (not ranked). */
  rowsWithoutEntity: number;
  /** Chart bars: one per entity up to `maxBars`, else runs of ranks. */
  bars: ParetoBar[];
}

const ENTITY_COLUMNS: Record<ParetoEntity, { id: string; label: string | null }> = {
  customer: { id: 'customer_id', label: 'customer_name' },
  product: { id: 'product_id', label: 'product_name' },
  category: { id: 'category', label: null },
  region: { id: 'region', label: null },
  channel: { id: 'channel', label: null },
  sales_rep: { id: 'sales_rep', label: null },
  customer_type: { id: 'customer_type', label: null },
};

/** SQL that ranks and classifies every entity (one row per entity, in rank order). */
export function buildParetoSql(p: ParetoParams): string {
  const col = ENTITY_COLUMNS[p.entity];
  const id = sqlIdent(col.id);
  // Customers by their first name in code-point order, products by the name most lines give
  // them (names.ts: product descriptions vary from line to line).
  const byCommonName = p.entity === 'product';
  const label = byCommonName
    ? 'NULL::VARCHAR'
    : col.label
      ? `coalesce(min(${sqlIdent(col.label)}), ${id})`
      : id;
  const a = sqlNumber(p.abc.a);
  const b = sqlNumber(p.abc.b);
  return `WITH base AS (${periodSalesSql(p.period, p.filters)}),
${byCommonName ? 'grouped' : 'entities'} AS (
  SELECT CAST(${id} AS VARCHAR) AS id,
         ${label} AS label,
         coalesce(sum(${sqlIdent(p.measure)}), 0) AS v
  FROM base
  WHERE ${id} IS NOT NULL
  GROUP BY ${id}
),${
    byCommonName && col.label
      ? `
entities AS (
  SELECT g.id, coalesce(n.name, g.id) AS label, g.v
  FROM grouped g LEFT JOIN (${commonNameSql('base', id, sqlIdent(col.label))}) n ON n.id = g.id
),`
      : ''
  }
-- v compared at 12 significant digits (§0): equal sums added in another order tie, then id.
ranked AS (
  SELECT *, greatest(v, 0) AS pv, row_number() OVER (ORDER BY ${sig12Sql('v')} DESC, id ASC) AS rank
  FROM entities
),
totals AS (
  SELECT coalesce(sum(pv), 0) AS p FROM ranked
),
cumulated AS (
  SELECT r.*, coalesce(sum(pv) OVER (ORDER BY rank ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before_abs
  FROM ranked r
),
scored AS (
  SELECT c.id, c.label, c.v AS value, c.rank,
         CASE WHEN t.p > 0 THEN c.pv / t.p END AS share,
         CASE WHEN t.p > 0 THEN c.before_abs / t.p END AS cum_before,
         t.p
  FROM cumulated c, totals t
)
SELECT id, label, value, share, cum_before, cum_before + share AS cum_share, rank,
       CASE
         WHEN p <= 0 OR value <= ${EPS} THEN 'C'
         WHEN cum_before < ${a} - ${EPS} THEN 'A'
         WHEN cum_before < ${b} - ${EPS} THEN 'B'
         ELSE 'C'
       END AS class
FROM scored
ORDER BY rank`;
}

/** SQL counting period rows that have no entity key. */
function missingEntitySql(p: ParetoParams): string {
  const id = sqlIdent(ENTITY_COLUMNS[p.entity].id);
  return `SELECT count(*) AS n FROM (${periodSalesSql(p.period, p.filters)}) WHERE ${id} IS NULL`;
}

/**
 * How concentrated the ranked rows are: per-class counts and shares, the top 20 %'s share, HHI,
 * Gini and the bars (pure).
 */
export function concentration(
  rows: ParetoRow[],
  maxBars = 400,
): Omit<ParetoResult, 'params' | 'rows' | 'rowsWithoutEntity'> {
  const n = rows.length;
  const total = rows.reduce((s, r) => s + Math.max(r.value, 0), 0);
  const classes: ClassSummary[] = (['A', 'B', 'C'] as const).map((c) => {
    const members = rows.filter((r) => r.class === c);
    return {
      class: c,
      count: members.length,
      countShare: n ? members.length / n : 0,
      value: members.reduce((s, r) => s + r.value, 0),
      valueShare: total > 0 ? members.reduce((s, r) => s + (r.share ?? 0), 0) : null,
    };
  });
  const k = Math.ceil(0.2 * n);
  const top20Share = total > 0 ? rows.slice(0, k).reduce((s, r) => s + (r.share ?? 0), 0) : null;
  const hhi = total > 0 ? rows.reduce((s, r) => s + (r.share ?? 0) ** 2, 0) : null;
  return {
    n,
    total,
    classes,
    top20Share,
    hhi,
    gini: gini(rows.map((r) => r.value).filter((v) => v > 0)),
    bars: bars(rows, maxBars),
  };
}

/** Gini coefficient G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄), via the sorted form. */
export function gini(values: number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const sum = x.reduce((s, v) => s + v, 0);
  if (sum <= 0) return null;
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n − 1) x_(i) for ascending x, i = 1..n.
  let acc = 0;
  for (let i = 0; i < n; i++) acc += (2 * (i + 1) - n - 1) * x[i];
  return (2 * acc) / (2 * n * sum);
}

/** Chart bars: one per entity up to `maxBars`, else runs of ranks that never straddle a class. */
export function bars(rows: ParetoRow[], maxBars = 400): ParetoBar[] {
  if (rows.length <= maxBars) {
    return rows.map((r) => ({
      rankFrom: r.rank,
      rankTo: r.rank,
      value: r.value,
      entities: 1,
      perEntity: r.value,
      cumShare: r.cumShare,
      class: r.class,
      label: r.label,
    }));
  }
  // Runs of equal rank width that never straddle a class boundary, so bar colours stay true.
  const width = Math.ceil(rows.length / maxBars);
  const out: ParetoBar[] = [];
  let cur: ParetoBar | null = null;
  for (const r of rows) {
    if (!cur || cur.class !== r.class || r.rank - cur.rankFrom >= width) {
      if (cur) out.push(cur);
      cur = {
        rankFrom: r.rank,
        rankTo: r.rank,
        value: 0,
        entities: 0,
        perEntity: 0,
        cumShare: null,
        class: r.class,
        label: '',
      };
    }
    cur.rankTo = r.rank;
    cur.value += r.value;
    cur.entities++;
    cur.cumShare = r.cumShare;
  }
  if (cur) out.push(cur);
  for (const b of out) {
    b.perEntity = b.value / b.entities;
    b.label = b.rankFrom === b.rankTo ? rows[b.rankFrom - 1].label : `#${b.rankFrom}–${b.rankTo}`;
  }
  return out;
}

/** Defaults for the Pareto-specific inputs, taken from the shared params object. */
export function paretoParams(
  params: Params,
  period: Period,
  entity: ParetoEntity = 'customer',
): ParetoParams {
  return { period, filters: params.filters, entity, measure: params.measure, abc: params.abc };
}

/** Run the Pareto analysis. Returns null when there is no sales data at all. */
export async function runPareto(
  db: Engine,
  params: Params,
  entity: ParetoEntity = 'customer',
): Promise<ParetoResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runParetoFor(db, paretoParams(params, period, entity));
}

/**
 * Run the Pareto analysis for fully resolved inputs. `shared`: in a run of the result files,
 * keep or read the ranking for another analysis of the run (the period's customers: ABC and ABC
 * migration; engine/sharing.ts).
 */
export async function runParetoFor(db: Engine, p: ParetoParams, shared = false): Promise<ParetoResult> {
  const sql = buildParetoSql(p);
  type Raw = {
    id: string;
    label: string;
    value: number;
    share: number | null;
    cum_before: number | null;
    cum_share: number | null;
    rank: number;
    class: AbcClass;
  };
  const raw = shared ? await sharedRows<Raw>(db, sql) : await db.rows<Raw>(sql);
  const rows: ParetoRow[] = raw.map((r) => ({
    id: r.id,
    label: r.label ?? r.id,
    value: r.value,
    share: r.share,
    cumBefore: r.cum_before,
    cumShare: r.cum_share,
    rank: r.rank,
    class: r.class,
  }));
  const [missing] = await db.rows<{ n: number }>(missingEntitySql(p));
  return { params: p, rows, rowsWithoutEntity: missing.n, ...concentration(rows) };
}
