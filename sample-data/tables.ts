import { MONTHS, SEASON, type Customer, type Product } from './model';
import { money, type Random } from './random';

/** One generated order line. */
export interface Line {
  date: string;
  order: string;
  customer: Customer;
  product: Product;
  qty: number;
  price: number;
  cost: number;
}

/** Days in month m (0-based from 2024-01). */
function daysIn(m: number): number {
  const y = 2024 + Math.floor(m / 12);
  return new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate();
}

function isActive(c: Customer, m: number): boolean {
  return m >= c.start && m <= c.stop && !c.quiet.has(m);
}

/** The products a customer buys from (two thirds of the range, depending on the customer). */
export function favouritesOf(c: Customer, products: Product[]): Product[] {
  return products.filter((_, i) => (i + c.id.charCodeAt(4)) % 3 !== 0);
}

/** Expected revenue of a customer in month m (0-based), before noise. */
export function expected(c: Customer, m: number): number {
  if (!isActive(c, m)) return 0;
  return c.monthly * SEASON[m % 12] * c.trend ** (m - c.start);
}

/** Order lines for every customer and month, plus ~1 % returns of earlier purchases. */
export function makeSales(r: Random, customers: Customer[], products: Product[]): Line[] {
  const lines: Line[] = [];
  let orderNo = 0;
  for (const c of customers) {
    // Each customer buys from a few favourite categories.
    const favourites = favouritesOf(c, products);
    const bought: Line[] = [];
    for (let m = 0; m < 24; m++) {
      const target = expected(c, m) * (0.8 + r.next() * 0.4);
      if (target <= 0) continue;
      const orders = Math.max(
        1,
        r.poisson(c.type === '大客户' ? 5 : c.type === '经销商' ? 3 : c.type === '直营客户' ? 2 : 1.2),
      );
      for (let o = 0; o < orders; o++) {
        orderNo++;
        const day = r.int(1, daysIn(m));
        const date = `${MONTHS[m]}-${String(day).padStart(2, '0')}`;
        const order = `SO${MONTHS[m].replace('-', '')}${String(orderNo).padStart(6, '0')}`;
        const nLines = r.int(1, 4);
        for (let l = 0; l < nLines; l++) {
          const p = r.pick(favourites);
          // no_value customers buy below cost (dumping, rebates): negative gross profit.
          const price =
            c.pattern === 'no_value' ? p.unitCost * (0.85 + r.next() * 0.1) : p.price * (1 - c.discount);
          const qty = Math.max(1, Math.round(target / orders / nLines / price));
          const line = {
            date,
            order,
            customer: c,
            product: p,
            qty,
            price: Math.round(price * 100) / 100,
            cost: p.unitCost * (0.97 + r.next() * 0.06),
          };
          lines.push(line);
          bought.push(line);
        }
      }
    }
    // Returns: a credit note in a later month for part of an earlier line.
    for (const b of bought) {
      if (r.next() >= 0.01) continue;
      const m = Math.min(MONTHS.indexOf(b.date.slice(0, 7)) + 1, 23);
      orderNo++;
      const qty = -Math.max(1, Math.round(b.qty * (0.2 + r.next() * 0.8)));
      lines.push({
        ...b,
        date: `${MONTHS[m]}-${String(r.int(1, daysIn(m))).padStart(2, '0')}`,
        order: `RT${MONTHS[m].replace('-', '')}${String(orderNo).padStart(6, '0')}`,
        qty,
      });
    }
  }
  lines.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.order < b.order ? -1 : a.order > b.order ? 1 : 0,
  );
  return lines;
}

