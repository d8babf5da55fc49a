import type { Engine } from '../engine/types';
import { sqlDate, sqlIdent } from '../engine/sql';
import {
  addMonths,
  datasetCaps,
  EPS,
  filterSql,
  monthEnd,
  resolvePeriod,
  relativeChange,
  shiftDate,
  sig12Sql,
  type Caps,
} from './common';
import type { Params } from './params';
import { PRODUCT_CATEGORY_CTE, planCategorySql, planCustomersSql, planProductJoinSql } from './plan-sql';

/** Dimension the tracking is broken down by. */
export type TargetDimension =
  'total' | 'customer' | 'product' | 'category' | 'region' | 'channel' | 'sales_rep';
/** Month, quarter and year to date. */
export type ToDate = 'mtd' | 'qtd' | 'ytd';

/** Actual vs plan for one range and one line. */
export interface TrackingFigures {
  actual: number;
  /** Plan for the whole month / quarter / year; null when the line has no plan. */
  plan: number | null;
  /** Plan × elapsed days / days in the range. */
  planProrated: number | null;
  fulfilment: number | null;
  fulfilmentProrated: number | null;
  /** plan − actual (positive = still to go). */
  gap: number | null;
  gapProrated: number | null;
  /** Same date range one year earlier; null when the data does not cover it (analytics.md §1). */
  lastYear: number | null;
  yoy: number | null;
}

/** One line (dimension value) with its three ranges. */
export interface TrackingLine {
  key: string;
  ranges: Record<ToDate, TrackingFigures>;
}

/** Result of target tracking (§8). */
export interface TargetsResult {
  asOf: string;
  dimension: TargetDimension;
  /** Measure compared (revenue, or quantity when the plan has only quantities). */
  basis: 'revenue' | 'quantity';
  hasPlan: boolean;
  /** Start, days elapsed and days in each range. */
  ranges: Record<ToDate, { start: string; end: string; elapsed: number; days: number }>;
  total: TrackingLine;
  lines: TrackingLine[];
  /** YTD actual / elapsed days × days in the year. */
  runRate: number;
}

function daysBetween(a: string, b: string): number {
  return Math.round(
    (Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) -
      Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) /
      86_400_000,
  );
}

/** The three to-date ranges ending at T, with their full extent for the plan. */
export function toDateRanges(T: string): TargetsResult['ranges'] {
  const y = T.slice(0, 4);
  const m = Number(T.slice(5, 7));
  const qStartMonth = Math.floor((m - 1) / 3) * 3 + 1;
  const mk = (start: string, end: string) => ({
    start,
    end,
    elapsed: daysBetween(start, T) + 1,
    days: daysBetween(start, end) + 1,
  });
  const monthStart = `${T.slice(0, 7)}-01`;
  const qStart = `${y}-${String(qStartMonth).padStart(2, '0')}-01`;
  return {
    mtd: mk(monthStart, monthEnd(monthStart)),
    qtd: mk(qStart, monthEnd(addMonths(qStart, 2))),
    ytd: mk(`${y}-01-01`, `${y}-12-31`),
  };
}

/** How a line's key is found on a sales row and on a plan row. */
function dimensionSql(d: TargetDimension): { sales: string; plan: string | null } {
  switch (d) {
    case 'total':
      return { sales: "'total'", plan: "'total'" };
    case 'customer':
      return { sales: 'customer_id', plan: 'p.customer_id' };
    case 'product':
      return { sales: 'product_id', plan: 'p.product_id' };
    case 'category':
      return { sales: 'category', plan: planCategorySql('p') };
    default:
      // A customer's region/channel/rep is taken from its sales rows (the plan is per customer).
      return { sales: sqlIdent(d), plan: `ca.${d}` };
  }
}

