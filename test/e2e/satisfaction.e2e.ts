import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../helpers/xlsx-fixture';
import { goToPage, SHOTS, startHarness, waitForIdle, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Sales of six customers in 2025: 甲 and 乙 hold most of the revenue (class A). */
const SALES = [
  '订单日期,客户编号,客户名称,销售额',
  '2025-01-15,C1,甲石化有限公司,50000',
  '2025-03-15,C2,乙化工有限公司,30000',
  '2025-05-15,C3,丙贸易有限公司,6000',
  '2025-07-15,C4,丁物流有限公司,5000',
  '2025-09-15,C5,戊建材有限公司,4000',
  '2025-12-15,C6,己能源有限公司,3000',
].join('\n');

const QUESTIONS = [
  '[可靠性]按约定时间交货',
  '[可靠性]产品质量稳定',
  '[响应性]投诉处理及时',
  '[响应性]紧急订单能快速安排',
  '[有形性]送货车辆整洁',
  '[移情性]了解我们的特殊需要',
];
const L = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
const a = (...v: number[]) => v.map((x) => (x === 0 ? '(跳过)' : L[x - 1]));
/** A 问卷星 export of two waves: 甲 (A) falls by more than 10 points; 乙 answers without its id; one respondent is not a customer; one answer is off the scale. */
const HEADER = [
  '序号',
  '提交答卷时间',
  '所用时间',
  '来源',
  '来源详情',
  '来自IP',
  '1、贵公司客户编号',
  '2、贵公司名称',
  ...QUESTIONS.map((q, i) => `${i + 3}、${q}`),
  '9、您的建议',
];
const meta = (n: number, time: string) => [
  String(n),
  time,
  '120秒',
  '手机提交',
  '直接访问',
  '1.2.3.4(浙江-杭州)',
];
const ROWS = [
  [...meta(1, '2025/6/3 10:00:00'), 'C1', '甲石化有限公司', ...a(5, 5, 4, 4, 5, 4), ''],
  [...meta(2, '2025/6/4 11:00:00'), '', '乙化工有限公司', ...a(4, 4, 2, 2, 5, 3), '投诉处理太慢'],
  [...meta(3, '2025/6/5 09:30:00'), 'C3', '丙贸易有限公司', ...a(4, 5, 3, 0, 5, 4), ''],
  [...meta(4, '2025/6/6 15:10:00'), 'C4', '丁物流有限公司', ...a(3, 4, 2, 3, 4, 3), ''],
  [...meta(5, '2025/12/2 10:00:00'), 'C1', '甲石化有限公司', ...a(3, 4, 2, 2, 5, 3), '交货又晚了'],
  [...meta(6, '2025/12/3 11:00:00'), 'c2', '乙化工有限公司', ...a(4, 4, 3, 3, 5, 4), ''],
  [...meta(7, '2025/12/4 09:30:00'), 'C5', '戊建材有限公司', ...a(5, 5, 4, 4, 5, 5), ''],
  [...meta(8, '2025/12/5 16:20:00'), '', '南通远航物流有限公司', ...a(4, 4, 3, 3, 4, 4), ''],
  [...meta(9, '2025/12/6 14:00:00'), 'C6', '己能源有限公司', '满意', '很好', ...a(3, 3, 4, 4), ''],
];
const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const SURVEY_CSV = '\uFEFF' + [HEADER, ...ROWS].map(csvLine).join('\r\n') + '\r\n';
const ITEMS = [
  '题目,维度,重要性',
  '按约定时间交货,可靠性,5',
  '产品质量稳定,可靠性,5',
  '投诉处理及时,响应性,4',
  '紧急订单能快速安排,响应性,3',
  '送货车辆整洁,有形性,2',
  '了解我们的特殊需要,移情性,3',
].join('\n');

const file = (name: string, content: string | Uint8Array, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: Buffer.from(content),
});

