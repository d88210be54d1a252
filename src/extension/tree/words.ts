/**
 * The words of the tree views in BizFlow's language (`bizflow.locale`, `auto`
 * = VS Code's display language), not only VS Code's: `vscode.l10n.t` always
 * follows the display language, so the trees look their texts up in the same
 * l10n bundle themselves. English texts are the bundle's keys.
 */
import zhBundle from '../../../l10n/bundle.l10n.zh-cn.json';
import type { Locale } from '../../core/types';

const ZH: Readonly<Record<string, string>> = zhBundle;

export interface Words {
  locale: Locale;
  /** The text in this locale, `{0}`, `{1}`… replaced by the arguments. */
  t(message: string, ...args: (string | number)[]): string;
}

function format(s: string, args: readonly (string | number)[]): string {
  return s.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

export function wordsFor(locale: Locale): Words {
  const zh = locale === 'zh-CN';
  return { locale, t: (message, ...args) => format(zh ? (ZH[message] ?? message) : message, args) };
}
