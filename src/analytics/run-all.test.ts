import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { fromBytes } from '../ingest/input';
import { inspectFile, loadFiles } from '../ingest/load';
import { defaultParams } from './params';
import { ANALYSES } from './registry';
import { runAll, runEach } from './run-all';

describe('runEach', () => {
  it('hands each result over in the registry’s order, the same as runAll’s, with analyses started ahead', async () => {
    const db = await NodeEngine.start();
    try {
      const sales = gunzipSync(readFileSync('sample-data/demo/sales.csv.gz'));
      await loadFiles(db, [await inspectFile(fromBytes(sales, 'sales.csv'))]);
      const params = defaultParams();
      const all = await runAll(db, params);
      const seen: [string, unknown][] = [];
      const info = await runEach(db, params, (id, r) => void seen.push([id, r]), undefined, {
        ahead: ['forecast', 'key_accounts'],
      });
      expect(seen.map(([id]) => id)).toEqual(ANALYSES.filter((a) => a.run).map((a) => a.id));
      expect(Object.fromEntries(seen)).toEqual(all!.results);
      expect(info).toEqual({ params: all!.params, period: all!.period, caps: all!.caps });
    } finally {
      await db.close();
    }
  }, 120_000);
});
