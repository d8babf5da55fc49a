/**
 * The published CDNOW figures (analytics.md §10; shared/data/real/README.md): BG/NBD
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (Fader, Hardie & Lee 2005,
 * Marketing Science 24(2)); 946 of 2,357 customers repeat; Gamma-Gamma p = 6.25, q = 3.74,
 * γ = 15.44 (Fader, Hardie & Lee 2005, JMR 42(4)). Fitted on purchases up to 1997-09-30.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedByIntegral } from '../../../test/helpers/bgnbd-integral';
import { realDataPath, requireRealData } from '../../../test/helpers/real-data';
import { NodeEngine } from '../../engine/node';
import { sqlString } from '../../engine/sql';
import { defaultParams, type Params } from '../params';
import { expectedPurchases, pAlive } from './bgnbd';
import { runForecast, type ForecastResult } from './forecast';

// ../shared/data/real beside the repository: a failing test under CI=true when missing, else a skip.
const FILE = realDataPath('cdnow_sample.csv');
const present = requireRealData(['cdnow_sample.csv']);

describe.skipIf(!present)('value forecast on CDNOW (published figures, analytics.md §10)', () => {
  let db: NodeEngine;
  let f: ForecastResult;
  let seconds = 0;
  const params: Params = {
    ...defaultParams(),
    as_of: '1997-09-30',
    forecast: { horizon_weeks: 39, holdout_weeks: 0 },
  };

  beforeAll(async () => {
    db = await NodeEngine.start();
    await db.registerFile('cdnow_sample.csv', { kind: 'path', path: FILE });
    // The ingest is not under test here: the file's columns are read as they are.
    await db.exec(`CREATE TABLE sales AS
      SELECT customer_id, strptime(order_date, '%Y%m%d')::DATE AS order_date,
             quantity::DOUBLE AS quantity, revenue::DOUBLE AS revenue
      FROM read_csv(${sqlString('cdnow_sample.csv')}, header = true,
        columns = {'customer_id': 'VARCHAR', 'master_id': 'VARCHAR', 'order_date': 'VARCHAR',
                   'quantity': 'DOUBLE', 'revenue': 'DOUBLE'})`);
    const t0 = performance.now();
    f = (await runForecast(db, params))!;
    seconds = (performance.now() - t0) / 1000;
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('counts 2,357 customers, 946 of them repeat', () => {
    expect(f.customers).toBe(2357);
    expect(f.repeaters).toBe(946);
    expect(f.rows).toHaveLength(2357);
  });

  it('fits BG/NBD r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
    const m = f.model!;
    console.info(`CDNOW fit+scoring ${seconds.toFixed(3)} s`, JSON.stringify(m));
    // The published 3 decimals: within half a unit of the last digit.
    expect(Math.abs(m.bgnbd.r - 0.243)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(m.bgnbd.alpha - 4.414)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(m.bgnbd.a - 0.793)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(m.bgnbd.b - 2.426)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs(m.bgnbd.ll - -9582.4)).toBeLessThanOrEqual(0.05);
    expect(m.onBound).toEqual([]);
  });

  it('fits Gamma-Gamma p = 6.25, q = 3.74, γ = 15.44', () => {
    const g = f.model!.gammaGamma;
    expect(Math.abs(g.p - 6.25)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(g.q - 3.74)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(g.gamma - 15.44)).toBeLessThanOrEqual(0.005);
  });

  it('gives per-customer P(alive) and expected purchases that an independent formula confirms (test/helpers/bgnbd-integral.ts)', () => {
    const m = f.model!.bgnbd;
    // A few customers of each kind: one-time buyers, light and heavy repeaters.
    const picks = [
      f.rows.find((r) => r.frequency === 0)!,
      f.rows.find((r) => r.frequency === 1)!,
      f.rows.find((r) => r.frequency === 2)!,
      f.rows.find((r) => r.frequency >= 10)!,
      f.rows.at(-1)!,
    ];
    for (const row of picks) {
      const want = expectedByIntegral(m, { x: row.frequency, tx: row.recencyWeeks, T: row.ageWeeks }, 39);
      expect(Math.abs(row.expectedPurchases! - want), row.customerId).toBeLessThan(1e-8 * Math.max(1, want));
      const alive =
        row.frequency === 0
          ? 1
          : 1 /
            (1 +
              (m.a / (m.b + row.frequency - 1)) *
                Math.pow((m.alpha + row.ageWeeks) / (m.alpha + row.recencyWeeks), m.r + row.frequency));
      expect(row.pAlive).toBeCloseTo(alive, 14);
    }
  });

  it("reproduces the paper's worked customer (x = 2, t_x = 30.43, T = 38.86: 1.226 purchases in 39 weeks)", () => {
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const t = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedPurchases(published, t, 39)).toBeCloseTo(1.226, 3);
    expect(expectedPurchases(published, t, 39)).toBeCloseTo(expectedByIntegral(published, t, 39), 9);
    expect(pAlive(published, t)).toBeGreaterThan(0.5);
  });

  it('holdout: T = 1998-06-30 with 39 holdout weeks fits on data to 1997-09-30 (the published fit) and compares weeks 40–78', async () => {
    const h = (await runForecast(db, {
      ...params,
      as_of: '1998-06-30',
      forecast: { horizon_weeks: 52, holdout_weeks: 39 },
    }))!.holdout!;
    expect(h.calibrationEnd).toBe('1997-09-30');
    expect(h.customers).toBe(2357);
    expect(h.model!.bgnbd.ll).toBeCloseTo(f.model!.bgnbd.ll, 6);
    console.info(
      'CDNOW holdout',
      JSON.stringify({ predicted: h.predicted, actual: h.actual, buckets: h.buckets }),
    );
    expect(h.buckets.reduce((s, b) => s + b.customers, 0)).toBe(2357);
    // Measured: 1,653.4 predicted vs 1,882 actual purchase days (−12 %); conditional means rise with x
    // on both sides (0.225 vs 0.237 for x = 0 … 6.16 vs 6.36 for 7+). Not a published figure: checked loosely.
    expect(h.actual).toBe(1882);
    expect(Math.abs(h.predicted! / h.actual - 1)).toBeLessThan(0.15);
    const means = h.buckets.map((b) => b.meanPredicted!);
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1]);
  }, 60_000);

  it('orders clv rows by expected value, then id', () => {
    for (let i = 1; i < f.rows.length; i++)
      expect(f.rows[i - 1].expectedValue! >= f.rows[i].expectedValue!).toBe(true);
  });
});
