/**
 * The thresholds applied in TypeScript give the very classes of `buildParetoSql`'s CASE: for
 * generated datasets, both entities, and thresholds taken from the ranking itself (a cumulative
 * share exactly, 1e-9 either side of it: the edges of the tolerance), the whole result equals
 * the SQL's, value for value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { CANONICAL, type TableKind } from '../ingest/canonical';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { generateCase } from '../../test/reference/random-dataset';
import { resolvePeriod } from './common';
import { resolveParams } from './params';
import { paretoParams, runParetoFor } from './pareto';
import { abcClass, sqlReadsExactly, withThresholds } from './pareto-thresholds';

describe('ABC thresholds applied to a kept ranking', () => {
  let db: NodeEngine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('equal the SQL classification on 40 generated datasets', async () => {
    let compared = 0;
    let toSql = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = generateCase(seed);
      for (const kind of Object.keys(CANONICAL) as TableKind[]) {
        const rows = (c.tables as Partial<Record<string, FixtureRow[]>>)[kind];
        if (rows) await createTable(db, kind, rows);
        else await db.exec(`DROP TABLE IF EXISTS ${kind}`);
      }
      const params = resolveParams(c.params);
      const period = await resolvePeriod(db, params);
      if (!period) continue;
      for (const entity of ['customer', 'product'] as const) {
        const kept = await runParetoFor(db, paretoParams(params, period, entity));
        // Thresholds on a cumulative share of the ranking (rounded to 12–15 digits), 1e-9 either
        // side of it (the tolerance's edge), and unrounded ones (17 digits: the SQL's to give).
        const edges = kept.rows.flatMap((r) =>
          r.cumBefore === null || r.cumBefore <= 0
            ? []
            : [12, 15].flatMap((d) =>
                [0, 1e-9, -1e-9, 2e-9].map((off) => Number((r.cumBefore! + off).toPrecision(d))),
              ),
        );
        const raw = kept.rows.flatMap((r) => (r.cumBefore ? [r.cumBefore + 1e-9] : []));
        const pairs = [
          { a: 0.7, b: 0.9 },
          { a: 0.5, b: 0.5 },
          ...[...edges, ...raw].filter((a) => a > 0 && a < 1).map((a) => ({ a, b: Math.min(1, a + 0.1) })),
        ];
        for (const abc of pairs) {
          const p = { ...paretoParams(params, period, entity), abc };
          const fromKept = withThresholds(kept, abc);
          if (!fromKept) {
            expect(sqlReadsExactly(abc.a) && sqlReadsExactly(abc.b)).toBe(false);
            toSql++;
            continue;
          }
          expect(fromKept, `seed ${seed} ${entity} ${JSON.stringify(abc)}`).toEqual(
            await runParetoFor(db, p),
          );
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(toSql).toBeGreaterThan(50);
  }, 120_000);

  it('knows which thresholds DuckDB reads as the same double', () => {
    expect(sqlReadsExactly(0.8)).toBe(true);
    expect(sqlReadsExactly(0.123456789012345)).toBe(true);
    expect(sqlReadsExactly(0.9894425685675675)).toBe(false);
    expect(sqlReadsExactly(1e-7)).toBe(true);
  });

  it('classes at the edges of the tolerance', () => {
    const row = (value: number, cumBefore: number | null, share: number | null = 0.1) => ({
      value,
      cumBefore,
      share,
    });
    const abc = { a: 0.8, b: 0.95 };
    expect(abcClass(row(5, 0.8 - 2e-9), abc)).toBe('A');
    expect(abcClass(row(5, 0.8 - 1e-9), abc)).toBe('B');
    expect(abcClass(row(5, 0.95), abc)).toBe('C');
    expect(abcClass(row(1e-9, 0), abc)).toBe('C');
    expect(abcClass(row(5, null, null), abc)).toBe('C');
  });
});
