/**
 * Results of analyses keyed by (analysis, data version, parameters it reads, page options): a
 * page that shows the same analysis as another (Overview and Pareto both rank customers) reuses
 * the promise instead of running the SQL again. Each user of an entry holds a lease; when the
 * last lease of an unfinished entry is released (the parameters moved on, the page closed), its
 * computation is aborted, so superseded SQL stops instead of delaying the current one.
 * Finished entries stay (bounded, least recently used first out).
 */
const MAX_ENTRIES = 60;

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  refs: number;
  done: boolean;
}
const cache = new Map<string, Entry>();

const keyOf = (name: string, version: number, inputs: unknown) =>
  `${name}|${version}|${JSON.stringify(inputs)}`;

/** A hold on a cached computation. */
export interface Lease<T> {
  promise: Promise<T>;
  /** Give the hold up (idempotent). The entry is aborted if nobody else holds it and it is unfinished. */
  release(): void;
}

function evict(): void {
  for (const [key, e] of cache) {
    if (cache.size <= MAX_ENTRIES) return;
    if (e.refs === 0) cache.delete(key);
  }
}

/**
 * Lease the result of `compute` for this key, computing it once. `compute` gets an AbortSignal
 * that fires when the last lease of the unfinished entry is released. Failed runs are not kept.
 */
export function lease<T>(
  name: string,
  version: number,
  inputs: unknown,
  compute: (signal: AbortSignal) => Promise<T>,
): Lease<T> {
  const key = keyOf(name, version, inputs);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
    cache.set(key, entry);
  } else {
    const controller = new AbortController();
    const e: Entry = { promise: compute(controller.signal), controller, refs: 0, done: false };
    e.promise.then(
      () => (e.done = true),
      () => {
        e.done = true;
        if (cache.get(key) === e) cache.delete(key);
      },
    );
    cache.set(key, e);
    entry = e;
    evict();
  }
  const held = entry;
  held.refs++;
  let released = false;
  return {
    promise: held.promise as Promise<T>,
    release() {
      if (released) return;
      released = true;
      // After the current microtask, so that a re-run asking for the same key (a change of a
      // parameter this analysis does not read) takes its lease first and nothing is aborted.
      queueMicrotask(() => {
        held.refs--;
        if (held.refs > 0 || held.done) return;
        held.controller.abort();
        if (cache.get(key) === held) cache.delete(key);
      });
    },
  };
}

/** Whether the result for this key is already computed (a lease of it would answer at once). */
export function isCached(name: string, version: number, inputs: unknown): boolean {
  return cache.get(keyOf(name, version, inputs))?.done === true;
}

/** Drop everything (new data, engine restart); unfinished computations are aborted. */
export function clearCache(): void {
  for (const e of cache.values()) if (!e.done) e.controller.abort();
  cache.clear();
}
