import { describe, expect, it } from 'vitest';
import { decodeView, defaultView, encodeView } from './url-state';

describe('URL view state', () => {
  it('default view encodes to an empty query', () => {
    expect(encodeView(defaultView())).toBe('');
  });

  it('round-trips page, params, filters, ui choices, customer and data URLs', () => {
    const v = defaultView();
    v.page = 'kpi';
    v.params.as_of = '2025-06-30';
    v.params.abc.a = 0.7;
    v.params.filters.region = ['华东', 'O&M'];
    v.params.kpi.weights = [40, 20, 20, 20];
    v.params.kpi.by_category = true;
    v.params.kpi.period = '2025-Q2';
    v.ui = { entity: 'product' };
    v.customer = 'C0001';
    v.data = ['data/sales.parquet'];
    const q = encodeView(v);
    expect(q).toContain('page=kpi');
    expect(q).toContain('kpi.weights=40%2C20%2C20%2C20');
    const back = decodeView(`?${q}`);
    expect(back.problems).toEqual([]);
    expect(back.view).toEqual(v);
  });

  it('keeps what is valid and names what is not, never throws', () => {
    const { view, problems } = decodeView(
      '?page=nope&abc.a=x&kpi.weights=10,10,10,10&as_of=2025-02-30&lifecycle.window_months=6&zzz=1',
    );
    expect(view.page).toBe('overview');
    expect(view.params.lifecycle.window_months).toBe(6);
    expect(view.params.abc.a).toBe(0.8);
    expect(problems.sort()).toEqual(['abc.a', 'as_of', 'kpi.weights', 'page=nope', 'zzz'].sort());
  });

  it('treats script-like values as plain data', () => {
    const { view } = decodeView('?filters.region=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(view.params.filters.region).toEqual(['<script>alert(1)</script>']);
  });
});
