import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { sqlString } from '../engine/sql';
import type { Cell } from '../engine/types';
import { CANONICAL } from './canonical';
import { fromBytes } from './input';
import { inspectFile } from './load';
import { dateOrderSql, HELPER_COLUMNS, typedSelect, withDateOrders } from './typed-select';
import type { FilePlan } from './types';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

/** The plan the mapping screen would propose for a CSV text. */
const planOf = (text: string) => inspectFile(fromBytes(new TextEncoder().encode(text), 'sales.csv'));

/** A text literal, NUL bytes included (chr(0): a SQL string cannot hold one). */
const literal = (c: string | null) =>
  c === null ? 'NULL::VARCHAR' : c.split('\u0000').map(sqlString).join(' || chr(0) || ');

/** A raw relation as the CSV reader gives it: `_rec` and the cells c0…cN as text. */
function rawRelation(rows: (string | null)[][]): string {
  const n = rows[0].length;
  const values = rows.map((r, i) => `(${i + 1}, ${r.map(literal).join(', ')})`).join(', ');
  return `(SELECT * FROM (VALUES ${values}) t(_rec, ${Array.from({ length: n }, (_, i) => `c${i}`).join(', ')}))`;
}

type Row = Record<string, Cell>;
async function run(plan: FilePlan, rows: (string | null)[][], nul?: boolean): Promise<Row[]> {
  const sql = typedSelect(plan, { relation: rawRelation(rows), lines: 'scan', nul }, 7);
  return db.rows<Row>(`${sql} ORDER BY source_row`);
}

const HEADER = 'order_date,customer_id,customer_name,revenue,quantity';
const SAMPLE = [HEADER, '2024-03-05,C001,甲公司,"1,234.50",10', '2024-03-06,C002,乙公司,100,1'].join('\n');

describe('typedSelect', () => {
  it('gives the canonical columns in order, then source_file, source_row and the helper columns', async () => {
    const plan = await planOf(SAMPLE);
    const [row] = await run(plan, [['2024-03-05', 'C001', '甲公司', '1,234.50', '10']]);
    expect(Object.keys(row)).toEqual([
      ...CANONICAL.sales.map((c) => c.role),
      'source_file',
      'source_row',
      ...HELPER_COLUMNS,
    ]);
    expect(row).toMatchObject({
      customer_id: 'C001',
      customer_name: '甲公司',
      revenue: 1234.5,
      quantity: 10,
      source_file: 'sales.csv',
      source_row: 1,
      _line: null,
      _summary: false,
      _reject: null,
      _nul: false,
      _raw: null,
      _file: 7,
    });
  });

  it('rejects with a reason per row, keeps the raw cells of rejected rows only, flags summary rows', async () => {
    const plan = await planOf(SAMPLE);
    const rows = await run(plan, [
      [' 2024-03-05 ', ' C001 ', '甲公司', ' ¥1,234.50 ', '10'],
      ['not a date', 'C002', '乙公司', '5', '1'],
      ['2024-02-30', 'C003', '丙公司', '5', '1'],
      [null, 'C004', '丁公司', '5', '1'],
      ['2024-03-07', 'C005', '戊公司', '-', '1'],
      ['2024-03-07', 'C006', '己公司', '1e309', '1'],
      ['2024-03-07', 'C007', '庚公司', 'abc', '1'],
      ['合 计', null, null, '1,234.50', '14'],
      ['2024-03-08', null, '  ', '(20.00)', '-2'],
    ]);
    expect(rows.map((r) => [r._reject, r._summary])).toEqual([
      [null, false],
      ['bad_date', false],
      ['impossible_date', false],
      ['missing_date', false],
      ['missing_amount', false],
      ['nonfinite_amount', false],
      ['bad_amount', false],
      // A summary row is set aside whatever its cells hold (its reason is never counted).
      ['bad_date', true],
      [null, false],
    ]);
    expect(rows[0]).toMatchObject({ customer_id: 'C001', revenue: 1234.5, _raw: null });
    expect(rows[1]._raw).toBe(['not a date', 'C002', '乙公司', '5', '1'].join('\u001f'));
    expect(rows[3]._raw).toBe(['', 'C004', '丁公司', '5', '1'].join('\u001f'));
    // 1e309 never reaches a table as a number.
    expect(rows[5].revenue).toBeNull();
    // A summary row is set aside, not rejected: no raw cells kept.
    expect(rows[7]._raw).toBeNull();
    // No customer id: the name stands in (analytics.md §1); a blank name is no name.
    expect(rows[8]).toMatchObject({ customer_id: null, customer_name: null, revenue: -20, quantity: -2 });
  });

  it('derives revenue from quantity × unit price, cost from unit cost, gross profit from both', async () => {
    const plan = await planOf(
      [
        'order_date,customer_id,quantity,unit_price,unit_cost',
        '2024-03-05,C001,2,10.5,4',
        '2024-03-06,C002,3,1,0.5',
      ].join('\n'),
    );
    const [row] = await run(plan, [['2024-03-05', 'C001', '2', '10.5', '4']]);
    expect(row).toMatchObject({ revenue: 21, cost: 8, gross_profit: 13, _reject: null });
    const [missing] = await run(plan, [['2024-03-05', 'C001', '', '-', '4']]);
    expect(missing._reject).toBe('missing_amount');
  });

  it('cleans NUL bytes only when the source may hold them', async () => {
    const plan = await planOf(SAMPLE);
    const cells = ['2024-03-05', 'C0\u000001', '甲\u0000公司', '5', '1'];
    const sql = (nul?: boolean) => typedSelect(plan, { relation: 'raw', lines: 'scan', nul }, 0);
    expect(sql(false)).not.toContain('chr(0)');
    expect(sql(true)).toContain('replace("c1", chr(0), \'\')');
    expect(sql(undefined)).toBe(sql(true));
    const [cleaned] = await run(plan, [cells]);
    expect(cleaned).toMatchObject({ customer_id: 'C001', customer_name: '甲公司', _nul: true });
    const [scanned] = await run(plan, [cells], true);
    expect(scanned).toMatchObject({ customer_id: 'C001', _nul: true });
  });

  it('tests for summary words in the first three columns and in text roles only', async () => {
    const plan = await planOf(
      [
        'order_date,revenue,quantity,region,customer_id,note',
        '2024-03-05,5,1,华东,C001,x',
        '2024-03-06,6,1,华南,C002,y',
      ].join('\n'),
    );
    const rows = await run(plan, [
      ['2024-03-05', '5', '1', '合计', 'C001', 'x'],
      ['2024-03-05', '5', '1', '华东', 'Total', 'x'],
      ['2024-03-05', '5', '1', '华东', 'C001', 'Total'],
      ['Grand Total', '5', '1', '华东', 'C001', 'x'],
    ]);
    expect(plan.columns.map((c) => c.role)).toEqual([
      'order_date',
      'revenue',
      'quantity',
      'region',
      'customer_id',
      null,
    ]);
    // An unmapped column past the third is not looked at.
    expect(rows.map((r) => r._summary)).toEqual([true, true, false, true]);
  });
});

