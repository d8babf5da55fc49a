import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Engine } from '../../src/engine/types';
import type { TableKind } from '../../src/ingest/canonical';
import { applyMapping, inspectFile, loadFiles } from '../../src/ingest/load';
import type { LoadReport } from '../../src/ingest/types';
import type { Dataset } from './common';

/**
 * Load files through the project's own ingest, exactly as `npm run analyze` does (the flag
 * decides the table kind), so the reference sees the same canonical tables as the SQL.
 */
export async function loadLikeCli(
  db: Engine,
  files: { kind: TableKind; path: string }[],
): Promise<LoadReport[]> {
  const plans = [];
  for (const f of files) {
    const plan = await inspectFile({
      name: basename(f.path),
      size: statSync(f.path).size,
      source: { kind: 'path', path: f.path },
    });
    plans.push(applyMapping(plan, { kind: f.kind }));
  }
  return loadFiles(db, plans);
}

async function tableExists(db: Engine, name: string): Promise<boolean> {
  const rows = await db.rows(`SELECT 1 FROM duckdb_tables() WHERE table_name = '${name}'`);
  return rows.length > 0;
}

const date = (c: string) => `strftime(${c}, '%Y-%m-%d') AS ${c}`;
const month = (c: string) => `strftime(${c}, '%Y-%m') AS ${c}`;

/** The canonical tables as plain rows (SELECT … FROM each table; a missing table is empty). */
export async function extractDataset(db: Engine): Promise<Dataset> {
  const read = async <T>(table: string, cols: string): Promise<T[]> =>
    (await tableExists(db, table)) ? ((await db.rows(`SELECT ${cols} FROM ${table}`)) as T[]) : [];
  return {
    sales: await read(
      'sales',
      `${date('order_date')}, order_id, customer_id, customer_type, product_id, category, region, channel,
       sales_rep, quantity, revenue, cost, gross_profit`,
    ),
    plan: await read(
      'plan',
      `${month('period')}, customer_id, product_id, category, plan_quantity, plan_revenue`,
    ),
    inventory: await read(
      'inventory',
      `${month('period')}, product_id, customer_id, opening, closing, on_hand, basis`,
    ),
    receivables: await read(
      'receivables',
      `customer_id, ${date('as_of_date')}, outstanding, overdue_amount, days_overdue, ${date('due_date')}`,
    ),
    customers: await read('customers', 'customer_id, cost_to_serve'),
  };
}
