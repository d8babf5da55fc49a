/**
 * Opening the data a review link carries: files named by `?data=`, or a snapshot in the `#`
 * fragment. Neither is kept in this browser's storage (the link is the way back to it).
 */
import { ReplayEngine } from '../engine/replay';
import { openDataUrl } from '../ingest/remote';
import type { InputFile } from '../ingest/types';
import type { Snapshot } from '../share/snapshot';
import { restoreTables } from '../share/tables';
import { toNotice, type Workbench } from './workbench.svelte';

/**
 * Load the files a link names (already checked by resolveDataUrl), read with the proposed
 * mapping so every browser reads them the same way (no remembered mappings). Whatever the user
 * dropped before stays stored. A file that cannot be fetched stops the load with its reason.
 */
export async function loadDataUrls(wb: Workbench, urls: { raw: string; url: URL }[]): Promise<boolean> {
  if (!wb.loader || urls.length === 0) return false;
  wb.error = null;
  const inputs: InputFile[] = [];
  for (const { raw, url } of urls) {
    wb.activity = { key: 'share.fetching', params: { url: raw } };
    try {
      inputs.push(await openDataUrl(url));
    } catch (err) {
      wb.error = toNotice(err, raw);
      wb.activity = null;
      return false;
    }
  }
  return wb.load(inputs, { persist: false, source: { kind: 'urls', urls: urls.map((u) => u.raw) } });
}

/**
 * Show the snapshot a link carries: a `data` snapshot becomes DuckDB's tables (every page
 * works); a `view` snapshot answers the queries of the shared view (ReplayEngine).
 */
export async function openSnapshot(wb: Workbench, s: Snapshot): Promise<boolean> {
  const engine = wb.loader;
  if (!engine) return false;
  wb.status = 'loading';
  wb.activity = { key: 'share.opening', params: {} };
  try {
    if (s.mode === 'data') {
      await restoreTables(engine, s.tables);
      wb.engine = engine;
    } else wb.engine = new ReplayEngine(s.answers);
    wb.reports = s.reports;
    wb.isDemo = false;
    wb.source = { kind: 'snapshot', mode: s.mode, files: s.reports.map((r) => r.file), created: s.created };
    wb.dataVersion++;
    return true;
  } catch (err) {
    wb.error = toNotice(err);
    return false;
  } finally {
    wb.status = 'ready';
    wb.activity = null;
  }
}
