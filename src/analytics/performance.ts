import { commonNameSql } from './names';
import type { Engine } from '../engine/types';
import { sqlDate, sqlIdent, sqlString } from '../engine/sql';
import {
  compareCodePoints,
  datasetCaps,
  EPS,
  filterSql,
  isoDate,
  marginRateSql,
  relativeChangeSql,
  resolvePeriod,
  shiftDate,
  sig12,
  sig12Sql,
  yearAgoRange,
  type Caps,
  type Period,
} from './common';
import type { Params } from './params';
import { planCustomersSql } from './plan-sql';

/** Entities §3 reports on. */
export type PerformanceEntity = 'customer' | 'product';
/** Time grain of the series. */
export type Grain = 'month' | 'quarter' | 'year';

/** One entity over the period. */
export interface PerformanceRow {
  id: string;
  label: string;
  revenue: number;
  quantity: number | null;
  grossProfit: number | null;
  /** gross profit / revenue; null when revenue ≤ 0 or cost unknown. */
  marginRate: number | null;
  /** revenue / total revenue of the period; null when the total ≤ 0. */
  share: number | null;
  /** By revenue desc, then id. */
  rank: number;
  /** Rank by margin rate desc (products: gross-margin ranking); null without a margin rate. */
  marginRank: number | null;
  /** Cumulative revenue share in rank order (composition). */
  cumShare: number | null;
  plan: number | null;
  /** actual / plan; null when plan ≤ 0 or no plan. */
  fulfilment: number | null;
  /** Revenue of the same range a year earlier; null when the data does not cover it (§1). */
  lastYear: number | null;
  /** (this − last) / last; null when last ≤ 0 or not covered. */
  yoy: number | null;
}

/** Company totals per bucket of the period. */
export interface PerformanceBucket {
  bucket: string;
  revenue: number;
  quantity: number | null;
  grossProfit: number | null;
  marginRate: number | null;
  plan: number | null;
  fulfilment: number | null;
  /** Revenue of the same bucket a year earlier; null when the data does not cover it (§1). */
  lastYear: number | null;
  yoy: number | null;
}

/** Result of §3 for one entity kind. */
export interface PerformanceResult {
  period: Period;
  entity: PerformanceEntity;
  grain: Grain;
  /** Plan measure compared with actuals (revenue when the plan has amounts, else quantity). */
  planBasis: 'revenue' | 'quantity' | null;
  /** Every entity of the period (empty when run with `rows: false`). */
  rows: PerformanceRow[];
  series: PerformanceBucket[];
  /** The whole period's totals; null for the trend-only run (`rows: false`), which shows none. */
  total: PerformanceBucket | null;
}

/**
 * The date a bucket is grouped by: the first day of its month, quarter or year. Rows are grouped
 * by this date and the label (BUCKET, which reads only the year and month) is written once per
 * group: formatting a label for every one of a million rows cost more than the grouping.
 */
const TRUNC: Record<Grain | 'total', (col: string) => string> = {
  total: () => "'total'",
  month: (c) => `CAST(date_trunc('month', ${c}) AS DATE)`,
  quarter: (c) => `CAST(date_trunc('quarter', ${c}) AS DATE)`,
  year: (c) => `CAST(date_trunc('year', ${c}) AS DATE)`,
};

const BUCKET: Record<Grain | 'total', (col: string) => string> = {
  total: () => "'total'",
  month: (c) => `strftime(${c}, '%Y-%m')`,
  quarter: (c) => `strftime(${c}, '%Y') || '-Q' || CAST(quarter(${c}) AS VARCHAR)`,
  year: (c) => `strftime(${c}, '%Y')`,
};

function planSql(
  entity: PerformanceEntity,
  basis: 'revenue' | 'quantity',
  start: string,
  asOf: string,
  params: Params,
): string {
  const col = basis === 'revenue' ? 'plan_revenue' : 'plan_quantity';
  const key = entity === 'customer' ? 'customer_id' : 'product_id';
  return `SELECT ${key} AS id, period, ${col} AS planned FROM plan
    WHERE period BETWEEN CAST(date_trunc('month', ${sqlDate(start)}) AS DATE) AND CAST(date_trunc('month', ${sqlDate(asOf)}) AS DATE)
      AND ${key} IS NOT NULL
      ${planCustomersSql('customer_id', params.filters)}`;
}

