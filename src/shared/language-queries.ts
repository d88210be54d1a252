/**
 * The language features' questions about one analysed text (completion, hover, quick fixes, rename,
 * definition, references) and their answers, as plain data with line/character positions: the same
 * function answers them in the analysis worker (from its cached analysis of the document) and on the
 * extension host when there is no worker, so the editor shows the same thing either way. Positions, not
 * offsets: whoever answers has the text's line index, so the host never indexes a big text to ask or to
 * show an answer. The logic itself is the core's (`complete`, `hoverAt`, `fixesFor`, `prepareRename`,
 * `renameSymbol`, the symbol index); this only converts shapes.
 */
import { complete } from '../core/completion';
import { fixesFor } from '../core/fixes';
import { hoverAt } from '../core/hover';
import { prepareRename, renameSymbol } from '../core/rename';
import type { SymbolOccurrence } from '../core/symbols';
import type { Diagnostic, Span } from '../core/types';
import {
  isAsyncQuery,
  isPreviewQuery,
  isReviewQuery,
  type AnswerOf,
  type LanguageAnswer,
  type LanguageQuery,
  type LineRange4,
  type PreviewQuery,
  type QuerySubject,
  type ReviewQuery,
  type ShownDiagnostic,
  type ViewQuery,
  type XlsxQuery,
} from './language-query-protocol';
import { answerPreviewQuery } from './preview-queries';
import { answerReviewQuery } from './review-queries';
import { answerOutlineQuery, answerTreeQuery } from './view-queries';

export * from './language-query-protocol';

/**
 * Answers a query about an analysed text, the language features', the preview's (./preview-queries.ts), the
 * views' (./view-queries.ts) and the review commands' (./review-queries.ts; never throws for a well-formed
 * query: the core functions do not). The worker answers with it. Not the xlsx (`isAsyncQuery`: it throws), answered
 * through a promise by `answerReviewPackXlsx` (./review-queries.ts).
 */
export function answerQuery(s: QuerySubject, q: LanguageQuery): LanguageAnswer {
  if (isAsyncQuery(q)) throw new Error(`the ${q.kind} query is answered asynchronously (answerReviewPackXlsx)`);
  if (q.kind === 'tree') return answerTreeQuery(s, q);
  if (q.kind === 'outline') return answerOutlineQuery(s, q);
  if (isReviewQuery(q)) return answerReviewQuery(s, q);
  return isPreviewQuery(q) ? answerPreviewQuery(s, q) : answerLanguageQuery(s, q);
}

/**
 * Answers a language feature's query (what the providers pass to `AnalysisService.query`: their chunk does
 * not bring the preview's render).
 */
export function answerLanguageQuery(s: QuerySubject, q: Exclude<LanguageQuery, PreviewQuery | ViewQuery | ReviewQuery | XlsxQuery>): LanguageAnswer {
  const range = (span: Span): LineRange4 => s.lines.range4(span);
  const model = s.result.model;
  const offset = 'line' in q ? s.lines.offset(q.line, q.character) : 0;
  switch (q.kind) {
    case 'complete':
      return { kind: 'complete', entries: complete(model, offset, s.locale, s.index).map((e) => ({ ...e, replaceRange: range(e.replaceSpan) })) };
    case 'hover': {
      const h = hoverAt(model, offset, s.locale, s.result.diagnostics, s.index);
      return { kind: 'hover', ...(h ? { hover: { markdown: h.markdown, range: range(h.span) } } : {}) };
    }
    case 'fixes': {
      const fixes: AnswerOf<'fixes'>['fixes'] = [];
      const titles = new Set<string>();
      q.diagnostics.forEach((shown, i) => {
        const core = match(s.result.diagnostics, shown, range);
        if (!core) return; // the diagnostic is from an older version of the text
        for (const fix of fixesFor(model, core, s.locale, s.index)) {
          if (titles.has(fix.title)) continue;
          titles.add(fix.title);
          fixes.push({ diagnostic: i, title: fix.title, isPreferred: fix.isPreferred, edits: fix.edits.map((e) => ({ range: range(e.span), newText: e.newText })) });
        }
      });
      return { kind: 'fixes', fixes };
    }
    case 'prepareRename': {
      const r = prepareRename(model, s.index, offset, s.locale);
      return { kind: 'prepareRename', result: 'error' in r ? { error: r.error } : { range: range(r.span), placeholder: r.placeholder } };
    }
    case 'rename': {
      const r = renameSymbol(model, s.index, offset, q.newName, s.locale);
      return { kind: 'rename', result: 'error' in r ? { error: r.error } : { edits: r.edits.map((e) => ({ range: range(e.span), newText: e.newText })) } };
    }
    case 'definition': {
      const occ = s.index.symbolAt(offset);
      if (!occ) return { kind: 'definition', targets: [] };
      let defs: SymbolOccurrence[];
      if (occ.kind === 'data' && model.data === undefined) {
        // no data dictionary: every producer stands in for the definition
        defs = s.index.definitions('data', occ.id);
      } else {
        const d = s.index.definition(occ.kind, occ.id);
        defs = d ? [d] : [];
      }
      return {
        kind: 'definition',
        origin: range(occ.span),
        targets: defs.map((d) => ({ range: range(d.item && !d.implicit && d.kind !== 'attribute' ? d.item.span : d.span), selection: range(d.span) })),
      };
    }
    case 'references': {
      const occ = s.index.symbolAt(offset);
      if (!occ) return { kind: 'references' };
      return {
        kind: 'references',
        references: s.index.references(occ.kind, occ.id, { includeDeclaration: q.includeDeclaration }).map((o) => ({ range: range(o.span), isDefinition: o.isDefinition })),
      };
    }
  }
}

const sameRange = (a: LineRange4, b: LineRange4) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/** The finding a shown diagnostic was made from (same code and range; the message decides between equals). */
function match(ds: readonly Diagnostic[], shown: ShownDiagnostic, range: (s: Span) => LineRange4): Diagnostic | undefined {
  const same = ds.filter((d) => d.code === shown.code && sameRange(range(d.span), shown.range));
  return same.find((d) => d.message === shown.message) ?? same[0];
}
