import type { FixtureRow } from '../helpers/tables';
import type { RawParams } from './common';

/** A small generated dataset as fixture rows per canonical table (absent tables are omitted). */
export interface GeneratedCase {
  seed: number;
  tables: Partial<Record<'sales' | 'plan' | 'inventory' | 'receivables' | 'customers', FixtureRow[]>>;
  params: RawParams;
}

/** Park–Miller generator: deterministic, seedable, no dependency. */
function rng(seed: number) {
  let s = seed % 2147483647 || 1;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const month = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
const day = (i: number, d: number) => `${month(i)}-${pad(Math.min(d, 28))}`;
/** Days in month index i. */
const monthDays = (i: number) => new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();
/** A day of month i clipped to the month's length (29, 30, 31 allowed; 0 = the last day). */
const dayClipped = (i: number, d: number) =>
  `${month(i)}-${pad(d === 0 ? monthDays(i) : Math.min(d, monthDays(i)))}`;
/** The day after a `YYYY-MM-DD` date. */
const nextDay = (d: string) =>
  new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10) + 1)).toISOString().slice(0, 10);

/**
 * A small random dataset that exercises the edges of the spec: few customers and products,
 * prices from a short list (ties), returns, zero lines, months without sales, optional
 * plan / inventory (opening-closing or on-hand, with gaps and zero stock, optionally per
 * customer) / receivables (days or due dates) / master, and random parameters.
 *
 * On a second random stream (so the draws above stay those of the earlier datasets): lines
 * without a customer (§1), cancellation-like orders whose net revenue is ≤ 0, and in about a
 * third of the seeds an explicit period whose previous (or year-ago) period starts exactly on
 * the data's first day (covered) or one day before it (not covered), with T sometimes on a
 * month's last day or a 29th–31st that an earlier month has to clip.
 */
