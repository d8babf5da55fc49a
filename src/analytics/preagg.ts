/**
 * Pre-aggregates for interaction (docs/architecture.md, "Pre-aggregates"): small tables built
 * once per load and analysis period, from which the Overview's headline figures and monthly
 * trend are answered when a filter changes, instead of scanning every sales row again.
 *
 * The figures are those of `buildHeadlineSql` and `buildSeriesSql` (analytics.md §0, §1, §3),
 * summed in another order: sums of the cells' sums, so they can differ from the scan in the
 * last bits (analytics.md §0 allows it: ties are compared at 12 significant digits). Counts are
 * exact:
 *
 * - **Customers** with net revenue > 0 in a range: a customer whose rows all carry the same
 *   value of a filter dimension ("pure" in it) is wholly in or out under a filter on that
 *   dimension, so the customers with a positive sum in each range are counted per value once;
 *   the others ("impure": rows in several values) are summed per customer at query time.
 * - **Orders** (an order id, or customer × day without one, with net revenue > 0 in the range):
 *   an order whose rows all fall into one cell (same range segment, customer and value of every
 *   filter dimension: "simple") is wholly in or out of any filtered range, so the positive ones
 *   are counted per cell; the others keep their rows per cell (`complex`) and are summed per
 *   order at query time.
 *
 * Cells are told apart by a 64-bit hash of their key; the build checks that no two cells share
 * one and is refused otherwise (`PreaggCollision`), so a collision can never merge two cells.
 * A question the tables cannot answer exactly (a range whose ends are not boundaries of their
 * segments) gets `null`, and the caller runs the scan.
 */
import type { Cell, Engine } from '../engine/types';
import { sqlDate, sqlIdent, sqlString } from '../engine/sql';
import { EPS, filterSql, previousRange, shiftDate, yearAgoRange, type Period } from './common';
import { FILTER_KEYS, type FilterKey, type Filters, type Params } from './params';

/** A date range, both ends included (`YYYY-MM-DD`). */
export interface DateRange {
  start: string;
  end: string;
}

/** What a build covers: its table prefix, the headline's ranges and the trend's segment cuts. */
export interface PreaggSpec {
  /** Prefix of every table of the build (`preagg_3`); each build has its own. */
  prefix: string;
  /** The headline's ranges (period, previous period, a year earlier), each counted exactly. */
  ranges: DateRange[];
  /** Days (not the 1st) where a month of the trend's segments is split: the day after a range end. */
  cuts: string[];
  /** Build the customer × dimensions table the trend's plan needs (only with a plan table). */
  plan: boolean;
  /** The last order date of the data: a range ending on or after it needs no cut at its end. */
  dataEnd: string;
}

/** A build whose cell hashes collide (never seen; the scan is used instead). */
export class PreaggCollision extends Error {
  constructor() {
    super('two pre-aggregate cells share a hash');
    this.name = 'PreaggCollision';
  }
}

/** The day after a date. */
export function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const isMonthStart = (d: string) => d.endsWith('-01');

/**
 * The spec of the build for a resolved period: the headline's three ranges (all of them, covered
 * or not), and the cut of the trend's year-ago range (the whole data's end shifted back a year),
 * where a month is only partly in it.
 */
export function preaggSpec(prefix: string, period: Period, plan: boolean): PreaggSpec {
  const current = { start: period.start, end: period.asOf };
  const ranges = [current, previousRange(period), yearAgoRange(period)].map((r) => ({
    start: r.start,
    end: r.end,
  }));
  const unique = [...new Map(ranges.map((r) => [`${r.start}|${r.end}`, r])).values()];
  const trendYearAgoEnd = dayAfter(shiftDate(period.dataEnd, -12));
  const cuts = isMonthStart(trendYearAgoEnd) ? [] : [trendYearAgoEnd];
  return { prefix, ranges: unique, cuts, plan, dataEnd: period.dataEnd };
}

