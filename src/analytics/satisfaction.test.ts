import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable, type FixtureRow } from '../../test/helpers/tables';
import { NodeEngine } from '../engine/node';
import { defaultParams, type Params } from './params';
import { runKeyAccounts } from './key-accounts';
import { runPareto } from './pareto';
import { ipa, previousWaves, runCustomerAnswers, runSatisfaction } from './satisfaction';
import { satisfactionLinks } from './satisfaction-links';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

/** One response: customer id/name, date, answers to Q1…Q4 on 1–5 (null = skipped). */
function response(
  id: string | null,
  name: string | null,
  date: string,
  answers: (number | null)[],
  responseId: string,
): FixtureRow[] {
  return answers.map((a, i) => ({
    response_id: responseId,
    customer_id: id,
    customer_name: name,
    survey_date: date,
    item: `Q${i + 1}`,
    answer: a,
    scale_min: 1,
    scale_max: 5,
  }));
}

/**
 * The hand-worked survey. Question table: Q1 可靠性 5, Q2 可靠性 3, Q3 响应性 2, Q4 保证性 4.
 * Scores on 1–5: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100.
 *
 * 2025-H1
 *   A (C1):       Q1 5, Q2 skipped, Q3 2, Q4 4 → (5·100 + 2·25 + 4·75) / (5 + 2 + 4) = 850/11 = 77.2727…
 *   B (乙公司):    Q1 4, Q2 3, Q3 5, Q4 3       → (375 + 150 + 200 + 200) / 14 = 925/14 = 66.0714…
 * 2025-H2
 *   A:            3, 3, 3, 5                   → (250 + 150 + 100 + 400) / 14 = 900/14 = 64.2857…
 *   B, twice:     5, 5, 5, 5                   → 1400/14 = 100
 *                 4, 4, 1, 4                   → (375 + 225 + 0 + 300) / 14 = 900/14 = 64.2857…
 *                 B's index = (100 + 900/14) / 2 = 2300/28 = 82.1428…
 *   C (X9, 丙):    1, skipped, skipped, 3       → (0 + 4·50) / (5 + 4) = 200/9 = 22.2222…
 * 2026-H1: A answers on 2026-01-05, after T = 2025-12-31: ignored.
 */
const SURVEY: FixtureRow[] = [
  ...response('C1', '甲公司', '2025-03-10', [5, null, 2, 4], 'r1'),
  ...response(null, '乙公司', '2025-04-01', [4, 3, 5, 3], 'r2'),
  ...response('C1', '甲公司', '2025-09-01', [3, 3, 3, 5], 'r3'),
  ...response(null, ' 乙公司 ', '2025-10-01', [5, 5, 5, 5], 'r4'),
  ...response(null, '乙公司', '2025-10-02', [4, 4, 1, 4], 'r5'),
  ...response('X9', '丙', '2025-11-11', [1, null, null, 3], 'r6'),
  ...response('C1', '甲公司', '2026-01-05', [1, 1, 1, 1], 'r7'),
];
const ITEMS: FixtureRow[] = [
  { item: 'Q1', dimension: '可靠性', importance: 5 },
  { item: 'Q2', dimension: '可靠性', importance: 3 },
  { item: 'Q3', dimension: '响应性', importance: 2 },
  { item: 'Q4', dimension: '保证性', importance: 4 },
];
const SALES: FixtureRow[] = [
  { order_date: '2025-06-30', customer_id: 'C1', customer_name: '甲公司', revenue: 800 },
  { order_date: '2025-12-31', customer_id: 'C2', customer_name: '乙公司', revenue: 150 },
  { order_date: '2025-12-01', customer_id: 'C3', customer_name: '丁公司', revenue: 50 },
];

async function fixture(survey = SURVEY, items: FixtureRow[] | null = ITEMS) {
  await createTable(db, 'sales', SALES);
  await createTable(db, 'survey', survey);
  if (items) await createTable(db, 'survey_items', items);
  else await db.exec('DROP TABLE IF EXISTS survey_items');
}

const params = (p: Partial<Params['satisfaction']> = {}): Params => ({
  ...defaultParams(),
  satisfaction: { ...defaultParams().satisfaction, ...p },
});

