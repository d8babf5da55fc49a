import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../engine/node';
import type { Engine } from '../engine/types';
import {
  addMonths,
  brushedPeriod,
  comparisonEnd,
  previousRange,
  yearAgoRange,
  bySig12Desc,
  filterSql,
  monthsBetween,
  roundHalfUp,
  sig12,
  sig12Sql,
} from './common';
import { defaultParams } from './params';
import { nativeInstalled } from '../../test/helpers/native';

describe('calendar helpers', () => {
  it('adds months across years', () => {
    expect(addMonths('2024-12-31', -11)).toBe('2024-01-01');
    expect(addMonths('2024-03-15', -14)).toBe('2023-01-01');
    expect(addMonths('2024-11-30', 2)).toBe('2025-01-01');
  });
  it('counts months between', () => {
    expect(monthsBetween('2024-01-31', '2024-12-01')).toBe(11);
    expect(monthsBetween('2023-12-01', '2024-01-01')).toBe(1);
  });
});

describe('filterSql', () => {
  it('is TRUE without filters and quotes values', () => {
    const f = defaultParams().filters;
    expect(filterSql(f)).toBe('TRUE');
    f.region = ["O'Hara", '华东'];
    expect(filterSql(f)).toBe(`"region" IN ('O''Hara', '华东')`);
  });
});

describe('round_half_up', () => {
  it('rounds halves up, also when the product of a share and a count falls just below a half', () => {
    expect([roundHalfUp(0.5), roundHalfUp(1.4), roundHalfUp(2.5), roundHalfUp(0.2 * 12)]).toEqual([
      1, 1, 3, 2,
    ]);
    // 0.35 × 90 = 31.5 exactly, but the double product is 31.499999999999996: still 32 tiers.
    expect(0.35 * 90).toBeLessThan(31.5);
    expect(roundHalfUp(0.35 * 90)).toBe(32);
    expect(roundHalfUp(0.29 * 50)).toBe(15); // 14.499999999999998
  });
});

describe('sig12: computed numbers compared at 12 significant digits (analytics.md §0)', () => {
  it('makes two sums of the same numbers equal, whatever the order of the additions', () => {
    // The KPI r3 of one Online Retail customer, computed by two implementations.
    expect(sig12(0.9515125930958017)).toBe(sig12(0.9515125930957997));
    expect(sig12(0.1 + 0.2)).toBe(0.3);
    expect(sig12(0.1 + 0.2)).toBe(sig12(0.3));
    expect(bySig12Desc(0.1 + 0.2, 0.3)).toBe(0);
    // 12 digits still tell numbers apart.
    expect(sig12(1.00000000001)).not.toBe(sig12(1.00000000002));
    expect(bySig12Desc(1.00000000002, 1.00000000001)).toBe(-1);
    expect(bySig12Desc(1.00000000001, 1.00000000002)).toBe(1);
  });
  it('keeps 0, signs, small and huge values, ±∞ and NaN; within 1e-9 of 0 is 0', () => {
    expect(sig12(0)).toBe(0);
    expect(sig12(-123.4567890123456)).toBe(-123.456789012);
    expect(sig12(1.23456789012345e-8)).toBe(1.23456789012e-8);
    expect(sig12(-2.0000000000001e-9)).toBe(-2e-9);
    // A sum that nets to zero is noise of its additions (Online Retail customer 18072:
    // −5.5067062021407764e-14 on one engine, 0 on the other): 0, as §0 reads it.
    expect(sig12(-5.5067062021407764e-14)).toBe(0);
    expect(bySig12Desc(-5.5067062021407764e-14, 0)).toBe(0);
    expect(sig12(1e-9)).toBe(0);
    expect(sig12(1e-12)).toBe(0);
    expect(sig12(5e-324)).toBe(0);
    expect(sig12(Number.MAX_VALUE)).toBe(1.79769313486e308);
    expect(sig12(123456789012345680000)).toBe(123456789012000000000);
    expect(sig12(Infinity)).toBe(Infinity);
    expect(sig12(-Infinity)).toBe(-Infinity);
    expect(sig12(NaN)).toBeNaN();
  });
  it('rounds an exact half to even, and a double just off a half by its exact value', () => {
    // 12345678901.25 is a double exactly: a half at the 13th digit, to even (…901.2).
    expect(sig12(12345678901.25)).toBe(12345678901.2);
    expect(sig12(12345678901.75)).toBe(12345678901.8);
    expect(sig12(-12345678901.25)).toBe(-12345678901.2);
    expect(sig12(123456789012.5)).toBe(123456789012);
    expect(sig12(123456789013.5)).toBe(123456789014);
    expect(sig12(999999999999.5)).toBe(1e12);
    // 0.5 is exact but has one digit: nothing to round.
    expect(sig12(0.5)).toBe(0.5);
    // The double nearest 99999999999.95 is 99999999999.949997…: below the half.
    expect(sig12(99999999999.95)).toBe(99999999999.9);
    // The double nearest 0.9999999999995 is 0.99999999999949995…: below the half; the one
    // nearest 1.000000000005 is 1.0000000000050000004…: above it.
    expect(sig12(0.9999999999995)).toBe(0.999999999999);
    expect(sig12(1.000000000005)).toBe(1.00000000001);
  });
});