/** The boundaries of the headline's segments: every range start and the day after every range end. */
function headBounds(spec: PreaggSpec): string[] {
  return [...new Set(spec.ranges.flatMap((r) => [r.start, dayAfter(r.end)]))].sort();
}

/**
 * SQL: the first day of the headline segment a row's order date is in, or NULL when the segment
 * is in none of the ranges (such rows are not aggregated).
 */
function headSegSql(spec: PreaggSpec): string {
  const b = headBounds(spec);
  const inSome = (from: string) => spec.ranges.some((r) => r.start <= from && from <= r.end);
  const arms = b
    .map((from, i) => ({ from, i }))
    .reverse()
    .map(
      ({ from, i }) =>
        `WHEN order_date >= ${sqlDate(from)} THEN ${i < b.length - 1 && inSome(from) ? sqlDate(from) : 'NULL'}`,
    );
  return `CASE ${arms.join(' ')} END`;
}

/** SQL: the first day of the trend segment of a row: its month, or the last cut in that month before it. */
function seriesSegSql(spec: PreaggSpec): string {
  const month = `CAST(date_trunc('month', order_date) AS DATE)`;
  if (!spec.cuts.length) return month;
  return `greatest(${month}, ${spec.cuts.map((c) => `CASE WHEN order_date >= ${sqlDate(c)} THEN ${sqlDate(c)} END`).join(', ')})`;
}

const DIMS = FILTER_KEYS.map((k) => sqlIdent(k)).join(', ');
const t = (spec: PreaggSpec, name: string) => `${spec.prefix}_${name}`;
/** The order key of the headline (buildHeadlineSql's per_order): the order id, or customer × day without one. */
const ORDER_KEY = `order_id, CASE WHEN order_id IS NULL THEN customer_id END AS dc, CASE WHEN order_id IS NULL THEN order_date END AS dd`;
const CELL = `seg, customer_id, ${DIMS}`;

/** Rows of the headline's ranges with their segment. */
function headRowsSql(spec: PreaggSpec): string {
  const lo = spec.ranges.map((r) => r.start).sort()[0];
  const hi = spec.ranges
    .map((r) => r.end)
    .sort()
    .at(-1)!;
  return `SELECT * FROM (SELECT ${headSegSql(spec)} AS seg, * FROM sales WHERE order_date BETWEEN ${sqlDate(lo)} AND ${sqlDate(hi)}) WHERE seg IS NOT NULL`;
}

/** Names of every table of a build (to drop it). */
export function preaggTables(spec: PreaggSpec): string[] {
  return [
    'known',
    'orders',
    'cells',
    'complex',
    'pure',
    'dim',
    'impure',
    'pos',
    'series',
    'series_all',
    'ui',
    'custdims',
  ].map((n) => t(spec, n));
}

/**
 * The statements of a build, in order (temporary tables: never part of a saved or shared dataset).
 * `checkSql` must answer `ok = true` before the tables are used.
 */