export function generateCase(seed: number): GeneratedCase {
  const r = rng(seed);
  const m0 = 2023 * 12 + 5; // 2023-06
  const span = r.pick([2, 3, 6, 12, 20, 30]);
  const allReturns = r.chance(0.05); // every line negative: P = 0, all C
  const customers = Array.from({ length: r.int(2, 9) }, (_, i) => `C${i + 1}`);
  if (r.chance(0.2)) customers.push('é-客户'); // a non-ASCII id (code-point order)
  const products = Array.from({ length: r.int(2, 6) }, (_, i) => `P${i + 1}`);
  const catOf = (p: string) => (Number(p.slice(1)) % 2 ? 'oil' : 'gas');
  const regionOf = (c: string) => (c.charCodeAt(c.length - 1) % 2 ? 'north' : 'south');
  const noQty = r.chance(0.1);
  const noCost = r.chance(0.15);
  const noOrder = r.chance(0.2);
  const sales: FixtureRow[] = [];
  for (let k = r.int(5, 60); k > 0; k--) {
    const c = r.pick(customers);
    const p = r.pick(products);
    const qty = allReturns || r.chance(0.12) ? -r.int(1, 4) : r.chance(0.05) ? 0 : r.int(1, 10);
    const price = r.pick([10, 12.5, 20, 7.3]);
    const rev = qty * price;
    const cost = Math.round(rev * r.pick([0.5, 0.8, 1.1]) * 100) / 100;
    sales.push({
      // Customers with a higher number buy later (new customers), C1 stops early (lost).
      order_date: day(
        c === 'C1'
          ? m0 + r.int(0, Math.floor(span / 3))
          : m0 + r.int(customers.indexOf(c) % 3 ? 0 : span >> 1, span - 1),
        r.int(1, 28),
      ),
      order_id: noOrder ? null : `O${r.int(1, 25)}`,
      customer_id: c,
      product_id: p,
      category: catOf(p),
      region: regionOf(c),
      channel: r.pick(['web', 'shop']),
      sales_rep: r.pick(['Li', 'Wang']),
      quantity: noQty ? null : qty,
      revenue: rev,
      cost: noCost ? null : cost,
      gross_profit: noCost ? null : rev - cost,
    });
  }
  const x = rng(seed * 7919 + 13);
  const quantityOf = (q: number) => (noQty ? null : q);
  const line = (
    date: string,
    customer: string | null,
    order: string | null,
    qty: number,
    price: number,
    product: string | null = x.pick(products),
  ): FixtureRow => {
    const rev = qty * price;
    const cost = Math.round(rev * x.pick([0.5, 0.8]) * 100) / 100;
    return {
      order_date: date,
      order_id: noOrder ? null : order,
      customer_id: customer,
      product_id: product,
      category: product === null ? null : catOf(product),
      region: customer === null ? x.pick(['north', 'south', null]) : regionOf(customer),
      channel: x.pick(['web', 'shop']),
      sales_rep: x.pick(['Li', 'Wang']),
      quantity: quantityOf(qty),
      revenue: rev,
      cost: noCost ? null : cost,
      gross_profit: noCost ? null : rev - cost,
    };
  };
  const anyDate = () => day(m0 + x.int(0, span - 1), x.int(1, 28));
  // Lines without a customer (walk-in sales, guest orders): in products and company totals only.
  if (x.chance(0.7))
    for (let k = x.int(1, 8); k > 0; k--) {
      const qty = allReturns || x.chance(0.15) ? -x.int(1, 4) : x.int(1, 10);
      const order = x.chance(0.5) ? `W${x.int(1, 6)}` : `O${x.int(1, 25)}`;
      sales.push(
        line(anyDate(), null, order, qty, x.pick([10, 12.5, 20, 7.3]), x.chance(0.15) ? null : undefined),
      );
    }
  // Cancellation-like orders: only negative lines (`C…` invoices), or a sale cancelled by a larger
  // or equal return in the same order (a purchase line, but net revenue ≤ 0: not an order).
  if (x.chance(0.6))
    for (let k = x.int(1, 3); k > 0; k--) {
      const who = x.chance(0.25) ? null : x.pick(customers);
      const date = anyDate();
      const order = `C${x.int(1, 4)}`;
      if (x.chance(0.5)) sales.push(line(date, who, order, -x.int(1, 3), x.pick([10, 20])));
      else {
        const q = x.int(1, 3);
        const p = x.pick(products);
        sales.push(line(date, who, `X${k}`, q, 10, p), line(date, who, `X${k}`, -q - x.int(0, 1), 10, p));
      }
    }
  // A line at the end of the month before the data: a whole-span period starting on a 31st.
  const lateStart = x.chance(0.12);
  if (lateStart) sales.push(line(`${month(m0 - 1)}-31`, x.pick([null, customers[0]]), 'O1', 2, 10));
  const tables: GeneratedCase['tables'] = { sales };
  if (r.chance(0.6)) {
    const byQty = r.chance(0.5);
    const perProduct = r.chance(0.3);
    tables.plan = [];
    for (const c of customers)
      for (let m = m0; m < m0 + span + 2; m++)
        if (r.chance(0.5))
          tables.plan.push({
            period: month(m),
            customer_id: c,
            product_id: perProduct ? r.pick(products) : null,
            plan_quantity: byQty ? r.int(0, 8) : null,
            plan_revenue: byQty ? null : r.int(0, 8) * 10,
          });
  }
  if (r.chance(0.6)) {
    const onHand = r.chance(0.4);
    const perCustomer = r.chance(0.25);
    const basis = r.pick([null, null, 'quantity', 'value']);
    const copies = r.chance(0.2) ? 2 : 1; // two warehouses: rows of a month are summed
    tables.inventory = [];
    for (const p of products)
      for (const c of perCustomer ? customers.slice(0, 2) : [null])
        for (let m = m0 - 1; m < m0 + span; m++)
          if (r.chance(0.7))
            for (let w = 0; w < copies; w++) {
              const a = r.pick([0, 0, 5, 10, 20]);
              const b = r.pick([0, 5, 10, 20]);
              tables.inventory.push({
                period: month(m),
                product_id: p,
                customer_id: c,
                basis,
                ...(onHand ? { on_hand: b } : { opening: a, closing: b }),
              });
            }
  }
  if (r.chance(0.5)) {
    tables.receivables = [];
    const byDue = r.chance(0.3);
    for (const asOf of [day(m0 + span - 3, 28), day(m0 + span - 1, 15), day(m0 + span + 2, 1)])
      for (const c of customers) {
        const days = r.pick([0, 30, 90, 91, 200]);
        const dueMs =
          Date.UTC(+asOf.slice(0, 4), +asOf.slice(5, 7) - 1, +asOf.slice(8, 10)) - days * 86_400_000;
        tables.receivables.push({
          customer_id: c,
          as_of_date: asOf,
          outstanding: 100,
          overdue_amount: r.pick([0, 50]),
          days_overdue: byDue ? null : days,
          due_date: byDue ? new Date(dueMs).toISOString().slice(0, 10) : null,
        });
      }
  }
  if (r.chance(0.4))
    tables.customers = [...customers, 'C99'].map((c) => ({ customer_id: c, region: regionOf(c) }));

  const params: RawParams = {};
  if (r.chance(0.4)) params.as_of = day(m0 + r.int(0, span + 1), r.int(1, 28));
  if (r.chance(0.15)) {
    // Within the data and never after T (a later start is refused or moved by the project).
    params.period_start = `${month(m0 + r.int(0, Math.min(3, span - 1)))}-01`;
    params.as_of ??= day(m0 + span - 1, 28);
    if (params.as_of < params.period_start) params.as_of = day(m0 + span - 1, 28);
  }
  if (r.chance(0.3)) params.measure = r.pick(noCost ? ['quantity'] : ['gross_profit', 'quantity']);
  if (noQty && params.measure === 'quantity') delete params.measure;
  if (r.chance(0.25)) params.filters = { region: ['north'] };
  else if (r.chance(0.15)) params.filters = { category: ['oil'] };
  else if (r.chance(0.1)) params.filters = { channel: ['web'], sales_rep: ['Li'] };
  if (r.chance(0.2))
    params.abc = r.pick([
      { a: 0.5, b: 0.9 },
      { a: 0.6, b: 0.75 },
    ]);
  if (r.chance(0.1)) params.turnover = { basis: r.pick(['quantity', 'value'] as const) };
  if (r.chance(0.3))
    params.kpi = {
      weights: r.pick([
        [25, 25, 25, 25],
        [10, 40, 30, 20],
        [40, 0, 30, 30],
      ]),
    };
  if (r.chance(0.2))
    params.kpi = { ...params.kpi, tier_share: r.pick([0.1, 0.25, 0.5]), missed_months_limit: r.pick([1, 2]) };
  if (r.chance(0.2))
    params.lifecycle = {
      window_months: r.pick([1, 2, 3]),
      lost_months: r.pick([2, 6]),
      new_months: 2,
      growth_threshold: r.pick([0.2, 0.5]),
      decline_threshold: r.pick([-0.2, -0.5]),
      overdue_days: r.pick([30, 90]),
    };
  if (r.chance(0.2)) params.rfm = { window_months: r.pick([3, 6, 12]) };
  // The earlier period's start exactly on the data's first day, or one day before it (§1).
  if (!lateStart && x.chance(0.35)) {
    const yearAgo = x.chance(span >= 12 ? 0.6 : 0.3);
    // The period's months n and its first month, so that the earlier range starts on M(m0 − 1).
    const n = yearAgo ? x.int(1, 12) : x.int(1, Math.max(1, span >> 1));
    const first = m0 - 1 + (yearAgo ? 12 : n);
    params.period_start = `${month(first)}-01`;
    params.as_of = dayClipped(first + n - 1, x.pick([0, 0, 1, 15, 28, 29, 30, 31]));
    const earlierStart = `${month(m0 - 1)}-01`;
    const covered = x.chance(0.5);
    sales.push(
      line(covered ? earlierStart : nextDay(earlierStart), x.pick([null, customers[0]]), 'O1', 1, 20),
    );
    if (yearAgo && x.chance(0.6)) params.migration = { compare: 'year_ago' };
  } else if (x.chance(0.25))
    params.migration = { compare: x.pick(['year_ago', '2023', '2024', '2023-Q3', '2023-Q4', '2024-Q1']) };
  return { seed, tables, params };
}
