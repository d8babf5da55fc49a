import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { fromBytes } from './input';
import { applyMapping, inspectFile, loadFiles } from './load';
import { rolesForKind } from './roles';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const file = (text: string, name: string) => fromBytes(new TextEncoder().encode(text), name);

describe('roles read per table kind (data-model.md)', () => {
  it('loads a receivables export whose only date column is 日期 as receivables, 日期 the as-of date', async () => {
    const csv = [
      '客户编码,日期,应收余额,逾期金额,逾期天数',
      'C001,2024-12-31,"12,000.00",3000,45',
      'C002,2024-12-31,500,0,0',
      'C001,2024-11-30,9000,0,0',
    ].join('\n');
    const plan = await inspectFile(file(csv, 'receivables.csv'));
    expect(plan.kind).toBe('receivables');
    expect(plan.columns.map((c) => c.role)).toEqual([
      'customer_id',
      'as_of_date',
      'outstanding',
      'overdue_amount',
      'days_overdue',
    ]);
    expect(plan.missing).toEqual([]);
    const [report] = await loadFiles(db, [plan]);
    expect(report).toMatchObject({ kind: 'receivables', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(
      await db.rows(
        `SELECT customer_id, strftime(as_of_date, '%Y-%m-%d') AS d, outstanding, overdue_amount, days_overdue
         FROM receivables ORDER BY d DESC, customer_id`,
      ),
    ).toEqual([
      { customer_id: 'C001', d: '2024-12-31', outstanding: 12000, overdue_amount: 3000, days_overdue: 45 },
      { customer_id: 'C002', d: '2024-12-31', outstanding: 500, overdue_amount: 0, days_overdue: 0 },
      { customer_id: 'C001', d: '2024-11-30', outstanding: 9000, overdue_amount: 0, days_overdue: 0 },
    ]);
  });

  it('still maps 日期 to the order date in a sales file', async () => {
    const plan = await inspectFile(
      file('日期,客户编码,金额\n2024-03-05,C001,100\n2024-03-06,C002,50\n', 's.csv'),
    );
    expect(plan.kind).toBe('sales');
    expect(plan.columns.map((c) => c.role)).toEqual(['order_date', 'customer_id', 'revenue']);
    expect(plan.missing).toEqual([]);
  });

  it('keeps a named as-of date and a due date in a receivables file', async () => {
    const plan = await inspectFile(
      file('客户编码,截止日期,日期,到期日,应收余额\nC1,2024-12-31,2024-10-01,2024-11-30,100\n', 'r.csv'),
    );
    expect(plan.kind).toBe('receivables');
    // 截止日期 names the as-of date; 日期 stays what its header says (not a receivables column).
    expect(plan.columns.map((c) => c.role)).toEqual([
      'customer_id',
      'as_of_date',
      'order_date',
      'due_date',
      'outstanding',
    ]);
    expect(plan.missing).toEqual([]);
  });

  it('reads the roles again when the kind is changed (mapping screen, CLI flags)', async () => {
    // A file without a receivables marker is guessed as sales; chosen as receivables, its date
    // column becomes the as-of date, and back again.
    const plan = await inspectFile(file('客户编码,日期,金额\nC1,2024-12-31,100\n', 'r.csv'));
    expect(plan.kind).toBe('sales');
    const asReceivables = applyMapping(plan, { kind: 'receivables' });
    expect(asReceivables.columns.map((c) => c.role)).toEqual(['customer_id', 'as_of_date', 'revenue']);
    expect(asReceivables.missing).toEqual(['outstanding']);
    const back = applyMapping(asReceivables, { kind: 'sales' });
    expect(back.columns.map((c) => c.role)).toEqual(['customer_id', 'order_date', 'revenue']);
    expect(back.missing).toEqual([]);
    // Roles the user chose are kept as chosen.
    const chosen = applyMapping(plan, {
      kind: 'receivables',
      roles: ['customer_id', 'due_date', 'outstanding'],
    });
    expect(chosen.columns.map((c) => c.role)).toEqual(['customer_id', 'due_date', 'outstanding']);
  });

  it('rolesForKind: only the generic date column moves, and only when the kind lacks its date role', () => {
    const col = (header: string, role: string | null, roleSource: string | null = 'header') => ({
      header,
      role,
      roleSource,
    });
    expect(rolesForKind([col('日期', 'order_date'), col('应收余额', 'outstanding')], 'receivables')).toEqual([
      'as_of_date',
      'outstanding',
    ]);
    // Found by content (no header name): moves too.
    expect(rolesForKind([col('x', 'order_date', 'content')], 'receivables')).toEqual(['as_of_date']);
    // A real as-of header does not become an order date in a sales file.
    expect(rolesForKind([col('截止日期', 'as_of_date')], 'sales')).toEqual(['as_of_date']);
    expect(rolesForKind([col('日期', 'as_of_date')], 'sales')).toEqual(['order_date']);
    // Other kinds are left alone.
    expect(rolesForKind([col('日期', 'order_date')], 'plan')).toEqual(['order_date']);
  });
});