describe('satisfaction (analytics.md §12)', () => {
  it('computes response, customer, dimension and company indices by hand, a skipped answer left out', async () => {
    await fixture();
    const r = (await runSatisfaction(db, params()))!;
    expect(r.waves.map((w) => [w.wave, w.previous])).toEqual([
      ['2025-H1', '2024-H2'],
      ['2025-H2', '2025-H1'],
    ]);
    expect(r.current).toBe('2025-H2');
    const idx = Object.fromEntries(r.customers.map((c) => [`${c.customerId} ${c.wave}`, c]));
    expect(idx['C1 2025-H1'].index).toBeCloseTo(850 / 11, 12);
    expect(idx['C2 2025-H1'].index).toBeCloseTo(925 / 14, 12);
    expect(idx['C1 2025-H2'].index).toBeCloseTo(900 / 14, 12);
    expect(idx['C2 2025-H2']).toMatchObject({ responses: 2, matchedBy: 'name' });
    expect(idx['C2 2025-H2'].index).toBeCloseTo(2300 / 28, 12);
    expect(idx['X9 2025-H2']).toMatchObject({ responses: 1, matchedBy: null, previousIndex: null });
    expect(idx['X9 2025-H2'].index).toBeCloseTo(200 / 9, 12);
    // Change since the previous wave: A 900/14 − 850/11 = −12.987…; B 2300/28 − 925/14 = 16.071…
    expect(idx['C1 2025-H2'].change).toBeCloseTo(900 / 14 - 850 / 11, 12);
    expect(idx['C2 2025-H2'].change).toBeCloseTo(2300 / 28 - 925 / 14, 12);
    expect(idx['C1 2025-H1'].previousIndex).toBeNull();
    // Company: the mean of the customer indices.
    expect(r.waves[0].index).toBeCloseTo((850 / 11 + 925 / 14) / 2, 12);
    expect(r.waves[1].index).toBeCloseTo((900 / 14 + 2300 / 28 + 200 / 9) / 3, 12);
    expect(r.waves[1]).toMatchObject({ responses: 4, customers: 3 });
    // Dimensions: A in H1, 可靠性 only Q1 answered → 100; B in H1, 可靠性 (5·75 + 3·50)/8 = 65.625.
    const dim = Object.fromEntries(
      r.dimensions.map((d) => [`${d.customerId} ${d.wave} ${d.dimension}`, d.index]),
    );
    expect(dim['C1 2025-H1 可靠性']).toBe(100);
    expect(dim['C2 2025-H1 可靠性']).toBe(65.625);
    expect(dim['C1 2025-H1 响应性']).toBe(25);
    // C answered only Q1 of 可靠性 (0) and Q4 of 保证性 (50): no 响应性 index for it.
    expect(dim['X9 2025-H2 响应性']).toBeUndefined();
    expect(r.dimensionNames).toEqual(['可靠性', '响应性', '保证性']);
    expect(r.waves[0].dimensions.find((d) => d.dimension === '可靠性')!.index).toBe((100 + 65.625) / 2);
    expect(r.responses).toEqual({ total: 6, byId: 2, byName: 3, unmatched: 1, afterAsOf: 1 });
    expect(r.unmatched).toEqual([
      {
        sourceFile: 'fixture',
        responseId: 'r6',
        surveyId: 'X9',
        surveyName: '丙',
        surveyDate: '2025-11-11',
        wave: '2025-H2',
        ambiguous: false,
      },
    ]);
  });

  it('places the current wave’s questions in the four quadrants against the means', async () => {
    await fixture();
    const r = (await runSatisfaction(db, params()))!;
    // 2025-H2 scores: Q1 (50, 100, 75, 0) → 56.25; Q2 (50, 100, 75) → 75; Q3 (50, 100, 0) → 50;
    // Q4 (100, 100, 75, 50) → 81.25. Means: importance 14/4 = 3.5, performance 262.5/4 = 65.625.
    expect(r.itemMeans).toEqual({ importance: 3.5, performance: 65.625 });
    expect(r.items).toEqual([
      {
        item: 'Q1',
        dimension: '可靠性',
        importance: 5,
        performance: 56.25,
        answers: 4,
        quadrant: 'concentrate_here',
      },
      {
        item: 'Q2',
        dimension: '可靠性',
        importance: 3,
        performance: 75,
        answers: 3,
        quadrant: 'possible_overkill',
      },
      {
        item: 'Q3',
        dimension: '响应性',
        importance: 2,
        performance: 50,
        answers: 3,
        quadrant: 'low_priority',
      },
      { item: 'Q4', dimension: '保证性', importance: 4, performance: 81.25, answers: 4, quadrant: 'keep_up' },
    ]);
  });

  it('weights the company index by revenue in the period when asked', async () => {
    await fixture();
    const r = (await runSatisfaction(db, params({ weight_by_revenue: true })))!;
    // H2: C1 800, C2 150, X9 not in the sales data (weight 0).
    expect(r.waves[1].index).toBeCloseTo((800 * (900 / 14) + 150 * (2300 / 28)) / 950, 12);
  });

  it('without importances every question weighs the same; ties at the mean count as high', async () => {
    await fixture(SURVEY, null);
    const r = (await runSatisfaction(db, params()))!;
    // A in H1: (100 + 25 + 75) / 3.
    expect(r.customers.find((c) => c.customerId === 'C1' && c.wave === '2025-H1')!.index).toBeCloseTo(
      200 / 3,
      12,
    );
    expect(r.items.every((i) => i.importance === 1)).toBe(true);
    expect(r.items.map((i) => i.quadrant)).toEqual([
      'concentrate_here',
      'keep_up',
      'concentrate_here',
      'keep_up',
    ]);
    expect(r.withoutDimension).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('a question without importance, when others have one, takes their mean', async () => {
    await fixture(SURVEY, ITEMS.slice(0, 3));
    const r = (await runSatisfaction(db, params()))!;
    // Q4 gets (5 + 3 + 2) / 3 = 10/3.
    expect(r.items.find((i) => i.item === 'Q4')!.importance).toBeCloseTo(10 / 3, 12);
  });

  it('lists A-class customers at risk: below the line or fallen by the drop or more', async () => {
    await fixture();
    const p = params();
    const r = (await runSatisfaction(db, p))!;
    const abc = await runPareto(db, p, 'customer');
    // C1 800 of 1000 is A (cum. share before it 0); C2 and C3 follow.
    const links = satisfactionLinks(r, { abc, kpi: null, lifecycle: null, keyAccounts: null }, p);
    // C1: index 64.29 ≥ 60 but fell by 12.99 ≥ 10.
    expect(links.atRisk.map((a) => [a.customerId, a.below, a.fell])).toEqual([['C1', false, true]]);
    expect(links.byClass.map((g) => [g.key, g.customers])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
    // A fall of exactly the drop counts (≤ −10 with the 1e-9 tolerance); a line of 64.2857… is not below it.
    const exact = satisfactionLinks(
      r,
      { abc, kpi: null, lifecycle: null, keyAccounts: null },
      {
        satisfaction: { ...p.satisfaction, at_risk_drop: -(900 / 14 - 850 / 11), at_risk_index: 900 / 14 },
      },
    );
    expect(exact.atRisk.map((a) => [a.below, a.fell])).toEqual([[false, true]]);
  });

  it('links the index to key-account tiers; key accounts at risk join the A class', async () => {
    await fixture();
    // A standard of revenue alone with thresholds: C1 (score 100) strategic, C2 (50) key, C3 (0) regular.
    const p: Params = {
      ...params({ at_risk_index: 90 }),
      key_accounts: {
        ...defaultParams().key_accounts,
        factors: [['revenue', 100]],
        mode: 'threshold',
        strategic_score: 80,
        key_score: 50,
      },
    };
    const r = (await runSatisfaction(db, p))!;
    const abc = await runPareto(db, p, 'customer');
    const ka = (await runKeyAccounts(db, p))!;
    expect(ka.scored.rows.map((x) => [x.customerId, x.tier])).toEqual([
      ['C1', 'strategic'],
      ['C2', 'key'],
      ['C3', 'regular'],
    ]);
    // Without the key accounts only A-class C1 (64.29 < 90) is at risk; C2 (82.14 < 90) is class B.
    const aOnly = satisfactionLinks(r, { abc, kpi: null, lifecycle: null, keyAccounts: null }, p);
    expect(aOnly.atRisk.map((x) => x.customerId)).toEqual(['C1']);
    expect(aOnly.byKeyTier).toBeNull();
    // With them C2 joins as a key account; by ascending index.
    const links = satisfactionLinks(r, { abc, kpi: null, lifecycle: null, keyAccounts: ka.scored }, p);
    expect(links.atRisk.map((x) => [x.customerId, x.abcClass, x.keyTier, x.below, x.fell])).toEqual([
      ['C1', 'A', 'strategic', true, true],
      ['C2', 'B', 'key', true, false],
    ]);
    // Index by tier in the tiers' order; the unmatched respondent X9 is in no group.
    expect(links.byKeyTier!.map((g) => [g.key, g.customers])).toEqual([
      ['strategic', 1],
      ['key', 1],
    ]);
    expect(links.byKeyTier![0].index).toBeCloseTo(900 / 14, 12);
    expect(links.byKeyTier![1].index).toBeCloseTo(2300 / 28, 12);
    // A regular customer of class C with a low index is not at risk: not valuable.
    const c1 = r.customers.find((c) => c.customerId === 'C1' && c.wave === r.current)!;
    const c3 = satisfactionLinks(
      { ...r, customers: [...r.customers, { ...c1, customerId: 'C3', index: 10, change: null }] },
      { abc, kpi: null, lifecycle: null, keyAccounts: ka.scored },
      p,
    );
    expect(c3.atRisk.map((x) => x.customerId)).toEqual(['C1', 'C2']);
    expect(c3.byKeyTier!.map((g) => g.key)).toEqual(['strategic', 'key', 'regular']);
  });

  it('shows a customer’s answers, skipped ones included', async () => {
    await fixture();
    const a = await runCustomerAnswers(db, params(), 'C1');
    expect(a.filter((x) => x.wave === '2025-H1').map((x) => [x.item, x.answer, x.score])).toEqual([
      ['Q1', 5, 100],
      ['Q2', null, null],
      ['Q3', 2, 25],
      ['Q4', 4, 75],
    ]);
  });

  it('orders a wave column by its first date; the previous wave is the one before', () => {
    const prev = previousWaves([
      { wave: '秋季调查', first: '2025-10-01' },
      { wave: '春季调查', first: '2025-04-01' },
    ]);
    expect(Object.fromEntries(prev)).toEqual({ 秋季调查: '春季调查', 春季调查: null });
    expect(ipa([])).toEqual({ items: [], means: null });
  });

  it('without sales data gives the survey’s own results: every respondent under its id or name, no links', async () => {
    // The hand-worked survey with 乙公司 written the same way twice (the ingest trims cells).
    const survey = SURVEY.map((r) =>
      r.customer_name === ' 乙公司 ' ? { ...r, customer_name: '乙公司' } : r,
    );
    await createTable(db, 'survey', survey);
    await createTable(db, 'survey_items', ITEMS);
    await db.exec('DROP TABLE IF EXISTS sales');
    const p = { ...params({ weight_by_revenue: true }), as_of: '2025-12-31' };
    const r = (await runSatisfaction(db, p))!;
    expect(r.sales).toBe(false);
    expect(r.asOf).toBe('2025-12-31');
    expect(r.current).toBe('2025-H2');
    const idx = Object.fromEntries(r.customers.map((c) => [`${c.customerId} ${c.wave}`, c]));
    expect(Object.keys(idx).sort()).toEqual([
      'C1 2025-H1',
      'C1 2025-H2',
      'X9 2025-H2',
      '乙公司 2025-H1',
      '乙公司 2025-H2',
    ]);
    expect(r.customers.every((c) => c.matchedBy === null)).toBe(true);
    // The same indices as with sales: matching does not change the survey's numbers.
    expect(idx['C1 2025-H1'].index).toBeCloseTo(850 / 11, 12);
    expect(idx['乙公司 2025-H2'].index).toBeCloseTo(2300 / 28, 12);
    expect(idx['乙公司 2025-H2'].change).toBeCloseTo(2300 / 28 - 925 / 14, 12);
    // No revenue to weight by: the plain mean, and the result says it is not weighted.
    expect(r.weightByRevenue).toBe(false);
    expect(r.waves[1].index).toBeCloseTo((900 / 14 + 2300 / 28 + 200 / 9) / 3, 12);
    expect(r.items.map((i) => [i.item, i.performance, i.quadrant])).toEqual([
      ['Q1', 56.25, 'concentrate_here'],
      ['Q2', 75, 'possible_overkill'],
      ['Q3', 50, 'low_priority'],
      ['Q4', 81.25, 'keep_up'],
    ]);
    expect(r.dimensionNames).toEqual(['可靠性', '响应性', '保证性']);
    expect(r.responses).toEqual({ total: 6, byId: 0, byName: 0, unmatched: 6, afterAsOf: 1 });
    // No links to value: no class, tier or stage to join, nobody at risk.
    const links = satisfactionLinks(r, { abc: null, kpi: null, lifecycle: null, keyAccounts: null }, p);
    expect(links.atRisk).toEqual([]);
    // Without an as-of date, T is the latest survey date: A's answer of 2026-01-05 counts.
    const latest = (await runSatisfaction(db, params()))!;
    expect(latest.asOf).toBe('2026-01-05');
    expect(latest.current).toBe('2026-H1');
    expect(latest.responses.afterAsOf).toBe(0);
    // The customer panel's answers of a respondent.
    const answers = await runCustomerAnswers(db, p, 'C1');
    expect(answers.filter((x) => x.wave === '2025-H1').map((x) => [x.item, x.answer])).toEqual([
      ['Q1', 5],
      ['Q2', null],
      ['Q3', 2],
      ['Q4', 4],
    ]);
  });

  it('is null without a survey', async () => {
    await createTable(db, 'sales', SALES);
    await db.exec('DROP TABLE IF EXISTS survey');
    expect(await runSatisfaction(db, params())).toBeNull();
  });
});
