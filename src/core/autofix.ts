/**
 * `bizflow lint --fix`, in the core: applies the preferred quick fixes of a
 * text's findings (ESLint's convention: only the fix marked as "the" fix —
 * spaces for a tab, the ASCII character for full-width punctuation, the
 * right indentation, a single value wrapped in a list, a did-you-mean id when
 * there is one clear candidate), pass after pass until none is left, in at
 * most `MAX_PASSES` passes. Fixes whose edits touch or overlap an edit
 * already chosen in a pass wait for the next pass (the text is analysed again
 * in between), so no two edits ever overlap.
 *
 * Pure: text in, text out. The line breaks (CRLF) are kept: every edit
 * replaces text inside lines or writes the file's own line break.
 */
import { analyze, type AnalyzeOptions } from './engine';
import { applyEdits, normalizeEdits, type TextEdit } from './edits';
import { fixesFor } from './fixes';
import { buildSymbolIndex } from './symbols';

export const MAX_PASSES = 10;

export interface AutofixResult {
  /** The text with the fixes applied (the same string when there was nothing to fix). */
  output: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
  /** Passes that changed the text. */
  passes: number;
}

/** Applies the preferred fixes of `text`'s findings, repeatedly (see the module comment). */
export function applyPreferredFixes(text: string, options: Pick<AnalyzeOptions, 'locale' | 'config'> = {}): AutofixResult {
  let output = text;
  let applied = 0;
  let passes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { model, diagnostics } = analyze(output, { locale: options.locale, config: options.config });
    let index: ReturnType<typeof buildSymbolIndex> | undefined;
    const chosen: TextEdit[] = [];
    let count = 0;
    for (const d of diagnostics) {
      index ??= buildSymbolIndex(model);
      const fix = fixesFor(model, d, options.locale ?? 'en', index).find((f) => f.isPreferred);
      if (!fix || !fix.edits.length) continue;
      if (fix.edits.some((e) => chosen.some((c) => touches(c, e)))) continue; // next pass
      chosen.push(...fix.edits);
      count++;
    }
    if (!count) break;
    const next = applyEdits(output, normalizeEdits(chosen));
    if (next === output) break;
    output = next;
    applied += count;
    passes++;
  }
  return { output, applied, passes };
}

/** Two edits overlap or touch (an insertion at the end of another edit counts): they wait for separate passes. */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.span.start <= b.span.end && b.span.start <= a.span.end;
}
