import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParams } from '../src/analytics/params';
import { runPareto } from '../src/analytics/pareto';
import { runSatisfaction } from '../src/analytics/satisfaction';
import { satisfactionLinks } from '../src/analytics/satisfaction-links';
import { NodeEngine } from '../src/engine/node';
import { fromBytes } from '../src/ingest/input';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { DEMO_DIR, demoBytes, generateDemo } from './generate';

const demo = generateDemo();
const text = (name: string) => demo.find((f) => f.name === name)!.text;

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
  const files = demo.map((f) => fromBytes(new TextEncoder().encode(f.text), f.name));
  const plans = await Promise.all(files.map((f) => inspectFile(f)));
  await loadFiles(db, plans);
});
afterAll(async () => {
  await db?.close();
});

const one = async <T>(sql: string) => (await db.rows(sql))[0] as T;

describe('demo dataset', () => {
  it('is deterministic and equals the committed files', () => {
    expect(generateDemo()).toEqual(demo);
    for (const f of demoBytes(demo)) {
      const committed = readFileSync(join(DEMO_DIR, f.name));
      const got = f.name.endsWith('.gz')
        ? gunzipSync(committed).toString('utf8')
        : committed.toString('utf8');
      expect(got, `${f.name} is stale: run npm run sample-data`).toBe(
        f.name.endsWith('.gz') ? text('sales.csv') : text(f.name),
      );
    }
  });

  it('loads every file as the right table with nothing rejected', async () => {
    const kinds = await db.rows<{ t: string }>('SELECT table_name AS t FROM duckdb_tables() ORDER BY 1');
    expect(kinds.map((k) => k.t)).toEqual([
      'customers',
      'inventory',
      'plan',
      'receivables',
      'sales',
      'survey',
      'survey_items',
    ]);
    const plans = await Promise.all(
      demo.map((f) => inspectFile(fromBytes(new TextEncoder().encode(f.text), f.name))),
    );
    expect(plans.map((p) => [p.file.name, p.kind, p.missing])).toEqual([
      ['sales.csv', 'sales', []],
      ['plan.csv', 'plan', []],
      ['inventory.csv', 'inventory', []],
      ['receivables.csv', 'receivables', []],
      ['customers.csv', 'customers', []],
      ['survey_2025h1.csv', 'survey', []],
      ['survey_2025h2.csv', 'survey', []],
      ['survey_items.csv', 'survey_items', []],
    ]);
  });

  it('spans 24 months with ≥ 300 customers, ≥ 50 products in ≥ 5 categories, and some returns', async () => {
    const s = await one<Record<string, number | string>>(`SELECT
        count(DISTINCT date_trunc('month', order_date)) AS months,
        strftime(min(order_date), '%Y-%m') AS first, strftime(max(order_date), '%Y-%m') AS last,
        count(DISTINCT customer_id) AS customers, count(DISTINCT product_id) AS products,
        count(DISTINCT category) AS categories, count(*) FILTER (WHERE revenue < 0) AS returns,
        count(DISTINCT region) AS regions, count(DISTINCT channel) AS channels, count(DISTINCT sales_rep) AS reps
      FROM sales`);
    expect(s).toMatchObject({
      months: 24,
      first: '2024-01',
      last: '2025-12',
      regions: 7,
      channels: 3,
      reps: 12,
    });
    expect(s.customers).toBeGreaterThanOrEqual(300);
    expect(s.products).toBeGreaterThanOrEqual(50);
    expect(s.categories).toBeGreaterThanOrEqual(5);
    expect(s.returns).toBeGreaterThan(100);
  });

  it('has a Pareto-like spread: top 20 % of customers hold 60–90 % of revenue', async () => {
    const r = await runPareto(db, defaultParams());
    expect(r!.top20Share).toBeGreaterThan(0.6);
    expect(r!.top20Share).toBeLessThan(0.9);
  });

  it('plants late starters, new customers, churned, quiet and no-value customers', async () => {
    const p = await one<Record<string, number>>(`WITH m AS (
        SELECT customer_id, min(order_date) AS first, max(order_date) AS last,
               count(DISTINCT date_trunc('month', order_date)) AS months, sum(revenue - cost) AS gp
        FROM sales GROUP BY 1)
      SELECT count(*) FILTER (WHERE first >= DATE '2025-10-01') AS new_customers,
             count(*) FILTER (WHERE first >= DATE '2024-07-01' AND first < DATE '2025-10-01') AS late,
             count(*) FILTER (WHERE last < DATE '2025-06-01') AS churned,
             count(*) FILTER (WHERE gp <= 0) AS no_value,
             count(*) FILTER (WHERE first < DATE '2024-03-01' AND last >= DATE '2025-12-01' AND months <= 20) AS gaps
      FROM m`);
    expect(p.new_customers).toBeGreaterThanOrEqual(5);
    expect(p.late).toBeGreaterThanOrEqual(10);
    expect(p.churned).toBeGreaterThanOrEqual(15);
    expect(p.no_value).toBeGreaterThanOrEqual(3);
    expect(p.gaps).toBeGreaterThanOrEqual(5);
  });

  it('keeps the optional tables consistent with sales and the master', async () => {
    const c = await one<Record<string, number>>(`SELECT
        (SELECT count(*) FROM plan WHERE customer_id NOT IN (SELECT customer_id FROM customers)) AS plan_orphans,
        (SELECT count(*) FROM receivables WHERE customer_id NOT IN (SELECT customer_id FROM customers)) AS recv_orphans,
        (SELECT count(*) FROM sales WHERE customer_id NOT IN (SELECT customer_id FROM customers)) AS sales_orphans,
        (SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM sales)) AS prospects,
        (SELECT count(DISTINCT product_id) FROM sales WHERE product_id NOT IN (SELECT product_id FROM inventory)) AS no_stock,
        (SELECT count(*) FROM receivables WHERE days_overdue > 90 AND overdue_amount > 0) AS over90,
        (SELECT count(*) FROM inventory WHERE closing = 0) AS stockouts`);
    expect(c).toMatchObject({
      plan_orphans: 0,
      recv_orphans: 0,
      sales_orphans: 0,
      prospects: 10,
      no_stock: 3,
    });
    expect(c.over90).toBeGreaterThanOrEqual(5);
    expect(c.stockouts).toBeGreaterThan(0);
  });

  it('has customers that miss plan in ≥ 3 months (forced-C candidates)', async () => {
    const r = await one<{ n: number }>(`WITH actual AS (
        SELECT customer_id, date_trunc('month', order_date) AS period, sum(revenue) AS rev FROM sales GROUP BY ALL),
      missed AS (
        SELECT p.customer_id, count(*) AS months FROM plan p LEFT JOIN actual a USING (customer_id, period)
        WHERE p.plan_revenue > 0 AND coalesce(a.rev, 0) <= 0 GROUP BY 1)
      SELECT count(*) AS n FROM missed WHERE months >= 3`);
    expect(r.n).toBeGreaterThanOrEqual(10);
  });

  it('plants two survey waves: matched by id and by name, two strangers, a concentrate-here and an at-risk list', async () => {
    const p = defaultParams();
    const s = (await runSatisfaction(db, p))!;
    expect(s.waves.map((w) => w.wave)).toEqual(['2025-H1', '2025-H2']);
    expect(s.responses.total).toBeGreaterThanOrEqual(180);
    expect(s.responses.byName).toBeGreaterThanOrEqual(10);
    expect(s.unmatched.map((u) => u.surveyName)).toEqual(['南通远航物流有限公司', '宁波港城建材有限公司']);
    expect(s.dimensionNames).toEqual(['有形性', '可靠性', '响应性', '保证性', '移情性']);
    const quadrant = (item: string) => s.items.find((i) => i.item === item)?.quadrant;
    expect(quadrant('投诉和质量异议处理及时')).toBe('concentrate_here');
    expect(quadrant('送货车辆和装卸设备整洁完好')).toBe('possible_overkill');
    const links = satisfactionLinks(
      s,
      { abc: await runPareto(db, p), kpi: null, lifecycle: null, keyAccounts: null },
      p,
    );
    expect(links.atRisk.filter((a) => a.fell).length).toBeGreaterThanOrEqual(3);
  });
});
