/**
 * Bench case `analyze_all_node`: every analysis of the result files on N generated sales rows
 * (plus plan, inventory, receivables, customers) in DuckDB-WASM under Node, after load.
 * Prints one JSON line. Usage: tsx bench/analyze-node.ts [--rows N]
 */
import { cpus, totalmem } from 'node:os';
import { defaultParams } from '../src/analytics/params';
import { runAll } from '../src/analytics/run-all';
import { NodeEngine } from '../src/engine/node';
import { CANONICAL } from '../src/ingest/canonical';

const args = process.argv.slice(2);
const i = args.indexOf('--rows');
const ROWS = i >= 0 ? Number(args[i + 1]) : 1_000_000;
const CUSTOMERS = Math.max(50, Math.round(ROWS / 50));

// Deterministic pseudo-random columns from hash(row, salt) so the data is the same every run.
const r = (salt: number) => `(hash(i, ${salt}) % 1000000) / 1000000.0`;
const salesSql = `CREATE TABLE sales AS
WITH g AS (SELECT range AS i FROM range(${ROWS}))
SELECT CAST(DATE '2024-01-01' + CAST(floor(${r(1)} * 731) AS INTEGER) AS DATE) AS order_date,
       'O' || i AS order_id,
       'C' || lpad(CAST(CAST(floor(${CUSTOMERS} * pow(${r(2)}, 3)) AS BIGINT) AS VARCHAR), 6, '0') AS customer_id,
       NULL::VARCHAR AS customer_name,
       ['经销商', '直营客户', '大客户', '零售客户'][1 + CAST(hash(i, 3) % 4 AS INTEGER)] AS customer_type,
       'P' || lpad(CAST(CAST(floor(500 * pow(${r(4)}, 2)) AS BIGINT) AS VARCHAR), 4, '0') AS product_id,
       NULL::VARCHAR AS product_name,
       ['润滑油', '溶剂油', '沥青', '化工原料', '液化气', '添加剂'][1 + CAST(hash(i, 5) % 6 AS INTEGER)] AS category,
       ['华东', '华南', '华北', '华中', '西南', '西北', '东北'][1 + CAST(hash(i, 6) % 7 AS INTEGER)] AS region,
       ['线下', '线上', '分销'][1 + CAST(hash(i, 7) % 3 AS INTEGER)] AS channel,
       'R' || CAST(hash(i, 8) % 40 AS VARCHAR) AS sales_rep,
       CASE WHEN ${r(9)} < 0.01 THEN -1.0 ELSE 1 + floor(${r(10)} * 20) END AS quantity,
       10 + (hash(i, 4) % 50) * 3.5 AS unit_price
FROM g`;

async function main(): Promise<void> {
  const db = await NodeEngine.start();
  const t0 = performance.now();
  await db.exec(salesSql);
  await db.exec(
    `ALTER TABLE sales ADD COLUMN revenue DOUBLE; UPDATE sales SET revenue = quantity * unit_price`,
  );
  for (const c of CANONICAL.sales) {
    const [has] = await db.rows<{ n: number }>(
      `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'sales' AND column_name = '${c.role}'`,
    );
    if (!has.n)
      await db.exec(
        `ALTER TABLE sales ADD COLUMN ${c.role} ${c.type === 'number' ? 'DOUBLE' : c.type === 'text' ? 'VARCHAR' : 'DATE'}`,
      );
  }
  await db.exec('UPDATE sales SET cost = revenue * 0.75, gross_profit = revenue * 0.25');
  await db.exec(`CREATE TABLE plan AS SELECT CAST(m AS DATE) AS period, customer_id, NULL::VARCHAR AS product_id, NULL::VARCHAR AS category,
      sum(quantity) * 1.1 AS plan_quantity, sum(revenue) * 1.1 AS plan_revenue
    FROM (SELECT date_trunc('month', order_date) AS m, * FROM sales) GROUP BY ALL`);
  await db.exec(`CREATE TABLE inventory AS SELECT CAST(date_trunc('month', order_date) AS DATE) AS period, product_id, NULL::VARCHAR AS customer_id,
      sum(quantity) AS opening, sum(quantity) * 1.2 AS closing, NULL::DOUBLE AS on_hand, NULL::VARCHAR AS basis FROM sales GROUP BY ALL`);
  await db.exec(`CREATE TABLE receivables AS SELECT customer_id, DATE '2025-12-31' AS as_of_date, sum(revenue) / 12 AS outstanding,
      sum(revenue) / 48 AS overdue_amount, CAST(hash(customer_id) % 150 AS DOUBLE) AS days_overdue, NULL::DATE AS due_date
    FROM sales GROUP BY ALL`);
  await db.exec(`CREATE TABLE customers AS SELECT DISTINCT customer_id, NULL::VARCHAR AS customer_name, NULL::VARCHAR AS customer_type,
      NULL::VARCHAR AS region, 1e6 AS credit_limit, 1000.0 AS cost_to_serve FROM sales`);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  let last = performance.now();
  const steps: Record<string, number> = {};
  let current = '';
  const all = await runAll(db, defaultParams(), (s) => {
    const now = performance.now();
    if (current) steps[current] = Math.round(now - last);
    current = s;
    last = now;
  });
  steps[current] = Math.round(performance.now() - last);
  const ms = performance.now() - t1;
  const [n] = await db.rows<{ n: number }>('SELECT count(*) AS n FROM sales');
  await db.close();
  console.log(
    JSON.stringify({
      case: 'analyze_all_node',
      format: 'duckdb',
      rows: n.n,
      ms: Math.round(ms),
      baseline_ms: null,
      ratio: null,
      customers: all?.results.abc.customers.n,
      generate_ms: Math.round(loadMs),
      steps_ms: steps,
      machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