export function buildPreaggSql(spec: PreaggSpec): { statements: string[]; checkSql: string } {
  const rows = headRowsSql(spec);
  const per = (name: string, sql: string) => `CREATE OR REPLACE TEMP TABLE ${t(spec, name)} AS ${sql}`;
  const ranges = spec.ranges.map(
    (r, k) => `sum(r) FILTER (WHERE seg BETWEEN ${sqlDate(r.start)} AND ${sqlDate(r.end)}) AS r${k}`,
  );
  const dimSelect = (d: FilterKey | null, sel: string, from: string, extraGroup = '') =>
    `SELECT ${sqlString(d ?? '*')} AS dim, ${d ? `CAST(${sqlIdent(d)} AS VARCHAR)` : 'NULL::VARCHAR'} AS value, ${sel} FROM ${from} GROUP BY ALL${extraGroup}`;
  const all: (FilterKey | null)[] = [null, ...FILTER_KEYS];
  const statements = [
    per('known', 'SELECT count(gross_profit) > 0 AS known_gp, count(quantity) > 0 AS known_qty FROM sales'),
    // Every order of the ranges: its cells (by hash) and its net revenue.
    per(
      'orders',
      `SELECT ${ORDER_KEY}, min(h) AS h, min(h) = max(h) AS simple, sum(revenue) AS total
       FROM (SELECT *, hash(${CELL}) AS h FROM (${rows})) GROUP BY ALL`,
    ),
    // Cells: range segment × customer × every filter dimension, with the simple orders counted.
    per(
      'cells',
      `WITH c AS (
         SELECT ${CELL}, sum(revenue) AS revenue, sum(gross_profit) AS gross_profit, sum(quantity) AS quantity
         FROM (${rows}) GROUP BY ALL
       ),
       pos AS (
         SELECT h, count(*) AS n FROM ${t(spec, 'orders')} WHERE simple AND total > ${EPS} GROUP BY h
       )
       SELECT c.*, hash(${CELL.split(', ')
         .map((x) => `c.${x}`)
         .join(', ')}) AS h, CAST(coalesce(pos.n, 0) AS BIGINT) AS orders_pos
       FROM c LEFT JOIN pos ON pos.h = hash(${CELL.split(', ')
         .map((x) => `c.${x}`)
         .join(', ')})`,
    ),
    // Orders with rows in more than one cell: their rows per cell, summed per order when asked.
    per(
      'complex',
      `SELECT s.order_id, s.dc, s.dd, s.seg, ${FILTER_KEYS.map((k) => `s.${sqlIdent(k)}`).join(', ')}, sum(s.revenue) AS revenue
       FROM (SELECT ${ORDER_KEY}, seg, ${DIMS}, revenue FROM (${rows})) s
       SEMI JOIN (SELECT order_id, dc, dd FROM ${t(spec, 'orders')} WHERE NOT simple) k
         ON s.order_id IS NOT DISTINCT FROM k.order_id AND s.dc IS NOT DISTINCT FROM k.dc AND s.dd IS NOT DISTINCT FROM k.dd
       GROUP BY ALL`,
    ),
    // Per customer: whether every row has the same value of each dimension (and which).
    per(
      'pure',
      `SELECT customer_id, ${FILTER_KEYS.map((k) => {
        const c = sqlIdent(k);
        return `min(${c}) IS NOT DISTINCT FROM max(${c}) AND (count(${c}) = 0 OR count(${c}) = count(*)) AS ${sqlIdent(`pure_${k}`)}, min(${c}) AS ${sqlIdent(`v_${k}`)}`;
      }).join(', ')}, ${ranges.join(', ')}
       FROM (SELECT *, revenue AS r FROM ${t(spec, 'cells')} WHERE customer_id IS NOT NULL) GROUP BY customer_id`,
    ),
    // Per dimension value (and '*': no filter) and segment: the sums and the simple orders.
    per(
      'dim',
      all
        .map((d) =>
          dimSelect(
            d,
            `seg, sum(revenue) AS revenue, sum(revenue) FILTER (WHERE customer_id IS NULL) AS revenue_nc,
             sum(gross_profit) AS gross_profit, sum(quantity) AS quantity, CAST(sum(orders_pos) AS BIGINT) AS orders_pos`,
            t(spec, 'cells'),
          ),
        )
        .join('\nUNION ALL BY NAME\n'),
    ),
    // Per dimension value: the pure customers with net revenue > 0 in each range.
    per(
      'pos',
      all
        .map((d) => {
          const pure = d ? sqlIdent(`pure_${d}`) : 'TRUE';
          const counts = spec.ranges
            .map((_, k) => `CAST(count(*) FILTER (WHERE ${pure} AND r${k} > ${EPS}) AS BIGINT) AS n${k}`)
            .join(', ');
          return `SELECT ${sqlString(d ?? '*')} AS dim, ${d ? sqlIdent(`v_${d}`) : 'NULL::VARCHAR'} AS value, ${counts} FROM ${t(spec, 'pure')} GROUP BY ALL`;
        })
        .join('\nUNION ALL BY NAME\n'),
    ),
    // The impure customers' sums per dimension value and segment.
    per(
      'impure',
      FILTER_KEYS.map(
        (d) =>
          `SELECT ${sqlString(d)} AS dim, CAST(c.${sqlIdent(d)} AS VARCHAR) AS value, c.seg, c.customer_id, sum(c.revenue) AS revenue
           FROM ${t(spec, 'cells')} c JOIN ${t(spec, 'pure')} p USING (customer_id)
           WHERE NOT p.${sqlIdent(`pure_${d}`)} GROUP BY ALL`,
      ).join('\nUNION ALL BY NAME\n'),
    ),
    // The trend: every row, per month (split at the cuts) × every filter dimension …
    per(
      'series_all',
      `SELECT ${seriesSegSql(spec)} AS seg, ${DIMS}, sum(revenue) AS revenue, sum(quantity) AS quantity,
              sum(gross_profit) AS gross_profit, CAST(count(gross_profit) AS BIGINT) AS gp_rows
       FROM sales GROUP BY ALL`,
    ),
    // … and per dimension value (and '*').
    per(
      'series',
      all
        .map((d) =>
          dimSelect(
            d,
            `seg, sum(revenue) AS revenue, sum(quantity) AS quantity, sum(gross_profit) AS gross_profit, CAST(sum(gp_rows) AS BIGINT) AS gp_rows`,
            t(spec, 'series_all'),
          ),
        )
        .join('\nUNION ALL BY NAME\n'),
    ),
    // What a filter on one dimension reads, in one table (interactionSql): a plain SELECT of it
    // plans in ~1 ms, a UNION of the four parts at query time cost 3–21 ms (Node, 1 M rows).
    per(
      'ui',
      `SELECT 'c' AS part, dim, value, seg, revenue, gross_profit, quantity, revenue_nc, orders_pos FROM ${t(spec, 'dim')}
       UNION ALL BY NAME
       SELECT 'q' AS part, dim, value, ${spec.ranges.map((_, k) => `n${k}`).join(', ')} FROM ${t(spec, 'pos')}
       UNION ALL BY NAME
       SELECT 'k' AS part, known_gp, known_qty FROM ${t(spec, 'known')}
       UNION ALL BY NAME
       SELECT 's' AS part, dim, value, seg, revenue, quantity, gross_profit, gp_rows FROM ${t(spec, 'series')}`,
    ),
    ...(spec.plan ? [per('custdims', `SELECT DISTINCT customer_id, ${DIMS} FROM sales`)] : []),
  ];
  return {
    statements,
    checkSql: `SELECT count(*) = count(DISTINCT h) AS ok FROM ${t(spec, 'cells')}`,
  };
}

