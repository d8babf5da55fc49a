/**
 * "Copy review link": pick the way the data travels with the link, in this order —
 * (a) data by URL, when the data was opened from `?data=` (the link already names it);
 *     the bundled demo, likewise (`?demo=1`);
 * (b) an embedded snapshot in the `#` fragment: the whole dataset when it fits, else what the
 *     current view shows (its analyses' results, summaries where the page shows one) when that fits;
 * and otherwise say plainly that neither fits, with the sizes measured.
 */
import type { Params } from '../analytics/params';
import { encodeFragment, MAX_LINK_CHARS } from '../share/codec';
import { toPayload, SNAPSHOT_VERSION, type ViewSnapshot } from '../share/snapshot';
import type { Cell } from '../engine/types';
import { dumpTables, tableSizes } from '../share/tables';
import { NotPlainError, packValue } from '../share/values';
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
 * Draw the view on screen again while recording (rerunAnalyses: every analysis on screen runs
 * again, the result cache is keyed by the data version). Only the page shown travels, and of it
 * what is drawn: a summary where the page shows one (the Overview's counts, not every customer
 * behind them), else the answers of the analysis' queries (use-analysis.svelte.ts).
 */
async function recordView(wb: Workbench): Promise<Pick<ViewSnapshot, 'results' | 'answers'> | null> {
  if (!wb.host.duckdb || wb.engine !== wb.host.duckdb) return null;
  await analysesSettled();
  const recording = { answers: new Map<string, Record<string, Cell>[]>() };
  wb.recording = recording;
  try {
    wb.rerunAnalyses();
    await analysesSettled();
  } finally {
    wb.recording = null;
  }
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built once for the link, never rendered
  const results = new Map<string, unknown>();
  for (const { key, value, byAnswers } of wb.shown.values()) {
    if (byAnswers) continue;
    try {
      results.set(key, packValue(value));
    } catch (err) {
      // Such a result stays out of the link: the reviewer reads "Not in this link" there.
      if (!(err instanceof NotPlainError)) throw err;
      console.warn('not in the review link:', key, err.message);
    }
  }
  return { results, answers: recording.answers };
}

/** Build the review link for what is on screen now. */
export async function makeReviewLink(wb: Workbench, view: View): Promise<ReviewLink> {
  const params = $state.snapshot(view.params) as Params;
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
  const duckdb = wb.host.duckdb;
  if (!source || !duckdb) return { way: 'none', link: null, sizes: {}, urlsUnavailable: 'share.urlsNoData' };

  const base = viewUrl(view, params);
  const created = nowIso().slice(0, 10);
  const sizes: ReviewLink['sizes'] = {};
  await wb.reportsReady;
  const counts = await tableSizes(duckdb);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  if (rows <= MAX_EMBED_ROWS) {
    const tables = await dumpTables(duckdb);
    const link = `${base}#${encodeFragment(toPayload({ v: SNAPSHOT_VERSION, mode: 'data', created, reports: wb.reports, tables }))}`;
    sizes.data = link.length;
    if (link.length <= MAX_LINK_CHARS)
      return { way: 'snapshot-data', link, sizes, rows, urlsUnavailable: 'share.urlsDropped' };
  } else sizes.data = Infinity;

  const shown = await recordView(wb);
  if (shown && shown.results.size + shown.answers.size > 0) {
    const snap = { v: SNAPSHOT_VERSION, mode: 'view', created, reports: wb.reports, ...shown } as const;
    const link = `${base}#${encodeFragment(toPayload(snap))}`;
    sizes.view = link.length;
    if (link.length <= MAX_LINK_CHARS)
      return { way: 'snapshot-view', link, sizes, rows, urlsUnavailable: 'share.urlsDropped' };
  }
  return { way: 'none', link: null, sizes, rows, urlsUnavailable: 'share.urlsDropped' };
}
