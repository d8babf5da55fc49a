import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import { sqlString } from '../engine/sql';
import {
  dateSql,
  hasDayMonthOrder,
  isSummaryWord,
  monthSql,
  numberSql,
  parseNumber,
  profileColumn,
  SUMMARY_WORDS,
  summarySql,
  textSql,
} from './values';

let db: NodeEngine;
beforeAll(async () => {
  db = await NodeEngine.start();
});
afterAll(async () => {
  await db?.close();
});

const sqlValues = async (expr: (c: string) => string, inputs: string[]) =>
  (
    await db.rows<{ v: number | string | null }>(
      `SELECT ${expr('x')} AS v FROM (VALUES ${inputs.map((i) => `(${sqlString(i)})`).join(', ')}) t(x)`,
    )
  ).map((r) => r.v);

describe('numbers', () => {
  const dot = [
    '1,234.50',
    '¥1,234.50',
    '$1,234.50',
    '(1,234.50)',
    '12.5%',
    '１２３４．５',
    '-',
    'N/A',
    '',
    '  42 ',
    '-7.25',
    '1e3',
    'abc',
    'RMB 10',
  ];
  const dotExpected = [
    1234.5,
    1234.5,
    1234.5,
    -1234.5,
    0.125,
    1234.5,
    null,
    null,
    null,
    42,
    -7.25,
    1000,
    null,
    10,
  ];
  it('parses every form of data-model.md in JS and SQL alike (dot decimals)', async () => {
    expect(dot.map((v) => parseNumber(v, 'dot'))).toEqual(dotExpected);
    expect(await sqlValues((c) => numberSql(c, 'dot'), dot)).toEqual(dotExpected);
  });
  it('reads decimal commas in a comma column', async () => {
    const comma = ['1 234,50', '1.234,50', '12,5', '(3,5)', '7'];
    const expected = [1234.5, 1234.5, 12.5, -3.5, 7];
    expect(comma.map((v) => parseNumber(v, 'comma'))).toEqual(expected);
    expect(await sqlValues((c) => numberSql(c, 'comma'), comma)).toEqual(expected);
  });
  it('decides the style per column', () => {
    expect(profileColumn(['1.234,50', '12,00', '7']).numberStyle).toBe('comma');
    expect(profileColumn(['1,234.50', '12.00', '7']).numberStyle).toBe('dot');
    expect(profileColumn(['1,234', '2,500']).numberStyle).toBe('dot'); // thousands, the usual reading
  });
});