/**
 * A finished build: its spec, and what the page's queries may leave out — the dimensions with
 * customers that are not pure in them, and whether any order spans several cells.
 */
export interface PreaggBuild {
  spec: PreaggSpec;
  impure: FilterKey[];
  complex: boolean;
}

/** Build the tables of `spec` (dropped again if the build fails or is cancelled). */
export async function buildPreaggregates(
  db: Engine,
  spec: PreaggSpec,
  options: { signal?: AbortSignal } = {},
): Promise<PreaggBuild> {
  const { statements, checkSql } = buildPreaggSql(spec);
  try {
    for (const sql of statements) await db.exec(sql, options);
    const [check] = await db.rows<{ ok: boolean }>(checkSql, options);
    if (!check?.ok) throw new PreaggCollision();
    const impure = await db.rows<{ dim: FilterKey }>(
      `SELECT DISTINCT dim FROM ${t(spec, 'impure')}`,
      options,
    );
    const [complex] = await db.rows<{ n: number }>(
      `SELECT count(*) AS n FROM ${t(spec, 'complex')}`,
      options,
    );
    return { spec, impure: impure.map((r) => r.dim), complex: complex.n > 0 };
  } catch (err) {
    await dropPreaggregates(db, spec);
    throw err;
  }
}

/** Drop the tables of a build. */
export async function dropPreaggregates(db: Engine, spec: PreaggSpec): Promise<void> {
  for (const name of preaggTables(spec)) await db.exec(`DROP TABLE IF EXISTS ${name}`);
}

