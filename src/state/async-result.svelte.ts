import { SnapshotMissError } from '../engine/replay';

/**
 * Analyses in flight across the page (the benchmark and tests wait for `count` to reach 0), and
 * how many of them feed something on screen (`visible`: the benchmark's "visible charts updated").
 */
export const inFlight = $state({ count: 0, visible: 0 });

/**
 * Resolve once no analysis is running, checked twice 30 ms apart (one answer can start the
 * next query, and effects start queries a tick after a state change).
 */
export async function analysesSettled(): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    await new Promise((ok) => setTimeout(ok, 30));
    quiet = inFlight.count === 0 ? quiet + 1 : 0;
  }
}

/**
 * The latest result of an async computation. A newer run supersedes an older one: a stale
 * result that arrives late is dropped, so the UI never shows numbers for old parameters.
 */
export class AsyncResult<T> {
  /**
   * Raw, not a deep proxy: a result is replaced whole, never changed in place, and proxying it
   * made every read of a large result go through Svelte's signals (docs/performance.md).
   */
  value = $state.raw<T | null>(null);
  error = $state<unknown>(null);
  loading = $state(false);
  /**
   * Whether what shows this result is on screen. Results shown below the fold start off screen
   * and are told by `inView` (use-analysis.svelte.ts); the others are always on screen.
   */
  visible = $state(true);
  private generation = 0;
  /** Runs in flight that do not count as visible yet: called when the result comes on screen. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly onScreen = new Set<() => void>();

  /** Record whether the result is on screen (an unfinished run then counts as visible work). */
  setVisible(v: boolean): void {
    if (this.visible === v) return;
    this.visible = v;
    if (v) for (const f of [...this.onScreen]) f();
  }

  /** Start `compute`; resolves when it (or a newer run) is done. */
  async run(compute: () => Promise<T>): Promise<void> {
    const gen = ++this.generation;
    this.loading = true;
    inFlight.count++;
    let counted = false;
    const count = () => {
      if (counted) return;
      counted = true;
      inFlight.visible++;
      this.onScreen.delete(count);
    };
    if (this.visible) count();
    else this.onScreen.add(count);
    try {
      const v = await compute();
      if (gen === this.generation) {
        this.value = v;
        this.error = null;
      }
    } catch (err) {
      if (gen === this.generation) {
        this.error = err;
        // A review link that cannot answer the new choice must not leave the old numbers under
        // it (East-only figures below "East + West"): they are taken off with the refusal.
        if (err instanceof SnapshotMissError) this.value = null;
      }
    } finally {
      this.onScreen.delete(count);
      if (counted) inFlight.visible--;
      inFlight.count--;
      if (gen === this.generation) this.loading = false;
    }
  }
}