async function planBasis(
  db: Engine,
  caps: Caps,
  entity: PerformanceEntity,
): Promise<'revenue' | 'quantity' | null> {
  if (!caps.plan) return null;
  const [r] = await db.rows<{ r: number; q: number; p: number }>(
    'SELECT count(plan_revenue) AS r, count(plan_quantity) AS q, count(product_id) AS p FROM plan',
  );
  if (entity === 'product' && r.p === 0) return null;
  return r.r > 0 ? 'revenue' : r.q > 0 && caps.quantity ? 'quantity' : null;
}

/** SQL: every entity with rows in the period, with last year's revenue and the plan. */
export function buildPerformanceSql(o: {
  entity: PerformanceEntity;
  period: Period;
  params: Params;
  plan: 'revenue' | 'quantity' | null;
}): string {
  const key = sqlIdent(o.entity === 'customer' ? 'customer_id' : 'product_id');
  const label = sqlIdent(o.entity === 'customer' ? 'customer_name' : 'product_name');
  const f = filterSql(o.params.filters);
  const lyStart = shiftDate(o.period.start, -12);
  const lyEnd = shiftDate(o.period.asOf, -12);
  const actual = o.plan === 'quantity' ? 'quantity' : 'revenue';
  // Products by the name most of their lines give them (names.ts); customers by the first name.
  const byCommonName = o.entity === 'product';
  const inPeriod = `order_date BETWEEN ${sqlDate(o.period.start)} AND ${sqlDate(o.period.asOf)} AND ${key} IS NOT NULL AND ${f}`;
  const names = byCommonName
    ? `names AS (
  ${commonNameSql(`(SELECT ${key}, ${label} FROM sales WHERE ${inPeriod})`, key, label)}
),
`
    : '';
  return `WITH ${names}this_period AS (
  SELECT ${key} AS id, ${byCommonName ? 'NULL::VARCHAR' : `coalesce(min(${label}), ${key})`} AS label, sum(revenue) AS revenue, sum(quantity) AS quantity,
         sum(gross_profit) AS gross_profit, count(gross_profit) AS gp_rows, sum(${actual}) AS actual
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(o.period.start)} AND ${sqlDate(o.period.asOf)} AND ${key} IS NOT NULL AND ${f}
  GROUP BY ${key}
),
last_year AS (
  SELECT ${key} AS id, sum(revenue) AS revenue
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(lyStart)} AND ${sqlDate(lyEnd)} AND ${key} IS NOT NULL AND ${f}
  GROUP BY ${key}
),
plans AS (
  ${o.plan ? `SELECT id, sum(planned) AS planned FROM (${planSql(o.entity, o.plan, o.period.start, o.period.asOf, o.params)}) GROUP BY id` : 'SELECT NULL::VARCHAR AS id, NULL::DOUBLE AS planned WHERE FALSE'}
),
joined AS (
  SELECT t.*, coalesce(ly.revenue, 0) AS last_year, pl.planned,
         sum(t.revenue) OVER () AS total,
         row_number() OVER (ORDER BY ${sig12Sql('t.revenue')} DESC, t.id) AS rank
  FROM this_period t
  LEFT JOIN last_year ly USING (id)
  LEFT JOIN plans pl USING (id)
)
SELECT id, ${byCommonName ? 'coalesce(names.name, id) AS label' : 'label'}, revenue, quantity,
       CASE WHEN gp_rows > 0 THEN gross_profit END AS gross_profit,
       ${marginRateSql('gross_profit', 'revenue', 'gp_rows > 0')} AS margin_rate,
       CASE WHEN total > ${EPS} THEN revenue / total END AS share,
       CASE WHEN total > ${EPS} THEN sum(revenue) OVER (ORDER BY rank ROWS UNBOUNDED PRECEDING) / total END AS cum_share,
       rank, planned,
       CASE WHEN planned > ${EPS} THEN actual / planned END AS fulfilment,
       last_year,
       ${relativeChangeSql('revenue', 'last_year')} AS yoy
FROM joined${byCommonName ? ' LEFT JOIN names USING (id)' : ''}
ORDER BY rank`;
}

