import { sharedRows } from '../engine/sharing';
import type { Engine } from '../engine/types';
import { sqlString } from '../engine/sql';
import {
  addMonths,
  datasetCaps,
  filterSql,
  isoMonth,
  periodSalesSql,
  resolvePeriod,
  shiftDate,
  type Caps,
  type Period,
} from './common';
import { buildLifecycleHistorySql, buildLifecycleSql, STAGES, type Stage } from './lifecycle-sql';
import type { Params } from './params';

export { STAGES, buildLifecycleHistorySql, buildLifecycleSql, type Stage } from './lifecycle-sql';

/** Which rule decided a stage (the first that matched). */
export type LifecycleRule = 'no_revenue' | 'lost' | 'problem' | 'no_value' | 'new' | 'window' | 'master_only';

/** One customer's stage with the figures that decided it. */
export interface LifecycleCustomer {
  customerId: string;
  name: string;
  stage: Stage;
  rule: LifecycleRule;
  /** First / last month with revenue > 0, `YYYY-MM` (null without such a month). */
  firstMonth: string | null;
  lastMonth: string | null;
  /** Revenue in the W months to M(T) and in the W months before. */
  cur: number | null;
  prev: number | null;
  /** (cur − prev) / prev; null when prev ≤ 0. */
  change: number | null;
  /** Gross profit (revenue without cost data) over M(T)−11 … M(T). */
  trailingGp: number | null;
  /** Overdue days / amount from the receivables snapshot used (null without one). */
  overdueDays: number | null;
  overdueAmount: number | null;
  /** Revenue in the analysis period (for stage totals). */
  periodRevenue: number;
  /** Stage W months before T (null when not yet a customer then). */
  previousStage: Stage | null;
}

/** Result of the lifecycle analysis (§5). */
export interface LifecycleResult {
  period: Period;
  /** T and T − W months. */
  asOf: string;
  previousAsOf: string;
  /**
   * The data covers the W months ending at the earlier as-of date (else no stage is compared:
   * analytics.md §1; the earlier stages would all read "no data").
   */
  previousCovered: boolean;
  /** First day of the W months ending at the earlier as-of date (what must be covered). */
  previousWindowStart: string;
  /** Trailing-12 basis for no_value. */
  basis: 'gross_profit' | 'revenue';
  /** Whether rule 2 (problem) could apply. */
  receivablesUsed: boolean;
  /** Customers with a sales row up to T, then master-only prospects; by customer_id. */
  customers: LifecycleCustomer[];
  /** Count and period revenue per stage, in STAGES order. */
  stages: { stage: Stage; count: number; revenue: number }[];
  /** Stage at T − W (rows, incl. `null` = not yet a customer) vs stage at T. */
  transitions: { from: Stage | null; to: Stage; count: number }[];
  /** Stage counts at every month end (the last month: as of T); empty unless asked for. */
  history: { month: string; stage: Stage; count: number }[];
}

type Row = {
  customer_id: string;
  m: number;
  stage: Stage;
  rule: LifecycleRule;
  first_m: number | null;
  last_m: number | null;
  cur: number;
  prev: number;
  change: number | null;
  trailing_value: number;
  overdue_days: number | null;
  overdue_amount: number | null;
};

/** Run the lifecycle analysis. Returns null without sales data. */
export async function runLifecycle(
  db: Engine,
  params: Params,
  options: { history?: boolean } = { history: true },
): Promise<LifecycleResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  const caps = await datasetCaps(db);
  return runLifecycleFor(db, params, period, caps, options);
}

