import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../analytics/params';
import { toXlsxBook } from '../export/xlsx-writer';
import type { LoadReport } from '../ingest/types';
import { resultWorkbook, roundMoney, type WorkbookInput } from './workbook';

const report = {
  file: 'sales.csv',
  kind: 'sales',
  rowsRead: 12,
  rowsLoaded: 11,
} as LoadReport;

const input = (locale: 'en' | 'zh-CN'): WorkbookInput => ({
  locale,
  files: [
    {
      name: 'abc_customers.csv',
      content:
        'customer_id,value,share,cum_share,rank,class\nC1,1234567.891,0.75,0.75,1,A\n007,411522.625,0.25,1,2,C\n',
    },
    {
      name: 'lifecycle.csv',
      content:
        'customer_id,stage,first_month,last_month,cur,prev,change,trailing_gp\nC1,growth,2024-01,2024-12,10.005,8,0.25,\n',
    },
    { name: 'summary.json', content: '{}' },
  ],
  names: { customers: new Map([['C1', '华东贸易']]), products: new Map() },
  params: resolveParams({ filters: { region: ['华东'] } }),
  period: { start: '2024-01-01', asOf: '2024-12-31', months: 12 } as WorkbookInput['period'],
  inputs: [report],
});

describe('results.xlsx', () => {
  it('has a cover and one sheet per result CSV, in the UI language, names joined, money to the cent', async () => {
    const sheets = await readXlsxFile(
      (await toXlsxBook(resultWorkbook(input('zh-CN')))).buffer as ArrayBuffer,
    );
    expect(sheets.map((s) => s.sheet)).toEqual(['说明', '客户ABC分类', '客户生命周期']);
    const [cover, abc, life] = sheets.map((s) => s.data);
    const coverText = cover.flat().join(' ');
    expect(coverText).toContain('sales.csv');
    expect(coverText).toContain('2024-01-01');
    expect(coverText).toContain('华东');
    expect(coverText).toContain('ABC：A 类累计占比上限');
    expect(abc[0]).toEqual(['客户编号', '客户名称', '数值', '占比', '累计占比', '排名', '类别']);
    // Money rounded to 2 decimals (the CSV keeps every digit); an id like 007 stays text.
    expect(abc[1]).toEqual(['C1', '华东贸易', 1234567.89, 0.75, 0.75, 1, 'A']);
    expect(abc[2]).toEqual(['007', null, 411522.63, 0.25, 1, 2, 'C']);
    expect(life[0].slice(0, 3)).toEqual(['客户编号', '客户名称', '阶段']);
    expect(life[1].slice(0, 3)).toEqual(['C1', '华东贸易', '成长']);
    expect(life[1][5]).toBe(10.01);
    expect(life[1][9] ?? null).toBeNull(); // an empty trailing cell
  });

  it('reads in English too', async () => {
    const sheets = await readXlsxFile((await toXlsxBook(resultWorkbook(input('en')))).buffer as ArrayBuffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['About these results', 'ABC customers', 'Lifecycle']);
    expect(sheets[2].data[1][2]).toBe('Growth');
  });

  it('rounds half away from zero to the cent, whatever the binary value', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(-1.005)).toBe(-1.01);
    expect(roundMoney(2.675)).toBe(2.68);
    expect(roundMoney(0.004)).toBe(0);
  });
});
