/** Count of analysis queries in flight across the page (the benchmark and tests wait for 0). */
export const pending = $state({ count: 0 });

/**
 * Resolve once no analysis is running, checked twice 30 ms apart (one answer can start the
 * next query, and effects start queries a tick after a state change).
 */
export async function analysesSettled(): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    await new Promise((ok) => setTimeout(ok, 30));
    quiet = pending.count === 0 ? quiet + 1 : 0;
  }
}

/**
 * The latest result of an async computation. A newer run supersedes an older one: a stale
 * result that arrives late is dropped, so the UI never shows numbers for old parameters.
 */
export class AsyncResult<T> {
  value = $state<T | null>(null);
  error = $state<unknown>(null);
  loading = $state(false);
  private generation = 0;

  /** Start `compute`; resolves when it (or a newer run) is done. */
  async run(compute: () => Promise<T>): Promise<void> {
    const gen = ++this.generation;
    this.loading = true;
    pending.count++;
    try {
      const v = await compute();
      if (gen === this.generation) {
        this.value = v;
        this.error = null;
      }
    } catch (err) {
      if (gen === this.generation) this.error = err;
    } finally {
      pending.count--;
      if (gen === this.generation) this.loading = false;
    }
  }
}
