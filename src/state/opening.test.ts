import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../analytics/params';
import { HeadStartEngine } from '../engine/replay';
import type { Engine } from '../engine/types';
import { demoEngine } from '../../test/helpers/demo';
import { openingAnswers } from './opening';
import { OVERVIEW } from './page-analyses';

const committed = () =>
  openingAnswers(
    JSON.parse(
      gunzipSync(readFileSync(join('sample-data', 'demo', 'prepared', 'opening.json.gz'))).toString('utf8'),
    ),
  );

describe('recorded opening view', () => {
  const engine = demoEngine();

  it('gives the Overview the numbers DuckDB gives, with no query left to DuckDB', async () => {
    let real!: (e: Engine) => void;
    const head = new HeadStartEngine(committed(), new Promise<Engine>((r) => (real = r)));
    for (const a of Object.values(OVERVIEW)) {
      const recorded = await a.call(head, defaultParams());
      expect(recorded, a.name).toEqual(await a.call(engine(), defaultParams()));
    }
    expect(head.misses).toBe(0);
    real(engine());
  }, 120_000);

  it('sends a query the record does not hold to the real engine once it is there', async () => {
    let real!: (e: Engine) => void;
    const head = new HeadStartEngine(new Map(), new Promise<Engine>((r) => (real = r)));
    let answered = false;
    const p = head.rows<{ n: number }>('SELECT 42 AS n').then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    real(engine());
    expect(await p).toEqual([{ n: 42 }]);
    expect(head.misses).toBe(1);
  });

  it('fails the waiting queries when the real engine does not start', async () => {
    let fail!: (e: unknown) => void;
    const head = new HeadStartEngine(new Map(), new Promise<Engine>((_, r) => (fail = r)));
    const p = head.rows('SELECT 1');
    fail(new Error('no engine'));
    await expect(p).rejects.toThrow('no engine');
  });

  it('refuses a file of another version', () => {
    expect(() => openingAnswers({ version: 99, queries: [] })).toThrow(/version/);
  });
});
