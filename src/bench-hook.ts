import { defaultParams } from './analytics/params';
import { runPareto } from './analytics/pareto';
import { BrowserEngine } from './engine/browser';
import { sqlString } from './engine/sql';
import { CANONICAL } from './ingest/canonical';

/**
 * Benchmark baseline, loaded only when the page URL has `?bench`: DuckDB-WASM's own bare
 * `read_csv` (auto-detected, no cleaning, no report) into a fresh engine, then the same analysis
 * SQL the dashboards run. `npm run bench` compares the app's drop → dashboards time to this.
 */
export async function bareBaseline(file: File): Promise<{ loadMs: number; sqlMs: number; rows: number }> {
  const engine = await BrowserEngine.start();
  try {
    const t0 = performance.now();
    await engine.registerFile('bare.csv', { kind: 'blob', blob: file });
    await engine.exec(`CREATE TABLE sales AS SELECT * FROM read_csv(${sqlString('bare.csv')})`);
    // The analysis SQL names every canonical column; add the ones the file lacks as empty
    // columns (a metadata change, no data pass) so the same SQL runs unchanged.
    const present = new Set(
      (
        await engine.rows<{ name: string }>(
          "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'sales'",
        )
      ).map((r) => r.name),
    );
    for (const c of CANONICAL.sales) {
      if (!present.has(c.role))
        await engine.exec(
          `ALTER TABLE sales ADD COLUMN ${c.role} ${c.type === 'number' ? 'DOUBLE' : c.type === 'text' ? 'VARCHAR' : 'DATE'}`,
        );
    }
    const t1 = performance.now();
    await runPareto(engine, defaultParams(), 'customer');
    const t2 = performance.now();
    const [r] = await engine.rows<{ n: number }>('SELECT count(*) AS n FROM sales');
    return { loadMs: t1 - t0, sqlMs: t2 - t1, rows: r.n };
  } finally {
    await engine.close();
  }
}
