/**
 * "Copy review link": pick the way the data travels with the link, in this order —
 * (a) data by URL, when the data was opened from `?data=` (the link already names it);
 *     the bundled demo, likewise (`?demo=1`);
 * (b) an embedded snapshot in the `#` fragment: the whole dataset when it fits, else the
 *     answers of the current view's queries (the aggregates it shows) when those fit;
 * and otherwise say plainly that neither fits, with the sizes measured.
 */
import type { Params } from '../analytics/params';
import type { Cell } from '../engine/types';
import { encodeFragment, MAX_LINK_CHARS } from '../share/codec';
import { toPayload, SNAPSHOT_VERSION } from '../share/snapshot';
import { dumpTables, tableSizes } from '../share/tables';
import { analysesSettled } from './async-result.svelte';
import { nowIso } from './persist';
import { encodeView } from './url-state';
import { currentView, type View } from './view.svelte';
import type { Workbench } from './workbench.svelte';

/**
 * Most rows worth trying to embed whole. Measured: a row costs 12–27 link characters once
 * deflated (a 5-column sales export: 11.9; the demo's five tables: 27), so 2,400–5,500 rows fill
 * a 64 KiB link and 20,000 cannot fit; reading more rows into JS only to learn that would waste
 * seconds on a large dataset.
 */
export const MAX_EMBED_ROWS = 20_000;

/** How the link carries the data. */
export type ShareWay = 'urls' | 'demo' | 'snapshot-data' | 'snapshot-view' | 'reshare' | 'none';

/** What the dialog shows. */
export interface ReviewLink {
  way: ShareWay;
  /** The link (null when neither way fits). */
  link: string | null;
  /** Length of each link tried, in characters (`Infinity` = not tried: too many rows). */
  sizes: { data?: number; view?: number };
  /** Rows embedded (data snapshot). */
  rows?: number;
  /** Why data by URL is not available (message key), when it is not. */
  urlsUnavailable?: 'share.urlsDropped' | 'share.urlsSnapshot' | 'share.urlsNoData';
}

/** The page address with the current view (no fragment). */
function viewUrl(view: View, params: Params, demo = false): string {
  const v = currentView(view, params);
  v.demo = demo;
  const q = encodeView(v);
  return `${location.origin}${location.pathname}${q ? `?${q}` : ''}`;
}

/**
 * Draw the current view again while recording every query answer: bumping the data version
 * makes every analysis on screen run again (the result cache is keyed by it).
 */
async function recordView(wb: Workbench): Promise<Map<string, Record<string, Cell>[]> | null> {
  const recorder = wb.loader;
  if (!recorder || wb.engine !== recorder) return null;
  await analysesSettled();
  recorder.start();
  try {
    wb.dataVersion++;
    await analysesSettled();
  } catch {
    // Nothing to catch in practice (analyses keep their own errors); stop() below must run.
  }
  return recorder.stop();
}

/** Build the review link for what is on screen now. */
export async function makeReviewLink(wb: Workbench, view: View): Promise<ReviewLink> {
  const params = $state.snapshot(wb.params) as Params;
  const source = wb.source;
  if (source?.kind === 'urls') return { way: 'urls', link: viewUrl(view, params), sizes: {} };
  if (source?.kind === 'demo') return { way: 'demo', link: viewUrl(view, params, true), sizes: {} };
  if (source?.kind === 'snapshot')
    return {
      way: 'reshare',
      link: `${viewUrl(view, params)}${location.hash}`,
      sizes: {},
      urlsUnavailable: 'share.urlsSnapshot',
    };
  if (!source || !wb.loader)
    return { way: 'none', link: null, sizes: {}, urlsUnavailable: 'share.urlsNoData' };

  const base = viewUrl(view, params);
  const created = nowIso().slice(0, 10);
  const sizes: ReviewLink['sizes'] = {};
  await wb.reportsReady;
  const counts = await tableSizes(wb.loader);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  if (rows <= MAX_EMBED_ROWS) {
    const tables = await dumpTables(wb.loader);
    const link = `${base}#${encodeFragment(toPayload({ v: SNAPSHOT_VERSION, mode: 'data', created, reports: wb.reports, tables }))}`;
    sizes.data = link.length;
    if (link.length <= MAX_LINK_CHARS)
      return { way: 'snapshot-data', link, sizes, rows, urlsUnavailable: 'share.urlsDropped' };
  } else sizes.data = Infinity;

  const answers = await recordView(wb);
  if (answers && answers.size) {
    const link = `${base}#${encodeFragment(toPayload({ v: SNAPSHOT_VERSION, mode: 'view', created, reports: wb.reports, answers }))}`;
    sizes.view = link.length;
    if (link.length <= MAX_LINK_CHARS)
      return { way: 'snapshot-view', link, sizes, urlsUnavailable: 'share.urlsDropped' };
  }
  return { way: 'none', link: null, sizes, rows, urlsUnavailable: 'share.urlsDropped' };
}
