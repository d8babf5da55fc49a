import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { fromBytes } from './input';
import { applyMapping, inspectFile, loadFiles } from './load';
import { MappingFileError, mappingFile, mappingFileText, parseMappingFile } from './mapping-file';
import { headerSignature, memoryStore } from './mapping-memory';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

// CDNOW's layout: `dollars` is a header the detector does not know, so revenue is missing until
// the analyst maps it.
const CDNOW = 'customer_id,date,items,dollars\n00001,19970101,1,11.77\n00002,19970112,5,77.00\n';
const file = () => fromBytes(new TextEncoder().encode(CDNOW), 'cdnow.csv');
const ROLES = ['customer_id', 'order_date', 'quantity', 'revenue'];

describe('mapping file (Data page download → npm run analyze -- --mapping)', () => {
  it('holds what the browser remembers, and --mapping reads it back to the same roles', async () => {
    const proposed = await inspectFile(file());
    expect(proposed.missing).toEqual(['revenue']);
    // The mapping screen: the analyst picks revenue for `dollars`; the load remembers it.
    const confirmed = applyMapping(proposed, { roles: ROLES });
    const browser = memoryStore();
    await loadFiles(db, [confirmed], { mappings: browser });
    const signature = headerSignature(confirmed.columns.map((c) => c.header));

    // The Data page's download: built from the loaded mappings as the workbench keeps them.
    const loaded = [
      {
        file: confirmed.file.name,
        kind: confirmed.kind,
        columns: confirmed.columns.map((c) => ({ header: c.header, role: c.role, dateFormat: c.dateFormat })),
      },
    ];
    const text = mappingFileText(mappingFile(loaded));
    expect(JSON.parse(text)).toEqual({
      format: 'sales-workbench-mapping',
      version: 1,
      mappings: [
        {
          file: 'cdnow.csv',
          kind: 'sales',
          headers: ['customer_id', 'date', 'items', 'dollars'],
          roles: ROLES,
        },
      ],
    });

    // What --mapping accepts from that text is the browser's remembered entry, key and value.
    const cli = parseMappingFile(text);
    expect(cli.get(signature)).toEqual(browser.get(signature));
    const replanned = await inspectFile(file(), { mappings: cli });
    expect(replanned.columns.map((c) => c.role)).toEqual(ROLES);
    expect(replanned.missing).toEqual([]);
  });

  it('matches headers as the browser does (case and spacing normalised), one entry per header row', () => {
    const store = parseMappingFile(
      mappingFileText(
        mappingFile([
          { file: 'a.csv', kind: 'sales', columns: [{ header: 'Dollars', role: 'revenue' }] },
          { file: 'b.csv', kind: 'sales', columns: [{ header: 'dollars ', role: 'revenue' }] },
        ]),
      ),
    );
    expect(store.get(headerSignature(['DOLLARS']))).toEqual({ kind: 'sales', roles: ['revenue'] });
    expect(
      mappingFile([
        { file: 'a.csv', kind: 'sales', columns: [{ header: 'x', role: null }] },
        { file: 'b.csv', kind: 'sales', columns: [{ header: 'x', role: null }] },
      ]).mappings,
    ).toHaveLength(1);
  });

  it('keeps the question columns of a survey (role question, many columns)', () => {
    const headers = ['序号', '提交答卷时间', '1、贵公司客户编号', '3、按约定时间交货', '4、投诉处理及时'];
    const roles = ['response_id', 'survey_date', 'customer_id', 'question', 'question'];
    const store = parseMappingFile(
      mappingFileText(
        mappingFile([
          {
            file: 'wjx.csv',
            kind: 'survey',
            columns: headers.map((header, i) => ({ header, role: roles[i] })),
          },
        ]),
      ),
    );
    expect(store.get(headerSignature(headers))).toEqual({ kind: 'survey', roles });
  });

  it('refuses a file that is not a mapping file, naming what is wrong', () => {
    const entry = { file: 'x.csv', kind: 'sales', headers: ['a', 'b'], roles: ['revenue', null] };
    const text = (m: object) =>
      JSON.stringify({ format: 'sales-workbench-mapping', version: 1, mappings: [m] });
    expect(() => parseMappingFile('{')).toThrow(MappingFileError);
    expect(() => parseMappingFile('{"abc": {"a": 0.7}}')).toThrow(
      /"format" must be "sales-workbench-mapping"/,
    );
    expect(() => parseMappingFile(text({ ...entry, kind: 'orders' }))).toThrow(/"kind" must be one of sales/);
    expect(() => parseMappingFile(text({ ...entry, roles: ['revenue'] }))).toThrow(
      /one role \(or null\) per header/,
    );
    expect(() => parseMappingFile(text({ ...entry, roles: ['revenue', 'dollars'] }))).toThrow(
      /role "dollars" of "b" is not a role of sales/,
    );
    expect(parseMappingFile(text(entry)).get(headerSignature(['a', 'b']))).toEqual({
      kind: 'sales',
      roles: ['revenue', null],
    });
  });
});