/** SQL: company totals per bucket, with last year's same bucket and the plan. */
export function buildSeriesSql(o: {
  grain: Grain | 'total';
  period: Period;
  params: Params;
  plan: 'revenue' | 'quantity' | null;
}): string {
  const f = filterSql(o.params.filters);
  const b = BUCKET[o.grain];
  const tr = TRUNC[o.grain];
  const actual = o.plan === 'quantity' ? 'quantity' : 'revenue';
  return `WITH this_period AS (
  SELECT ${b('k')} AS bucket, * EXCLUDE (k) FROM (
  SELECT ${tr('order_date')} AS k, sum(revenue) AS revenue, sum(quantity) AS quantity,
         sum(gross_profit) AS gross_profit, count(gross_profit) AS gp_rows, sum(${actual}) AS actual
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(o.period.start)} AND ${sqlDate(o.period.asOf)} AND ${f}
  GROUP BY ALL)
),
last_year AS (
  SELECT ${b('k')} AS bucket, revenue FROM (
  SELECT ${tr('CAST(order_date + INTERVAL 1 YEAR AS DATE)')} AS k, sum(revenue) AS revenue
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(shiftDate(o.period.start, -12))} AND ${sqlDate(shiftDate(o.period.asOf, -12))} AND ${f}
  GROUP BY ALL)
),
plans AS (
  ${o.plan ? `SELECT ${b('period')} AS bucket, sum(planned) AS planned FROM (${planSql('customer', o.plan, o.period.start, o.period.asOf, o.params)}) GROUP BY ALL` : 'SELECT NULL::VARCHAR AS bucket, NULL::DOUBLE AS planned WHERE FALSE'}
)
SELECT t.bucket, t.revenue, t.quantity,
       CASE WHEN t.gp_rows > 0 THEN t.gross_profit END AS gross_profit,
       ${marginRateSql('t.gross_profit', 't.revenue', 't.gp_rows > 0')} AS margin_rate,
       p.planned, CASE WHEN p.planned > ${EPS} THEN t.actual / p.planned END AS fulfilment,
       coalesce(ly.revenue, 0) AS last_year,
       ${relativeChangeSql('t.revenue', 'ly.revenue')} AS yoy
FROM this_period t
LEFT JOIN last_year ly USING (bucket)
LEFT JOIN plans p USING (bucket)
ORDER BY t.bucket`;
}

/** The rows of buildSeriesSql: from the scan, or from pre-aggregates (src/analytics/preagg.ts). */
export type SeriesRows = (
  db: Engine,
  o: Parameters<typeof buildSeriesSql>[0],
) => Promise<Record<string, string | number | null>[]>;

/** The series from a scan of the sales rows. */
export const scanSeries: SeriesRows = (db, o) =>
  db.rows<Record<string, string | number | null>>(buildSeriesSql(o));

/**
 * First day of a bucket's year-ago range: the bucket's first day (`2024-05`, `2024-Q2`, `2024`),
 * or the period's start when the period begins inside the bucket, shifted back 12 months.
 */
