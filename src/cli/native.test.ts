import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from './analyze';
import { nativeInstalled } from '../../test/helpers/native';

const D = 'sample-data/demo';
const FILES = [
  '--sales',
  `${D}/sales.csv.gz`,
  '--plan',
  `${D}/plan.csv`,
  '--inventory',
  `${D}/inventory.csv`,
  '--receivables',
  `${D}/receivables.csv`,
  '--customers',
  `${D}/customers.csv`,
];

async function analyze(...extra: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'engines-'));
  expect(await main([...FILES, ...extra, '--out', out])).toBe(0);
  return out;
}

const files = (dir: string) => readdirSync(dir).sort();

/** Platforms @duckdb/node-api ships a binary for: there `npm ci` installs it, and a missing one is a failure, not a skip. */
const SUPPORTED = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'].includes(
  `${process.platform}-${process.arch}`,
);

it('the native engine is installed where it is supported (npm ci installs the optional @duckdb/node-api)', () => {
  expect(!SUPPORTED || nativeInstalled()).toBe(true);
});

describe.skipIf(!nativeInstalled())('npm run analyze -- --engine native', () => {
  it('writes the same result files as DuckDB-WASM on the demo data, byte for byte with one thread', async () => {
    const wasm = await analyze();
    const native = await analyze('--engine', 'native', '--threads', '1');
    expect(files(native)).toEqual(files(wasm));
    expect(files(wasm).length).toBeGreaterThanOrEqual(7);
    for (const f of files(wasm))
      expect(readFileSync(join(native, f), 'utf8'), f).toBe(readFileSync(join(wasm, f), 'utf8'));
  }, 240_000);

  it('with all cores, gives the same rows and values to 1e-9 (only the order of additions differs)', async () => {
    const wasm = await analyze();
    const native = await analyze('--engine', 'native');
    for (const f of files(wasm).filter((x) => x.endsWith('.csv'))) {
      const a = Papa.parse<string[]>(readFileSync(join(wasm, f), 'utf8').trim()).data;
      const b = Papa.parse<string[]>(readFileSync(join(native, f), 'utf8').trim()).data;
      expect(b.length, f).toBe(a.length);
      a.forEach((row, i) =>
        row.forEach((cell, j) => {
          const x = Number(cell);
          const y = Number(b[i][j]);
          if (cell === '' || Number.isNaN(x)) expect(b[i][j], `${f} ${i}:${j}`).toBe(cell);
          else expect(Math.abs(x - y), `${f} ${i}:${j}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
        }),
      );
    }
  }, 240_000);
});
