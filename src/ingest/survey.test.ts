import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../test/helpers/tables';
import { runSatisfaction } from '../analytics/satisfaction';
import { defaultParams } from '../analytics/params';
import { NodeEngine } from '../engine/node';
import { toXlsx } from '../export/xlsx-writer';
import { fromBytes } from './input';
import { applyMapping, inspectFile, loadFiles } from './load';
import { inferScale, parseQuestion, readAnswer } from './survey';
import type { MappingStore, RememberedMapping } from './mapping-memory';
import { fixQuestion } from './survey-plan';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const csv = (lines: string[], name = 'wjx.csv') =>
  fromBytes(new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n'), name);

/** A 问卷星 export: its own columns, identity phrased as questions, three Likert questions and an open one. */
const HEADER =
  '序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、贵公司客户编号,2、贵公司名称,3、[可靠性]按约定时间交货,4、[响应性]投诉处理及时,5、[有形性]送货车辆整洁,6、您的建议,总分';
const WIDE = [
  HEADER,
  '1,2025/6/12 10:23:45,120秒,手机提交,直接访问,1.2.3.4(上海-上海),C1,甲公司,非常满意,满意,一般,无,12',
  '2,2025/6/13 09:00:00,95秒,链接,直接访问,1.2.3.5(北京-北京),,乙公司,满意,(跳过),非常不满意,送货再快一点,5',
  '3,2025/11/14 09:00:00,80秒,链接,微信,1.2.3.6(江苏-南京),C1,甲公司,不满意,非常不满意,满意,,7',
  '4,2025/11/20 16:40:02,200秒,链接,直接访问,1.2.3.7(广东-广州),C2,乙公司,满意,满意,满意,,12',
];
/** The same answers, long: one row per answer (the skipped one left out, as a long export does). */
const LONG = [
  '客户编号,公司名称,提交时间,题目,维度,得分',
  'C1,甲公司,2025-06-12,按约定时间交货,可靠性,非常满意',
  'C1,甲公司,2025-06-12,投诉处理及时,响应性,满意',
  'C1,甲公司,2025-06-12,送货车辆整洁,有形性,一般',
  ',乙公司,2025-06-13,按约定时间交货,可靠性,满意',
  ',乙公司,2025-06-13,送货车辆整洁,有形性,非常不满意',
  'C1,甲公司,2025-11-14,按约定时间交货,可靠性,不满意',
  'C1,甲公司,2025-11-14,投诉处理及时,响应性,非常不满意',
  'C1,甲公司,2025-11-14,送货车辆整洁,有形性,满意',
  'C2,乙公司,2025-11-20,按约定时间交货,可靠性,满意',
  'C2,乙公司,2025-11-20,投诉处理及时,响应性,满意',
  'C2,乙公司,2025-11-20,送货车辆整洁,有形性,满意',
];
const ITEMS = [
  '题目,维度,重要性',
  '3、按约定时间交货,可靠性,5',
  '投诉处理及时,响应性,3',
  '送货车辆整洁,有形性,2',
];

describe('survey answers and scales (analytics.md §12)', () => {
  it('reads Likert labels, numbers and skipped answers', () => {
    expect(readAnswer('非常满意')).toEqual({ kind: 'label', value: 5 });
    expect(readAnswer(' Very satisfied ')).toEqual({ kind: 'label', value: 5 });
    expect(readAnswer('一般')).toEqual({ kind: 'label', value: 3 });
    expect(readAnswer('非常不满意')).toEqual({ kind: 'label', value: 1 });
    expect(readAnswer('(跳过)')).toEqual({ kind: 'skip' });
    expect(readAnswer('（跳过）')).toEqual({ kind: 'skip' });
    expect(readAnswer('N/A')).toEqual({ kind: 'skip' });
    expect(readAnswer('')).toEqual({ kind: 'skip' });
    expect(readAnswer('４')).toEqual({ kind: 'number', value: 4 });
    expect(readAnswer('8分')).toEqual({ kind: 'number', value: 8 });
    expect(readAnswer('很好')).toEqual({ kind: 'bad' });
  });

  it('infers the smallest usual scale that holds every answer', () => {
    const s = (min: number, max: number, labels = false) => inferScale({ min, max, labels });
    expect(s(1, 5)).toEqual([1, 5]);
    expect(s(2, 4)).toEqual([1, 5]);
    expect(s(1, 7)).toEqual([1, 7]);
    expect(s(3, 6)).toEqual([1, 7]);
    expect(s(1, 10)).toEqual([1, 10]);
    expect(s(2, 9)).toEqual([1, 10]);
    // A 0 occurs: 0–10 (the net promoter question), not 1–10.
    expect(s(0, 10)).toEqual([0, 10]);
    expect(s(0, 4)).toEqual([0, 10]);
    expect(s(0, 100)).toEqual([0, 100]);
    expect(s(35, 90)).toEqual([0, 100]);
    expect(s(1, 4.5)).toEqual([1, 5]);
    // Labels are 1–5 whatever the numbers; nothing answered or outside every usual scale: none.
    expect(inferScale({ min: null, max: null, labels: true })).toEqual([1, 5]);
    expect(inferScale({ min: null, max: null, labels: false })).toBeNull();
    expect(s(-1, 3)).toBeNull();
    expect(s(5, 120)).toBeNull();
  });

  it('identifies a question by its text without number and bracketed dimension', () => {
    expect(parseQuestion('3、[可靠性]按约定时间交货')).toEqual({
      item: '按约定时间交货',
      dimension: '可靠性',
    });
    expect(parseQuestion('12. 【移情性】 了解我们的特殊需要')).toEqual({
      item: '了解我们的特殊需要',
      dimension: '移情性',
    });
    expect(parseQuestion('Q4) Delivery on time')).toEqual({ item: 'Delivery on time', dimension: null });
  });
});

describe('survey files in the ingest', () => {
  it('proposes the mapping of a 问卷星 export: identity, submission time, questions, dimensions, scales', async () => {
    const plan = await inspectFile(csv(WIDE));
    expect(plan.kind).toBe('survey');
    expect(plan.missing).toEqual([]);
    expect(plan.encoding).toBe('utf-8-bom');
    expect(Object.fromEntries(plan.columns.map((c) => [c.header, c.role]))).toEqual({
      序号: 'response_id',
      提交答卷时间: 'survey_date',
      所用时间: null,
      来源: null,
      来源详情: null,
      来自IP: null,
      '1、贵公司客户编号': 'customer_id',
      '2、贵公司名称': 'customer_name',
      '3、[可靠性]按约定时间交货': 'question',
      '4、[响应性]投诉处理及时': 'question',
      '5、[有形性]送货车辆整洁': 'question',
      '6、您的建议': null,
      总分: null,
    });
    expect(plan.survey!.form).toBe('wide');
    expect(plan.survey!.questions.map((q) => [q.item, q.dimension, q.scale, q.scaleSource])).toEqual([
      ['按约定时间交货', '可靠性', [1, 5], 'labels'],
      ['投诉处理及时', '响应性', [1, 5], 'labels'],
      ['送货车辆整洁', '有形性', [1, 5], 'labels'],
    ]);
  });

  it('loads the wide export long: one row per answer, skipped answers kept as blanks', async () => {
    const [report] = await loadFiles(db, [await inspectFile(csv(WIDE))]);
    expect(report).toMatchObject({ kind: 'survey', rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
    expect(report.totals).toEqual([{ role: 'answer', read: 11, loaded: 11 }]);
    expect(report.notes).toContainEqual({
      key: 'note.survey_wide',
      params: { questions: 3, responses: 4, answers: 11 },
    });
    const rows = await db.rows(
      "SELECT response_id, customer_id, customer_name, strftime(survey_date, '%Y-%m-%d') AS d, item, dimension, answer, scale_min, scale_max FROM survey WHERE source_row = 2 ORDER BY item",
    );
    expect(rows).toEqual([
      {
        response_id: '2',
        customer_id: null,
        customer_name: '乙公司',
        d: '2025-06-13',
        item: '投诉处理及时',
        dimension: '响应性',
        answer: null,
        scale_min: 1,
        scale_max: 5,
      },
      {
        response_id: '2',
        customer_id: null,
        customer_name: '乙公司',
        d: '2025-06-13',
        item: '按约定时间交货',
        dimension: '可靠性',
        answer: 4,
        scale_min: 1,
        scale_max: 5,
      },
      {
        response_id: '2',
        customer_id: null,
        customer_name: '乙公司',
        d: '2025-06-13',
        item: '送货车辆整洁',
        dimension: '有形性',
        answer: 1,
        scale_min: 1,
        scale_max: 5,
      },
    ]);
  });

  it('gives the same results from the wide export (CSV or XLSX) and the long form', async () => {
    const sales = [
      { order_date: '2025-12-31', customer_id: 'C1', customer_name: '甲公司', revenue: 100 },
      { order_date: '2025-12-31', customer_id: 'C2', customer_name: '乙公司', revenue: 50 },
    ];
    const results = [];
    const cells = WIDE.map((l) => l.split(','));
    const xlsx = fromBytes(await toXlsx('Sheet1', cells[0], cells.slice(1)), 'wjx.xlsx');
    for (const files of [
      [csv(WIDE), csv(ITEMS, 'items.csv')],
      [xlsx, csv(ITEMS, 'items.csv')],
      [csv(LONG, 'long.csv'), csv(ITEMS, 'items.csv')],
    ]) {
      const plans = [];
      for (const f of files) plans.push(await inspectFile(f));
      expect(plans.map((p) => p.kind)).toEqual(['survey', 'survey_items']);
      await loadFiles(db, plans);
      await createTable(db, 'sales', sales);
      const r = (await runSatisfaction(db, defaultParams()))!;
      results.push({ ...r, unmatched: r.unmatched.map((u) => ({ ...u, sourceFile: '', responseId: null })) });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // 乙公司 (no id in H1) matched by name; importances 5, 3, 2 from the question table:
    // C1 in H1: (5·100 + 3·75 + 2·50) / 10 = 82.5; C2 in H1: (5·75 + 2·0) / 7 = 53.571…
    const h1 = results[0].customers.filter((c) => c.wave === '2025-H1');
    expect(h1.map((c) => [c.customerId, c.matchedBy])).toEqual([
      ['C1', 'id'],
      ['C2', 'name'],
    ]);
    expect(h1[0].index).toBe(82.5);
    expect(h1[1].index).toBeCloseTo(375 / 7, 12);
  });

  it('sets aside an answer outside the scale with its line, keeps the rest of the response, and says so', async () => {
    const lines = [...WIDE];
    lines[2] = lines[2].replace('非常不满意', '很好');
    const plan = await inspectFile(csv(lines));
    expect(plan.survey!.questions[2].outside).toEqual(['很好']);
    const [report] = await loadFiles(db, [plan]);
    expect(report).toMatchObject({
      rowsRead: 4,
      rowsLoaded: 4,
      rowsRejected: 0,
      rejectReasons: { bad_answer: 1 },
    });
    expect(report.rejects.map((r) => [r.line, r.reason, r.cells[10]])).toEqual([[3, 'bad_answer', '很好']]);
    expect(report.notes).toContainEqual({
      key: 'note.survey_set_aside',
      params: { n: 1, items: '送货车辆整洁' },
    });
    const [n] = await db.rows<{ n: number }>('SELECT count(answer) AS n FROM survey WHERE source_row = 2');
    expect(Number(n.n)).toBe(1);
  });

  it('a number outside the scale the user chose is set aside; an anonymous response is rejected whole', async () => {
    const lines = [
      '序号,提交答卷时间,1、贵公司名称,2、[可靠性]交货及时,3、[可靠性]质量稳定',
      '1,2025/6/12 10:23:45,甲公司,4,5',
      '2,2025/6/12 11:00:00,乙公司,7,2',
      '3,2025/6/12 12:00:00,,3,3',
    ];
    let plan = await inspectFile(csv(lines));
    expect(plan.survey!.questions.map((q) => q.scale)).toEqual([
      [1, 7],
      [1, 5],
    ]);
    plan = { ...plan, survey: fixQuestion(plan.survey!, plan.columns, 0, { scale: [1, 5] }) };
    expect(plan.survey!.questions[0].outside).toEqual(['7']);
    const [report] = await loadFiles(db, [plan]);
    expect(report).toMatchObject({
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
      rejectReasons: { answer_outside_scale: 1, missing_customer: 1 },
    });
    expect(report.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'answer_outside_scale'],
      [4, 'missing_customer'],
    ]);
  });

  it('reads an importance row, reports duplicate responses and questions without a dimension', async () => {
    const lines = [
      '序号,提交答卷时间,1、贵公司客户编号,2、交货及时,3、[可靠性]质量稳定',
      '重要性,,,5,3',
      '1,2025/6/12 10:23:45,C1,4,5',
      '2,2025/6/12 10:23:45,C1,4,5',
    ];
    const plan = await inspectFile(csv(lines));
    expect(plan.survey!.importanceRow).toBe(0);
    expect(plan.survey!.questions.map((q) => [q.item, q.importance])).toEqual([
      ['交货及时', 5],
      ['质量稳定', 3],
    ]);
    const [report] = await loadFiles(db, [plan]);
    expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 2, summaryRows: 1 });
    expect(report.notes).toContainEqual({ key: 'note.survey_importance_row', params: { line: 2 } });
    expect(report.notes).toContainEqual({ key: 'note.survey_duplicates', params: { n: 1, lines: '4' } });
    expect(report.notes).toContainEqual({ key: 'note.survey_no_dimension', params: { items: '交货及时' } });
    const imp = await db.rows('SELECT DISTINCT item, importance FROM survey ORDER BY item');
    expect(imp).toEqual([
      { item: '交货及时', importance: 5 },
      { item: '质量稳定', importance: 3 },
    ]);
  });

  it('infers the scale from the whole file and notes a change from the proposal', async () => {
    const lines = ['customer id,submitted,Q1 Delivery on time', 'C1,2025-06-01,3', 'C2,2025-06-02,4'];
    const plan = await inspectFile(csv(lines, 'en.csv'));
    expect(plan.kind).toBe('survey');
    expect(plan.survey!.questions[0]).toMatchObject({ item: 'Delivery on time', scale: [1, 5] });
    // The load reads the whole file: pretend the sample missed a 0 and a 9 (0–10).
    const more = await inspectFile(csv([...lines, 'C3,2025-06-03,0', 'C4,2025-06-03,9'], 'en.csv'));
    const [report] = await loadFiles(db, [{ ...more, survey: plan.survey }]);
    expect(report.notes).toContainEqual({
      key: 'note.survey_scale_changed',
      params: { item: 'Delivery on time', from: '1–5', to: '0–10' },
    });
    const rows = await db.rows('SELECT answer, scale_min, scale_max FROM survey ORDER BY source_row');
    expect(rows.map((r) => [r.answer, r.scale_min, r.scale_max])).toEqual([
      [3, 0, 10],
      [4, 0, 10],
      [0, 0, 10],
      [9, 0, 10],
    ]);
  });

  it('a column marked as a question on the mapping screen joins the others; ignoring one drops it', async () => {
    const plan = await inspectFile(csv(WIDE));
    const roles = plan.columns.map((c) => (c.header === '6、您的建议' ? 'question' : c.role));
    const more = applyMapping(plan, { roles });
    expect(more.columns.filter((c) => c.role === 'question')).toHaveLength(4);
    expect(more.survey!.questions.map((q) => q.item)).toContain('您的建议');
    const fewer = applyMapping(more, {
      roles: more.columns.map((c) => (c.header.startsWith('3、') ? null : c.role)),
    });
    expect(fewer.survey!.questions.map((q) => q.item)).toEqual(['投诉处理及时', '送货车辆整洁', '您的建议']);
  });

  it('recognises a question table and a file switched to the survey kind by hand', async () => {
    const items = await inspectFile(csv(ITEMS, 'items.csv'));
    expect(items.kind).toBe('survey_items');
    expect(items.survey!.questions.map((q) => [q.item, q.dimension, q.importance])).toEqual([
      ['按约定时间交货', '可靠性', 5],
      ['投诉处理及时', '响应性', 3],
      ['送货车辆整洁', '有形性', 2],
    ]);
    await loadFiles(db, [items]);
    expect(await db.rows('SELECT item, dimension, importance FROM survey_items ORDER BY importance')).toEqual(
      [
        { item: '送货车辆整洁', dimension: '有形性', importance: 2 },
        { item: '投诉处理及时', dimension: '响应性', importance: 3 },
        { item: '按约定时间交货', dimension: '可靠性', importance: 5 },
      ],
    );
    const sales = await inspectFile(csv(['日期,客户编号,销售额', '2025-01-01,C1,5'], 's.csv'));
    const roles = sales.columns.map((c) => (c.header === '销售额' ? 'question' : c.role));
    const switched = applyMapping(applyMapping(sales, { kind: 'survey' }), {
      roles: roles.map((r) => (r === 'order_date' ? 'survey_date' : r)),
    });
    expect(switched.missing).toEqual([]);
    expect(switched.survey!.questions.map((q) => [q.item, q.scale])).toEqual([['销售额', [1, 5]]]);
  });

  it('remembers the user’s dimension and scale fixes: the same export dropped again needs no fixing', async () => {
    const header = '序号,提交答卷时间,1、贵公司名称,2、交货及时,3、[可靠性]质量稳定,4、服务态度';
    const june = [header, '1,2025/6/12 10:23:45,甲公司,4,5,4', '2,2025/6/12 11:00:00,乙公司,7,2,3'];
    const december = [header, '1,2025/12/2 10:00:00,甲公司,8,4,5', '2,2025/12/3 11:00:00,丙公司,3,3,2'];
    // Kept as localStorage keeps it: JSON.
    const saved = new Map<string, string>();
    const mappings: MappingStore = {
      get: (k) => (saved.has(k) ? (JSON.parse(saved.get(k)!) as RememberedMapping) : null),
      set: (k, v) => void saved.set(k, JSON.stringify(v)),
    };
    let plan = await inspectFile(csv(june, 'june.csv'), { mappings });
    const proposed = plan.survey!.questions.map((q) => [q.item, q.dimension, q.scale]);
    expect(proposed).toEqual([
      ['交货及时', null, [1, 7]],
      ['质量稳定', '可靠性', [1, 5]],
      ['服务态度', null, [1, 5]],
    ]);
    // The user: 交货及时 is 可靠性 on 1–10; 质量稳定 is 保证性 (not its header's 可靠性); 服务态度 untouched.
    let survey = fixQuestion(plan.survey!, plan.columns, 0, { dimension: '可靠性', scale: [1, 10] });
    survey = fixQuestion(survey, plan.columns, 1, { dimension: '保证性' });
    plan = { ...plan, survey };
    await loadFiles(db, [plan], { mappings });
    // Next half year's export, same header, other answers: the fixes come back, nothing to redo.
    const again = await inspectFile(csv(december, 'december.csv'), { mappings });
    expect(again.columns.map((c) => c.roleSource)).toEqual(Array(6).fill('memory'));
    const fixed = (p: typeof again) =>
      p.survey!.questions.map((q) => [q.item, q.dimension, q.dimensionSource, q.scale, q.scaleSource]);
    expect(fixed(again)).toEqual([
      ['交货及时', '可靠性', 'user', [1, 10], 'user'],
      ['质量稳定', '保证性', 'user', [1, 5], 'numbers'],
      ['服务态度', null, null, [1, 5], 'numbers'],
    ]);
    // 8 is on the remembered 1–10 scale (the proposal for these answers alone would be 1–10 too,
    // but June's 7 would have been 1–7): loaded with the fixes, no answer set aside.
    const [report] = await loadFiles(db, [again], { mappings });
    expect(report).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    const rows = await db.rows<{ item: string; dimension: string | null; lo: number; hi: number }>(
      'SELECT DISTINCT item, dimension, scale_min AS lo, scale_max AS hi FROM survey ORDER BY item',
    );
    expect(rows.map((r) => [r.item, r.dimension, Number(r.lo), Number(r.hi)])).toEqual([
      ['交货及时', '可靠性', 1, 10],
      ['服务态度', null, 1, 5],
      ['质量稳定', '保证性', 1, 5],
    ]);
    // A file with another header is proposed afresh.
    const other = await inspectFile(
      csv([header + ',5、备注', '1,2025/12/2 10:00:00,甲公司,8,4,5,'], 'o.csv'),
      {
        mappings,
      },
    );
    expect(other.survey!.questions.map((q) => q.dimensionSource)).toEqual([null, 'header', null]);
    // Only the fixes are stored, by column.
    expect([...saved.values()].map((v) => (JSON.parse(v) as RememberedMapping).survey)).toContainEqual([
      { item: '交货及时', column: 3, dimension: '可靠性', scale: [1, 10] },
      { item: '质量稳定', column: 4, dimension: '保证性' },
    ]);
  });
});