/** The dimensions a filter restricts. */
function filtered(filters: Filters): FilterKey[] {
  return FILTER_KEYS.filter((k) => filters[k].length > 0);
}

const inValues = (col: string, values: string[]) => `${col} IN (${values.map(sqlString).join(', ')})`;
const segIn = (r: DateRange) => `seg BETWEEN ${sqlDate(r.start)} AND ${sqlDate(r.end)}`;

/**
 * SQL giving exactly the columns of `buildHeadlineSql(ranges, params)` from the build's tables,
 * or null when a range is not one of the build's (then the scan answers). Each part is one row
 * (sums, counted customers and orders), joined once: no scalar subquery per figure.
 */
export function headlineFromPreaggSql(spec: PreaggSpec, ranges: DateRange[], params: Params): string | null {
  const idx = ranges.map((r) => spec.ranges.findIndex((s) => s.start === r.start && s.end === r.end));
  if (idx.some((k) => k < 0)) return null;
  const dims = filtered(params.filters);
  const perRange = (f: (r: DateRange, k: number) => string) => ranges.map(f).join(', ');
  const rangeSums = perRange((r, k) => `sum(revenue) FILTER (WHERE ${segIn(r)}) AS r${k}`);
  const positive = (from: string) =>
    `SELECT ${perRange((_, k) => `count(*) FILTER (WHERE r${k} > ${EPS}) AS n${k}`)} FROM (${from})`;
  // Orders with rows in more than one cell: summed per order.
  const complex = positive(
    `SELECT order_id, dc, dd, ${rangeSums} FROM ${t(spec, 'complex')} WHERE ${filterSql(params.filters)} GROUP BY ALL`,
  );
  const single = dims.length <= 1;
  const d = dims[0] ?? null;
  const where = d ? `dim = ${sqlString(d)} AND ${inValues('value', params.filters[d])}` : `dim = '*'`;
  // Sums of the cells in the filter, and the simple orders counted at build.
  const cells = single
    ? `SELECT * FROM ${t(spec, 'dim')} WHERE ${where}`
    : `SELECT *, CASE WHEN customer_id IS NULL THEN revenue END AS revenue_nc FROM ${t(spec, 'cells')} WHERE ${filterSql(params.filters)}`;
  const sums = `SELECT ${perRange(
    (r, k) => `sum(revenue) FILTER (WHERE ${segIn(r)}) AS revenue_${k},
       sum(gross_profit) FILTER (WHERE ${segIn(r)}) AS gross_profit_${k},
       sum(quantity) FILTER (WHERE ${segIn(r)}) AS quantity_${k},
       sum(revenue_nc) FILTER (WHERE ${segIn(r)}) AS without_customer_${k},
       sum(orders_pos) FILTER (WHERE ${segIn(r)}) AS orders_${k}`,
  )} FROM c`;
  // Customers: the pure ones counted at build, the others (and every one under several
  // dimensions) summed per customer.
  const counted = single
    ? `SELECT ${perRange((_, k) => `sum(n${idx[k]}) AS n${k}`)} FROM ${t(spec, 'pos')} WHERE ${where}`
    : `SELECT ${perRange((_, k) => `0 AS n${k}`)}`;
  const summed = positive(
    single
      ? d
        ? `SELECT customer_id, ${rangeSums} FROM ${t(spec, 'impure')} WHERE ${where} GROUP BY customer_id`
        : `SELECT ${perRange((_, k) => `NULL::DOUBLE AS r${k}`)} WHERE FALSE`
      : `SELECT customer_id, ${rangeSums} FROM c WHERE customer_id IS NOT NULL GROUP BY customer_id`,
  );
  return `WITH c AS (${cells}),
s AS (${sums}),
x AS (${complex}),
q AS (${counted}),
i AS (${summed})
SELECT ${perRange(
    (_, k) => `coalesce(s.revenue_${k}, 0) AS revenue_${k},
       coalesce(s.gross_profit_${k}, CASE WHEN known.known_gp THEN 0 END) AS gross_profit_${k},
       coalesce(s.quantity_${k}, CASE WHEN known.known_qty THEN 0 END) AS quantity_${k},
       coalesce(s.without_customer_${k}, 0) AS without_customer_${k},
       CAST(coalesce(q.n${k}, 0) + i.n${k} AS BIGINT) AS customers_${k},
       CAST(coalesce(s.orders_${k}, 0) + x.n${k} AS BIGINT) AS orders_${k}`,
  )}
FROM s, x, q, i, ${t(spec, 'known')} known`;
}

