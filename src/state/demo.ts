import { fromBlob } from '../ingest/input';
import type { InputFile } from '../ingest/types';

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
