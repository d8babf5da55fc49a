/**
 * Very large sales data for the native engine (`docs/performance.md`, the 100 M-row run; not in
 * CI): N rows as `parts` Parquet files `DIR/part-NN.parquet` with the columns and value
 * distribution of gen-parquet.ts (customers = rows / 50 with a cubic skew, 500 products, 24
 * months, 1 % returns), written by native DuckDB from a deterministic hash of the row number, a
 * few minutes for 100 M rows where the JS writer would take a quarter of an hour.
 *
 * Usage: tsx bench/gen-parquet-native.ts --rows 100000000 --parts 10 [--customers N] --out DIR
 * (--customers: instead of rows / 50, e.g. 200000 for 500 lines a customer).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const ROWS = Number(opt('--rows', '100000000'));
const PARTS = Number(opt('--parts', '10'));
const OUT = resolve(opt('--out', `bench-results/data/sales-${ROWS}`));

const CATEGORIES = ['润滑油', '溶剂油', '沥青', '化工原料', '液化气', '添加剂'];
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const TYPES = ['经销商', '直营客户', '大客户', '零售客户'];
const CHANNELS = ['线下', '线上', '分销'];
const list = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
/** A uniform number in [0, 1) from the row number and a salt. */
const u = (salt: number) => `((hash(i, ${salt}) % 1000000000) / 1000000000.0)`;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const customers = Number(opt('--customers', String(Math.max(50, Math.round(ROWS / 50)))));
  const per = Math.ceil(ROWS / PARTS);
  for (let p = 0; p < PARTS; p++) {
    const file = join(OUT, `part-${String(p).padStart(2, '0')}.parquet`);
    if (existsSync(file)) continue;
    const from = p * per;
    const to = Math.min(ROWS, from + per);
    const t = performance.now();
    await conn.run(`COPY (
      WITH g AS (
        SELECT i, CAST(floor(${customers} * pow(${u(1)}, 3)) AS BIGINT) AS c,
               CAST(floor(500 * pow(${u(2)}, 2)) AS BIGINT) AS p,
               CAST(floor(${u(3)} * 24) AS INTEGER) AS m, 1 + CAST(floor(${u(4)} * 28) AS INTEGER) AS d,
               CASE WHEN ${u(5)} < 0.01 THEN -1 - CAST(floor(${u(6)} * 5) AS INTEGER)
                    ELSE 1 + CAST(floor(${u(6)} * 20) AS INTEGER) END AS qty
        FROM range(${from}, ${to}) t(i)
      )
      SELECT make_date(2024 + m // 12, m % 12 + 1, d) AS order_date,
             'O' || i AS order_id,
             'C' || lpad(CAST(c AS VARCHAR), 7, '0') AS customer_id,
             ${list(TYPES)}[c % 4 + 1] AS customer_type,
             'P' || lpad(CAST(p AS VARCHAR), 4, '0') AS product_id,
             ${list(CATEGORIES)}[p % 6 + 1] AS category,
             ${list(REGIONS)}[c % 7 + 1] AS region,
             ${list(CHANNELS)}[c % 3 + 1] AS channel,
             'R' || (c % 40) AS sales_rep,
             qty AS quantity,
             CAST(10 + (p % 50) * 3.5 AS DOUBLE) AS unit_price,
             round(qty * CAST(10 + (p % 50) * 3.5 AS DOUBLE), 2) AS revenue,
             round(round(qty * CAST(10 + (p % 50) * 3.5 AS DOUBLE), 2) * (0.55 + (p % 7) * 0.04), 2) AS cost
      FROM g ORDER BY i
    ) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 500000)`);
    console.error(`${file}: rows ${from}–${to - 1} in ${Math.round(performance.now() - t)} ms`);
  }
  conn.closeSync();
  db.closeSync();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
