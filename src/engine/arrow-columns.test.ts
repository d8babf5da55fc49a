import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boolColumn, dateDayColumn, float64Column, utcDays, utf8Column } from './arrow-columns';
import { NodeEngine } from './node';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

describe('Arrow columns without builders (no eval under the CSP)', () => {
  it('round-trip through DuckDB with nulls, multibyte text and calendar dates', async () => {
    const table = new Table({
      n: float64Column([1.5, null, -0, 1e300, undefined, 7]),
      s: utf8Column(['甲公司', null, '', 'a'.repeat(100), '😀 emoji', 'x']),
      d: dateDayColumn([0, utcDays(new Date(Date.UTC(2024, 1, 29))), null, -1, 19_000, Number.NaN]),
      b: boolColumn([true, false, null, true, undefined, false]),
    });
    await db.insertArrow('cols', table, { create: true });
    const rows = await db.rows("SELECT n, s, strftime(d, '%Y-%m-%d') AS d, b FROM cols");
    expect(rows).toEqual([
      { n: 1.5, s: '甲公司', d: '1970-01-01', b: true },
      { n: null, s: null, d: '2024-02-29', b: false },
      { n: -0, s: '', d: null, b: null },
      { n: 1e300, s: 'a'.repeat(100), d: '1969-12-31', b: true },
      { n: null, s: '😀 emoji', d: '2022-01-08', b: null },
      { n: 7, s: 'x', d: null, b: false },
    ]);
  });

  it('are the only way src/ builds Arrow vectors (apache-arrow builders need eval)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts')) {
          if (
            /\b(vectorFromArray|makeBuilder|tableFromArrays|builderThroughIterable)\b/.test(
              readFileSync(path, 'utf8'),
            )
          )
            offenders.push(path);
        }
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
