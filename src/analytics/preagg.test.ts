/**
 * Pre-aggregates against the scan, oracle style: on the demo, on generated datasets that exercise
 * the edges of the spec (multi-line orders across customers, categories and dates, rows without
 * a customer or order id, returns, NULL dimensions, partial months) and on a hand-made one, the
 * headline figures and the monthly trend answered from the tables equal the scan's — counts
 * exactly, sums within 1e-9 relative (they are added in another order, analytics.md §0) — for
 * no filter, each dimension, several values, several dimensions and a value that does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { CANONICAL, type TableKind } from '../ingest/canonical';
import { wholeDataTrend } from '../state/page-analyses';
import { loadDemo } from '../../test/helpers/demo';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { closeEnough } from '../../test/reference/compare';
import { generateCase } from '../../test/reference/random-dataset';
import { datasetCaps, resolvePeriod } from './common';
import { runOverview, scanHeadline } from './overview';
import { FILTER_KEYS, resolveParams, type Filters, type Params } from './params';
import { scanSeries } from './performance';
import {
  buildPreaggregates,
  dropPreaggregates,
  headlineFromPreagg,
  headlineFromPreaggSql,
  preaggSpec,
  seriesFromPreagg,
  type PreaggSpec,
} from './preagg';

/** Every difference between two results: numbers within 1e-9 relative, everything else equal. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number')
    return closeEnough(a, b) ? [] : [`${path}: scan ${a} ≠ pre-aggregates ${b}`];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  return a === b ? [] : [`${path}: scan ${JSON.stringify(a)} ≠ pre-aggregates ${JSON.stringify(b)}`];
}

/** Filters to try: none, one value of each dimension, two values, two dimensions, a value nobody has. */
async function filterSets(db: Engine): Promise<Filters[]> {
  const none = Object.fromEntries(FILTER_KEYS.map((k) => [k, []])) as unknown as Filters;
  const out: Filters[] = [none];
  const values: Record<string, string[]> = {};
  for (const k of FILTER_KEYS) {
    const rows = await db.rows<{ v: string }>(
      `SELECT DISTINCT CAST(${k} AS VARCHAR) AS v FROM sales WHERE ${k} IS NOT NULL ORDER BY 1 LIMIT 3`,
    );
    values[k] = rows.map((r) => r.v);
    if (values[k][0]) out.push({ ...none, [k]: [values[k][0]] });
    if (values[k].length > 1) out.push({ ...none, [k]: values[k].slice(0, 2) });
  }
  const [x, y] = FILTER_KEYS.filter((k) => values[k].length);
  if (x && y) out.push({ ...none, [x]: [values[x].at(-1)!], [y]: [values[y][0]] });
  out.push({ ...none, region: ['no such region'] });
  return out;
}

/** Compare the scan with the pre-aggregates for every filter set; returns the differences and how often the tables answered. */
async function compare(
  db: Engine,
  params: Params,
  prefix: string,
): Promise<{ diffs: string[]; answered: number; asked: number }> {
  const period = await resolvePeriod(db, params);
  if (!period) return { diffs: [], answered: 0, asked: 0 };
  const spec: PreaggSpec = preaggSpec(prefix, period, (await datasetCaps(db)).plan);
  const build = await buildPreaggregates(db, spec);
  const diffs: string[] = [];
  let answered = 0;
  let asked = 0;
  try {
    for (const filters of await filterSets(db)) {
      const p = { ...params, filters };
      const scan = await runOverview(db, p);
      const agg = await runOverview(db, p, async (e, ranges, q) => {
        asked++;
        const row = await headlineFromPreagg(e, build, ranges, q);
        if (row) answered++;
        return row ?? scanHeadline(e, ranges, q);
      });
      diffs.push(...differences(scan, agg, `headline ${JSON.stringify(filters)}`));
      const trend = await wholeDataTrend(db, p);
      const trendAgg = await wholeDataTrend(db, p, async (e, o) => {
        asked++;
        const rows = o.grain === 'month' ? await seriesFromPreagg(e, build, o) : null;
        if (rows) answered++;
        return rows ?? scanSeries(e, o);
      });
      diffs.push(...differences(trend, trendAgg, `trend ${JSON.stringify(filters)}`));
    }
  } finally {
    await dropPreaggregates(db, spec);
  }
  return { diffs: diffs.slice(0, 20), answered, asked };
}

