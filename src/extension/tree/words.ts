/**
 * The words of the tree views in BizFlow's language (`bizflow.locale`, `auto`
 * = VS Code's display language), not only VS Code's: `vscode.l10n.t` always
 * follows the display language, so the trees look their texts up in the same
 * l10n bundle themselves. English texts are the bundle's keys.
 */
import type { Locale } from '../../core/types';

/**
 * The Chinese bundle, read when first needed: the desktop extension reads the
 * shipped l10n file at run time instead of bundling it (esbuild.extension.mjs).
 */
function zhBundle(): Readonly<Record<string, string>> {
  return require('../../../l10n/bundle.l10n.zh-cn.json') as Readonly<Record<string, string>>;
}

export interface Words {
  locale: Locale;
  /** The text in this locale, `{0}`, `{1}`… replaced by the arguments. */
  t(message: string, ...args: (string | number)[]): string;
}

function format(s: string, args: readonly (string | number)[]): string {
  return s.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

export function wordsFor(locale: Locale): Words {
  const zh = locale === 'zh-CN' ? zhBundle() : undefined;
  return { locale, t: (message, ...args) => format(zh ? (zh[message] ?? message) : message, args) };
}