/** SQL: actual (this and last year) and plan per line for the three ranges. */
export function buildTargetsSql(o: {
  asOf: string;
  dimension: TargetDimension;
  filters: Params['filters'];
  basis: 'revenue' | 'quantity';
  hasPlan: boolean;
}): string {
  const r = toDateRanges(o.asOf);
  const d = dimensionSql(o.dimension);
  const f = filterSql(o.filters);
  const measure = o.basis === 'revenue' ? 'revenue' : 'quantity';
  const planCol = o.basis === 'revenue' ? 'plan_revenue' : 'plan_quantity';
  const actualCols = (['mtd', 'qtd', 'ytd'] as const)
    .map((k) => {
      const ly0 = shiftDate(r[k].start, -12);
      const ly1 = shiftDate(o.asOf, -12);
      return `sum(${measure}) FILTER (WHERE order_date BETWEEN ${sqlDate(r[k].start)} AND ${sqlDate(o.asOf)}) AS ${k}_actual,
         sum(${measure}) FILTER (WHERE order_date BETWEEN ${sqlDate(ly0)} AND ${sqlDate(ly1)}) AS ${k}_ly`;
    })
    .join(',\n         ');
  const planCols = (['mtd', 'qtd', 'ytd'] as const)
    .map(
      (k) =>
        `sum(p.${planCol}) FILTER (WHERE p.period BETWEEN ${sqlDate(r[k].start)} AND ${sqlDate(r[k].end)}) AS ${k}_plan`,
    )
    .join(', ');
  const plans =
    o.hasPlan && d.plan
      ? `customer_attributes AS (
  SELECT customer_id, min(region) AS region, min(channel) AS channel, min(sales_rep) AS sales_rep FROM sales GROUP BY ALL
),
${PRODUCT_CATEGORY_CTE},
plans AS (
  SELECT CAST(${d.plan} AS VARCHAR) AS line, ${planCols}
  FROM plan p
  LEFT JOIN customer_attributes ca ON ca.customer_id = p.customer_id
  ${planProductJoinSql('p')}
  WHERE ${d.plan} IS NOT NULL ${planCustomersSql('p.customer_id', o.filters)}
  GROUP BY ALL
)`
      : `plans AS (SELECT NULL::VARCHAR AS line, NULL::DOUBLE AS mtd_plan, NULL::DOUBLE AS qtd_plan, NULL::DOUBLE AS ytd_plan WHERE FALSE)`;
  return `WITH actuals AS (
  SELECT CAST(${d.sales} AS VARCHAR) AS line,
         ${actualCols}
  FROM sales
  WHERE order_date BETWEEN ${sqlDate(shiftDate(r.ytd.start, -12))} AND ${sqlDate(o.asOf)} AND ${d.sales} IS NOT NULL AND ${f}
  GROUP BY ALL
),
${plans}
SELECT coalesce(a.line, p.line) AS line,
       coalesce(a.mtd_actual, 0) AS mtd_actual, coalesce(a.qtd_actual, 0) AS qtd_actual, coalesce(a.ytd_actual, 0) AS ytd_actual,
       coalesce(a.mtd_ly, 0) AS mtd_ly, coalesce(a.qtd_ly, 0) AS qtd_ly, coalesce(a.ytd_ly, 0) AS ytd_ly,
       p.mtd_plan, p.qtd_plan, p.ytd_plan
FROM actuals a FULL JOIN plans p ON a.line = p.line
ORDER BY ${sig12Sql('coalesce(a.ytd_actual, 0)')} DESC, 1`;
}

function figures(
  actual: number,
  plan: number | null,
  lastYear: number | null,
  elapsed: number,
  days: number,
): TrackingFigures {
  const planProrated = plan === null ? null : (plan * elapsed) / days;
  return {
    actual,
    plan,
    planProrated,
    fulfilment: plan !== null && plan > EPS ? actual / plan : null,
    fulfilmentProrated: planProrated !== null && planProrated > EPS ? actual / planProrated : null,
    gap: plan === null ? null : plan - actual,
    gapProrated: planProrated === null ? null : planProrated - actual,
    lastYear,
    yoy: relativeChange(actual, lastYear),
  };
}

async function basisOf(db: Engine, caps: Caps): Promise<{ basis: 'revenue' | 'quantity'; hasPlan: boolean }> {
  if (!caps.plan) return { basis: 'revenue', hasPlan: false };
  const [r] = await db.rows<{ r: number; q: number }>(
    'SELECT count(plan_revenue) AS r, count(plan_quantity) AS q FROM plan',
  );
  if (r.r > 0) return { basis: 'revenue', hasPlan: true };
  if (r.q > 0 && caps.quantity) return { basis: 'quantity', hasPlan: true };
  return { basis: 'revenue', hasPlan: false };
}

/** Run target tracking as of T, broken down by a dimension. Null without sales. */
export async function runTargets(
  db: Engine,
  params: Params,
  dimension: TargetDimension = 'total',
): Promise<TargetsResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const caps = await datasetCaps(db);
  const { basis, hasPlan } = await basisOf(db, caps);
  const asOf = period.asOf;
  const ranges = toDateRanges(asOf);
  const toLine = (r: Record<string, string | number | null>, key: string): TrackingLine => ({
    key,
    ranges: Object.fromEntries(
      (['mtd', 'qtd', 'ytd'] as const).map((k) => [
        k,
        figures(
          Number(r[`${k}_actual`]),
          hasPlan ? (r[`${k}_plan`] === null ? null : Number(r[`${k}_plan`])) : null,
          // A year earlier counts only when the data covers that whole range (§1).
          shiftDate(ranges[k].start, -12) >= period.dataStart ? Number(r[`${k}_ly`]) : null,
          ranges[k].elapsed,
          ranges[k].days,
        ),
      ]),
    ) as Record<ToDate, TrackingFigures>,
  });
  const [tot] = await db.rows<Record<string, string | number | null>>(
    buildTargetsSql({ asOf, dimension: 'total', filters: params.filters, basis, hasPlan }),
  );
  const total = toLine(
    tot ?? {
      mtd_actual: 0,
      qtd_actual: 0,
      ytd_actual: 0,
      mtd_ly: 0,
      qtd_ly: 0,
      ytd_ly: 0,
      mtd_plan: null,
      qtd_plan: null,
      ytd_plan: null,
    },
    'total',
  );
  const lines =
    dimension === 'total'
      ? []
      : (
          await db.rows<Record<string, string | number | null>>(
            buildTargetsSql({ asOf, dimension, filters: params.filters, basis, hasPlan }),
          )
        ).map((r) => toLine(r, String(r.line)));
  return {
    asOf,
    dimension,
    basis,
    hasPlan,
    ranges,
    total,
    lines,
    runRate: (total.ranges.ytd.actual / ranges.ytd.elapsed) * ranges.ytd.days,
  };
}