/** CSV text with a header; values never contain commas or quotes here (names are generated). */
function csv(header: string[], rows: (string | number)[][]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** The sales export, headers as a Chinese ERP names them. */
export function salesCsv(lines: Line[]): string {
  return csv(
    [
      '订单日期',
      '订单号',
      '客户编号',
      '客户名称',
      '客户类型',
      '产品编号',
      '产品名称',
      '品类',
      '区域',
      '渠道',
      '销售员',
      '数量',
      '单价',
      '销售额',
      '成本',
    ],
    lines.map((l) => [
      l.date,
      l.order,
      l.customer.id,
      l.customer.name,
      l.customer.type,
      l.product.id,
      l.product.name,
      l.product.category,
      l.customer.region,
      l.customer.channel,
      l.customer.rep,
      l.qty,
      money(l.price),
      money(l.qty * l.price),
      money(l.qty * l.cost),
    ]),
  );
}

/**
 * Monthly plan per customer from the month it starts: expected volume × a 10 % growth target,
 * ±10 % noise. Churned and quiet customers keep their plan, so they miss it (forced C).
 */
export function planCsv(r: Random, customers: Customer[], products: Product[]): string {
  const rows: (string | number)[][] = [];
  for (const c of customers) {
    // Units per unit of revenue: lines pick favourites uniformly, so E[qty] = amount × mean(1/price).
    const fav = favouritesOf(c, products);
    const unitsPerYuan = fav.reduce((s, p) => s + 1 / (p.price * (1 - c.discount)), 0) / fav.length;
    for (let m = c.start; m < 24; m++) {
      const base =
        c.monthly *
        SEASON[m % 12] *
        (c.pattern === 'growing' || c.pattern === 'declining' ? 1 : c.trend) *
        1.1 *
        (0.9 + r.next() * 0.2);
      const amount = c.pattern === 'new' && m < c.start ? 0 : base;
      rows.push([MONTHS[m], c.id, Math.round(amount * unitsPerYuan), money(amount)]);
    }
  }
  return csv(['月份', '客户编号', '计划销量', '计划金额'], rows);
}

/**
 * Month-end stock per product in units: receipts keep roughly 1–3 months of sales in stock; a
 * few products run out some months; three products have no inventory rows at all.
 */
export function inventoryCsv(r: Random, lines: Line[], products: Product[]): string {
  const sold = new Map<string, number[]>();
  for (const l of lines) {
    const arr = sold.get(l.product.id) ?? new Array<number>(24).fill(0);
    arr[MONTHS.indexOf(l.date.slice(0, 7))] += l.qty;
    sold.set(l.product.id, arr);
  }
  const rows: (string | number)[][] = [];
  for (const [i, p] of products.entries()) {
    if (i % 20 === 19) continue; // P020, P040, P060: sold, but no stock data
    const s = sold.get(p.id) ?? new Array<number>(24).fill(0);
    const avg = s.reduce((a, b) => a + b, 0) / 24;
    const cover = i % 9 === 4 ? 0.6 : 1 + r.next() * 2;
    let opening = Math.round(avg * cover);
    for (let m = 0; m < 24; m++) {
      const receipts = Math.max(0, Math.round(avg * cover - opening + s[m] * (0.9 + r.next() * 0.2)));
      const closing = Math.max(0, opening + receipts - s[m] - (i % 9 === 4 && m % 7 === 3 ? opening : 0));
      rows.push([MONTHS[m], p.id, opening, closing]);
      opening = closing;
    }
  }
  return csv(['月份', '产品编号', '期初库存', '期末库存'], rows);
}

/** Receivables snapshot at 2025-12-31 for customers that bought in 2025. */
export function receivablesCsv(r: Random, customers: Customer[]): string {
  const rows: (string | number)[][] = [];
  for (const c of customers) {
    if (c.stop < 12) continue;
    const outstanding = c.monthly * (0.8 + r.next() * 1.5);
    const u = r.next();
    const days =
      u < 0.55
        ? 0
        : u < 0.72
          ? r.int(1, 30)
          : u < 0.84
            ? r.int(31, 60)
            : u < 0.93
              ? r.int(61, 90)
              : r.int(91, 240);
    const overdue = days === 0 ? 0 : outstanding * (0.2 + r.next() * 0.6);
    rows.push([c.id, '2025-12-31', money(outstanding), money(overdue), days]);
  }
  return csv(['客户编号', '截止日期', '应收余额', '逾期金额', '逾期天数'], rows);
}

/**
 * The key-account sub-classes of seed 003 for a customer, from its size and type (no random
 * draw, so the other columns keep their values): scope 全球性 / 全国性 / 地区性 (合作范围) and
 * partnership 战略合作伙伴 / 合作伙伴 / 优先供应商 (合作关系); retail customers have none.
 */
export function subclasses(c: Customer): { scope: string; partnership: string } {
  const n = Number(c.id.slice(1));
  const size = c.monthly / 18000;
  const scope =
    c.type === '大客户'
      ? size > 9 || n % 7 === 0
        ? '全球性'
        : '全国性'
      : c.type === '经销商' && n % 3 === 0
        ? '全国性'
        : '地区性';
  const partnership =
    c.type === '零售客户'
      ? ''
      : c.type === '大客户'
        ? size > 6 || n % 2 === 0
          ? '战略合作伙伴'
          : '合作伙伴'
        : c.type === '经销商'
          ? n % 2 === 0
            ? '合作伙伴'
            : '优先供应商'
          : '优先供应商';
  return { scope, partnership };
}

/** Customer master: every customer, plus prospects with no sales yet ("potential"). */
export function customersCsv(r: Random, customers: Customer[], prospects: Customer[]): string {
  const rows = [...customers, ...prospects].map((c) => [
    c.id,
    c.name,
    c.type,
    c.region,
    money(Math.round((c.monthly * 2) / 10000) * 10000),
    money(c.monthly * 12 * (0.02 + r.next() * (c.type === '零售客户' ? 0.2 : 0.06))),
    subclasses(c).scope,
    subclasses(c).partnership,
  ]);
  return csv(
    ['客户编号', '客户名称', '客户类型', '区域', '信用额度', '服务成本', '合作范围', '合作关系'],
    rows,
  );
}
