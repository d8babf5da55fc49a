/**
 * Writes sample-data/demo/prepared/: the demo files loaded by the real ingest (the same code as
 * the browser), saved as gzip-compressed Arrow IPC per canonical table plus a manifest with the
 * load reports and mappings. The browser installs these on a first visit instead of ingesting
 * the CSVs (src/state/demo.ts), and the answers of the Overview's queries on them
 * (opening.json.gz, src/state/opening.ts), which draw the first picture while DuckDB starts. Run by `npm run sample-data`; prepared.test.ts fails when stale.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NodeEngine } from '../src/engine/node';
import { fromBytes } from '../src/ingest/input';
import { inspectFile, loadFiles } from '../src/ingest/load';
import { exportTables, mappingsOf, type PreparedManifest } from '../src/ingest/prepared';
import { recordOpening } from '../src/state/opening';
import type { FilePlan } from '../src/ingest/types';
import { DEMO_DIR } from './generate';

export const PREPARED_DIR = join(DEMO_DIR, 'prepared');

/** The demo files as the browser sees them (sorted by name; .gz decompressed, name without .gz). */
function demoInputs() {
  return readdirSync(DEMO_DIR)
    .filter((f) => /\.(csv|gz)$/.test(f))
    .sort((a, b) => a.localeCompare(b))
    .map((f) => {
      const bytes = readFileSync(join(DEMO_DIR, f));
      return f.endsWith('.gz')
        ? fromBytes(new Uint8Array(gunzipSync(bytes)), f.slice(0, -3))
        : fromBytes(new Uint8Array(bytes), f);
    });
}

/** Load the demo with the real ingest and return the prepared files (name → bytes). */
export async function prepareDemo(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const db = await NodeEngine.start();
  try {
    const plans: FilePlan[] = [];
    for (const f of demoInputs()) plans.push(await inspectFile(f));
    const reports = await loadFiles(db, plans);
    const kinds = [...new Set(plans.map((p) => p.kind))];
    const tables = await exportTables(db, kinds);
    const opening = await recordOpening(db);
    const manifest: PreparedManifest = {
      version: 1,
      tables: tables.map((t) => ({ kind: t.kind, rows: t.rows, file: `${t.kind}.arrow.gz` })),
      reports,
      mappings: mappingsOf(plans),
    };
    return [
      ...tables.map((t) => ({
        name: `${t.kind}.arrow.gz`,
        // mtime 0 and no name in the header: the same input gives the same bytes.
        bytes: new Uint8Array(gzipSync(t.bytes, { level: 9 })),
      })),
      { name: 'opening.json.gz', bytes: new Uint8Array(gzipSync(JSON.stringify(opening), { level: 9 })) },
      { name: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`) },
    ];
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(PREPARED_DIR, { recursive: true });
  for (const f of await prepareDemo()) {
    writeFileSync(join(PREPARED_DIR, f.name), f.bytes);
    console.log(`prepared/${f.name}\t${f.bytes.length} bytes`);
  }
}
