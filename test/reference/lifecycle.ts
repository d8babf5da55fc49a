import {
  add,
  byCodePoint,
  columnKnown,
  ge,
  gt,
  le,
  monthIndex,
  monthLabel,
  type LifecycleParams,
  type RawParams,
  type ReceivableRow,
  type SalesRow,
  withCustomer,
} from './common';

/** A lifecycle stage of §5. */
export type Stage = 'lost' | 'problem' | 'no_value' | 'new' | 'growth' | 'decline' | 'stable';

/** One row of lifecycle.csv. */
export interface LifecycleRow {
  customer_id: string;
  stage: Stage;
  first_month: string | null;
  last_month: string | null;
  cur: number;
  prev: number;
  change: number | null;
  trailing_gp: number;
}

/** §5 defaults. */
export function lifecycleParams(params: RawParams): LifecycleParams {
  return {
    window_months: 3,
    lost_months: 6,
    new_months: 3,
    growth_threshold: 0.2,
    decline_threshold: -0.2,
    overdue_days: 90,
    ...params.lifecycle,
  };
}

/** Customers in the problem state (rule 2) at T; null when no receivables table is loaded. */
function problemCustomers(
  receivables: ReceivableRow[],
  asOf: string,
  overdueDays: number,
): Set<string> | null {
  if (!receivables.length) return null;
  let latest: string | null = null;
  for (const r of receivables)
    if (r.as_of_date <= asOf && (latest === null || r.as_of_date > latest)) latest = r.as_of_date;
  const out = new Set<string>();
  for (const r of receivables) {
    if (r.as_of_date !== latest) continue;
    const days =
      r.days_overdue ??
      (r.due_date === null
        ? null
        : (Date.UTC(+r.as_of_date.slice(0, 4), +r.as_of_date.slice(5, 7) - 1, +r.as_of_date.slice(8, 10)) -
            Date.UTC(+r.due_date.slice(0, 4), +r.due_date.slice(5, 7) - 1, +r.due_date.slice(8, 10))) /
          86_400_000);
    if (r.overdue_amount !== null && gt(r.overdue_amount, 0) && days !== null && gt(days, overdueDays))
      out.add(r.customer_id);
  }
  return out;
}

/**
 * §5 stage per customer with a sales row up to T (filtered sales, all history), by the first
 * matching rule. Sorted by customer_id.
 */
export function referenceLifecycle(
  allSales: SalesRow[],
  sales: SalesRow[],
  receivables: ReceivableRow[],
  asOf: string,
  params: RawParams,
): LifecycleRow[] {
  const p = lifecycleParams(params);
  const mT = monthIndex(asOf);
  // Lines without a customer are not staged (§1).
  const upToT = withCustomer(sales).filter((r) => r.order_date <= asOf);
  const costKnown = columnKnown(allSales, 'cost');
  const monthly = new Map<string, Map<number, number>>();
  const trailing = new Map<string, number>();
  for (const r of upToT) {
    if (!monthly.has(r.customer_id)) monthly.set(r.customer_id, new Map());
    const m = monthIndex(r.order_date);
    const mm = monthly.get(r.customer_id)!;
    mm.set(m, (mm.get(m) ?? 0) + r.revenue);
    if (m >= mT - 11) add(trailing, r.customer_id, costKnown ? r.gross_profit! : r.revenue);
  }
  const problem = problemCustomers(receivables, asOf, p.overdue_days);
  const W = p.window_months;
  const rows: LifecycleRow[] = [];
  for (const [id, months] of monthly) {
    const positive = [...months].filter(([, v]) => gt(v, 0)).map(([m]) => m);
    const first = positive.length ? Math.min(...positive) : null;
    const last = positive.length ? Math.max(...positive) : null;
    let cur = 0;
    let prev = 0;
    for (const [m, v] of months) {
      if (m > mT - W && m <= mT) cur += v;
      else if (m > mT - 2 * W && m <= mT - W) prev += v;
    }
    const change = gt(prev, 0) ? (cur - prev) / prev : null;
    const tgp = trailing.get(id) ?? 0;
    let stage: Stage;
    if (last === null || mT - last >= p.lost_months) stage = 'lost';
    else if (problem?.has(id)) stage = 'problem';
    else if (le(tgp, 0)) stage = 'no_value';
    else if (mT - first! < p.new_months) stage = 'new';
    else if (change === null) stage = gt(cur, 0) ? 'growth' : 'decline';
    else if (ge(change, p.growth_threshold)) stage = 'growth';
    else if (le(change, p.decline_threshold)) stage = 'decline';
    else stage = 'stable';
    rows.push({
      customer_id: id,
      stage,
      first_month: first === null ? null : monthLabel(first),
      last_month: last === null ? null : monthLabel(last),
      cur,
      prev,
      change,
      trailing_gp: tgp,
    });
  }
  return rows.sort((x, y) => byCodePoint(x.customer_id, y.customer_id));
}
