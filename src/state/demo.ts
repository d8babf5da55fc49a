import { tableFromIPC, type Table } from 'apache-arrow';
import type { TableKind } from '../ingest/canonical';
import { fromBlob } from '../ingest/input';
import type { PreparedManifest } from '../ingest/prepared';
import preparedManifest from '../../sample-data/demo/prepared/manifest.json';
import type { InputFile } from '../ingest/types';
import type { Cell } from '../engine/types';
import { openingAnswers } from './opening';

// The demo dataset is bundled as hashed static assets next to the app (no network beyond our origin).
const DEMO_URLS = import.meta.glob('../../sample-data/demo/*.{csv,gz}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** File name of a demo asset path (`…/sales.csv.gz` → `sales.csv.gz`). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether the bytes start with the gzip magic number. */
async function isGzip(blob: Blob): Promise<boolean> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Fetch the demo files. A `.gz` asset is decompressed with the browser's DecompressionStream into
 * a Blob (kept out of the JS heap); a server that already decoded it (Content-Encoding) is fine too.
 */
export async function fetchDemoFiles(): Promise<InputFile[]> {
  const entries = Object.entries(DEMO_URLS).sort(([a], [b]) => a.localeCompare(b));
  return Promise.all(
    entries.map(async ([path, url]) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`demo file ${baseName(path)}: HTTP ${res.status}`);
      let blob = await res.blob();
      let name = baseName(path);
      if (name.endsWith('.gz')) {
        if (await isGzip(blob))
          blob = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
        name = name.slice(0, -3);
      }
      return fromBlob(blob, name);
    }),
  );
}

// The demo as canonical tables prepared by sample-data/prepare-demo.ts (same ingest, done once).
const PREPARED_URLS = import.meta.glob('../../sample-data/demo/prepared/*.arrow.gz', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The prepared demo: its tables as Arrow, and the manifest (load reports, mappings). */
export interface PreparedDemo {
  manifest: PreparedManifest;
  tables: { kind: TableKind; table: Table }[];
}

/**
 * Fetch the prepared demo tables (gzip-compressed Arrow IPC, decompressed by the browser). The
 * first visit installs these instead of running the CSV ingest on the demo files.
 */
export async function fetchPreparedDemo(): Promise<PreparedDemo> {
  // JSON import types each note's params by its own keys; the manifest is what prepare-demo wrote.
  const manifest = preparedManifest as unknown as PreparedManifest;
  const urls = new Map(Object.entries(PREPARED_URLS).map(([path, url]) => [baseName(path), url]));
  const tables = await Promise.all(
    manifest.tables.map(async (t) => {
      const url = urls.get(t.file);
      if (!url) throw new Error(`demo table ${t.file} is missing from the build`);
      const res = await fetch(url);
      if (!res.ok) throw new Error(`demo table ${t.file}: HTTP ${res.status}`);
      let blob = await res.blob();
      if (await isGzip(blob))
        blob = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
      return { kind: t.kind, table: tableFromIPC(new Uint8Array(await blob.arrayBuffer())) };
    }),
  );
  return { manifest, tables };
}

const OPENING_URL = Object.values(
  import.meta.glob('../../sample-data/demo/prepared/opening.json.gz', {
    query: '?url',
    import: 'default',
    eager: true,
  }) as Record<string, string>,
)[0];

/** Fetch the recorded answers of the demo's opening view (src/state/opening.ts). */
export async function fetchOpeningAnswers(): Promise<Map<string, Record<string, Cell>[]>> {
  if (!OPENING_URL) throw new Error('the recorded opening view is missing from the build');
  const res = await fetch(OPENING_URL);
  if (!res.ok) throw new Error(`recorded opening view: HTTP ${res.status}`);
  let blob = await res.blob();
  if (await isGzip(blob))
    blob = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob();
  return openingAnswers(JSON.parse(await blob.text()));
}
