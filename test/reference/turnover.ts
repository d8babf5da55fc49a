import {
  add,
  byCodePoint,
  bySig12Desc,
  columnKnown,
  ge,
  le,
  monthIndex,
  type Dataset,
  type InventoryRow,
  type RawParams,
  type SalesRow,
} from './common';
import type { Period } from './period';

/** One row of turnover.csv. */
export interface TurnoverRow {
  product_id: string;
  customer_id: string | null;
  revenue: number;
  gross_profit: number | null;
  margin_rate: number | null;
  avg_inventory: number | null;
  turnover: number | null;
  cross_ratio: number | null;
  sales_share: number | null;
  contribution: number | null;
  quadrant: 'promote' | 'high_margin' | 'high_turnover' | 'review' | null;
}

type Stock = { opening: number; closing: number };

/**
 * Opening/closing per key and month (§1): rows of the same key and month are summed;
 * with on_hand only, closing(m) = on_hand(m), opening(m) = closing(m − 1), and opening =
 * closing when month m − 1 has no row (the first month, or a gap).
 */
function stockByMonth(rows: InventoryRow[], keyOf: (r: InventoryRow) => string) {
  const byKey = new Map<
    string,
    Map<number, { opening: number | null; closing: number | null; on_hand: number | null }>
  >();
  const sumN = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : x + y);
  for (const r of rows) {
    const k = keyOf(r);
    if (!byKey.has(k)) byKey.set(k, new Map());
    const months = byKey.get(k)!;
    const m = monthIndex(r.period);
    const cur = months.get(m) ?? { opening: null, closing: null, on_hand: null };
    months.set(m, {
      opening: sumN(cur.opening, r.opening),
      closing: sumN(cur.closing, r.closing),
      on_hand: sumN(cur.on_hand, r.on_hand),
    });
  }
  const out = new Map<string, Map<number, Stock>>();
  for (const [k, months] of byKey) {
    const res = new Map<number, Stock>();
    for (const [m, s] of months) {
      if (s.opening !== null && s.closing !== null) res.set(m, { opening: s.opening, closing: s.closing });
      else if (s.on_hand !== null) {
        const prev = months.get(m - 1);
        const prevClosing = prev ? (prev.closing ?? prev.on_hand) : null;
        res.set(m, { opening: prevClosing ?? s.on_hand, closing: s.on_hand });
      } else throw new Error(`reference: inventory ${k} ${m} has neither opening/closing nor on_hand`);
    }
    out.set(k, res);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** §4 turnover, cross ratio and contribution per product (× customer when inventory has one). */
export function referenceTurnover(period: Period, data: Dataset, params: RawParams): TurnoverRow[] {
  // A category filter narrows the stocked products to those sold in the category (NOTES.md T8).
  const categories = params.filters?.category ?? [];
  const inCategory = new Set(
    data.sales.filter((r) => r.category !== null && categories.includes(r.category)).map((r) => r.product_id),
  );
  const inventory = categories.length
    ? data.inventory.filter((r) => inCategory.has(r.product_id))
    : data.inventory;
  const perCustomer = inventory.some((r) => r.customer_id !== null);
  const key = (p: string, c: string | null) => JSON.stringify([p, perCustomer ? c : null]);
  const inv = inventory.filter((r) => {
    const m = monthIndex(r.period);
    return m >= period.startMonth && m <= period.endMonth;
  });
  // Derivation looks at the whole inventory table (the month before the period included).
  const stock = stockByMonth(inventory, (r) => key(r.product_id, r.customer_id));
  const monthsOf = new Map<string, Set<number>>();
  for (const r of inv) {
    const k = key(r.product_id, r.customer_id);
    if (!monthsOf.has(k)) monthsOf.set(k, new Set());
    monthsOf.get(k)!.add(monthIndex(r.period));
  }
  const stockBasis = params.turnover?.basis ?? inventory.find((r) => r.basis !== null)?.basis ?? 'quantity';
  const costKnown = columnKnown(data.sales, 'cost');
  // Units for unit stock, COGS for value stock when cost is known, "revenue otherwise" (§4).
  const salesBasis =
    stockBasis === 'quantity' && columnKnown(data.sales, 'quantity')
      ? 'quantity'
      : stockBasis === 'value' && costKnown
        ? 'cost'
        : 'revenue';
  const basisOf = (r: SalesRow): number | null => r[salesBasis];

  const revenue = new Map<string, number>();
  const gp = new Map<string, number>();
  const basisSum = new Map<string, number>();
  const totalByEntity = new Map<string, number>();
  for (const r of period.inPeriod) {
    if (r.product_id === null) continue;
    const k = key(r.product_id, r.customer_id);
    add(totalByEntity, k, r.revenue);
    if (!monthsOf.has(k)) continue;
    add(revenue, k, r.revenue);
    if (r.gross_profit !== null) add(gp, k, r.gross_profit);
    if (monthsOf.get(k)!.has(monthIndex(r.order_date))) {
      const b = basisOf(r);
      if (b === null) throw new Error(`reference: turnover basis ${salesBasis} is null on a sales row`);
      add(basisSum, k, b);
    }
  }
  const totalPos = [...totalByEntity.values()].reduce((s, v) => s + Math.max(v, 0), 0);

  const rows: TurnoverRow[] = [...monthsOf].map(([k, months]) => {
    const [product_id, customer_id] = JSON.parse(k) as [string, string | null];
    const st = stock.get(k)!;
    let sumAvg = 0;
    for (const m of months) sumAvg += (st.get(m)!.opening + st.get(m)!.closing) / 2;
    const avgInv = sumAvg / months.size;
    const turnover = le(avgInv, 0) ? null : (basisSum.get(k) ?? 0) / avgInv;
    const rev = revenue.get(k) ?? 0;
    // Stock without sales earned nothing: 0, not null (null only when cost is unknown).
    const g = costKnown ? (gp.get(k) ?? 0) : null;
    const margin = g === null || le(rev, 0) ? null : g / rev;
    const cross = margin === null || turnover === null ? null : margin * turnover;
    const share = totalPos > 0 ? rev / totalPos : null;
    return {
      product_id,
      customer_id,
      revenue: rev,
      gross_profit: g,
      margin_rate: margin,
      avg_inventory: avgInv,
      turnover,
      cross_ratio: cross,
      sales_share: share,
      contribution: cross === null || share === null ? null : cross * share,
      quadrant: null,
    };
  });

  const both = rows.filter((r) => r.turnover !== null && r.margin_rate !== null);
  if (both.length) {
    const medT = median(both.map((r) => r.turnover!));
    const medM = median(both.map((r) => r.margin_rate!));
    for (const r of both) {
      const hiM = ge(r.margin_rate!, medM);
      const hiT = ge(r.turnover!, medT);
      r.quadrant = hiM ? (hiT ? 'promote' : 'high_margin') : hiT ? 'high_turnover' : 'review';
    }
  }
  return rows.sort((x, y) => {
    if (x.contribution === null || y.contribution === null) {
      if (x.contribution !== y.contribution) return x.contribution === null ? 1 : -1;
    } else {
      // Contribution compared at 12 significant digits (§0).
      const order = bySig12Desc(x.contribution, y.contribution);
      if (order) return order;
    }
    return byCodePoint(x.product_id, y.product_id) || byCodePoint(x.customer_id ?? '', y.customer_id ?? '');
  });
}