describe('day/month order from the whole column', () => {
  it('asks nothing when no column has an open order', async () => {
    const plan = await planOf(SAMPLE);
    expect(dateOrderSql(plan.columns, 'x')).toBeNull();
  });

  it('reads the order from the largest first and second numbers, and says which it took', async () => {
    const plan = await planOf(
      ['order_date,customer_id,revenue', '03/05/2024,C001,5', '04/06/2024,C002,6'].join('\n'),
    );
    const date = plan.columns.find((c) => c.role === 'order_date')!;
    expect(date.dateFormat).toBe('DM/%Y');
    const decide = async (dates: string[]) => {
      const sql = dateOrderSql(plan.columns, rawRelation(dates.map((d) => [d, 'C1', '5'])))!;
      const [r] = await db.rows<Record<string, number | null>>(sql);
      return withDateOrders(plan.columns, r);
    };
    const dayFirst = await decide(['03/05/2024', '25/12/2024']);
    expect(dayFirst.columns[0].dateFormat).toBe('%d/%m/%Y');
    expect(dayFirst.notes).toEqual([{ key: 'note.date_day_first', params: { column: 'order_date' } }]);
    const monthFirst = await decide(['03/05/2024', '12/25/2024']);
    expect(monthFirst.columns[0].dateFormat).toBe('%m/%d/%Y');
    expect(monthFirst.notes[0].key).toBe('note.date_month_first');
    const open = await decide(['03/05/2024', '04/06/2024']);
    expect(open.columns[0].dateFormat).toBe('%d/%m/%Y');
    expect(open.notes[0].key).toBe('note.date_order_assumed');
    // The other columns are handed back as they were.
    expect(open.columns.slice(1)).toEqual(plan.columns.slice(1));
  });
});

describe('typedSelect with the sniff’s answer (sniff.ts)', () => {
  const FILE = [HEADER, '2024-03-05,C001,甲公司,"1,234.50",10', '2024-03-06,C002,乙公司,100,1'].join('\n');
  const sql = (plan: FilePlan, facts: Pick<Parameters<typeof typedSelect>[1], 'edgeSpace' | 'summaryWord'>) =>
    typedSelect(plan, { relation: 'raw', lines: 'scan', nul: false, ...facts }, 0);

  it('trims only the columns that may hold a leading or trailing space', async () => {
    const plan = await planOf(FILE);
    const text = sql(plan, { edgeSpace: new Set([2]), summaryWord: null });
    expect(text).toContain(`nullif("c1", '') AS customer_id`);
    expect(text).toContain(`nullif(trim("c2"), '') AS customer_name`);
    // Not sniffed, or quoting the sniff could not follow: every column.
    for (const edgeSpace of [null, undefined])
      expect(sql(plan, { edgeSpace, summaryWord: null })).toContain(`nullif(trim("c1"), '') AS customer_id`);
  });

  it('tests only the columns that may hold a summary word', async () => {
    const plan = await planOf(FILE);
    const summaryTests = (summaryWord: ReadonlySet<number> | null) =>
      [...sql(plan, { edgeSpace: null, summaryWord }).matchAll(/ascii\("(c\d+)"\)/g)].map((m) => m[1]);
    expect(summaryTests(null)).toEqual(['c0', 'c1', 'c2']);
    expect(summaryTests(new Set([0]))).toEqual(['c0']);
    expect(summaryTests(new Set())).toEqual([]);
  });

  it('gives the same rows as the full cleaning when the sniff’s answer holds', async () => {
    const plan = await planOf(FILE);
    const rows = [
      ['2024-03-05', 'C001', '甲公司', '1,234.50', '10'],
      ['2024-03-06', null, '乙公司', '100', '1'],
    ];
    const run = (facts: Parameters<typeof sql>[1]) =>
      db.rows(
        `${typedSelect(plan, { relation: rawRelation(rows), lines: 'scan', nul: false, ...facts }, 0)} ORDER BY source_row`,
      );
    expect(await run({ edgeSpace: new Set(), summaryWord: new Set() })).toEqual(
      await run({ edgeSpace: null, summaryWord: null }),
    );
  });
});
