import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeCustomers, makeProducts } from './model';
import { Random } from './random';
import { surveyFiles } from './survey';
import { customersCsv, inventoryCsv, makeSales, planCsv, receivablesCsv, salesCsv } from './tables';

/** One demo file as text (before compression). */
export interface DemoFile {
  name: string;
  text: string;
}

/** Generate the demo dataset (pure and deterministic: same seed, same bytes). */
export function generateDemo(seed = 20240101): DemoFile[] {
  const r = new Random(seed);
  const products = makeProducts(r);
  const all = makeCustomers(r, 330);
  // The last ten never buy: they exist only in the customer master ("potential").
  const customers = all.slice(0, 320);
  const prospects = all.slice(320).map((c, i) => ({ ...c, id: `C${String(9001 + i)}` }));
  const lines = makeSales(r, customers, products);
  return [
    { name: 'sales.csv', text: salesCsv(lines) },
    { name: 'plan.csv', text: planCsv(r, customers, products) },
    { name: 'inventory.csv', text: inventoryCsv(r, lines, products) },
    { name: 'receivables.csv', text: receivablesCsv(r, customers) },
    { name: 'customers.csv', text: customersCsv(r, customers, prospects) },
    // Its own random stream: the survey leaves the other files' bytes as they were.
    ...surveyFiles(new Random(seed + 19), customers),
  ];
}

/** Bytes as written: the sales file gzip-compressed (it is the large one), the rest plain UTF-8. */
export function demoBytes(files: DemoFile[]): { name: string; bytes: Uint8Array }[] {
  return files.map((f) =>
    f.name === 'sales.csv'
      ? { name: 'sales.csv.gz', bytes: new Uint8Array(gzipSync(Buffer.from(f.text, 'utf8'), { level: 9 })) }
      : { name: f.name, bytes: new Uint8Array(Buffer.from(f.text, 'utf8')) },
  );
}

/** Output folder of `npm run sample-data`. */
export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'demo');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(DEMO_DIR, { recursive: true });
  for (const f of demoBytes(generateDemo())) {
    writeFileSync(join(DEMO_DIR, f.name), f.bytes);
    console.log(`${f.name}\t${f.bytes.length} bytes`);
  }
}
