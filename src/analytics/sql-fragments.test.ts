import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { sqlNumber } from '../engine/sql';
import { marginRate, marginRateSql, relativeChange, relativeChangeSql } from './common';
import { defaultParams } from './params';
import { PRODUCT_CATEGORY_CTE, planCategorySql, planCustomersSql, planProductJoinSql } from './plan-sql';

/** The shared SQL fragments give what their TypeScript twins give (the same rule written once each). */
describe('shared SQL fragments', () => {
  let db: NodeEngine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  const lit = (x: number | null) => (x === null ? 'NULL::DOUBLE' : `${sqlNumber(x)}::DOUBLE`);

  it('relativeChangeSql agrees with relativeChange, NULL when before is NULL or ≤ 0', async () => {
    const cases: [number | null, number | null][] = [
      [150, 100],
      [50, 100],
      [0, 100],
      [5, 0],
      [5, 1e-10],
      [5, -3],
      [5, null],
      [-20, 40],
    ];
    for (const [now, before] of cases) {
      const [r] = await db.rows<{ x: number | null }>(
        `SELECT ${relativeChangeSql(lit(now ?? 0), lit(before))} AS x`,
      );
      expect(r.x, `${now} vs ${before}`).toBe(relativeChange(now ?? 0, before));
    }
  });

  it('marginRateSql agrees with marginRate: NULL without gross profit or without positive revenue', async () => {
    const cases: [number | null, number][] = [
      [30, 120],
      [-10, 50],
      [null, 120],
      [30, 0],
      [30, -5],
    ];
    for (const [gp, revenue] of cases) {
      const [r] = await db.rows<{ x: number | null }>(
        `SELECT ${marginRateSql(lit(gp), lit(revenue), gp === null ? 'FALSE' : 'TRUE')} AS x`,
      );
      expect(r.x, `${gp} / ${revenue}`).toBe(marginRate(gp, revenue));
    }
  });

  it("a plan row's category is its own, else its product's (the smallest the sales name), else the fallback", async () => {
    await db.exec(`CREATE OR REPLACE TABLE sales AS SELECT * FROM (VALUES
      ('C1', 'P1', 'Oil'), ('C1', 'P1', 'Additive'), ('C2', 'P2', 'Solvent'), ('C3', NULL, 'Oil'))
      t(customer_id, product_id, category)`);
    await db.exec(`CREATE OR REPLACE TABLE plan AS SELECT * FROM (VALUES
      ('C1', 'P1', NULL), ('C2', 'P2', 'Own'), ('C3', NULL, NULL), ('C4', 'P9', NULL))
      t(customer_id, product_id, category)`);
    const rows = await db.rows<{ customer_id: string; c: string | null; f: string }>(
      `WITH ${PRODUCT_CATEGORY_CTE}
       SELECT pl.customer_id, ${planCategorySql('pl')} AS c, ${planCategorySql('pl', "''")} AS f
       FROM plan pl ${planProductJoinSql('pl')} ORDER BY 1`,
    );
    expect(rows).toEqual([
      { customer_id: 'C1', c: 'Additive', f: 'Additive' },
      { customer_id: 'C2', c: 'Own', f: 'Own' },
      { customer_id: 'C3', c: null, f: '' },
      { customer_id: 'C4', c: null, f: '' },
    ]);
  });

  it('a filtered view counts the plans of customers with filtered sales rows; no filter, no condition', async () => {
    const filters = defaultParams().filters;
    expect(planCustomersSql('pl.customer_id', filters)).toBe('');
    filters.category = ['Oil'];
    const rows = await db.rows<{ customer_id: string }>(
      `SELECT customer_id FROM plan pl WHERE TRUE ${planCustomersSql('pl.customer_id', filters)} ORDER BY 1`,
    );
    expect(rows.map((r) => r.customer_id)).toEqual(['C1', 'C3']);
  });
});