/** Drop the files, check the proposed survey mapping, load, and open the Satisfaction page. */
async function importSurvey(
  locale: string,
  survey: ReturnType<typeof file>,
  tag: string,
  options: { sales?: boolean } = {},
) {
  const sales = options.sales !== false;
  const { page, errors } = await h.open({ locale });
  await waitForIdle(page, 1);
  await page.setInputFiles('[data-testid=file-input]', [
    ...(sales ? [file('sales.csv', SALES)] : []),
    survey,
    file('问卷题目.csv', ITEMS),
  ]);
  await page.waitForSelector('[data-testid=survey-questions]');
  const kinds = await page
    .locator('[data-testid=mapping-kind]')
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  expect(kinds).toEqual([...(sales ? ['sales'] : []), 'survey', 'survey_items']);
  const surveyFile = page.locator('[data-testid=mapping-file]').nth(sales ? 1 : 0);
  const items = await surveyFile.locator('[data-testid=survey-item]').allTextContents();
  expect(items).toEqual(QUESTIONS.map((q) => q.replace(/^\[.*?\]/, '')));
  const dims = await surveyFile
    .locator('[data-testid=survey-dimension]')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(dims).toEqual(['可靠性', '可靠性', '响应性', '响应性', '有形性', '移情性']);
  const scales = await surveyFile
    .locator('[data-testid=survey-scale]')
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
  expect(scales).toEqual(Array(6).fill('1–5'));
  // The label off the scale is named before anything loads.
  await expect(surveyFile.locator('[data-testid=survey-problem]').textContent()).resolves.toContain('很好');
  await page
    .locator('[data-testid=mapping-screen]')
    .screenshot({ path: join(SHOTS, `satisfaction-mapping-${tag}.png`) });
  await page.click('[data-testid=confirm-mapping]');
  await waitForIdle(page, 2);
  const loaded = await page.locator('[data-testid=rows-loaded]').allTextContents();
  expect(loaded).toEqual([...(sales ? ['6'] : []), '9', '6']);
  // The answer off the scale is set aside and downloadable; its response still counts.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid=download-rejects]').first().click(),
  ]);
  const rejects = readFileSync((await download.path())!, 'utf8');
  expect(rejects.split('\n')[1]).toMatch(/^10,bad_answer,9,/);
  await goToPage(page, 'satisfaction');
  return { page, errors };
}