/** Whether a date is a boundary of the trend's segments (a month's first day or a cut). */
function seriesBoundary(spec: PreaggSpec, d: string): boolean {
  return isMonthStart(d) || spec.cuts.includes(d);
}

/**
 * SQL giving exactly the columns and rows of `buildSeriesSql` for a monthly trend from the
 * build's tables, or null when the period's ranges do not fall on segment boundaries.
 */
export function seriesFromPreaggSql(
  spec: PreaggSpec,
  o: { period: Period; params: Params; plan: 'revenue' | 'quantity' | null },
): string | null {
  const { period, params, plan } = o;
  const lyStart = shiftDate(period.start, -12);
  const lyEnd = shiftDate(period.asOf, -12);
  const endOk = (end: string) => end >= spec.dataEnd || seriesBoundary(spec, dayAfter(end));
  const ok =
    seriesBoundary(spec, period.start) && seriesBoundary(spec, lyStart) && endOk(period.asOf) && endOk(lyEnd);
  if (!ok || (plan && !spec.plan)) return null;
  const dims = filtered(params.filters);
  const source =
    dims.length <= 1
      ? `SELECT * FROM ${t(spec, 'series')} WHERE ${dims[0] ? `dim = ${sqlString(dims[0])} AND ${inValues('value', params.filters[dims[0]])}` : `dim = '*'`}`
      : `SELECT * FROM ${t(spec, 'series_all')} WHERE ${filterSql(params.filters)}`;
  const actual = plan === 'quantity' ? 'quantity' : 'revenue';
  const planCol = plan === 'revenue' ? 'plan_revenue' : 'plan_quantity';
  const customers = filterSql(params.filters) !== 'TRUE';
  const plans = plan
    ? `SELECT strftime(period, '%Y-%m') AS bucket, sum(${planCol}) AS planned FROM plan
       WHERE period BETWEEN CAST(date_trunc('month', ${sqlDate(period.start)}) AS DATE) AND CAST(date_trunc('month', ${sqlDate(period.asOf)}) AS DATE)
         AND customer_id IS NOT NULL
         ${customers ? `AND customer_id IN (SELECT customer_id FROM ${t(spec, 'custdims')} WHERE ${filterSql(params.filters)})` : ''}
       GROUP BY ALL`
    : 'SELECT NULL::VARCHAR AS bucket, NULL::DOUBLE AS planned WHERE FALSE';
  return `WITH s AS (${source}),
this_period AS (
  SELECT strftime(seg, '%Y-%m') AS bucket, sum(revenue) AS revenue, sum(quantity) AS quantity,
         sum(gross_profit) AS gross_profit, sum(gp_rows) AS gp_rows, sum(${actual}) AS actual
  FROM s WHERE seg BETWEEN ${sqlDate(period.start)} AND ${sqlDate(period.asOf)} GROUP BY ALL
),
last_year AS (
  SELECT strftime(CAST(seg + INTERVAL 1 YEAR AS DATE), '%Y-%m') AS bucket, sum(revenue) AS revenue
  FROM s WHERE seg BETWEEN ${sqlDate(lyStart)} AND ${sqlDate(lyEnd)} GROUP BY ALL
),
plans AS (${plans})
SELECT t.bucket, t.revenue, t.quantity,
       CASE WHEN t.gp_rows > 0 THEN t.gross_profit END AS gross_profit,
       CASE WHEN t.gp_rows > 0 AND t.revenue > ${EPS} THEN t.gross_profit / t.revenue END AS margin_rate,
       p.planned, CASE WHEN p.planned > ${EPS} THEN t.actual / p.planned END AS fulfilment,
       coalesce(ly.revenue, 0) AS last_year,
       CASE WHEN ly.revenue > ${EPS} THEN (t.revenue - ly.revenue) / ly.revenue END AS yoy
FROM this_period t
LEFT JOIN last_year ly USING (bucket)
LEFT JOIN plans p USING (bucket)
ORDER BY t.bucket`;
}

