import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same bytes. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const CHANNELS = ['线下', '线上', '分销'];
const TYPES = ['经销商', '直营客户', '大客户', '零售客户'];
const CATEGORIES = ['润滑油', '溶剂油', '沥青', '化工原料', '液化气', '添加剂'];

/**
 * Write `rows` sales lines with canonical English headers (so bare `read_csv` and the workbench
 * see the same columns) over 24 months, ~20 k customers with a Pareto-like spread, 500 products.
 * About 75 bytes a row. Skips the work when the file already exists with content.
 */
export async function generateSalesCsv(path: string, rows: number, seed = 7): Promise<string> {
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const rand = mulberry32(seed);
  const customers = Math.max(50, Math.round(rows / 50));
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', () => ok()));
  await write(
    'order_date,order_id,customer_id,customer_type,product_id,category,region,channel,sales_rep,quantity,unit_price,revenue,cost\n',
  );
  let buf = '';
  for (let i = 0; i < rows; i++) {
    // Pareto-like: customer index skewed towards small ids.
    const c = Math.floor(customers * rand() ** 3);
    const p = Math.floor(500 * rand() ** 2);
    const month = Math.floor(rand() * 24);
    const day = 1 + Math.floor(rand() * 28);
    const y = 2024 + Math.floor(month / 12);
    const m = (month % 12) + 1;
    const qty = rand() < 0.01 ? -1 - Math.floor(rand() * 5) : 1 + Math.floor(rand() * 20);
    const price = 10 + (p % 50) * 3.5;
    const revenue = Math.round(qty * price * 100) / 100;
    const cost = Math.round(revenue * (0.55 + (p % 7) * 0.04) * 100) / 100;
    buf += `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')},O${i},C${String(c).padStart(6, '0')},${TYPES[c % 4]},P${String(p).padStart(4, '0')},${CATEGORIES[p % 6]},${REGIONS[c % 7]},${CHANNELS[c % 3]},R${c % 40},${qty},${price},${revenue},${cost}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((ok) => out.end(() => ok()));
  return path;
}
