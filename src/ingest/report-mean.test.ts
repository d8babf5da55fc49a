import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { fromBytes } from './input';
import { inspectFile, loadFiles } from './load';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('load report: rates are averaged, amounts summed', () => {
  it("Superstore's Discount and a unit price show their mean per row; revenue its sum", async () => {
    // Worked by hand: discounts 0, 0.2, 0.45 (mean 0.2166…; their sum 0.65 means nothing);
    // unit prices 10, 20, 60 (mean 30); revenue 261.96 + 731.94 + 957.5775 = 1,951.4775.
    const csv = [
      'Order Date,Customer ID,Sales,Quantity,Unit Price,Discount',
      '2016-11-08,CG-12520,261.96,2,10,0',
      '2016-11-08,CG-12520,731.94,3,20,0.2',
      '2015-10-11,SO-20335,957.5775,5,60,0.45',
    ].join('\n');
    const plan = await inspectFile(fromBytes(new TextEncoder().encode(csv), 'superstore.csv'));
    expect(plan.columns.map((c) => c.role)).toContain('discount');
    const [report] = await loadFiles(db, [plan]);
    const total = (role: string) => report.totals.find((t) => t.role === role);
    expect(total('discount')?.mean?.loaded).toBeCloseTo(0.65 / 3, 12);
    expect(total('discount')?.mean?.read).toBeCloseTo(0.65 / 3, 12);
    expect(total('unit_price')?.mean).toEqual({ read: 30, loaded: 30 });
    expect(total('revenue')?.mean).toBeUndefined();
    expect(total('revenue')?.loaded).toBeCloseTo(1951.4775, 9);
  });
});
