import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll } from 'vitest';
import { NodeEngine } from '../../src/engine/node';
import type { Engine } from '../../src/engine/types';
import { fromBytes } from '../../src/ingest/input';
import { inspectFile, loadFiles } from '../../src/ingest/load';
import type { InputFile } from '../../src/ingest/types';

/** The demo dataset's files as an analyst drops them (the sales file decompressed). */
export function demoFiles(dir = 'sample-data/demo'): InputFile[] {
  return readdirSync(dir)
    .filter((name) => /\.csv(\.gz)?$/.test(name))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return name.endsWith('.gz')
        ? fromBytes(new Uint8Array(gunzipSync(bytes)), name.slice(0, -3))
        : fromBytes(new Uint8Array(bytes), name);
    });
}

/** Load the demo dataset with the proposed mapping (46,273 sales lines and the four other tables). */
export async function loadDemo(engine: Engine): Promise<void> {
  const plans = [];
  for (const f of demoFiles()) plans.push(await inspectFile(f));
  await loadFiles(engine, plans);
}

/**
 * A DuckDB (Node build) with the demo loaded, for the tests of one file: started before them,
 * closed after. Call at the top of the file or of a describe block; the getter gives the engine.
 */
export function demoEngine(): () => NodeEngine {
  let db: NodeEngine | undefined;
  beforeAll(async () => {
    db = await NodeEngine.start();
    await loadDemo(db);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });
  return () => db!;
}
