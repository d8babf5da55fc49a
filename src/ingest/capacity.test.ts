import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import type { Engine, EngineTraits } from '../engine/types';
import { checkCapacity, packs, PACK_ROWS, WASM_MAX_ROWS } from './capacity';
import { fromBytes } from './input';
import { inspectFile, loadFiles } from './load';
import { IngestError, type FilePlan } from './types';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

/** The traits of native DuckDB with this memory limit (bytes). */
const NATIVE = (memoryBytes: number | null): EngineTraits => ({
  textInBlobs: false,
  outOfCore: true,
  readsParquet: true,
  memoryBytes,
});
const plan = (rows: number, name = 'big.csv') =>
  ({ file: { name, size: rows * 75 }, sampleRows: 3000, estimatedRows: rows }) as unknown as FilePlan;

/** A CSV of n lines of roughly equal length (as exports are). */
function csv(n: number): Uint8Array {
  const lines = ['order_date,customer_id,revenue'];
  for (let i = 0; i < n; i++)
    lines.push(`2024-0${1 + (i % 9)}-1${i % 10},C${String(i % 997).padStart(5, '0')},${(i % 500) + 0.25}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('capacity', () => {
  it('estimates the rows of a large text file from its sample', async () => {
    const p = await inspectFile(fromBytes(csv(200_000), 's.csv'));
    expect(p.estimatedRows).toBeGreaterThan(180_000);
    expect(p.estimatedRows).toBeLessThan(220_000);
    expect((await inspectFile(fromBytes(csv(50), 't.csv'))).estimatedRows).toBe(50);
  });

  it('refuses a load too large for DuckDB-WASM before reading it, naming the file and what to do', () => {
    let err: unknown = null;
    try {
      checkCapacity(db, [plan(9_000_000, 'a.csv'), plan(WASM_MAX_ROWS, 'b.csv')]);
      expect(WASM_MAX_ROWS).toBe(15_000_000);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).key).toBe('too_large');
    expect((err as IngestError).params).toMatchObject({ rows: '24,000,000', limit: '15,000,000' });
    expect(() => checkCapacity(db, [plan(WASM_MAX_ROWS)])).not.toThrow();
    expect(() => checkCapacity({ traits: NATIVE(null) } as Engine, [plan(10 * WASM_MAX_ROWS)])).not.toThrow();
  });

  it('stages large loads in the compressed database, and they read back the same', async () => {
    expect(packs([plan(PACK_ROWS - 1)])).toBe(false);
    expect(packs([plan(PACK_ROWS / 2), plan(PACK_ROWS / 2)])).toBe(true);
    // Native DuckDB: only when the plain rows would take over half its memory (250 B a row).
    const native = (gb: number) => ({ traits: NATIVE(gb * 2 ** 30) }) as Engine;
    expect(packs([plan(10_000_000)], native(18.8))).toBe(false);
    expect(packs([plan(10_000_000)], native(1.5))).toBe(true);
    expect(packs([plan(100_000_000)], native(18.8))).toBe(true);
    expect(packs([plan(PACK_ROWS - 1)], native(0.1))).toBe(false);
    const p = await inspectFile(fromBytes(csv(1000), 'p.csv'));
    await loadFiles(db, [{ ...p, estimatedRows: PACK_ROWS }]);
    const [where] = await db.rows<{ db: string }>(
      "SELECT database_name AS db FROM duckdb_tables() WHERE table_name = 'sales'",
    );
    expect(where.db).toBe('packed');
    const [packed] = await db.rows('SELECT count(*) AS n, sum(revenue) AS r FROM sales');
    await loadFiles(db, [p]);
    const tables = await db.rows(
      "SELECT database_name AS db FROM duckdb_tables() WHERE table_name = 'sales'",
    );
    expect(tables).toEqual([{ db: 'memory' }]);
    expect(await db.rows('SELECT count(*) AS n, sum(revenue) AS r FROM sales')).toEqual([packed]);
  });
});
