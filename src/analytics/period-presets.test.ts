import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from './common';
import {
  clampAsOf,
  isPresetActive,
  lastCompleteQuarter,
  PERIOD_PRESETS,
  presetPeriod,
  type PresetInput,
} from './period-presets';

// The demo's data: 2023-01-01 … 2025-12-31 (whole years); Online Retail: 2010-12-01 … 2011-12-09.
const demo: PresetInput = {
  dataStart: '2023-01-01',
  dataEnd: '2025-12-31',
  current: { start: '2025-01-01', asOf: '2025-12-31' },
};
const retail: PresetInput = {
  dataStart: '2010-12-01',
  dataEnd: '2011-12-09',
  current: { start: '2010-12-01', asOf: '2011-12-09' },
};

describe('presetPeriod', () => {
  it('on data of whole years', () => {
    expect(presetPeriod('whole', demo)).toEqual({ period_start: '2023-01-01', as_of: '2025-12-31' });
    expect(presetPeriod('last12', demo)).toEqual({ period_start: null, as_of: null });
    expect(presetPeriod('ytd', demo)).toEqual({ period_start: '2025-01-01', as_of: '2025-12-31' });
    // The data reaches 31 December: Q4 is complete.
    expect(presetPeriod('lastQuarter', demo)).toEqual({ period_start: '2025-10-01', as_of: '2025-12-31' });
    expect(presetPeriod('lastYear', demo)).toEqual({ period_start: '2024-01-01', as_of: '2024-12-31' });
  });

  it('on data ending in the middle of a month (T stays on the last order date)', () => {
    expect(presetPeriod('whole', retail)).toEqual({ period_start: '2010-12-01', as_of: '2011-12-09' });
    expect(presetPeriod('ytd', retail)).toEqual({ period_start: '2011-01-01', as_of: '2011-12-09' });
    // Q4 2011 stops on 9 December: the last complete quarter is Q3.
    expect(presetPeriod('lastQuarter', retail)).toEqual({ period_start: '2011-07-01', as_of: '2011-09-30' });
    // A year before 2010-12 … 2011-12-09 ends 2010-12-09: 9 days of data, start clamped to them.
    expect(presetPeriod('lastYear', retail)).toEqual({ period_start: '2010-12-01', as_of: '2010-12-09' });
  });

  it('same period last year moves from the period in force; a month-end T stays a month end', () => {
    const june = { ...demo, current: { start: '2025-04-01', asOf: '2025-06-30' } };
    expect(presetPeriod('lastYear', june)).toEqual({ period_start: '2024-04-01', as_of: '2024-06-30' });
    const leap = { ...demo, current: { start: '2024-02-01', asOf: '2024-02-29' } };
    expect(presetPeriod('lastYear', leap)).toEqual({ period_start: '2023-02-01', as_of: '2023-02-28' });
    const mid = { ...demo, current: { start: '2025-03-01', asOf: '2025-03-15' } };
    expect(presetPeriod('lastYear', mid)).toEqual({ period_start: '2024-03-01', as_of: '2024-03-15' });
  });

  it('gives null when the data cannot give the period', () => {
    // Data of two months that end mid-quarter: no complete quarter.
    const short = {
      dataStart: '2025-04-10',
      dataEnd: '2025-05-20',
      current: { start: '2025-04-10', asOf: '2025-05-20' },
    };
    expect(presetPeriod('lastQuarter', short)).toBeNull();
    expect(presetPeriod('lastYear', short)).toBeNull();
    // Year to date starts with the data when the data starts later in that year.
    expect(presetPeriod('ytd', short)).toEqual({ period_start: '2025-04-01', as_of: '2025-05-20' });
  });

  it('never sets T after the data’s last day, and never a start after T (any data, any period)', () => {
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 11, 31) })
      .map((ms) => isoDate(ms - (ms % 864e5)));
    fc.assert(
      fc.property(day, day, day, day, (a, b, c, d) => {
        const [dataStart, dataEnd] = [a, b].sort();
        const [start, asOf] = [c, d].sort();
        for (const preset of PERIOD_PRESETS) {
          const p = presetPeriod(preset, { dataStart, dataEnd, current: { start, asOf } });
          if (!p || p.as_of === null) continue;
          expect(p.as_of <= dataEnd).toBe(true);
          expect(p.as_of >= dataStart).toBe(true);
          expect(p.period_start! <= p.as_of).toBe(true);
        }
      }),
    );
  });
});

describe('lastCompleteQuarter', () => {
  it('takes the quarter of the last day when the data reaches its end', () => {
    expect(lastCompleteQuarter('2025-03-31')).toEqual({ start: '2025-01-01', end: '2025-03-31' });
    expect(lastCompleteQuarter('2025-03-30')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(lastCompleteQuarter('2025-06-30')).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(lastCompleteQuarter('2025-01-01')).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });
});

describe('isPresetActive', () => {
  const data = { dataStart: demo.dataStart, dataEnd: demo.dataEnd };
  it('marks the preset whose parameters are in force', () => {
    expect(isPresetActive('last12', { period_start: null, as_of: null }, data)).toBe(true);
    expect(isPresetActive('whole', { period_start: null, as_of: null }, data)).toBe(false);
    expect(isPresetActive('whole', { period_start: '2023-01-01', as_of: '2025-12-31' }, data)).toBe(true);
    expect(isPresetActive('lastQuarter', { period_start: '2025-10-01', as_of: '2025-12-31' }, data)).toBe(
      true,
    );
    expect(isPresetActive('lastYear', { period_start: '2024-01-01', as_of: '2024-12-31' }, data)).toBe(false);
  });
});

describe('clampAsOf', () => {
  it('keeps a typed As of within the data', () => {
    expect(clampAsOf('2026-03-01', '2025-12-31')).toBe('2025-12-31');
    expect(clampAsOf('2025-06-30', '2025-12-31')).toBe('2025-06-30');
    expect(clampAsOf('2026-03-01', undefined)).toBe('2026-03-01');
  });
});
