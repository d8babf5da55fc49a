import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Deterministic PRNG (mulberry32) so every run benchmarks the same bytes. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
export const CHANNELS = ['线下', '线上', '分销'];
export const TYPES = ['经销商', '直营客户', '大客户', '零售客户'];
export const CATEGORIES = ['润滑油', '溶剂油', '沥青', '化工原料', '液化气', '添加剂'];

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

/**
 * Write the same sales data with Chinese names and headers twice: UTF-8 and GB18030, about
 * `targetBytes` each (for the `gb18030_vs_utf8` case). Returns both paths; reuses existing files.
 */
export async function generateChinesePair(
  dir: string,
  targetBytes: number,
): Promise<{ utf8: string; gb: string; rows: number }> {
  const { gb18030 } = await import('../test/helpers/encoders');
  const utf8Path = `${dir}/zh-${targetBytes}.utf8.csv`;
  const gbPath = `${dir}/zh-${targetBytes}.gb18030.csv`;
  const rand = mulberry32(11);
  const cities = ['杭州', '宁波', '苏州', '广州', '北京', '成都', '武汉', '西安', '沈阳', '南京'];
  const words = ['恒达', '宏远', '华泰', '鑫源', '博润', '永盛', '联创', '金桥', '海通', '瑞丰'];
  const names = Array.from(
    { length: 400 },
    (_, i) => `${cities[i % 10]}${words[Math.floor(i / 10) % 10]}贸易有限公司${i}`,
  );
  const cats = ['润滑油', '溶剂油', '沥青', '化工原料', '液化气', '添加剂'];
  const regions = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
  const header = '订单日期,客户编号,客户名称,品类,区域,数量,单价,销售额\n';
  const enc = {
    utf8: (s: string) => Buffer.from(s, 'utf8'),
    gb: (s: string) => Buffer.from(gb18030(s)),
  };
  const cache = new Map<string, [Buffer, Buffer]>();
  const both = (s: string): [Buffer, Buffer] => {
    let v = cache.get(s);
    if (!v) {
      v = [enc.utf8(s), enc.gb(s)];
      cache.set(s, v);
    }
    return v;
  };
  // The row count is written last: without it the pair is unfinished (an interrupted run).
  if (existsSync(utf8Path) && existsSync(gbPath) && existsSync(`${utf8Path}.rows`)) {
    const rows = Number((await import('node:fs')).readFileSync(`${utf8Path}.rows`, 'utf8'));
    return { utf8: utf8Path, gb: gbPath, rows };
  }
  mkdirSync(dir, { recursive: true });
  const outU = createWriteStream(utf8Path);
  const outG = createWriteStream(gbPath);
  outU.write(enc.utf8(header));
  outG.write(enc.gb(header));
  let written = 0;
  let rows = 0;
  let partsU: Buffer[] = [];
  let partsG: Buffer[] = [];
  const flush = async () => {
    const okU = outU.write(Buffer.concat(partsU));
    const okG = outG.write(Buffer.concat(partsG));
    partsU = [];
    partsG = [];
    // Both listeners at once: awaiting one stream's drain first could miss the other's.
    await Promise.all([
      okU ? null : new Promise<void>((r) => outU.once('drain', () => r())),
      okG ? null : new Promise<void>((r) => outG.once('drain', () => r())),
    ]);
  };
  while (written < targetBytes) {
    const c = Math.floor(400 * rand() ** 2);
    const month = Math.floor(rand() * 24);
    const date = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const qty = 1 + Math.floor(rand() * 20);
    const price = 10 + (c % 50) * 3.5;
    const ascii1 = Buffer.from(`${date},C${String(c).padStart(4, '0')},`);
    const [nU, nG] = both(names[c]);
    const [cU, cG] = both(`,${cats[c % 6]},${regions[c % 7]},`);
    const tail = Buffer.from(`${qty},${price},${(qty * price).toFixed(2)}\n`);
    partsU.push(ascii1, nU, cU, tail);
    partsG.push(ascii1, nG, cG, tail);
    written += ascii1.length + nU.length + cU.length + tail.length;
    rows++;
    if (partsU.length > 40000) await flush();
  }
  await flush();
  await Promise.all([
    new Promise<void>((r) => outU.end(() => r())),
    new Promise<void>((r) => outG.end(() => r())),
  ]);
  (await import('node:fs')).writeFileSync(`${utf8Path}.rows`, String(rows));
  return { utf8: utf8Path, gb: gbPath, rows };
}
