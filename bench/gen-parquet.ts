import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { CATEGORIES, CHANNELS, mulberry32, REGIONS, TYPES } from './gen-sales';

const BATCH = 500_000;
const DAY = 86_400_000;

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 13 },
  { name: 'order_date', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
  ...[
    'order_id',
    'customer_id',
    'customer_type',
    'product_id',
    'category',
    'region',
    'channel',
    'sales_rep',
  ].map((name): SchemaElement => ({
    name,
    type: 'BYTE_ARRAY',
    converted_type: 'UTF8',
    repetition_type: 'REQUIRED',
  })),
  { name: 'quantity', type: 'INT32', repetition_type: 'REQUIRED' },
  ...['unit_price', 'revenue', 'cost'].map((name): SchemaElement => ({
    name,
    type: 'DOUBLE',
    repetition_type: 'REQUIRED',
  })),
];

/**
 * Write `rows` sales lines as Parquet with the same columns and value distribution as
 * generateSalesCsv (typed: DATE, INT32, DOUBLE, UTF8), in row groups of 500 k rows, generated and
 * written batch by batch so the generator never holds the whole file. Skips existing files.
 */
export async function generateSalesParquet(path: string, rows: number, seed = 7): Promise<string> {
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const rand = mulberry32(seed);
  const customers = Math.max(50, Math.round(rows / 50));
  const writer = new ParquetWriter({ writer: fileWriter(path), schema: SCHEMA });
  for (let off = 0; off < rows; off += BATCH) {
    const n = Math.min(BATCH, rows - off);
    const date = new Int32Array(n);
    const quantity = new Int32Array(n);
    const price = new Float64Array(n);
    const revenue = new Float64Array(n);
    const cost = new Float64Array(n);
    const text: Record<string, string[]> = {
      order_id: [],
      customer_id: [],
      customer_type: [],
      product_id: [],
      category: [],
      region: [],
      channel: [],
      sales_rep: [],
    };
    for (let i = 0; i < n; i++) {
      const c = Math.floor(customers * rand() ** 3);
      const p = Math.floor(500 * rand() ** 2);
      const month = Math.floor(rand() * 24);
      const day = 1 + Math.floor(rand() * 28);
      date[i] = Date.UTC(2024 + Math.floor(month / 12), month % 12, day) / DAY;
      const qty = rand() < 0.01 ? -1 - Math.floor(rand() * 5) : 1 + Math.floor(rand() * 20);
      quantity[i] = qty;
      price[i] = 10 + (p % 50) * 3.5;
      revenue[i] = Math.round(qty * price[i] * 100) / 100;
      cost[i] = Math.round(revenue[i] * (0.55 + (p % 7) * 0.04) * 100) / 100;
      text.order_id.push(`O${off + i}`);
      text.customer_id.push(`C${String(c).padStart(6, '0')}`);
      text.customer_type.push(TYPES[c % 4]);
      text.product_id.push(`P${String(p).padStart(4, '0')}`);
      text.category.push(CATEGORIES[p % 6]);
      text.region.push(REGIONS[c % 7]);
      text.channel.push(CHANNELS[c % 3]);
      text.sales_rep.push(`R${c % 40}`);
    }
    await writer.write({
      columnData: [
        { name: 'order_date', data: date },
        ...Object.entries(text).map(([name, data]) => ({ name, data })),
        { name: 'quantity', data: quantity },
        { name: 'unit_price', data: price },
        { name: 'revenue', data: revenue },
        { name: 'cost', data: cost },
      ],
      rowGroupSize: BATCH,
    });
  }
  await writer.finish();
  return path;
}
