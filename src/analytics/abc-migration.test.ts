import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { migrationCsv } from '../results/migration-files';
import { migrationRange, runMigration } from './abc-migration';
import { defaultParams } from './params';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const sale = (order_date: string, customer_id: string, revenue: number) => ({
  order_date,
  customer_id,
  revenue,
});

function params(compare = 'previous') {
  const p = defaultParams();
  p.period_start = '2024-04-01';
  p.as_of = '2024-06-30';
  p.migration.compare = compare;
  return p;
}

describe('ABC migration (analytics.md §13)', () => {
  it('pairs the classes of the period and the previous one, with new and gone', async () => {
    // Previous period 2024-01 … 03: A 500, B 300, C 150, D 50 (P = 1000); cum_before 0, .5, .8, .95
    // → A, A, B (.8 is not < .8), C (.95 is not < .95).
    // Now 2024-04 … 06: B 600, C 300, A 100, E 100 (A before E: equal values, then id); P = 1100;
    // cum_before 0, .545, .818, .909 → A, A, B, B. D is gone, E is new.
    await createTable(db, 'sales', [
      sale('2024-01-01', 'A', 500),
      sale('2024-02-10', 'B', 300),
      sale('2024-03-05', 'C', 150),
      sale('2024-03-31', 'D', 50),
      sale('2024-04-02', 'A', 100),
      sale('2024-05-02', 'B', 600),
      sale('2024-06-30', 'C', 300),
      sale('2024-06-01', 'E', 100),
      sale('2024-06-02', null as unknown as string, 999), // no customer: not ranked
    ]);
    const r = (await runMigration(db, params()))!;
    expect(r.compare).toEqual({ start: '2024-01-01', end: '2024-03-31', covered: true, spec: 'previous' });
    expect(r.rows.map((x) => [x.customerId, x.classBefore, x.classNow, x.valueBefore, x.valueNow])).toEqual([
      ['A', 'A', 'B', 500, 100],
      ['B', 'A', 'A', 300, 600],
      ['C', 'B', 'A', 150, 300],
      ['D', 'C', null, 50, null],
      ['E', null, 'B', null, 100],
    ]);
    expect(r.matrix).toEqual([
      { from: 'A', to: 'A', count: 1 },
      { from: 'A', to: 'B', count: 1 },
      { from: 'B', to: 'A', count: 1 },
      { from: 'C', to: 'gone', count: 1 },
      { from: 'new', to: 'B', count: 1 },
    ]);
    expect(r.moved).toBe(4);
    expect(migrationCsv(r)).toBe(
      'customer_id,class_before,class_now,value_before,value_now\nA,A,B,500,100\nB,A,A,300,600\nC,B,A,150,300\nD,C,,50,\nE,,B,,100\n',
    );
  });

  it('compares nothing, and writes no file, when the data starts after the earlier period starts', async () => {
    await createTable(db, 'sales', [sale('2024-01-02', 'A', 1), sale('2024-05-01', 'A', 2)]);
    const r = (await runMigration(db, params()))!;
    expect(r.compare.covered).toBe(false);
    expect(r.rows).toEqual([]);
    expect(migrationCsv(r)).toBeNull();
  });

  it('reads the comparison spec: previous, year_ago, a year, a quarter', () => {
    const period = {
      start: '2024-04-01',
      asOf: '2024-06-30',
      months: 3,
      dataStart: '2023-01-01',
      dataEnd: '2024-06-30',
    };
    expect(migrationRange('year_ago', period)).toEqual({
      start: '2023-04-01',
      end: '2023-06-30',
      covered: true,
      spec: 'year_ago',
    });
    expect(migrationRange('2023-Q3', period)).toEqual({
      start: '2023-07-01',
      end: '2023-09-30',
      covered: true,
      spec: '2023-Q3',
    });
    expect(migrationRange('2022', period).covered).toBe(false);
  });
});
