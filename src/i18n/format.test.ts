import { describe, expect, it } from 'vitest';
import {
  detectLocale,
  formatAmount,
  formatBytes,
  formatNumber,
  formatPercent,
  formatPercentStrict,
  tidyNumberText,
} from './format';

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
    // Table columns keep their decimals so the numbers line up.
    expect(formatNumber(89, 'en', 1, true)).toBe('89.0');
    expect(formatNumber(89, 'en', 1)).toBe('89');
    expect(formatPercent(0.19, 'zh-CN', 1, true)).toBe('19.0%');
    // A share that is not 0 or 1 never reads 0 % or 100 %.
    expect(formatPercentStrict(0.0001, 'en', 0)).toBe('< 1%');
    expect(formatPercentStrict(0.00004, 'zh-CN', 1)).toBe('< 0.1%');
    expect(formatPercentStrict(0.9996, 'en', 0)).toBe('> 99%');
    expect(formatPercentStrict(0.99996, 'en', 1)).toBe('> 99.9%');
    expect(formatPercentStrict(0, 'en', 0)).toBe('0%');
    expect(formatPercentStrict(1, 'en', 0)).toBe('100%');
    expect(formatPercentStrict(0.006, 'en', 0)).toBe('1%');
    expect(formatPercentStrict(null, 'en')).toBe('–');
  });
  it('detects the browser language', () => {
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-US'])).toBe('en');
    expect(detectLocale(['fr-FR'])).toBe('en');
  });
});

describe('file sizes and sample numbers', () => {
  it('sizes under 1 KB are bytes, not "0 KB"', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(300, 'en')).toBe('300 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(2.5 * (1 << 20), 'zh-CN')).toBe('2.5 MB');
  });
  it('a decimal with binary noise shows as written', () => {
    expect(tidyNumberText('731.9400000000001')).toBe('731.94');
    expect(tidyNumberText('731.94000000000005')).toBe('731.94');
    expect(tidyNumberText('0.30000000000000004')).toBe('0.3');
    expect(tidyNumberText('41.91362')).toBe('41.91362');
    expect(tidyNumberText('3.14159265')).toBe('3.14159265');
    expect(tidyNumberText('CA-2016-152156')).toBe('CA-2016-152156');
    expect(tidyNumberText('00123.4567890')).toBe('00123.4567890');
  });
});
