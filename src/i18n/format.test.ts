import { describe, expect, it } from 'vitest';
import { detectLocale, formatAmount, formatNumber, formatPercent } from './format';

describe('locale formatting', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatAmount(123456789, 'zh-CN')).toBe('1.23亿');
    expect(formatAmount(56789, 'zh-CN')).toBe('5.68万');
    expect(formatAmount(-20000, 'zh-CN')).toBe('-2万');
    expect(formatAmount(999.5, 'zh-CN')).toBe('999.5');
  });
  it('uses compact K/M in English', () => {
    expect(formatAmount(123456789, 'en')).toBe('123.5M');
    expect(formatAmount(1500, 'en')).toBe('1.5K');
  });
  it('formats numbers, percents and nulls', () => {
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
    expect(formatPercent(0.256, 'zh-CN')).toBe('25.6%');
    expect(formatPercent(null, 'en')).toBe('–');
  });
  it('detects the browser language', () => {
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-US'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('en');
  });
});
