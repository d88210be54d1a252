/**
 * Hover: the card of the symbol under the cursor (`cards.ts`: what a role,
 * step, data item, requirement or step attribute is, and which requirements
 * and conflicts touch it), or, found with the cursor scanner (`cursor.ts`),
 * the description of a key of the format, of a rule code under `rules:` or of
 * an allowed word, as Markdown in English or Chinese.
 *
 * Pure TypeScript; built from the model, the symbol index and the
 * diagnostics of the same analysis, so a card always agrees with the
 * squiggles.
 */
import { code, enumText, symbolCard } from './cards';
import { locate, matchPath, type Seg } from './cursor';
import { pick } from './i18n';
import type { Model } from './model';
import { RULES_BY_CODE } from './rules/index';
import { describeKey, typeLabel } from './schema';
import { buildSymbolIndex, type SymbolIndex } from './symbols';
import type { Diagnostic, Locale, Span } from './types';

export interface HoverResult {
  markdown: string;
  /** The text the hover is about (the id, key or word under the cursor). */
  span: Span;
}

/** The hover at `offset`: a symbol's card, a key's description, or a rule code's. */
export function hoverAt(
  model: Model,
  offset: number,
  locale: Locale = 'en',
  diagnostics?: readonly Diagnostic[],
  index?: SymbolIndex,
): HoverResult | undefined {
  try {
    const idx = index ?? buildSymbolIndex(model);
    const sym = idx.symbolAt(offset);
    if (sym) {
      return { markdown: symbolCard(model, idx, sym.kind, sym.id, locale, diagnostics), span: { ...sym.span } };
    }
    return keyHover(model, offset, locale);
  } catch {
    return undefined;
  }
}

function keyHover(model: Model, offset: number, locale: Locale): HoverResult | undefined {
  const text = model.parsed.text;
  const c = locate(text, offset);
  if (!c || c.word.start === c.word.end) return undefined;
  const word = text.slice(c.word.start, c.word.end);
  if (c.slot === 'key') {
    if (matchPath(['rules'], c.path)) {
      const rule = RULES_BY_CODE.get(word);
      if (!rule) return undefined;
      return {
        markdown: `${code(rule.code)} — ${pick(locale, `rule, default ${rule.defaultSeverity}`, `规则，默认级别 ${rule.defaultSeverity}`)}\n\n${pick(locale, rule.description)}`,
        span: c.word,
      };
    }
    const spec = describeKey([...c.path, word] as Seg[]);
    if (!spec) return undefined;
    return {
      markdown: `${code(spec.key)} — ${pick(locale, typeLabel(spec.type))}${spec.required ? pick(locale, ' · required', ' · 必填') : ''}\n\n${pick(locale, spec.description)}`,
      span: c.word,
    };
  }
  // an allowed word: `type: decision`, `priority: must`, a severity under `rules:`
  const spec = describeKey(c.path);
  const isWord = (spec?.type.kind === 'enum' && spec.type.values.includes(word)) || matchPath(['rules', '*'], c.path) !== undefined;
  const wordText = isWord ? enumText(word) : undefined;
  if (wordText) return { markdown: `${code(word)} — ${pick(locale, wordText)}`, span: c.word };
  return undefined;
}
