import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../analytics/params';
import { runAll } from '../analytics/run-all';
import { NodeEngine } from '../engine/node';
import { XLSX_FORMAT } from '../export/xlsx-writer';
import { fromBytes } from '../ingest/input';
import { inspectFile, loadFiles } from '../ingest/load';
import { resultWorkbook, type WorkbookInput } from './workbook';
import { resultFiles } from './writer';
import { textString } from '../export/csv';

const dir = mkdtempSync(join(tmpdir(), 'satisfaction-'));
const SALES = [
  '订单日期,客户编号,客户名称,销售额',
  '2025-06-01,C1,甲公司,800',
  '2025-12-31,C2,乙公司,200',
].join('\n');
/** Two waves of a 问卷星 export, UTF-8 with BOM; the second respondent gives a name only. */
const SURVEY =
  '\uFEFF' +
  [
    '序号,提交答卷时间,所用时间,来源,1、贵公司客户编号,2、贵公司名称,3、[可靠性]按约定时间交货,4、[响应性]投诉处理及时',
    '1,2025/3/12 10:00:00,100秒,链接,C1,甲公司,非常满意,满意',
    '2,2025/4/02 11:00:00,90秒,链接,,乙公司,一般,(跳过)',
    '3,2025/9/20 09:30:00,80秒,链接,C1,甲公司,满意,不满意',
    '4,2025/10/11 15:00:00,70秒,链接,C9,丙公司,非常满意,非常满意',
  ].join('\r\n');
const ITEMS = ['题目,维度,重要性', '按约定时间交货,可靠性,3', '投诉处理及时,响应性,1'].join('\n');
writeFileSync(join(dir, 'sales.csv'), SALES);
writeFileSync(join(dir, 'wjx.csv'), SURVEY);
writeFileSync(join(dir, 'items.csv'), ITEMS);

const text = (name: string, s: string) => fromBytes(new TextEncoder().encode(s), name);

async function files(inputs: { name: string; text: string }[]) {
  const db = await NodeEngine.start();
  try {
    const plans = [];
    for (const f of inputs) plans.push(await inspectFile(text(f.name, f.text)));
    const reports = await loadFiles(db, plans);
    return resultFiles((await runAll(db, defaultParams()))!, reports);
  } finally {
    await db.close();
  }
}

describe('satisfaction result files (outputs.md)', () => {
  it('writes the three files with outputs.md’s columns and order', async () => {
    const out = await files([
      { name: 'sales.csv', text: SALES },
      { name: 'wjx.csv', text: SURVEY },
      { name: 'items.csv', text: ITEMS },
    ]);
    const get = (n: string) => {
      const f = out.find((x) => x.name === n);
      return f && textString(f.content);
    };
    // C1 H1: (3·100 + 1·75) / 4 = 93.75; H2: (3·75 + 1·25) / 4 = 62.5, change −31.25.
    // C2 H1 (by name): only Q1 answered → 50. C9 (not in the sales data) H2: 100.
    expect(get('satisfaction.csv')).toBe(
      [
        'customer_id,wave,responses,index,previous_index,change',
        'C1,2025-H1,1,93.75,,',
        'C1,2025-H2,1,62.5,93.75,-31.25',
        'C2,2025-H1,1,50,,',
        'C9,2025-H2,1,100,,',
        '',
      ].join('\n'),
    );
    expect(get('satisfaction_dimensions.csv')).toBe(
      [
        'customer_id,wave,dimension,index',
        'C1,2025-H1,可靠性,100',
        'C1,2025-H1,响应性,75',
        'C1,2025-H2,可靠性,75',
        'C1,2025-H2,响应性,25',
        'C2,2025-H1,可靠性,50',
        'C9,2025-H2,可靠性,100',
        'C9,2025-H2,响应性,100',
        '',
      ].join('\n'),
    );
    // 2025-H2: 按约定时间交货 (75 + 100)/2 = 87.5, importance 3; 投诉处理及时 (25 + 100)/2 = 62.5, 1.
    // Means 2 and 75: the first is important and high, the second neither.
    expect(get('satisfaction_items.csv')).toBe(
      [
        'item,dimension,importance,performance,answers,quadrant',
        '投诉处理及时,响应性,1,62.5,2,low_priority',
        '按约定时间交货,可靠性,3,87.5,2,keep_up',
        '',
      ].join('\n'),
    );
    const summary = JSON.parse(get('summary.json')!);
    expect(summary.satisfaction).toMatchObject({
      reason: null,
      current_wave: '2025-H2',
      responses: { total: 4, matched_by_id: 2, matched_by_name: 1, unmatched: 1, after_as_of: 0 },
    });
    expect(summary.satisfaction.waves[1].index).toBe((62.5 + 100) / 2);
    expect(summary.not_written.map((n: { file: string }) => n.file)).not.toContain('satisfaction.csv');
  });

  it('writes none without a survey, and summary.json says why', async () => {
    const out = await files([{ name: 'sales.csv', text: SALES }]);
    expect(out.map((f) => f.name).filter((n) => n.startsWith('satisfaction'))).toEqual([]);
    const summary = JSON.parse(textString(out.find((f) => f.name === 'summary.json')!.content));
    expect(summary.satisfaction).toEqual({ reason: 'no_survey' });
    expect(summary.not_written).toEqual(
      expect.arrayContaining([
        { file: 'satisfaction.csv', reason: 'no_survey' },
        { file: 'satisfaction_dimensions.csv', reason: 'no_survey' },
        { file: 'satisfaction_items.csv', reason: 'no_survey' },
      ]),
    );
  });

  it('the CLI reads --survey (answers and question table) and writes the same files', async () => {
    const expected = await files([
      { name: 'sales.csv', text: SALES },
      { name: 'wjx.csv', text: SURVEY },
      { name: 'items.csv', text: ITEMS },
    ]);
    const out = join(dir, 'out');
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/analyze.ts',
        '--sales',
        join(dir, 'sales.csv'),
        '--survey',
        join(dir, 'wjx.csv'),
        '--survey',
        join(dir, 'items.csv'),
        '--out',
        out,
      ],
      { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('items.csv: 2 of 2 rows loaded');
    for (const name of ['satisfaction.csv', 'satisfaction_dimensions.csv', 'satisfaction_items.csv'])
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(
        expected.find((f) => f.name === name)!.content,
      );
    expect(readdirSync(out)).toContain('summary.json');
  }, 120_000);
});

describe('satisfaction sheets of results.xlsx', () => {
  it('shows the change in index points (not a percentage) and the readings in the UI language', () => {
    const sheets = resultWorkbook({
      locale: 'zh-CN',
      files: [
        {
          name: 'satisfaction.csv',
          content: 'customer_id,wave,responses,index,previous_index,change\nC1,2025-H2,1,62.5,93.75,-31.25\n',
        },
        {
          name: 'satisfaction_items.csv',
          content:
            'item,dimension,importance,performance,answers,quadrant\nQ,可靠性,3,87.5,2,concentrate_here\n',
        },
        { name: 'summary.json', content: '{}' },
      ],
      names: { customers: new Map([['C1', '甲公司']]), products: new Map() },
      params: defaultParams(),
      period: { start: '2025-01-01', asOf: '2025-12-31', months: 12 } as WorkbookInput['period'],
      inputs: [],
    });
    const cells = sheets.flatMap((s) => s.rows.flat());
    const change = cells.find((c) => typeof c === 'object' && c !== null && c.value === -31.25);
    expect(change).toEqual({ value: -31.25, format: XLSX_FORMAT.number });
    expect(cells).toContain('重点改进');
  });
});
