import { describe, expect, it } from 'vitest';
import { clearCache, lease } from './analysis-cache';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A computation that finishes only when told, and records its abort. */
function pending() {
  const calls: { signal: AbortSignal; resolve: (v: number) => void }[] = [];
  const compute = (signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => {
      calls.push({ signal, resolve });
      signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  return { calls, compute };
}

describe('analysis cache leases', () => {
  it('computes once for every holder of the same key', async () => {
    clearCache();
    const { calls, compute } = pending();
    const a = lease('x', 1, { p: 1 }, compute);
    const b = lease('x', 1, { p: 1 }, compute);
    expect(calls).toHaveLength(1);
    calls[0].resolve(7);
    expect(await a.promise).toBe(7);
    expect(await b.promise).toBe(7);
  });

  it('aborts an unfinished computation when its last holder lets go, not before', async () => {
    clearCache();
    const { calls, compute } = pending();
    const a = lease('x', 1, { p: 2 }, compute);
    const b = lease('x', 1, { p: 2 }, compute);
    a.promise.catch(() => undefined);
    a.release();
    await tick();
    expect(calls[0].signal.aborted).toBe(false);
    b.release();
    await tick();
    expect(calls[0].signal.aborted).toBe(true);
    // The next holder starts afresh.
    lease('x', 1, { p: 2 }, compute).promise.catch(() => undefined);
    expect(calls).toHaveLength(2);
  });

  it('keeps a computation a re-run asks for again in the same turn (a parameter it does not read changed)', async () => {
    clearCache();
    const { calls, compute } = pending();
    const a = lease('x', 1, { p: 3 }, compute);
    a.release();
    const b = lease('x', 1, { p: 3 }, compute);
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0].signal.aborted).toBe(false);
    calls[0].resolve(3);
    expect(await b.promise).toBe(3);
  });

  it('keeps finished results after release and drops failed ones', async () => {
    clearCache();
    const { calls, compute } = pending();
    const a = lease('x', 1, { p: 4 }, compute);
    calls[0].resolve(4);
    await a.promise;
    a.release();
    await tick();
    expect(await lease('x', 1, { p: 4 }, compute).promise).toBe(4);
    expect(calls).toHaveLength(1);
    const failing = lease('y', 1, {}, async () => {
      throw new Error('boom');
    });
    await expect(failing.promise).rejects.toThrow('boom');
    let runs = 0;
    await lease('y', 1, {}, async () => ++runs).promise;
    expect(runs).toBe(1);
  });
});
