import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../../test/helpers/tables';
import { NodeEngine } from '../../engine/node';
import { defaultParams, type Params } from '../params';
import { buildForecastInputSql, runForecast } from './forecast';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const row = (
  c: string | null,
  d: string,
  revenue: number,
  quantity: number | null = 1,
  region = 'N',
): FixtureRow => ({ customer_id: c, order_date: d, revenue, quantity, region });

const params = (over: Partial<Params> = {}): Params => ({ ...defaultParams(), as_of: '2024-03-31', ...over });

describe('forecast input (analytics.md §10: purchase days, x, t_x, T_c, m_x)', () => {
  beforeAll(async () => {
    await createTable(db, 'sales', [
      // c1: purchase days 01-01 (100), 01-08 (50 − 20 = 30, a return that day is netted),
      // 01-29 (revenue 0, quantity 2: a sale at no charge, value 0), 03-10 (40);
      // 01-15 has only a return: not a purchase day.
      row('c1', '2024-01-01', 100),
      row('c1', '2024-01-08', 50),
      row('c1', '2024-01-08', -20, -1),
      row('c1', '2024-01-15', -10, -1),
      row('c1', '2024-01-29', 0, 2),
      row('c1', '2024-03-10', 40),
      // c2: two lines on one day are one purchase day.
      row('c2', '2024-02-01', 80),
      row('c2', '2024-02-01', 80),
      // c3: only a return: no purchase day, left out. A free line without quantity is no sale either.
      row('c3', '2024-02-10', -5, -1),
      row('c3', '2024-02-11', 0, null),
      // Rows without a customer are left out; rows after T are not read.
      row(null, '2024-02-01', 1000),
      row('c4', '2024-03-31', 10),
      row('c4', '2024-04-05', 10),
      // Another region (for the filter).
      row('s1', '2024-01-05', 70, 1, 'S'),
    ]);
  });

  it('computes x, t_x, T_c (weeks) and m_x as of T', async () => {
    // T = 2024-03-31. c1: first 01-01, last 03-10 → t_x = 69/7; T_c = 90/7; x = 3;
    //   m_x = mean(30, 0, 40) = 70/3; past value 100 + 30 + 0 + 40 = 170 (the return-only day
    //   01-15 is no purchase day). c2: x 0, T_c = 59/7, 160.  c4: first day = T → T_c 0, 10
    //   (04-05 is after T).  s1: T_c 86/7, 70.
    const rows = await db.rows(
      buildForecastInputSql({
        asOf: '2024-03-31',
        calibrationEnd: '2024-03-31',
        filters: defaultParams().filters,
      }),
    );
    expect(rows).toEqual([
      { customer_id: 'c1', x: 3, t_x: 69 / 7, T_c: 90 / 7, m_x: 70 / 3, past_value: 170, holdout_days: 0 },
      { customer_id: 'c2', x: 0, t_x: 0, T_c: 59 / 7, m_x: null, past_value: 160, holdout_days: 0 },
      { customer_id: 'c4', x: 0, t_x: 0, T_c: 0, m_x: null, past_value: 10, holdout_days: 0 },
      { customer_id: 's1', x: 0, t_x: 0, T_c: 86 / 7, m_x: null, past_value: 70, holdout_days: 0 },
    ]);
  });

  it('splits calibration and holdout days (4 holdout weeks: calibration ends 2024-03-03)', async () => {
    // c1 before 03-03: days 01-01, 01-08, 01-29 → x 2, t_x 28/7 = 4, T_c 62/7, m_x mean(30, 0) = 15;
    //   03-10 falls in the holdout; past value 130 (up to 03-03). c4 first bought after 03-03: not
    //   a calibration customer.
    const rows = await db.rows(
      buildForecastInputSql({
        asOf: '2024-03-31',
        calibrationEnd: '2024-03-03',
        filters: defaultParams().filters,
      }),
    );
    expect(rows).toEqual([
      { customer_id: 'c1', x: 2, t_x: 4, T_c: 62 / 7, m_x: 15, past_value: 130, holdout_days: 1 },
      { customer_id: 'c2', x: 0, t_x: 0, T_c: 31 / 7, m_x: null, past_value: 160, holdout_days: 0 },
      { customer_id: 's1', x: 0, t_x: 0, T_c: 58 / 7, m_x: null, past_value: 70, holdout_days: 0 },
    ]);
  });

  it('applies the filters before anything', async () => {
    const filters = { ...defaultParams().filters, region: ['S'] };
    const rows = await db.rows(
      buildForecastInputSql({ asOf: '2024-03-31', calibrationEnd: '2024-03-31', filters }),
    );
    expect(rows.map((r) => r.customer_id)).toEqual(['s1']);
  });

  it('gives no forecast with too few repeaters, says why, and writes no NaN', async () => {
    const f = (await runForecast(db, params()))!;
    expect(f.model).toBeNull();
    expect(f.reason).toBe('too_few_repeaters');
    expect(f.customers).toBe(4);
    expect(f.repeaters).toBe(1);
    expect(f.rows.every((r) => r.pAlive === null && r.expectedValue === null)).toBe(true);
    expect(JSON.stringify(f)).not.toContain('NaN');
    const none = (await runForecast(db, params({ filters: { ...defaultParams().filters, region: ['X'] } })))!;
    expect(none.reason).toBe('no_customers');
  });
});

