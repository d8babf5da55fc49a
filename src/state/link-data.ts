/**
 * Opening the files a review link names by `?data=` (a snapshot in the `#` fragment is opened
 * by Workbench.openSnapshot). Neither is kept in this browser's storage (the link is the way back to it).
 */
import { openDataUrl } from '../ingest/remote';
import type { InputFile } from '../ingest/types';
import { toNotice } from './notices';
import type { Workbench } from './workbench.svelte';

/**
 * Load the files a link names (already checked by resolveDataUrl), read with the proposed
 * mapping so every browser reads them the same way (no remembered mappings). Whatever the user
 * dropped before stays stored. A file that cannot be fetched stops the load with its reason.
 */
export async function loadDataUrls(wb: Workbench, urls: { raw: string; url: URL }[]): Promise<boolean> {
  if (!wb.host.duckdb || urls.length === 0) return false;
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