type Row = Record<string, Cell>;

/** Epoch milliseconds of a `YYYY-MM-DD` date (how DuckDB's DATE cells arrive). */
const epoch = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

/** Σ of the non-null values (null when there is none, as SQL's `sum`). */
function sumOf(rows: Row[], col: string): number | null {
  let s: number | null = null;
  for (const r of rows) if (r[col] !== null && r[col] !== undefined) s = (s ?? 0) + Number(r[col]);
  return s;
}

/**
 * One statement for what a filter on one dimension (`where`) needs from a build: the headline's
 * rows of that dimension's values (`c`), their pure customers counted (`q`), whether the data
 * knows gross profit and quantity (`k`), and the trend's segments (`s`). The headline and the
 * trend ask the very same text, so the page's query memo sends it once for both.
 */
function interactionSql(spec: PreaggSpec, where: string): string {
  return `SELECT * FROM ${t(spec, 'ui')} WHERE part = 'k' OR (${where})`;
}

/**
 * The headline figures (buildHeadlineSql's one row) from the build, or null when a range is not
 * one of the build's. Under no filter or a filter on one dimension, the few rows of that
 * dimension's values are read as they are and summed here (planning a statement that sums them
 * costs DuckDB more than the sums); counts that need a grouping (customers not pure in the
 * dimension, orders over several cells) are asked only when the data has them. Under several
 * dimensions, one statement over the cells (headlineFromPreaggSql).
 */
export async function headlineFromPreagg(
  db: Engine,
  build: PreaggBuild,
  ranges: DateRange[],
  params: Params,
): Promise<Record<string, number | null> | null> {
  const { spec } = build;
  const sql = headlineFromPreaggSql(spec, ranges, params);
  if (sql === null) return null;
  const dims = filtered(params.filters);
  if (dims.length > 1) return (await db.rows<Record<string, number | null>>(sql))[0];
  const d = dims[0] ?? null;
  const where = d ? `dim = ${sqlString(d)} AND ${inValues('value', params.filters[d])}` : `dim = '*'`;
  const idx = ranges.map((r) => spec.ranges.findIndex((s) => s.start === r.start && s.end === r.end));
  const rows = await db.rows(interactionSql(spec, where));
  const known = rows.find((r) => r.part === 'k')!;
  const counted = rows.filter((r) => r.part === 'q');
  const perRange = (f: (r: DateRange, k: number) => string) => ranges.map(f).join(', ');
  const positive = (from: string) =>
    `SELECT ${perRange((_, k) => `count(*) FILTER (WHERE r${k} > ${EPS}) AS n${k}`)} FROM (${from})`;
  const rangeSums = perRange((r, k) => `sum(revenue) FILTER (WHERE ${segIn(r)}) AS r${k}`);
  const [impure] =
    d && build.impure.includes(d)
      ? await db.rows(
          positive(
            `SELECT customer_id, ${rangeSums} FROM ${t(spec, 'impure')} WHERE ${where} GROUP BY customer_id`,
          ),
        )
      : [null];
  const [complex] = build.complex
    ? await db.rows(
        positive(
          `SELECT order_id, dc, dd, ${rangeSums} FROM ${t(spec, 'complex')} WHERE ${filterSql(params.filters)} GROUP BY ALL`,
        ),
      )
    : [null];
  const out: Record<string, number | null> = {};
  ranges.forEach((r, k) => {
    const lo = epoch(r.start);
    const hi = epoch(r.end);
    const cells = rows.filter((x) => x.part === 'c' && Number(x.seg) >= lo && Number(x.seg) <= hi);
    out[`revenue_${k}`] = sumOf(cells, 'revenue') ?? 0;
    out[`gross_profit_${k}`] = sumOf(cells, 'gross_profit') ?? (known.known_gp ? 0 : null);
    out[`quantity_${k}`] = sumOf(cells, 'quantity') ?? (known.known_qty ? 0 : null);
    out[`without_customer_${k}`] = sumOf(cells, 'revenue_nc') ?? 0;
    out[`customers_${k}`] = (sumOf(counted, `n${idx[k]}`) ?? 0) + Number(impure?.[`n${k}`] ?? 0);
    out[`orders_${k}`] = (sumOf(cells, 'orders_pos') ?? 0) + Number(complex?.[`n${k}`] ?? 0);
  });
  return out;
}