describe('runForecast on a population with enough repeaters', () => {
  beforeAll(async () => {
    // 60 customers over 2023–2024, customer i buying every (7 + i mod 11) days for (i mod 9) + 1
    // purchases from day i; amounts vary with i. Deterministic, no randomness.
    const rows: FixtureRow[] = [];
    const day0 = Date.UTC(2023, 0, 1);
    for (let i = 0; i < 60; i++) {
      const n = (i % 9) + 1;
      for (let k = 0; k < n; k++) {
        const d = new Date(day0 + (i * 5 + k * (7 + (i % 11)) * (1 + (i % 3))) * 864e5)
          .toISOString()
          .slice(0, 10);
        rows.push(row(`k${String(i).padStart(2, '0')}`, d, 20 + ((i * 7 + k * 13) % 50)));
      }
    }
    await createTable(db, 'sales', rows);
  });

  it('fits, scores every customer, orders by expected value, and checks against a holdout', async () => {
    const p = params({ as_of: '2023-12-31', forecast: { horizon_weeks: 26, holdout_weeks: 8 } });
    const f = (await runForecast(db, p))!;
    expect(f.reason).toBeNull();
    expect(f.model).not.toBeNull();
    expect(f.customers).toBe(60);
    expect(JSON.stringify(f)).not.toContain('NaN');
    for (const r of f.rows) {
      if (r.frequency === 0) {
        expect(r.pAlive).toBe(1);
        expect(r.monetary).toBeNull();
      }
      expect(r.expectedValue).toBeCloseTo(r.expectedPurchases! * r.expectedAvgValue!, 9);
    }
    for (let i = 1; i < f.rows.length; i++) {
      const [a, b] = [f.rows[i - 1], f.rows[i]];
      expect(
        a.expectedValue! > b.expectedValue! ||
          (a.expectedValue === b.expectedValue && a.customerId < b.customerId),
      ).toBe(true);
    }
    const h = f.holdout!;
    expect(h.reason).toBeNull();
    expect(h.calibrationEnd).toBe('2023-11-05');
    expect(h.buckets.map((b) => b.bucket)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(h.buckets.reduce((s, b) => s + b.customers, 0)).toBe(h.customers);
    expect(h.buckets.reduce((s, b) => s + b.actual, 0)).toBe(h.actual);
    expect(h.predicted).toBeGreaterThan(0);
  });

  it('a longer horizon never lowers a customer’s expected purchases', async () => {
    const short = (await runForecast(
      db,
      params({ as_of: '2023-12-31', forecast: { horizon_weeks: 13, holdout_weeks: 0 } }),
    ))!;
    const long = (await runForecast(
      db,
      params({ as_of: '2023-12-31', forecast: { horizon_weeks: 52, holdout_weeks: 0 } }),
    ))!;
    expect(long.holdout).toBeNull();
    const byId = new Map(short.rows.map((r) => [r.customerId, r.expectedPurchases!]));
    for (const r of long.rows) expect(r.expectedPurchases!).toBeGreaterThan(byId.get(r.customerId)!);
  });
});
