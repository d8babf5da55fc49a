import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node';
import { installTables, type PreparedManifest } from '../src/ingest/prepared';
import { PREPARED_DIR, prepareDemo } from './prepare-demo';

describe('prepared demo tables', () => {
  let fresh: { name: string; bytes: Uint8Array }[];
  beforeAll(async () => {
    fresh = await prepareDemo();
  }, 120_000);

  it('are what the ingest makes of the committed demo files (run npm run sample-data when this fails)', () => {
    for (const f of fresh) {
      const committed = readFileSync(join(PREPARED_DIR, f.name));
      const plain = (b: Uint8Array) => (f.name.endsWith('.gz') ? gunzipSync(b) : Buffer.from(b));
      expect(plain(committed).equals(plain(f.bytes)), `${f.name} is stale`).toBe(true);
    }
  });

  describe('installed into DuckDB', () => {
    let a: NodeEngine;
    beforeAll(async () => {
      a = await NodeEngine.start();
      const manifest = JSON.parse(
        readFileSync(join(PREPARED_DIR, 'manifest.json'), 'utf8'),
      ) as PreparedManifest;
      await installTables(
        a,
        manifest.tables.map((t) => ({
          kind: t.kind,
          table: tableFromIPC(gunzipSync(readFileSync(join(PREPARED_DIR, t.file)))),
        })),
      );
    }, 120_000);
    afterAll(async () => {
      await a?.close();
    });

    it('give the tables, types and rows loadFiles gives', async () => {
      // The reference: the same files through loadFiles in another database.
      const b = await NodeEngine.start();
      try {
        const { inspectFile, loadFiles } = await import('../src/ingest/load');
        const { fromBytes } = await import('../src/ingest/input');
        const { readdirSync } = await import('node:fs');
        const dir = join(PREPARED_DIR, '..');
        const plans = [];
        for (const f of readdirSync(dir)
          .filter((x) => /\.(csv|gz)$/.test(x))
          .sort()) {
          const bytes = readFileSync(join(dir, f));
          plans.push(
            await inspectFile(
              f.endsWith('.gz')
                ? fromBytes(new Uint8Array(gunzipSync(bytes)), f.slice(0, -3))
                : fromBytes(new Uint8Array(bytes), f),
            ),
          );
        }
        await loadFiles(b, plans);
        const describe =
          "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE table_name IN ('sales','plan','inventory','receivables','customers') ORDER BY ALL";
        expect(await a.rows(describe)).toEqual(await b.rows(describe));
        for (const t of ['sales', 'plan', 'inventory', 'receivables', 'customers']) {
          const dump = `SELECT * FROM ${t} ORDER BY ALL`;
          expect(await a.rows(dump), t).toEqual(await b.rows(dump));
        }
      } finally {
        await b.close();
      }
    }, 120_000);
  });
});
