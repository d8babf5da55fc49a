import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { runDimensionValues } from './dimensions';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('dimension values', () => {
  it('lists each filter dimension by revenue, nulls left out', async () => {
    await createTable(db, 'sales', [
      { order_date: '2024-01-01', customer_id: 'A', region: '华南', revenue: 10 },
      { order_date: '2024-01-01', customer_id: 'B', region: '华东', revenue: 30 },
      { order_date: '2024-01-02', customer_id: 'C', region: '华南', revenue: 25 },
      { order_date: '2024-01-02', customer_id: 'D', region: null, revenue: 99 },
    ]);
    const d = await runDimensionValues(db);
    expect(d.region).toEqual([
      { value: '华南', revenue: 35, rows: 2 },
      { value: '华东', revenue: 30, rows: 1 },
    ]);
    expect(d.channel).toEqual([]);
  });

  it('offers nothing when no sales are loaded (a survey alone), not an error', async () => {
    const empty = await NodeEngine.start();
    try {
      await createTable(empty, 'survey', [{ response_id: 'R1', customer_id: 'C1', item: 'Q1', answer: 4 }]);
      const d = await runDimensionValues(empty);
      expect(Object.values(d).every((list) => list.length === 0)).toBe(true);
      expect(Object.keys(d).sort()).toEqual(['category', 'channel', 'customer_type', 'region', 'sales_rep']);
    } finally {
      await empty.close();
    }
  });
});
