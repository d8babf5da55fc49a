import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { fromBytes } from '../ingest/input';
import { inspectFile, loadFiles } from '../ingest/load';
import type { Engine, QueryOptions } from '../engine/types';
import { datasetCaps, resolvePeriod } from './common';
import { defaultParams } from './params';
import { ANALYSES } from './registry';
import { runAll, runEach } from './run-all';

describe('runEach', () => {
  it('hands each result over in the registry’s order, the same as runAll’s, with analyses started ahead', async () => {
    const db = await NodeEngine.start();
    try {
      const sales = gunzipSync(readFileSync('sample-data/demo/sales.csv.gz'));
      await loadFiles(db, [await inspectFile(fromBytes(sales, 'sales.csv'))]);
      const params = defaultParams();
      const all = await runAll(db, params);
      const seen: [string, unknown][] = [];
      const info = await runEach(db, params, (id, r) => void seen.push([id, r]), undefined, {
        ahead: ['forecast', 'key_accounts'],
      });
      expect(seen.map(([id]) => id)).toEqual(ANALYSES.filter((a) => a.run).map((a) => a.id));
      expect(Object.fromEntries(seen)).toEqual(all!.results);
      expect(info).toEqual({ params: all!.params, period: all!.period, caps: all!.caps });
    } finally {
      await db.close();
    }
  }, 120_000);

  it('computes a statement several analyses contain once, and gives the results of each analysis run alone', async () => {
    const db = await NodeEngine.start();
    try {
      const sales = gunzipSync(readFileSync('sample-data/demo/sales.csv.gz'));
      await loadFiles(db, [await inspectFile(fromBytes(sales, 'sales.csv'))]);
      const params = defaultParams();
      const alone: Record<string, unknown> = {};
      const period = (await resolvePeriod(db, params))!;
      const ctx = { params, period, caps: await datasetCaps(db) };
      for (const a of ANALYSES)
        if (a.run) alone[a.id] = await (a.run as (d: Engine, c: typeof ctx) => Promise<unknown>)(db, ctx);
      const sql: string[] = [];
      const query = db.query.bind(db);
      db.query = ((r: { sql: string }, o?: QueryOptions) => {
        sql.push(r.sql);
        return query(r as never, o);
      }) as typeof db.query;
      const all = await runAll(db, params);
      expect(all!.results).toEqual(alone);
      const staged = sql.filter((s) => s.startsWith('CREATE TEMP TABLE share_'));
      // The customer Pareto (abc, again in migration), the KPI metrics and the stages at the end (kpi and lifecycle, again in key accounts).
      expect(staged).toHaveLength(3);
      const factors = sql.find((s) => s.startsWith('WITH kpi AS'))!;
      expect(factors).toMatch(/WITH kpi AS \(\s*SELECT \* FROM share_\w+\s*\)/);
      expect(factors).toMatch(/SELECT customer_id, stage FROM share_\w+/);
      // The customer rankings: abc's (staged) and migration's earlier period; its current period reads the table.
      const rankings = sql.filter((s) => /entities AS \(\s*SELECT CAST\("customer_id"/.test(s));
      expect(rankings).toHaveLength(2);
      expect(rankings[0]).toMatch(/^CREATE TEMP TABLE share_/);
      const [left] = await db.rows<{ n: number }>(
        "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'share_%'",
      );
      expect(left.n).toBe(0);
    } finally {
      await db.close();
    }
  }, 180_000);
});
