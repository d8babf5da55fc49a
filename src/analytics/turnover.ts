import type { Engine } from '../engine/types';
import {
  bySig12Desc,
  compareCodePoints,
  datasetCaps,
  EPS,
  marginRate,
  resolvePeriod,
  type Caps,
  type Period,
} from './common';
import type { Params } from './params';
import { buildNoStockSql, buildTurnoverSql, type SalesBasis, type TurnoverSqlParams } from './turnover-sql';

export { buildNoStockSql, buildTurnoverSql, type SalesBasis } from './turnover-sql';

/** Margin × turnover quadrant (high = at or above the median). */
export type Quadrant = 'promote' | 'high_margin' | 'high_turnover' | 'review';

/** One product (or customer × product) with inventory rows in the period. */
export interface TurnoverRow {
  productId: string;
  customerId: string | null;
  revenue: number;
  grossProfit: number | null;
  marginRate: number | null;
  avgInventory: number;
  turnover: number | null;
  crossRatio: number | null;
  salesShare: number | null;
  contribution: number | null;
  quadrant: Quadrant | null;
  /** avg inventory ≤ 0: turnover cannot be computed. */
  noStock: boolean;
}

/** Result of the turnover analysis (§4). */
export interface TurnoverResult {
  period: Period;
  /** Stock basis (`quantity` units or `value`) and the sales measure actually divided by it. */
  stockBasis: 'quantity' | 'value';
  salesBasis: SalesBasis;
  byCustomer: boolean;
  /** Medians that split the quadrants (null when no row has both figures). */
  medianMargin: number | null;
  medianTurnover: number | null;
  /** Ordered by contribution desc (nulls last), then product, customer. */
  rows: TurnoverRow[];
  /** Sold in the period without inventory rows ("no stock data"). */
  noStockData: { productId: string; customerId: string | null; revenue: number }[];
  /** Rows and revenue per quadrant (rows without a quadrant are not counted). */
  quadrants: Record<Quadrant, { count: number; revenue: number }>;
}

/**
 * Row order of turnover.csv: contribution desc (nulls last), compared at 12 significant digits
 * (analytics.md §0: the same number computed in another order ties), then product and customer
 * id by code point.
 */
export function byContribution(a: TurnoverRow, b: TurnoverRow): number {
  return (
    (a.contribution === null ? 1 : 0) - (b.contribution === null ? 1 : 0) ||
    bySig12Desc(a.contribution ?? 0, b.contribution ?? 0) ||
    compareCodePoints(a.productId, b.productId) ||
    compareCodePoints(a.customerId ?? '', b.customerId ?? '')
  );
}

/** Rows and revenue per quadrant. */
export function quadrantSummary(rows: TurnoverRow[]): TurnoverResult['quadrants'] {
  const out = {
    promote: { count: 0, revenue: 0 },
    high_margin: { count: 0, revenue: 0 },
    high_turnover: { count: 0, revenue: 0 },
    review: { count: 0, revenue: 0 },
  };
  for (const r of rows) {
    if (!r.quadrant) continue;
    out[r.quadrant].count++;
    out[r.quadrant].revenue += r.revenue;
  }
  return out;
}

/** Median (mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Stock basis: the parameter, else the inventory's `basis` column (value when most rows say so), else units. */
async function stockBasis(db: Engine, param: Params['turnover']['basis']): Promise<'quantity' | 'value'> {
  if (param === 'quantity' || param === 'value') return param;
  if (param === 'revenue') return 'value';
  const [r] = await db.rows<{ v: number; n: number }>(
    `SELECT count(*) FILTER (WHERE lower(basis) IN ('value', 'amount', '金额', '价值')) AS v, count(basis) AS n FROM inventory`,
  );
  return r.n > 0 && r.v * 2 > r.n ? 'value' : 'quantity';
}

/** The sales measure for a stock basis: units, COGS when cost is known, revenue otherwise. */
export function salesBasisFor(
  stock: 'quantity' | 'value',
  caps: Caps,
  param: Params['turnover']['basis'],
): SalesBasis {
  if (param === 'revenue') return 'revenue';
  if (stock === 'quantity' && caps.quantity) return 'quantity';
  if (stock === 'value' && caps.grossProfit) return 'cogs';
  return 'revenue';
}

/** Run the turnover analysis. Null without sales or without an inventory table. */
export async function runTurnover(db: Engine, params: Params): Promise<TurnoverResult | null> {
  const period = await resolvePeriod(db, params);
  if (!period) return null;
  return runTurnoverFor(db, params, period, await datasetCaps(db));
}

/** Run the turnover analysis for a resolved period. Null without an inventory table. */
export async function runTurnoverFor(
  db: Engine,
  params: Params,
  period: Period,
  caps: Caps,
): Promise<TurnoverResult | null> {
  if (!caps.inventory) return null;
  const [shape] = await db.rows<{ cust: number; oc: number }>(
    'SELECT count(customer_id) AS cust, count(opening) + count(closing) AS oc FROM inventory',
  );
  const stock = await stockBasis(db, params.turnover.basis);
  const p: TurnoverSqlParams = {
    start: period.start,
    asOf: period.asOf,
    filters: params.filters,
    byCustomer: shape.cust > 0,
    openingClosing: shape.oc > 0,
    basis: salesBasisFor(stock, caps, params.turnover.basis),
  };
  const raw = await db.rows<Record<string, number | string | null>>(buildTurnoverSql(p));
  const rows: TurnoverRow[] = raw.map((r) => {
    const revenue = Number(r.revenue);
    // Stock without sales in the period earned nothing: 0, as its revenue; null only when the
    // data has no cost at all (then no product's gross profit can be computed).
    const gp = r.gross_profit !== null ? Number(r.gross_profit) : r.unsold && caps.grossProfit ? 0 : null;
    const avg = Number(r.avg_inventory);
    const margin = marginRate(gp, revenue);
    const turnover = avg > EPS ? Number(r.sales_basis) / avg : null;
    const total = Number(r.positive_total ?? 0);
    const salesShare = total > EPS ? revenue / total : null;
    const crossRatio = margin !== null && turnover !== null ? margin * turnover : null;
    return {
      productId: String(r.product_id),
      customerId: r.customer_id === null ? null : String(r.customer_id),
      revenue,
      grossProfit: gp,
      marginRate: margin,
      avgInventory: avg,
      turnover,
      crossRatio,
      salesShare,
      contribution: crossRatio !== null && salesShare !== null ? crossRatio * salesShare : null,
      quadrant: null,
      noStock: !(avg > EPS),
    };
  });
  const both = rows.filter((r) => r.marginRate !== null && r.turnover !== null);
  const medianMargin = median(both.map((r) => r.marginRate!));
  const medianTurnover = median(both.map((r) => r.turnover!));
  for (const r of both) {
    const highM = r.marginRate! >= medianMargin! - EPS;
    const highT = r.turnover! >= medianTurnover! - EPS;
    r.quadrant = highM ? (highT ? 'promote' : 'high_margin') : highT ? 'high_turnover' : 'review';
  }
  rows.sort(byContribution);
  const noStockData = (
    await db.rows<{ product_id: string; customer_id: string | null; revenue: number }>(buildNoStockSql(p))
  ).map((r) => ({
    productId: r.product_id,
    customerId: r.customer_id,
    revenue: r.revenue,
  }));
  return {
    period,
    stockBasis: stock,
    salesBasis: p.basis,
    byCustomer: p.byCustomer,
    medianMargin,
    medianTurnover,
    rows,
    noStockData,
    quadrants: quadrantSummary(rows),
  };
}