/** `YYYY-MM` of epoch milliseconds, `months` months later. */
function monthLabel(ms: number, months = 0): string {
  const d = new Date(ms);
  const idx = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  return `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/**
 * The rows of buildSeriesSql for a monthly trend from the build, or null when the period's
 * ranges do not fall on segment boundaries. Under no filter or one dimension (and no plan), the
 * segments of that dimension's values are read as they are (a few hundred rows at most) and
 * summed per month here; otherwise one statement (seriesFromPreaggSql).
 */
export async function seriesFromPreagg(
  db: Engine,
  build: PreaggBuild,
  o: { period: Period; params: Params; plan: 'revenue' | 'quantity' | null },
): Promise<Record<string, string | number | null>[] | null> {
  const { spec } = build;
  const sql = seriesFromPreaggSql(spec, o);
  if (sql === null) return null;
  const dims = filtered(o.params.filters);
  if (dims.length > 1 || o.plan) return db.rows<Record<string, string | number | null>>(sql);
  const d = dims[0] ?? null;
  const where = d ? `dim = ${sqlString(d)} AND ${inValues('value', o.params.filters[d])}` : `dim = '*'`;
  const rows = (await db.rows(interactionSql(spec, where))).filter((r) => r.part === 's');
  const { period } = o;
  const [lo, hi] = [epoch(period.start), epoch(period.asOf)];
  const [lyLo, lyHi] = [epoch(shiftDate(period.start, -12)), epoch(shiftDate(period.asOf, -12))];
  const now = new Map<string, Row[]>();
  const lastYear = new Map<string, Row[]>();
  for (const r of rows) {
    const seg = Number(r.seg);
    if (seg >= lo && seg <= hi) now.set(monthLabel(seg), [...(now.get(monthLabel(seg)) ?? []), r]);
    if (seg >= lyLo && seg <= lyHi) {
      const label = monthLabel(seg, 12);
      lastYear.set(label, [...(lastYear.get(label) ?? []), r]);
    }
  }
  return [...now.keys()].sort().map((bucket) => {
    const group = now.get(bucket)!;
    const revenue = sumOf(group, 'revenue') ?? 0;
    const gp = sumOf(group, 'gross_profit');
    const gpRows = sumOf(group, 'gp_rows') ?? 0;
    const ly = lastYear.has(bucket) ? sumOf(lastYear.get(bucket)!, 'revenue') : null;
    return {
      bucket,
      revenue,
      quantity: sumOf(group, 'quantity'),
      gross_profit: gpRows > 0 ? gp : null,
      margin_rate: gpRows > 0 && revenue > EPS && gp !== null ? gp / revenue : null,
      planned: null,
      fulfilment: null,
      last_year: ly ?? 0,
      yoy: ly !== null && ly > EPS ? (revenue - ly) / ly : null,
    };
  });
}
