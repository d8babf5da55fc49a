import {
  add,
  byCodePoint,
  columnKnown,
  dayNumber,
  gt,
  monthIndex,
  sig12,
  type RawParams,
  type SalesRow,
  withCustomer,
} from './common';

/** One row of rfm.csv. */
export interface RfmRow {
  customer_id: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: string;
}

/** §7 segment from the R and F digits, first match. */
export function segmentOf(r: number, f: number): string {
  if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
  if (r === 3) return f <= 2 ? 'about_to_sleep' : f === 3 ? 'need_attention' : 'loyal';
  if (r === 4 && f >= 4) return 'loyal';
  if (f === 1) return r === 4 ? 'promising' : 'new';
  if (f <= 3) return 'potential_loyalist';
  return 'champion';
}

/** score = min(5, 1 + floor(5 × k / n)), in exact integer arithmetic (k/n is p of §7). */
const score = (k: number, n: number) => Math.min(5, 1 + Math.floor((5 * k) / n));

/** §7 RFM as of T over the window M(T) − window + 1 … T, filtered sales. Sorted by customer_id. */
export function referenceRfm(sales: SalesRow[], asOf: string, params: RawParams): RfmRow[] {
  const windowMonths = params.rfm?.window_months ?? 12;
  const from = monthIndex(asOf) - windowMonths + 1;
  // Lines without a customer are not scored (§1).
  const upToT = withCustomer(sales).filter((r) => r.order_date <= asOf);
  const inWindow = upToT.filter((r) => monthIndex(r.order_date) >= from);
  const byOrderId = columnKnown(sales, 'order_id');
  const monetary = new Map<string, number>();
  const lastPurchase = new Map<string, string>();
  const purchases = new Map<string, Set<string>>();
  for (const r of upToT) {
    if (gt(r.revenue, 0) && (lastPurchase.get(r.customer_id) ?? '') < r.order_date)
      lastPurchase.set(r.customer_id, r.order_date);
  }
  for (const r of inWindow) {
    add(monetary, r.customer_id, r.revenue);
    if (gt(r.revenue, 0)) {
      if (!purchases.has(r.customer_id)) purchases.set(r.customer_id, new Set());
      purchases.get(r.customer_id)!.add(byOrderId ? String(r.order_id) : r.order_date);
    }
  }
  const kept = [...monetary].filter(([, m]) => gt(m, 0));
  const base = kept.map(([c, m]) => ({
    c,
    m,
    f: purchases.get(c)?.size ?? 0,
    r: dayNumber(asOf) - dayNumber(lastPurchase.get(c)!),
  }));
  const n = base.length;
  // #(value < x) over sorted values (binary search): Online Retail has 4,000 customers.
  const below = (values: number[]) => {
    const sorted = [...values].sort((p, q) => p - q);
    return (v: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
  };
  // R and F are integers (exact); M is a sum of doubles, compared at 12 significant digits (§0).
  // #(recency > x) = #(−recency < −x).
  const rBelow = below(base.map((y) => -y.r));
  const fBelow = below(base.map((y) => y.f));
  const m12 = base.map((y) => sig12(y.m));
  const mBelow = below(m12);
  return base
    .map((x, i) => {
      const r_score = score(rBelow(-x.r), n);
      const f_score = score(fBelow(x.f), n);
      const m_score = score(mBelow(m12[i]), n);
      return {
        customer_id: x.c,
        recency_days: x.r,
        frequency: x.f,
        monetary: x.m,
        r_score,
        f_score,
        m_score,
        segment: segmentOf(r_score, f_score),
      };
    })
    .sort((a, b) => byCodePoint(a.customer_id, b.customer_id));
}