describe('sig12Sql gives the very double sig12 gives', () => {
  let db: Engine;
  beforeAll(async () => {
    db = await NodeEngine.start();
  });
  afterAll(async () => {
    await db?.close();
  });
  const bothSides = async (xs: number[], engine: Engine = db) => {
    const values = xs.map((x, i) => `(${i}, CAST('${Object.is(x, -0) ? '-0.0' : String(x)}' AS DOUBLE))`);
    const rows = await engine.rows<{ i: number; x: number; y: number }>(
      `SELECT i, x, ${sig12Sql('x')} AS y FROM (VALUES ${values.join(', ')}) t(i, x) ORDER BY i`,
    );
    // The values went in exactly; then both sides must give the same double (NaN aside).
    return rows.filter(
      (r) => !Object.is(r.x, xs[r.i]) || !(Object.is(r.y, sig12(xs[r.i])) || r.y === sig12(xs[r.i])),
    );
  };
  it('on edge values (0, negatives, exact halves, tiny and huge, ±∞)', async () => {
    expect(
      await bothSides([
        0,
        -0,
        1,
        -1,
        0.5,
        -0.5,
        1e-12,
        -1e-12,
        5e-324,
        1e-9,
        -1e-9,
        1.0000000000000003e-9, // the double just above 1e-9
        -5.5067062021407764e-14,
        1.23456789012345e-8,
        Number.MAX_VALUE,
        -Number.MAX_VALUE,
        0.1 + 0.2,
        0.3,
        0.9515125930958017,
        0.9515125930957997,
        12345678901.25,
        12345678901.75,
        -12345678901.25,
        123456789012.5,
        999999999999.5,
        1000000000005,
        1234567890125,
        99999999999.95,
        0.9999999999995,
        Infinity,
        -Infinity,
      ]),
    ).toEqual([]);
    const [r] = await db.rows<{ y: number | null }>(`SELECT ${sig12Sql('NULL')} AS y`);
    expect(r.y).toBeNull();
  });
  it('on random doubles, and on exact halves and their neighbours', async () => {
    const halves = fc
      .tuple(fc.integer({ min: 100_000_000_000, max: 999_999_999_999 }), fc.integer({ min: -8, max: 8 }))
      .chain(([m, e]) => {
        const half = (m * 10 + 5) * 2 ** e; // often an exact 13-digit decimal ending in 5
        return fc.constantFrom(half, half * (1 + Number.EPSILON), half * (1 - Number.EPSILON));
      });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.double({ noNaN: true }), halves), { minLength: 1, maxLength: 200 }),
        async (xs) => {
          expect(await bothSides(xs)).toEqual([]);
        },
      ),
      { seed: 14, numRuns: 30 },
    );
  });
  it.skipIf(!nativeInstalled())('in native DuckDB too (the CLI with --engine native)', async () => {
    const { NativeEngine } = await import('../engine/native');
    const native = await NativeEngine.start({ threads: 2 });
    try {
      const xs = fc.sample(
        fc.oneof(
          fc.double({ noNaN: true }),
          fc.integer().map((k) => k / 100 + 0.005),
        ),
        {
          seed: 14,
          numRuns: 2000,
        },
      );
      xs.push(0, -0, 0.5, 1e-12, 12345678901.25, 123456789012.5, 0.9515125930958017, Infinity);
      expect(await bothSides(xs, native)).toEqual([]);
    } finally {
      await native.close();
    }
  });
});

describe('brushedPeriod', () => {
  it('never moves T past the last date of the data', () => {
    // Online Retail ends 2011-12-09: a brush over Sep … Dec gives T = 2011-12-09, not 12-31.
    expect(brushedPeriod('2011-09', '2011-12', '2011-12-09')).toEqual({
      period_start: '2011-09-01',
      as_of: '2011-12-09',
    });
    expect(brushedPeriod('2011-02', '2011-06', '2011-12-09')).toEqual({
      period_start: '2011-02-01',
      as_of: '2011-06-30',
    });
  });
});

describe('comparison ranges (analytics.md §1)', () => {
  const period = (start: string, asOf: string, months: number, dataStart: string) => ({
    start,
    asOf,
    months,
    dataStart,
    dataEnd: asOf,
  });
  it('end on the same day of the month as T, or on the month end when T ends its month', () => {
    expect(comparisonEnd('2011-12-09', 12)).toBe('2010-12-09');
    expect(comparisonEnd('2024-03-31', 1)).toBe('2024-02-29');
    expect(comparisonEnd('2024-06-30', 3)).toBe('2024-03-31');
    expect(comparisonEnd('2024-05-30', 3)).toBe('2024-02-29');
  });
  it('are covered when the data starts on the range start, not one day later', () => {
    expect(previousRange(period('2024-04-01', '2024-06-30', 3, '2024-01-01'))).toEqual({
      start: '2024-01-01',
      end: '2024-03-31',
      covered: true,
    });
    expect(previousRange(period('2024-04-01', '2024-06-30', 3, '2024-01-02')).covered).toBe(false);
    expect(yearAgoRange(period('2024-04-01', '2024-06-30', 3, '2023-04-01')).covered).toBe(true);
    expect(yearAgoRange(period('2024-04-01', '2024-06-30', 3, '2023-04-02')).covered).toBe(false);
  });
});
