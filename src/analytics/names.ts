import type { Engine } from '../engine/types';
import { hasTable, type Caps } from './common';

/** Display names of the ids in the result files (for the analyst workbook, not the machine CSVs). */
export interface EntityNames {
  customers: Map<string, string>;
  products: Map<string, string>;
}

/**
 * SQL of every customer id with its name: the customer master's name first, else the first name
 * (in code-point order) the sales lines give it; ids without any name are left out.
 */
export function buildCustomerNamesSql(caps: Pick<Caps, 'customers'>): string {
  const master = caps.customers
    ? `master AS (
  SELECT CAST(customer_id AS VARCHAR) AS id, min(customer_name) AS name
  FROM customers
  WHERE customer_id IS NOT NULL AND customer_name IS NOT NULL
  GROUP BY 1
),`
    : `master AS (SELECT NULL::VARCHAR AS id, NULL::VARCHAR AS name WHERE false),`;
  return `WITH ${master}
sold AS (
  SELECT CAST(customer_id AS VARCHAR) AS id, min(customer_name) AS name
  FROM sales
  WHERE customer_id IS NOT NULL AND customer_name IS NOT NULL
  GROUP BY 1
)
SELECT coalesce(m.id, s.id) AS id, coalesce(m.name, s.name) AS name
FROM master m FULL OUTER JOIN sold s ON m.id = s.id
ORDER BY 1`;
}

/**
 * SQL of each id's name as the lines give it most often (ties: the first in code-point order),
 * as rows (id VARCHAR, name), from `from` (a table or CTE with the two columns). Product names
 * vary from line to line in real exports: Online Retail's best seller 85123A is "WHITE HANGING
 * HEART T-LIGHT HOLDER" on 2,302 lines and "?" on one, and the first name in code-point order
 * was "?".
 */
export function commonNameSql(from: string, idColumn: string, nameColumn: string): string {
  return `SELECT id, name FROM (
  SELECT CAST(${idColumn} AS VARCHAR) AS id, ${nameColumn} AS name,
         row_number() OVER (PARTITION BY CAST(${idColumn} AS VARCHAR) ORDER BY count(*) DESC, ${nameColumn}) AS pick
  FROM ${from}
  WHERE ${idColumn} IS NOT NULL AND ${nameColumn} IS NOT NULL
  GROUP BY 1, 2
) WHERE pick = 1`;
}

/** SQL of every product id with the name most of its sales lines give it. */
export function buildProductNamesSql(): string {
  return `${commonNameSql('sales', 'product_id', 'product_name')}
ORDER BY 1`;
}

/** The names of customers and products (empty maps when the data has none). */
export async function runNames(db: Engine, caps: Caps): Promise<EntityNames> {
  const customers = await runCustomerNames(db, caps);
  const products = caps.product ? await runProductNames(db) : new Map<string, string>();
  return { customers, products };
}

/** Every product id with the name most of its sales lines give it (empty without product names). Reads no parameter. */
export async function runProductNames(db: Engine): Promise<Map<string, string>> {
  const rows = await db.rows<{ id: string; name: string }>(buildProductNamesSql());
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Every customer id with its name (buildCustomerNamesSql): what the pages' tables show beside
 * ids. Reads no parameter. `caps`: whether a customer master is loaded, else looked up.
 */
export async function runCustomerNames(
  db: Engine,
  caps?: Pick<Caps, 'customers'>,
): Promise<Map<string, string>> {
  const master = caps ?? { customers: await hasTable(db, 'customers') };
  const rows = await db.rows<{ id: string; name: string }>(buildCustomerNamesSql(master));
  return new Map(rows.map((r) => [r.id, r.name]));
}
