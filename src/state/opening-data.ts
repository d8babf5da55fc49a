/**
 * What data the page opens with, decided from the opening link alone (pure: App.svelte does what
 * these rules say). What the link asks for wins over what this browser kept: a snapshot embedded
 * in the link, else the files it names (`?data=`), else the demo when it says so (`?demo=1`),
 * else the data kept from the last visit, else the demo. A link whose data cannot be used shows
 * why, never other data in its place.
 */
import { decodeFragment, SNAPSHOT_KEY, SnapshotError } from '../share/codec';
import { fromPayload, type Snapshot } from '../share/snapshot';
import type { DataSource } from './workbench.svelte';

/** What the opening link asks for. */
export interface OpeningLink {
  /** It embeds a snapshot (checked and usable) in its `#` fragment. */
  snapshot: boolean;
  /** It embeds a snapshot that was refused (the page names why). */
  snapshotProblem: boolean;
  /** Data files it names (`?data=`). */
  data: readonly string[];
  /** It asks for the bundled demo (`?demo=1`). */
  demo: boolean;
}

/**
 * The opening data: the link's snapshot, nothing (a refused snapshot: the problem is shown),
 * the files the link names, the demo, or the data kept from the last visit (the demo when none).
 */
export type OpeningData = 'snapshot' | 'nothing' | 'urls' | 'demo' | 'kept-else-demo';

/** The opening data a link asks for. */
export function openingData(link: OpeningLink): OpeningData {
  if (link.snapshot) return 'snapshot';
  if (link.snapshotProblem) return 'nothing';
  if (link.data.length) return 'urls';
  return link.demo ? 'demo' : 'kept-else-demo';
}

/**
 * Whether the demo's prepared tables are worth fetching while the engine starts: the opening
 * may show the demo (no snapshot, no files named by the link).
 */
export function mayOpenDemo(link: OpeningLink): boolean {
  return !link.snapshot && !link.data.length;
}

/**
 * Whether the demo's recorded opening view may be drawn while DuckDB starts: only when the
 * opening data is the demo (asked for, or nothing kept from a last visit).
 */
export function drawsRecordedDemo(opening: OpeningData, keptData: boolean): boolean {
  return opening === 'demo' || (opening === 'kept-else-demo' && !keptData);
}

/** The snapshot a location hash embeds: usable, refused (with the reason's key), or none. */
export function readLinkSnapshot(hash: string): { snapshot: Snapshot | null; problem: string | null } {
  try {
    const value = decodeFragment(hash);
    return { snapshot: value === null ? null : fromPayload(value), problem: null };
  } catch (err) {
    return { snapshot: null, problem: err instanceof SnapshotError ? err.reason : 'bad_shape' };
  }
}

/** Whether a location hash carries a snapshot (usable or not). */
export function hashHasSnapshot(hash: string): boolean {
  return hash.startsWith(`#${SNAPSHOT_KEY}=`);
}

/**
 * Once other data is loaded (dropped, restored, the demo after "Forget"), the link must stop
 * naming the files or carrying the snapshot it was opened with: what to take out of it.
 */
export function linkAfterLoad(
  source: DataSource['kind'] | null,
  link: { data: readonly string[]; snapshotInHash: boolean },
): { data: boolean; demo: boolean; snapshot: boolean } {
  if (source === null) return { data: false, demo: false, snapshot: false };
  return {
    data: source !== 'urls' && link.data.length > 0,
    demo: source !== 'demo',
    snapshot: source !== 'snapshot' && link.snapshotInHash,
  };
}
