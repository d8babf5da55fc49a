import type { Locale } from './format';
import { en, type MessageKey } from './messages/en';
import { zhCN } from './messages/zh-CN';

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Whether a string is a known message key (for keys that come from data, e.g. error keys). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Translate a key, filling `{name}` placeholders. Unknown placeholders stay visible. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The placeholders of a template, for catalogue consistency tests. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

export { CATALOGUES };
