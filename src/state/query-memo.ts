import { cancelledError, EngineError } from '../engine/errors';
import {
  WrappedEngine,
  type Engine,
  type Answer,
  type AnswerType,
  type Cell,
  type Connector,
  type QueryOptions,
  type QueryRequest,
} from '../engine/types';

/** Results up to this many rows are kept (metadata, totals, small groupings; never big tables). */
const MAX_ROWS = 200;
const MAX_ENTRIES = 500;

let memoVersion = -1;
const memo = new Map<string, Promise<Record<string, Cell>[]>>();

/**
 * The engine with small `rows()` answers of read-only statements remembered for one data
 * version. Every analysis first asks the same questions (the date range, which tables and
 * columns exist, how the plan is keyed); at 1 M rows each is a full scan, nine analyses ask
 * them again on every filter change. The tables only change with the data version, and the
 * analyses' SQL is deterministic, so the same text gives the same answer.
 */
export function memoized(engine: Connector, version: number): Engine {
  if (version !== memoVersion) {
    memo.clear();
    memoVersion = version;
  }
  return new MemoEngine(engine);
}

/** `inner` with the small answers of read-only `rows` requests kept in `memo`. */
class MemoEngine extends WrappedEngine {
  override query<T extends AnswerType>(request: QueryRequest<T>, options?: QueryOptions): Promise<Answer<T>> {
    if (request.type !== 'rows' || !/^\s*(SELECT|WITH)\b/i.test(request.sql))
      return this.inner.query(request, options);
    return this.remembered(request.sql, options) as Promise<Answer<T>>;
  }

  private async remembered(sql: string, options?: QueryOptions): Promise<Record<string, Cell>[]> {
    const engine = this.inner;
    for (;;) {
      if (options?.signal?.aborted) throw cancelledError(sql);
      let hit = memo.get(sql);
      const mine = !hit;
      if (!hit) {
        const p = engine.query({ type: 'rows', sql }, options);
        memo.set(sql, p);
        if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
        // Failed or cancelled answers, and big ones, are not kept.
        p.then(
          (r) => r.length > MAX_ROWS && memo.get(sql) === p && memo.delete(sql),
          () => memo.get(sql) === p && memo.delete(sql),
        );
        hit = p;
      }
      try {
        const answer = await hit;
        // Callers may change their rows: a shared (kept) answer is copied, a big one is the caller's own.
        return mine && answer.length > MAX_ROWS ? answer : structuredClone(answer);
      } catch (err) {
        // Another analysis' statement was cancelled under us: ask again for ourselves.
        if (err instanceof EngineError && err.kind === 'cancelled' && !mine && !options?.signal?.aborted)
          continue;
        throw err;
      }
    }
  }
}
