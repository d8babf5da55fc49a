import { describe, expect, it } from 'vitest';
import { cancelledError } from '../engine/errors';
import type { Cell, Connector, QueryOptions, QueryRequest } from '../engine/types';
import { memoized } from './query-memo';

/** A connector whose `rows` requests count calls and answer `n` rows, optionally cancelled by a signal. */
function fake(n = 1) {
  const calls: string[] = [];
  const engine = {
    async query(request: QueryRequest, o?: QueryOptions) {
      const { sql } = request;
      calls.push(sql);
      await new Promise((r) => setTimeout(r, 5));
      if (o?.signal?.aborted) throw cancelledError(sql);
      return Array.from({ length: n }, (_, i) => ({ i, sql }) as Record<string, Cell>);
    },
  } as unknown as Connector;
  return { engine, calls };
}

describe('query memo', () => {
  it('answers the same read-only statement once per data version, each caller with its own copy', async () => {
    const { engine, calls } = fake();
    const m = memoized(engine, 101);
    const [a, b] = await Promise.all([m.rows('SELECT 1'), m.rows('SELECT 1')]);
    const c = await m.rows('SELECT 1');
    expect(calls).toEqual(['SELECT 1']);
    a[0].i = 99;
    expect(b[0].i).toBe(0);
    expect(c[0].i).toBe(0);
    await memoized(engine, 102).rows('SELECT 1');
    expect(calls).toHaveLength(2);
  });

  it('does not keep big answers or statements that change data', async () => {
    const { engine, calls } = fake(500);
    const m = memoized(engine, 201);
    await m.rows('SELECT big');
    await m.rows('SELECT big');
    await m.rows('CREATE TABLE t AS SELECT 1');
    await m.rows('CREATE TABLE t AS SELECT 1');
    expect(calls).toHaveLength(4);
  });

  it('asks again when the shared answer was cancelled under another caller', async () => {
    const { engine, calls } = fake();
    const m = memoized(engine, 301);
    const c = new AbortController();
    const first = m.rows('SELECT x', { signal: c.signal });
    const second = m.rows('SELECT x');
    c.abort();
    await expect(first).rejects.toThrow(/cancelled/);
    expect(await second).toHaveLength(1);
    expect(calls).toEqual(['SELECT x', 'SELECT x']);
  });
});
