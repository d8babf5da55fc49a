import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_DIR, badCorpus, type BadFixture } from '../../test/fixtures/bad/generate';
import { NodeEngine } from '../engine/node';
import { isMessageKey, translate } from '../i18n/translate';
import { fromBytes } from './input';
import { inspectFile, loadFiles } from './load';
import { IngestError, type LoadReport } from './types';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

async function load(f: BadFixture): Promise<LoadReport> {
  const plan = await inspectFile(fromBytes(f.bytes, f.name));
  const [report] = await loadFiles(db, [plan]);
  return report;
}

/** The message a key gives in both languages: known, filled in, never the bare key. */
function rendered(key: string, params: Record<string, string | number>): string[] {
  expect(isMessageKey(key), `${key} has a message`).toBe(true);
  return (['en', 'zh-CN'] as const).map((locale) => {
    const text = translate(locale, key as never, params);
    expect(text, `${key} (${locale}) has every placeholder filled`).not.toMatch(/\{\w+\}/);
    return text;
  });
}

describe('bad-input corpus (test/fixtures/bad)', () => {
  const fixtures = badCorpus();

  it('committed files equal the generator output (run: npx tsx test/fixtures/bad/generate.ts)', () => {
    for (const f of fixtures)
      expect(Buffer.compare(readFileSync(join(BAD_DIR, f.name)), Buffer.from(f.bytes)), f.name).toBe(0);
  });

  for (const f of fixtures) {
    const e = f.expected;
    it(`${f.name} (${f.what}): ${e.error ? `refused with ${e.error}` : 'loads, and the report says so'}`, async () => {
      if (e.error) {
        const err = await load(f).catch((x: unknown) => x);
        expect(err, 'a specific ingest error, not a crash').toBeInstanceOf(IngestError);
        const ie = err as IngestError;
        expect(ie.key).toBe(e.error);
        expect(e.says).toEqual([`error.${ie.key}`]);
        for (const text of rendered(`error.${ie.key}`, { file: f.name, ...ie.params }))
          expect(text).toContain(f.name);
        // The file is not loaded, and the engine still answers.
        expect(await db.rows('SELECT 42 AS x')).toEqual([{ x: 42 }]);
        return;
      }
      const r = await load(f);
      if (e.rowsRead !== undefined) expect(r.rowsRead, 'rows read').toBe(e.rowsRead);
      if (e.rowsLoaded !== undefined) expect(r.rowsLoaded, 'rows loaded').toBe(e.rowsLoaded);
      if (e.rowsRejected !== undefined) expect(r.rowsRejected, 'rows rejected').toBe(e.rowsRejected);
      if (e.reasons) expect(r.rejectReasons).toEqual(e.reasons);
      if (e.rejectLines) expect(r.rejects.map((x) => x.line)).toEqual(e.rejectLines);
      // Totals reconcile: every row read is loaded, rejected or set aside as a summary row…
      expect(r.rowsLoaded + r.rowsRejected + r.summaryRows, 'read = loaded + rejected + summary').toBe(
        r.rowsRead,
      );
      const [{ n }] = await db.rows<{ n: number }>('SELECT count(*) AS n FROM sales');
      expect(n, 'rows in the table = rows loaded').toBe(r.rowsLoaded);
      // …and the amounts loaded are exactly what the table holds (no NaN or Infinity).
      const revenue = r.totals.find((t) => t.role === 'revenue');
      const [{ s, bad }] = await db.rows<{ s: number; bad: number }>(
        'SELECT sum(revenue) AS s, count(*) FILTER (WHERE NOT isfinite(revenue)) AS bad FROM sales',
      );
      expect(bad, 'no non-finite amount in the table').toBe(0);
      expect(revenue?.loaded).toBe(s);
      if (e.revenue !== undefined) expect(revenue?.loaded).toBeCloseTo(e.revenue, 6);
      if (e.revenueRead !== undefined) expect(revenue?.read).toBeCloseTo(e.revenueRead, 6);
      // The specific messages: each expected key is in the report and renders in both languages.
      const shown = [...r.notes.map((x) => x.key), ...Object.keys(r.rejectReasons).map((k) => `reason.${k}`)];
      for (const key of e.says) {
        expect(shown, `the report says ${key}`).toContain(key);
        rendered(key, r.notes.find((x) => x.key === key)?.params ?? {});
      }
      if (e.ids)
        expect(
          (await db.rows<{ id: string }>('SELECT customer_id AS id FROM sales ORDER BY source_row')).map(
            (x) => x.id,
          ),
        ).toEqual(e.ids);
      if (e.names)
        expect(
          (await db.rows<{ v: string }>('SELECT customer_name AS v FROM sales ORDER BY source_row')).map(
            (x) => x.v,
          ),
        ).toEqual(e.names);
    });
  }

  it('the mixed-encoding note names the lines read in the other encoding', async () => {
    const r = await load(fixtures.find((f) => f.name === 'mixed-utf8-gb18030.csv')!);
    expect(r.notes.find((x) => x.key === 'note.mixed_encoding')?.params).toEqual({
      encoding: 'gb18030',
      n: 2,
      lines: '3, 5',
    });
  });

  it('a failed load leaves the data loaded before it untouched', async () => {
    await load(fixtures.find((f) => f.name === 'leading-zeros.csv')!);
    for (const name of ['truncated-large.csv.gz', 'ten-thousand-columns.csv', 'truncated.parquet'])
      await expect(load(fixtures.find((f) => f.name === name)!)).rejects.toBeInstanceOf(IngestError);
    const ids = await db.rows<{ id: string }>('SELECT customer_id AS id FROM sales ORDER BY source_row');
    expect(ids.map((x) => x.id)).toEqual(['00123', '0042', '000', '123']);
  });
});
