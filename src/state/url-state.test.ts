import { describe, expect, it } from 'vitest';
import { defaultParams } from '../analytics/params';
import {
  dataSourceUrls,
  decodeView,
  defaultView,
  encodeView,
  paramEntries,
  resolveDataUrl,
} from './url-state';

const BASE = 'http://intranet.test:8080/tools/sales/';

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

  it('refuses a script in a parameter, a UI choice or the customer, and names it', () => {
    const { view, problems } = decodeView(
      '?filters.region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&filters.region=华东&ui.x=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E' +
        '&customer=javascript%3Aalert(1)&as_of=2024-12-31',
      BASE,
    );
    expect(view.params.filters.region).toEqual(['华东']);
    expect(view.ui).toEqual({});
    expect(view.customer).toBeNull();
    expect(view.params.as_of).toBe('2024-12-31');
    expect(problems).toEqual([
      'customer=javascript:alert(1)',
      'filters.region=<script>alert(1)</script>',
      'ui.x=<img src=x onerror=alert(1)>',
    ]);
  });

  it('shortens a huge crafted value in the notice', () => {
    const { problems } = decodeView(`?page=${'x'.repeat(10_000)}&filters.region=<b${'y'.repeat(5000)}`, BASE);
    expect(problems.every((p) => p.length < 130)).toBe(true);
  });

  it('keeps relative and absolute http(s) data URLs as written', () => {
    const { view, problems } = decodeView(
      '?data=data/sales.parquet&data=http://files.intranet/share/plan.csv&data=https://x.test/a.xlsx',
      BASE,
    );
    expect(problems).toEqual([]);
    expect(view.data).toEqual([
      'data/sales.parquet',
      'http://files.intranet/share/plan.csv',
      'https://x.test/a.xlsx',
    ]);
  });

  it('refuses javascript:, data:, blob:, file: and credential-carrying data URLs with a notice', () => {
    const bad = [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/csv,a,b',
      'blob:http://intranet.test/1234',
      'file:///etc/passwd',
      'http://user:secret@files.intranet/a.csv',
      'http://[::1',
    ];
    const search = '?' + bad.map((b) => `data=${encodeURIComponent(b)}`).join('&') + '&data=ok.csv';
    const { view, problems } = decodeView(search, BASE);
    expect(view.data).toEqual(['ok.csv']);
    expect(problems).toHaveLength(bad.length);
    for (const b of bad) expect(resolveDataUrl(b, BASE)).toBeNull();
  });

  it('lists the data URLs a link will fetch, resolved against the page (for a CSP connect-src)', () => {
    const { urls, refused } = dataSourceUrls(
      '?data=data/sales.parquet&data=../shared/plan.csv&data=http://files.intranet:8081/x.csv&data=data:,x',
      BASE,
    );
    expect(urls.map((u) => u.href)).toEqual([
      'http://intranet.test:8080/tools/sales/data/sales.parquet',
      'http://intranet.test:8080/tools/shared/plan.csv',
      'http://files.intranet:8081/x.csv',
    ]);
    expect(urls.map((u) => u.origin)).toEqual([
      'http://intranet.test:8080',
      'http://intranet.test:8080',
      'http://files.intranet:8081',
    ]);
    expect(refused).toEqual(['data:,x']);
  });

  it('carries the demo choice, and data URLs win over it', () => {
    const v = defaultView();
    v.demo = true;
    expect(encodeView(v)).toBe('demo=1');
    expect(decodeView('?demo=1', BASE).view.demo).toBe(true);
    expect(decodeView('?demo=1&data=a.csv', BASE).view.demo).toBe(false);
  });

  it('lists every parameter for the print cover (filters apart, lists joined)', () => {
    const entries = new Map(paramEntries(defaultParams()));
    expect(entries.get('period_start')).toBe('');
    expect(entries.get('abc.a')).toBe('0.8');
    expect(entries.get('kpi.weights')).toBe('30,30,20,20');
    expect([...entries.keys()].some((k) => k.startsWith('filters'))).toBe(false);
    expect(entries.size).toBe(new Set(paramEntries(defaultParams()).map(([k]) => k)).size);
  });
});

describe('page choices in the link (ui.*)', () => {
  it('keeps 0 as the annual target, and refuses a declared choice with a value the page cannot read', () => {
    const view = { ...defaultView(), ui: { 'targets.amount': '0', 'pareto.entity': 'product' } };
    const back = decodeView(encodeView(view)).view;
    expect(back.ui).toEqual({ 'targets.amount': '0', 'pareto.entity': 'product' });
    const bad = decodeView('?ui.pareto.entity=planet&ui.targets.amount=-5&ui.targets.year=20x5&ui.other=x');
    expect(bad.view.ui).toEqual({ other: 'x' });
    expect(bad.problems).toEqual(['ui.pareto.entity=planet', 'ui.targets.amount=-5', 'ui.targets.year=20x5']);
  });
});
