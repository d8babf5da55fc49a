import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import { NodeEngine } from './node';

describe('NodeEngine', () => {
  let db: NodeEngine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('runs SQL and returns rows with plain numbers', async () => {
    const rows = await db.rows<{ n: number; s: string }>("SELECT 42::BIGINT AS n, 'x' AS s");
    expect(rows).toEqual([{ n: 42, s: 'x' }]);
  });

  it('has extension autoload and autoinstall off', async () => {
    const [r] = await db.rows<{ ai: boolean; al: boolean }>(
      "SELECT current_setting('autoinstall_known_extensions') AS ai, current_setting('autoload_known_extensions') AS al",
    );
    expect(r).toEqual({ ai: false, al: false });
  });

  it('never tries to download an extension (parquet is refused, not fetched)', async () => {
    await expect(db.arrow("SELECT * FROM read_parquet('nothing.parquet')")).rejects.toThrow(/parquet/);
  });

  it('raises typed errors that carry the failing SQL', async () => {
    const sql = 'SELECT * FROM no_such_table';
    const err = await db.arrow(sql).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).sql).toBe(sql);
    expect((err as EngineError).kind).toBe('sql');
    expect((err as EngineError).message).toMatch(/no_such_table/);
  });

  it('reads a registered CSV buffer with read_csv', async () => {
    await db.registerFile('t.csv', { kind: 'buffer', bytes: new TextEncoder().encode('a,b\n1,x\n2,y\n') });
    const rows = await db.rows("SELECT sum(a) AS s, count(*) AS n FROM read_csv('t.csv')");
    expect(rows).toEqual([{ s: 3, n: 2 }]);
  });
});