describe('pre-aggregates answer as the scan does', () => {
  let db: NodeEngine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function load(tables: Partial<Record<string, FixtureRow[]>>): Promise<void> {
    for (const kind of Object.keys(CANONICAL) as TableKind[]) {
      const rows = tables[kind];
      if (rows) await createTable(db, kind, rows);
      else await db.exec(`DROP TABLE IF EXISTS ${kind}`);
    }
  }

  it('on 40 generated datasets with their parameters, every filter set', async () => {
    let answered = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = generateCase(seed);
      await load(c.tables);
      const r = await compare(db, resolveParams(c.params), `preagg_g${seed}`);
      expect(r.diffs, `seed ${seed}`).toEqual([]);
      expect(r.answered, `seed ${seed}: every question answered by the tables`).toBe(r.asked);
      answered += r.answered;
    }
    expect(answered).toBeGreaterThan(400);
  }, 300_000);

  it('on a hand-made dataset: orders across cells, rows without order id or customer, impure customers, a mid-month T', async () => {
    const row = (
      d: string,
      o: string | null,
      c: string | null,
      cat: string,
      region: string | null,
      rev: number,
    ): FixtureRow => ({
      order_date: d,
      order_id: o,
      customer_id: c,
      category: cat,
      region,
      channel: 'web',
      revenue: rev,
      cost: rev / 2,
      gross_profit: rev / 2,
      quantity: 1,
    });
    await load({
      sales: [
        // One order over two categories (complex): in, out or half in under a category filter.
        row('2024-03-05', 'A', 'C1', 'oil', 'north', 100),
        row('2024-03-05', 'A', 'C1', 'gas', 'north', -60),
        // An order over two ranges' days (complex) and one netting to zero (not an order).
        row('2023-03-30', 'B', 'C2', 'oil', 'south', 50),
        row('2024-03-02', 'B', 'C2', 'oil', 'south', 20),
        row('2024-02-10', 'Z', 'C2', 'oil', 'south', 30),
        row('2024-02-10', 'Z', 'C2', 'oil', 'south', -30),
        // Customer C3 in two regions (impure), one of them NULL.
        row('2024-01-15', 'D', 'C3', 'oil', 'north', 10),
        row('2024-02-15', 'E', 'C3', 'oil', null, 15),
        row('2023-02-15', 'F', 'C3', 'gas', 'south', 40),
        // No order id: customer × day; no customer: company totals only.
        row('2024-03-09', null, 'C4', 'gas', 'north', 5),
        row('2024-03-09', null, 'C4', 'oil', 'north', 7),
        row('2024-03-10', null, null, 'gas', 'north', 9),
        row('2023-03-10', null, null, 'gas', 'north', -4),
        row('2024-03-12', 'G', null, 'oil', 'south', 11),
      ],
    });
    for (const as_of of [null, '2024-03-09', '2024-02-29']) {
      const r = await compare(db, resolveParams({ as_of }), `preagg_h`);
      expect(r.diffs, `as_of ${as_of}`).toEqual([]);
      expect(r.answered).toBe(r.asked);
    }
  });

  it('on the demo, with its plan (the trend with its plan line) and without (a year-on-year line)', async () => {
    await load({});
    await loadDemo(db);
    for (const plan of [true, false]) {
      if (!plan) await db.exec('DROP TABLE plan');
      // The comparison covers the year-on-year figures: the demo's trend has some.
      const trend = await wholeDataTrend(db, resolveParams({}));
      expect(trend!.series.filter((b) => b.yoy !== null).length).toBeGreaterThan(6);
      for (const raw of [{}, { as_of: '2025-06-15' }, { period_start: '2024-10-01' }]) {
        const r = await compare(db, resolveParams(raw), 'preagg_demo');
        expect(r.diffs, `${JSON.stringify(raw)}, plan ${plan}`).toEqual([]);
        expect(r.answered).toBe(r.asked);
      }
    }
  }, 120_000);

  it('answers only ranges it was built for: another period goes to the scan', async () => {
    await load(generateCase(3).tables);
    const params = resolveParams({});
    const period = (await resolvePeriod(db, params))!;
    const spec = preaggSpec('preagg_other', period, false);
    expect(headlineFromPreaggSql(spec, [{ start: period.start, end: period.asOf }], params)).not.toBeNull();
    expect(headlineFromPreaggSql(spec, [{ start: period.start, end: '2000-01-01' }], params)).toBeNull();
  });
});