describe('customer satisfaction in the browser (analytics.md §12)', () => {
  it('zh-CN: imports a 问卷星 export (CSV, UTF-8 with BOM), maps it, loads it and shows the page', async () => {
    const { page, errors } = await importSurvey('zh-CN', file('满意度调查_问卷星.csv', SURVEY_CSV), 'zh');
    const company = await page.locator('[data-testid=satisfaction-company]').textContent();
    expect(company).toContain('2025-H2');
    expect(await page.locator('[data-testid=satisfaction-matching]').textContent()).toContain(
      '1 份在销售数据中找不到',
    );
    await expect(page.locator('[data-testid=satisfaction-ipa-chart] svg').count()).resolves.toBeGreaterThan(
      0,
    );
    expect(await page.locator('[data-testid=satisfaction-ipa]').textContent()).toContain('重点改进');
    // 甲 (class A) fell from the first wave by more than 10 points.
    const risk = await page.locator('[data-testid=satisfaction-at-risk-table]').textContent();
    expect(risk).toContain('C1');
    expect(risk).toContain('甲石化有限公司');
    // Key-account tiers of the default standard: of six customers one is key (round(0.15 × 6)),
    // 甲, the largest; the other five answering customers are regular. 甲's row says both.
    const tiers = await page.locator('[data-testid=satisfaction-by-key-tier]').textContent();
    expect(tiers).toContain('按大客户等级');
    expect(tiers).toContain('重点大客户');
    expect(tiers).toContain('普通客户');
    expect(risk).toContain('重点大客户');
    expect(await page.locator('[data-testid=satisfaction-at-risk]').textContent()).toContain(
      'A 类客户和大客户',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-unmatched]'),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('南通远航物流有限公司');
    await page.locator('main').screenshot({ path: join(SHOTS, 'satisfaction-page-zh.png') });
    expect(await page.locator('main').innerText()).not.toMatch(/NaN|undefined|satisfaction\.|keyTier\./);
    // The customer panel shows its index and answers.
    await page.locator('[data-testid=satisfaction-at-risk-table] tbody tr').first().click();
    await page.waitForSelector('[data-testid=drill-answers] tbody tr');
    const drill = await page.locator('[data-testid=drill-satisfaction]').textContent();
    expect(drill).toContain('2025-H2');
    expect(drill).toContain('按约定时间交货');
    await page.locator('[data-testid=drill-satisfaction]').scrollIntoViewIfNeeded();
    await page
      .locator('[data-testid=drill-satisfaction]')
      .screenshot({ path: join(SHOTS, 'satisfaction-panel-zh.png') });
    expect(errors).toEqual([]);
  });

  it('en: imports the same export as XLSX and shows the page in English', async () => {
    const xlsx = toXlsx('Sheet1', HEADER, ROWS);
    const { page, errors } = await importSurvey(
      'en-US',
      file('survey.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      'en',
    );
    expect(await page.locator('[data-testid=satisfaction-company]').textContent()).toContain(
      'Company satisfaction index, 2025-H2',
    );
    expect(await page.locator('[data-testid=satisfaction-ipa]').textContent()).toContain('Concentrate here');
    expect(await page.locator('[data-testid=satisfaction-by-class]').textContent()).toContain('A');
    const tiers = await page.locator('[data-testid=satisfaction-by-key-tier]').textContent();
    expect(tiers).toContain('Index by key-account tier');
    expect(tiers).toMatch(/Key\s*\d/);
    expect(tiers).toContain('Regular');
    expect(await page.locator('[data-testid=satisfaction-at-risk-table]').textContent()).toContain('Key');
    await page.locator('main').screenshot({ path: join(SHOTS, 'satisfaction-page-en.png') });
    expect(await page.locator('main').innerText()).not.toMatch(/NaN|undefined|satisfaction\.|keyTier\./);
    await page
      .locator('[data-testid=satisfaction-links]')
      .screenshot({ path: join(SHOTS, 'satisfaction-links-en.png') });
    expect(errors).toEqual([]);
  });

  for (const [locale, tag] of [
    ['zh-CN', 'zh'],
    ['en-US', 'en'],
  ] as const)
    it(`${tag}: a survey dropped without sales data shows its own results and says links need sales`, async () => {
      const { page, errors } = await importSurvey(
        locale,
        file('满意度调查_问卷星.csv', SURVEY_CSV),
        `alone-${tag}`,
        {
          sales: false,
        },
      );
      await page.waitForSelector('[data-testid=satisfaction-survey-only]');
      const note = await page.locator('[data-testid=satisfaction-survey-only]').textContent();
      expect(note).toContain(tag === 'zh' ? '需要销售数据' : 'needs sales data');
      // No sales, nothing to filter by: no dimension is offered (the demo's regions were, before).
      await waitForIdle(page, 2);
      expect(await page.locator('[data-testid^=filter-]:not([data-testid=filter-bar])').count()).toBe(0);
      // The survey's own results: company index of the latest wave, dimensions, IPA, questions.
      const company = await page.locator('[data-testid=satisfaction-company]').textContent();
      expect(company).toContain('2025-H2');
      expect(company).toMatch(/\d+[.,]\d/);
      await expect(
        page.locator('[data-testid=satisfaction-dimensions-chart] svg').count(),
      ).resolves.toBeGreaterThan(0);
      await expect(page.locator('[data-testid=satisfaction-ipa-chart] svg').count()).resolves.toBeGreaterThan(
        0,
      );
      await expect(page.locator('[data-testid=satisfaction-items] tbody tr').count()).resolves.toBe(6);
      // Every respondent under the id or name it gave: 乙 without its id, by its name.
      const customers = await page.locator('[data-testid=satisfaction-customers-table]').textContent();
      expect(customers).toContain('乙化工有限公司');
      expect(customers).toContain('南通远航物流有限公司');
      // No links to value, no at risk, no revenue weight.
      for (const id of [
        'satisfaction-links',
        'satisfaction-at-risk',
        'satisfaction-weight',
        'satisfaction-matching',
      ])
        await expect(page.locator(`[data-testid=${id}]`).count(), id).resolves.toBe(0);
      // What is on screen (innerText: the print cover, hidden on screen, left out).
      expect(await page.locator('main').innerText()).not.toMatch(/NaN|undefined|satisfaction\.|keyTier\./);
      await page.locator('main').screenshot({ path: join(SHOTS, `satisfaction-alone-${tag}.png`) });
      expect(errors).toEqual([]);
    });
});