export function bucketYearAgoStart(key: string, periodStart: string): string {
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  const first = q
    ? `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`
    : key.length === 4
      ? `${key}-01-01`
      : `${key}-01`;
  return shiftDate(first > periodStart ? first : periodStart, -12);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Run §3 for customers or products. Null without sales data. */
export async function runPerformance(
  db: Engine,
  params: Params,
  o: {
    entity?: PerformanceEntity;
    grain?: Grain;
    rows?: boolean;
    /** The series' rows (buildSeriesSql's, from the scan by default; the page reads pre-aggregates). */
    seriesRows?: SeriesRows;
  } = {},
): Promise<PerformanceResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const caps = await datasetCaps(db);
  const entity = o.entity ?? 'customer';
  const grain = o.grain ?? 'month';
  const plan = await planBasis(db, caps, entity);
  // `rows: false` (the Overview's trend) skips the per-entity table: tens of thousands of rows nobody sees there.
  const raw =
    o.rows === false
      ? []
      : await db.rows<Record<string, string | number | null>>(
          buildPerformanceSql({ entity, period, params, plan }),
        );
  // A year earlier counts only where the data covers it (analytics.md §1): the whole period for
  // the table, each bucket's own year-ago range for the series.
  const yearAgo = yearAgoRange(period);
  const rows: PerformanceRow[] = raw.map((r) => ({
    id: String(r.id),
    label: String(r.label ?? r.id),
    revenue: Number(r.revenue),
    quantity: caps.quantity ? num(r.quantity) : null,
    grossProfit: num(r.gross_profit),
    marginRate: num(r.margin_rate),
    share: num(r.share),
    rank: Number(r.rank),
    marginRank: null,
    cumShare: num(r.cum_share),
    plan: num(r.planned),
    fulfilment: num(r.fulfilment),
    lastYear: yearAgo.covered ? Number(r.last_year) : null,
    yoy: yearAgo.covered ? num(r.yoy) : null,
  }));
  // Margin rate and revenue compared at 12 significant digits (analytics.md §0), keys rounded once.
  rows
    .filter((r) => r.marginRate !== null)
    .map((r) => ({ r, margin: sig12(r.marginRate!), revenue: sig12(r.revenue) }))
    .sort((a, b) => b.margin - a.margin || b.revenue - a.revenue || compareCodePoints(a.r.id, b.r.id))
    .forEach((k, i) => (k.r.marginRank = i + 1));
  const bucketCovered = (key: string) =>
    key === 'total' ? yearAgo.covered : bucketYearAgoStart(key, period.start) >= period.dataStart;
  const bucket = (r: Record<string, string | number | null>): PerformanceBucket => ({
    bucket: String(r.bucket),
    revenue: Number(r.revenue),
    quantity: caps.quantity ? num(r.quantity) : null,
    grossProfit: num(r.gross_profit),
    marginRate: num(r.margin_rate),
    plan: plan ? num(r.planned) : null,
    fulfilment: num(r.fulfilment),
    lastYear: bucketCovered(String(r.bucket)) ? Number(r.last_year) : null,
    yoy: bucketCovered(String(r.bucket)) ? num(r.yoy) : null,
  });
  const series = (await (o.seriesRows ?? scanSeries)(db, { grain, period, params, plan })).map(bucket);
  // The trend alone (`rows: false`) shows no total line: its statement is skipped.
  const [tot] =
    o.rows === false
      ? [null]
      : await db.rows<Record<string, string | number | null>>(
          buildSeriesSql({ grain: 'total', period, params, plan }),
        );
  return {
    period,
    entity,
    grain,
    planBasis: plan,
    rows,
    series,
    total: o.rows === false ? null : bucket(tot ?? { bucket: 'total', revenue: 0, last_year: 0 }),
  };
}

/** A customer's monthly timeline over all data (drill-down). */
export async function runCustomerTimeline(
  db: Engine,
  params: Params,
  customerId: string,
): Promise<
  {
    month: string;
    revenue: number;
    quantity: number | null;
    grossProfit: number | null;
    plan: number | null;
  }[]
> {
  const caps = await datasetCaps(db);
  const plan = await planBasis(db, caps, 'customer');
  const id = sqlString(customerId);
  const rows = await db.rows<{
    m: number;
    revenue: number;
    quantity: number | null;
    gp: number | null;
    planned: number | null;
  }>(
    `WITH s AS (
       SELECT CAST(date_trunc('month', order_date) AS DATE) AS m, sum(revenue) AS revenue, sum(quantity) AS quantity,
              CASE WHEN count(gross_profit) > 0 THEN sum(gross_profit) END AS gp
       FROM sales WHERE customer_id = ${id} AND ${filterSql(params.filters)} GROUP BY ALL),
     p AS (${plan ? `SELECT period AS m, sum(${plan === 'revenue' ? 'plan_revenue' : 'plan_quantity'}) AS planned FROM plan WHERE customer_id = ${id} GROUP BY ALL` : 'SELECT NULL::DATE AS m, NULL::DOUBLE AS planned WHERE FALSE'})
     SELECT coalesce(s.m, p.m) AS m, coalesce(s.revenue, 0) AS revenue, s.quantity, s.gp, p.planned
     FROM s FULL JOIN p USING (m) ORDER BY 1`,
  );
  return rows.map((r) => ({
    month: isoDate(r.m).slice(0, 7),
    revenue: r.revenue,
    quantity: r.quantity,
    grossProfit: r.gp,
    plan: r.planned,
  }));
}
