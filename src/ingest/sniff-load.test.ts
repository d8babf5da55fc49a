import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import { fromBlob, fromBytes } from './input';
import { inspectFile, loadFiles } from './load';
import type { LoadReport } from './types';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

/** The engine, with the statements that write the sales stage counted. */
function counting(): { engine: Engine; stageWrites: string[] } {
  const stageWrites: string[] = [];
  const engine = new Proxy(db, {
    get(t, p, r) {
      const v = Reflect.get(t, p, r);
      if (p === 'exec')
        return (sql: string, o?: unknown) => {
          if (
            /^(CREATE TABLE \S*sales__stage AS|INSERT INTO sales__stage|DROP TABLE \S*sales__stage$)/.test(
              sql,
            )
          )
            stageWrites.push(sql.slice(0, 30));
          return v.call(t, sql, o);
        };
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
  return { engine, stageWrites };
}

const HEADER = '订单日期,客户编号,客户名称,地区,销售额,数量';
const rows = Array.from(
  { length: 30 },
  (_, i) => `2024-03-${10 + (i % 9)},C${i},客户${i},华东,${100 + i}.50,${1 + (i % 4)}`,
);
const FILES: Record<string, string> = {
  clean: [HEADER, ...rows].join('\n'),
  'stray spaces': [
    HEADER,
    ...rows.slice(0, 10),
    '2024-03-11, C77 ,"客户77 ",华东\u3000,5,1',
    ...rows.slice(10),
  ].join('\n'),
  'summary rows in the middle and at the end': [
    HEADER,
    ...rows.slice(0, 15),
    '小计,,,,"1,234.00",20',
    ...rows.slice(15),
    '合 计：,,,,"9,999.00",99',
  ].join('\n'),
  'a NUL byte': [HEADER, ...rows.slice(0, 5), '2024-03-11,C7\u00007,客户77,华东,5,1', ...rows.slice(5)].join(
    '\n',
  ),
  'thousands separators and quoted commas': [
    HEADER,
    ...rows.map((r, i) =>
      i % 3 ? r : r.replace(/,(\d+)\.50,/, ',"1,$1.50",').replace(',华东,', ',"华东, 上海",'),
    ),
  ].join('\n'),
};

async function load(
  bytes: Uint8Array<ArrayBuffer>,
  asFile: boolean,
  engine: Engine = db,
): Promise<{ report: LoadReport; table: unknown }> {
  const input = asFile ? fromBlob(new Blob([bytes]), 'sales.csv') : fromBytes(bytes, 'sales.csv');
  const [report] = await loadFiles(engine, [await inspectFile(input)]);
  const table = await db.rows('SELECT * EXCLUDE (source_file) FROM sales ORDER BY source_row');
  return { report, table };
}

describe('CSV sniffed beside the load (a browser File)', () => {
  for (const [what, text] of Object.entries(FILES))
    it(`${what}: the same report and table as a sniff before the load`, async () => {
      const bytes = new TextEncoder().encode(text + '\n');
      const before = await load(bytes, false);
      const { engine, stageWrites } = counting();
      const beside = await load(bytes, true, engine);
      expect(beside).toEqual(before);
      // Typed as a clean text first; read again only when a column needed a step.
      expect(stageWrites.length).toBe(what === 'clean' || what.startsWith('thousands') ? 1 : 3);
    });

  it('a second file of the kind that needs a step replaces only its own rows', async () => {
    const enc = new TextEncoder();
    const inputs = (asFile: boolean) =>
      Promise.all(
        ['clean', 'summary rows in the middle and at the end', 'stray spaces'].map((k, i) => {
          const bytes = enc.encode(FILES[k] + '\n');
          return inspectFile(
            asFile ? fromBlob(new Blob([bytes]), `f${i}.csv`) : fromBytes(bytes, `f${i}.csv`),
          );
        }),
      );
    const table = () => db.rows('SELECT * FROM sales ORDER BY source_file, source_row');
    const before = await loadFiles(db, await inputs(false));
    const beforeRows = await table();
    const { engine, stageWrites } = counting();
    expect(await loadFiles(engine, await inputs(true))).toEqual(before);
    expect(await table()).toEqual(beforeRows);
    expect(stageWrites.filter((s) => s.startsWith('INSERT')).length).toBe(4);
  });
});