describe('dates', () => {
  const day = Date.UTC(2024, 2, 5);
  it('offers the day/month choice only where the order is open (not for year-first dates)', () => {
    expect(hasDayMonthOrder('DM/%Y')).toBe(true);
    expect(hasDayMonthOrder('%d/%m/%Y')).toBe(true);
    expect(hasDayMonthOrder('%m/%d/%Y %H:%M')).toBe(true);
    expect(hasDayMonthOrder('%Y/%m/%d %H:%M:%S')).toBe(false);
    expect(hasDayMonthOrder('%Y.%m.%d')).toBe(false);
    expect(hasDayMonthOrder('iso')).toBe(false);
  });
  it('profiles each listed form to one format', () => {
    expect(profileColumn(['2024-03-05', '2024-03-06']).dateFormat).toBe('iso');
    expect(profileColumn(['2010-12-01 08:26:00']).dateFormat).toBe('iso');
    expect(profileColumn(['2024/3/5', '2024/12/25']).dateFormat).toBe('%Y/%m/%d');
    expect(profileColumn(['2024.03.05']).dateFormat).toBe('%Y.%m.%d');
    expect(profileColumn(['20240305']).dateFormat).toBe('%Y%m%d');
    expect(profileColumn(['2024年3月5日']).dateFormat).toBe('%Y年%m月%d日');
    expect(profileColumn(['05/03/2024', '25/03/2024']).dateFormat).toBe('%d/%m/%Y');
    expect(profileColumn(['03/05/2024', '03/25/2024']).dateFormat).toBe('%m/%d/%Y');
    expect(profileColumn(['08-11-16', '22-11-15']).dateFormat).toBe('%d-%m-%y');
    expect(profileColumn(['45356', '45357']).dateFormat).toBe('excel');
  });
  it('leaves D/M vs M/D open when the sample cannot tell', () => {
    const p = profileColumn(['05/03/2024', '06/03/2024']);
    expect(p.ambiguousDayMonth).toBe(true);
    expect(p.dateFormat).toBe('DM/%Y');
  });
  it('parses in SQL as calendar dates', async () => {
    const cases: [string, string][] = [
      ['2024-03-05', 'iso'],
      ['2024-03-05 23:59:00', 'iso'],
      ['2024/3/5', '%Y/%m/%d'],
      ['20240305', '%Y%m%d'],
      ['2024年3月5日', '%Y年%m月%d日'],
      ['05/03/2024', '%d/%m/%Y'],
      ['05-03-24', '%d-%m-%y'],
      ['45356', 'excel'],
    ];
    for (const [v, f] of cases)
      expect(await sqlValues((c) => dateSql(c, f), [v]), `${v} as ${f}`).toEqual([day]);
    expect(await sqlValues((c) => dateSql(c, 'iso'), ['2024-02-30', 'x'])).toEqual([null, null]);
  });
  it('reads months', async () => {
    const m = Date.UTC(2024, 2, 1);
    expect(await sqlValues((c) => monthSql(c, null), ['2024-03', '2024/3', '2024年3月', '202403'])).toEqual([
      m,
      m,
      m,
      m,
    ]);
    expect(await sqlValues((c) => monthSql(c, 'iso'), ['2024-03-17'])).toEqual([m]);
  });
});

describe('ids', () => {
  it('keeps leading zeros and strips float-written .0', async () => {
    expect(await sqlValues((c) => textSql(c), ['00123', '  ', 'A-1'])).toEqual(['00123', null, 'A-1']);
    expect(await sqlValues((c) => textSql(c, true), ['17850.0', '12346.00'])).toEqual(['17850', '12346']);
    expect(profileColumn(['17850.0', '13047.0']).floatIds).toBe(true);
  });
});

describe('summary rows', () => {
  it('summarySql agrees with isSummaryWord (spaces of every kind, colons, case)', async () => {
    const cells = [
      '合计',
      '合 计',
      '合　计：',
      ' Total: ',
      'GRAND TOTAL',
      'Sub-Total',
      'sum',
      'S u m',
      'totals',
      '\u00a0总计\ufeff',
      'total amount',
      '合计金额',
      'C000123',
      '',
      'Summe',
      '小\t计',
      '总和\n',
    ];
    const expected = cells.map(isSummaryWord);
    expect(expected.filter(Boolean).length).toBeGreaterThan(8);
    expect(await sqlValues((c) => summarySql(c), cells)).toEqual(expected);
  });
  it('agrees on random strings over the words’ letters and separators', async () => {
    const alphabet = [...'合计总小和計totalsumgrndbTOALSUM :：\u3000\u00a0\t-x'];
    let seed = 5;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cells = SUMMARY_WORDS.flatMap((w) => [w, ` ${w.toUpperCase()} `]);
    for (let i = 0; i < 400; i++) {
      const w = SUMMARY_WORDS[Math.floor(rand() * SUMMARY_WORDS.length)];
      // Sprinkle separators and noise into a word, sometimes changing a letter.
      cells.push(
        [...w]
          .map((ch) => (rand() < 0.3 ? alphabet[Math.floor(rand() * alphabet.length)] : '') + ch)
          .join(''),
      );
    }
    expect(await sqlValues((c) => summarySql(c), cells)).toEqual(cells.map(isSummaryWord));
  });
});
