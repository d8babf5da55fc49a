import { describe, expect, it } from 'vitest';
import { columnsWithData, rowWindow, visibleRows, type Column } from './table-model';

type R = { id: string; v: number | null };
const cols: Column<R>[] = [
  { key: 'id', label: 'Id', format: 'text', value: (r) => r.id },
  { key: 'v', label: 'V', format: 'number', value: (r) => r.v },
];
const rows: R[] = [
  { id: 'b', v: 2 },
  { id: 'a', v: null },
  { id: 'c', v: 10 },
  { id: 'ab', v: 1 },
];

describe('table model', () => {
  it('sorts numbers numerically with nulls last in both directions', () => {
    expect(visibleRows(rows, cols, '', { key: 'v', dir: 'asc' }).map((r) => r.id)).toEqual([
      'ab',
      'b',
      'c',
      'a',
    ]);
    expect(visibleRows(rows, cols, '', { key: 'v', dir: 'desc' }).map((r) => r.id)).toEqual([
      'c',
      'b',
      'ab',
      'a',
    ]);
  });
  it('searches text columns case-insensitively', () => {
    expect(visibleRows(rows, cols, 'A', null).map((r) => r.id)).toEqual(['a', 'ab']);
  });
  it('computes the rendered window', () => {
    expect(rowWindow(10_000, 3200, 480, 32, 4)).toEqual({ start: 96, end: 119 });
    expect(rowWindow(5, 0, 480, 32)).toEqual({ start: 0, end: 5 });
  });
});

describe('columns with data', () => {
  it('hides a column that is empty in every row, keeps one with a single value', () => {
    type R = { id: string; cost: number | null; note: string };
    const cols: Column<R>[] = [
      { key: 'id', label: 'ID', format: 'text', value: (r) => r.id },
      { key: 'cost', label: 'Cost', format: 'amount', value: (r) => r.cost },
      { key: 'note', label: 'Note', format: 'text', value: (r) => r.note },
    ];
    const rows: R[] = [
      { id: 'a', cost: null, note: '' },
      { id: 'b', cost: 0, note: '' },
    ];
    expect(columnsWithData(cols, rows).map((c) => c.key)).toEqual(['id', 'cost']);
    expect(columnsWithData(cols, []).map((c) => c.key)).toEqual(['id', 'cost', 'note']);
  });
});