/** Run the lifecycle analysis for a resolved period. */
export async function runLifecycleFor(
  db: Engine,
  params: Params,
  period: Period,
  caps: Caps,
  options: { history?: boolean } = {},
): Promise<LifecycleResult> {
  const T = period.asOf;
  const previousAsOf = shiftDate(T, -params.lifecycle.window_months);
  const common = {
    filters: params.filters,
    rules: params.lifecycle,
    hasGrossProfit: caps.grossProfit,
    hasReceivables: caps.receivables,
  };
  // The stages at T are shared with the key-accounts factors in a run of the result files (engine/sharing.ts).
  const atT = await sharedRows<Row>(db, buildLifecycleSql({ ...common, cut: T }), 'customer_id');
  const previousWindowStart = addMonths(previousAsOf, 1 - params.lifecycle.window_months);
  const previousCovered = period.dataStart <= previousWindowStart;
  const before = previousCovered
    ? await db.rows<{ customer_id: string; stage: Stage }>(
        `SELECT customer_id, stage FROM (${buildLifecycleSql({ ...common, cut: previousAsOf })})`,
      )
    : [];
  const history = options.history
    ? await db.rows<{ m: number; stage: Stage; count: number }>(
        `SELECT m, stage, count(*) AS count FROM (${buildLifecycleHistorySql({ ...common, cut: T })}) GROUP BY ALL ORDER BY m, stage`,
      )
    : [];
  const names = new Map(
    (
      await db.rows<{ id: string; name: string | null; revenue: number | null }>(
        `SELECT customer_id AS id, min(customer_name) AS name,
                sum(revenue) FILTER (WHERE order_date >= DATE ${sqlString(period.start)}) AS revenue
         FROM (${periodSalesSql({ ...period, start: '0001-01-01' }, params.filters)}) GROUP BY ALL`,
      )
    ).map((r) => [r.id, r]),
  );
  const prevStage = new Map(before.map((r) => [r.customer_id, r.stage]));
  const customers: LifecycleCustomer[] = atT.map((r) => ({
    customerId: r.customer_id,
    name: names.get(r.customer_id)?.name ?? r.customer_id,
    stage: r.stage,
    rule: r.rule,
    firstMonth: r.first_m === null ? null : isoMonth(r.first_m),
    lastMonth: r.last_m === null ? null : isoMonth(r.last_m),
    cur: r.cur,
    prev: r.prev,
    change: r.change,
    trailingGp: r.trailing_value,
    overdueDays: r.overdue_days,
    overdueAmount: r.overdue_amount,
    periodRevenue: names.get(r.customer_id)?.revenue ?? 0,
    previousStage: prevStage.get(r.customer_id) ?? null,
  }));
  customers.push(...(await potentials(db, params, caps, T)));
  return {
    period,
    asOf: T,
    previousAsOf,
    previousCovered,
    previousWindowStart,
    basis: caps.grossProfit ? 'gross_profit' : 'revenue',
    receivablesUsed: caps.receivables,
    customers,
    stages: STAGES.map((stage) => {
      const members = customers.filter((c) => c.stage === stage);
      return { stage, count: members.length, revenue: members.reduce((s, c) => s + c.periodRevenue, 0) };
    }),
    transitions: previousCovered ? transitions(customers) : [],
    history: history.map((h) => ({ month: isoMonth(h.m), stage: h.stage, count: h.count })),
  };
}

function transitions(customers: LifecycleCustomer[]): LifecycleResult['transitions'] {
  const counts = new Map<string, { from: Stage | null; to: Stage; count: number }>();
  for (const c of customers) {
    if (c.stage === 'potential') continue;
    const key = `${c.previousStage ?? ''}→${c.stage}`;
    const cur = counts.get(key) ?? { from: c.previousStage, to: c.stage, count: 0 };
    cur.count++;
    counts.set(key, cur);
  }
  const order = (s: Stage | null) => (s === null ? -1 : STAGES.indexOf(s));
  return [...counts.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
}

/**
 * Customers in the master with no sales row up to T. Region and customer-type filters apply to
 * the master's own columns; a filter on channel, category or sales rep cannot be attributed to a
 * prospect, so none is listed then.
 */
async function potentials(db: Engine, params: Params, caps: Caps, T: string): Promise<LifecycleCustomer[]> {
  if (!caps.customers) return [];
  const f = params.filters;
  if (f.channel.length || f.category.length || f.sales_rep.length) return [];
  const masterFilter = filterSql({ ...f, channel: [], category: [], sales_rep: [] });
  const rows = await db.rows<{ id: string; name: string | null }>(
    `SELECT customer_id AS id, min(customer_name) AS name FROM customers
     WHERE customer_id IS NOT NULL AND ${masterFilter}
       AND customer_id NOT IN (SELECT customer_id FROM sales WHERE order_date <= DATE ${sqlString(T)} AND customer_id IS NOT NULL)
     GROUP BY ALL ORDER BY customer_id`,
  );
  return rows.map((r) => ({
    customerId: r.id,
    name: r.name ?? r.id,
    stage: 'potential' as const,
    rule: 'master_only' as const,
    firstMonth: null,
    lastMonth: null,
    cur: null,
    prev: null,
    change: null,
    trailingGp: null,
    overdueDays: null,
    overdueAmount: null,
    periodRevenue: 0,
    previousStage: null,
  }));
}
