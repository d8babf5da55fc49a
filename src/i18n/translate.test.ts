import { describe, expect, it } from 'vitest';
import { defaultParams } from '../analytics/params';
import { CATALOGUES, isMessageKey, placeholders, translate } from './translate';

describe('message catalogues', () => {
  it('zh-CN and en have the same keys and the same placeholders', () => {
    const en = CATALOGUES.en;
    const zh = CATALOGUES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(zh[key].trim(), key).not.toBe('');
    }
  });
  it('fills placeholders', () => {
    expect(
      translate('en', 'pareto.subtitle', {
        n: 3,
        entity: 'Customer',
        start: '2024-01-01',
        end: '2024-12-31',
      }),
    ).toBe('Customer: 3 ranked, period 2024-01-01 to 2024-12-31');
    expect(translate('zh-CN', 'drop.loading', { file: 'a.csv' })).toBe('正在读取 a.csv…');
  });
});

describe('parameter labels', () => {
  it('every parameter but the filters has a label (Parameters panel, review pack cover, results.xlsx)', () => {
    const keys = Object.entries(defaultParams() as unknown as Record<string, unknown>).flatMap(([g, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((k) => `${g}.${k}`) : [g],
    );
    expect(keys.filter((k) => !k.startsWith('filters.') && !isMessageKey(`param.${k}`))).toEqual([]);
  });
});
