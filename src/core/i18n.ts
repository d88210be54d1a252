/**
 * Localisation for messages produced by the core. Each rule keeps its own
 * texts next to its logic: `ctx.t('…', '…')`, English then Chinese.
 */
import type { Locale } from './types';

export interface Texts {
  en: string;
  zh: string;
}

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Maps any locale string (`zh`, `zh_CN.UTF-8`, `zh-Hans`, `en-US`) to a supported locale. */
export function normalizeLocale(value: string | undefined | null): Locale {
  if (!value) return 'en';
  const v = value.toLowerCase().replace('_', '-');
  return v.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The text of a locale: `pick(locale, { en, zh })`, or `pick(locale, en, zh)`. */
export function pick(locale: Locale, texts: Texts): string;
export function pick(locale: Locale, en: string, zh: string): string;
export function pick(locale: Locale, texts: Texts | string, zh?: string): string {
  if (typeof texts === 'string') return locale === 'zh-CN' ? zh! : texts;
  return locale === 'zh-CN' ? texts.zh : texts.en;
}

/** Quotes an id or name for a message, in the locale's quotation style. */
export function q(locale: Locale, s: string): string {
  return locale === 'zh-CN' ? `“${s}”` : `"${s}"`;
}

/** ` Did you mean "x"?` / `是否想写“x”？`: the hint after a message about a typo. */
export function didYouMean(s: string): Texts {
  return { en: ` Did you mean ${q('en', s)}?`, zh: `是否想写${q('zh-CN', s)}？` };
}

/** "a, b and c" / "a、b 和 c" */
export function list(locale: Locale, items: string[]): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  return locale === 'zh-CN' ? `${head.join('、')} 和 ${last}` : `${head.join(', ')} and ${last}`;
}
