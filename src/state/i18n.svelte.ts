import {
  detectLocale,
  formatAmount,
  formatExact,
  formatNumber,
  formatPercent,
  formatPercentStrict,
  type Locale,
} from '../i18n/format';
import type { MessageKey } from '../i18n/messages/en';
import { isMessageKey, translate } from '../i18n/translate';

const STORAGE_KEY = 'sales-workbench.locale';

/** English short month names; made once (a formatter per chart tick cost the trend chart ~10 ms). */
const EN_MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** The UI language and the locale-aware formatters, shared through context. */
export class I18n {
  /** Current UI language. */
  locale = $state<Locale>('en');

  constructor(initial?: Locale) {
    this.locale = initial ?? I18n.initialLocale();
  }

  /** Stored choice first, then the browser's languages. */
  static initialLocale(): Locale {
    try {
      const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
      if (stored === 'en' || stored === 'zh-CN') return stored;
    } catch {
      // localStorage can be disabled; the browser language is a fine default.
    }
    return detectLocale(globalThis.navigator?.languages ?? []);
  }

  /** Switch language and remember the choice. */
  setLocale(locale: Locale): void {
    this.locale = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembering the language is harmless.
    }
    if (globalThis.document) document.documentElement.lang = locale;
  }

  /** Translate a message key. */
  t = (key: MessageKey, params?: Record<string, string | number>): string =>
    translate(this.locale, key, params);

  /** Translate a key that came from data (error keys), falling back to a generic message. */
  tKey = (key: string, params: Record<string, string | number> = {}): string =>
    isMessageKey(key)
      ? translate(this.locale, key, params)
      : translate(this.locale, 'error.unknown', { message: key, ...params });

  num = (v: number | null, digits?: number, fixed = false): string =>
    formatNumber(v, this.locale, digits, fixed);
  amount = (v: number | null): string => formatAmount(v, this.locale);
  /** An amount in full (thousands separators, 2 decimals): tables, and the hover text of abbreviated ones. */
  exact = (v: number | null): string => formatExact(v, this.locale);
  pct = (v: number | null, digits?: number, fixed = false): string =>
    formatPercent(v, this.locale, digits, fixed);
  /** A share that never reads 0 % or 100 % when it is not (formatPercentStrict). */
  pctStrict = (v: number | null, digits?: number): string => formatPercentStrict(v, this.locale, digits);
  /** A month tick: `2024年1月` / `Jan 2024` for January, the month alone otherwise. */
  month = (d: Date): string => {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    if (this.locale === 'zh-CN') return m === 1 ? `${y}年${m}月` : `${m}月`;
    const name = EN_MONTH.format(d);
    return m === 1 ? `${name} ${y}` : name;
  };
}
