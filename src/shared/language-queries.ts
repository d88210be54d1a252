/**
 * The language features' questions about one analysed text (completion, hover, quick fixes, rename,
 * definition, references) and their answers, as plain data with line/character positions: the same
 * function answers them in the analysis worker (from its cached analysis of the document) and on the
 * extension host when there is no worker, so the editor shows the same thing either way. Positions, not
 * offsets: whoever answers has the text's line index, so the host never indexes a big text to ask or to
 * show an answer. The logic itself is the core's (`complete`, `hoverAt`, `fixesFor`, `prepareRename`,
 * `renameSymbol`, the symbol index); this only converts shapes.
 */
import { complete, type CompletionEntry } from '../core/completion';
import { fixesFor } from '../core/fixes';
import { hoverAt } from '../core/hover';
import type { LineIndex } from '../core/positions';
import { prepareRename, renameSymbol } from '../core/rename';
import type { SymbolIndex, SymbolOccurrence } from '../core/symbols';
import type { AnalysisResult } from '../core/engine';
import type { Diagnostic, Locale, Span } from '../core/types';

/** A line/character range: start line, start character, end line, end character (0-based, UTF-16). */
export type LineRange4 = [number, number, number, number];

/** A position in the text (0-based line and UTF-16 character, as VS Code counts). */
export interface QueryPosition {
  line: number;
  character: number;
}

/** A diagnostic shown by the editor, to find the finding it was made from. */
export interface ShownDiagnostic {
  code?: string;
  message: string;
  range: LineRange4;
}

export type LanguageQuery =
  | ({ kind: 'complete' } & QueryPosition)
  | ({ kind: 'hover' } & QueryPosition)
  | { kind: 'fixes'; diagnostics: ShownDiagnostic[] }
  | ({ kind: 'prepareRename' } & QueryPosition)
  | ({ kind: 'rename'; newName: string } & QueryPosition)
  | ({ kind: 'definition' } & QueryPosition)
  | ({ kind: 'references'; includeDeclaration: boolean } & QueryPosition);

export type QueryKind = LanguageQuery['kind'];
export const QUERY_KINDS: readonly QueryKind[] = ['complete', 'hover', 'fixes', 'prepareRename', 'rename', 'definition', 'references'];

export interface LinedEdit {
  range: LineRange4;
  newText: string;
}

export type LanguageAnswer =
  /** `replaceRange`: the entry's `replaceSpan` as a line range. */
  | { kind: 'complete'; entries: (CompletionEntry & { replaceRange: LineRange4 })[] }
  | { kind: 'hover'; hover?: { markdown: string; range: LineRange4 } }
  /** `diagnostic`: the index (in the query) of the shown diagnostic the fix is for; titles are unique. */
  | { kind: 'fixes'; fixes: { diagnostic: number; title: string; isPreferred: boolean; edits: LinedEdit[] }[] }
  | { kind: 'prepareRename'; result: { range: LineRange4; placeholder: string } | { error: string } }
  | { kind: 'rename'; result: { edits: LinedEdit[] } | { error: string } }
  /** No `origin`: no symbol at the position. */
  | { kind: 'definition'; origin?: LineRange4; targets: { range: LineRange4; selection: LineRange4 }[] }
  /** No `references`: no symbol at the position. */
  | { kind: 'references'; references?: { range: LineRange4; isDefinition: boolean }[] };

export type AnswerOf<K extends QueryKind> = Extract<LanguageAnswer, { kind: K }>;

/** What a query is answered from: one analysis of one text. */
export interface QuerySubject {
  result: AnalysisResult;
  index: SymbolIndex;
  locale: Locale;
  lines: LineIndex;
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isRange4 = (x: unknown): x is LineRange4 => Array.isArray(x) && x.length === 4 && x.every(isInt);
const isPosition = (x: { line?: unknown; character?: unknown }) => isInt(x.line) && isInt(x.character);

/** Whether a message is a well-formed query (it crosses a thread boundary). */
export function isLanguageQuery(q: unknown): q is LanguageQuery {
  if (typeof q !== 'object' || q === null) return false;
  const x = q as Record<string, unknown>;
  switch (x.kind) {
    case 'complete':
    case 'hover':
    case 'prepareRename':
    case 'definition':
      return isPosition(x);
    case 'rename':
      return isPosition(x) && typeof x.newName === 'string';
    case 'references':
      return isPosition(x) && typeof x.includeDeclaration === 'boolean';
    case 'fixes':
      return (
        Array.isArray(x.diagnostics) &&
        x.diagnostics.every((d: unknown) => {
          if (typeof d !== 'object' || d === null) return false;
          const y = d as Record<string, unknown>;
          return (y.code === undefined || typeof y.code === 'string') && typeof y.message === 'string' && isRange4(y.range);
        })
      );
    default:
      return false;
  }
}

/** Whether an answer has the shape of its kind (checked at the top level; it comes from our own worker). */
export function isLanguageAnswer(a: unknown): a is LanguageAnswer {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as Record<string, unknown>;
  switch (x.kind) {
    case 'complete':
      return Array.isArray(x.entries);
    case 'hover':
      return x.hover === undefined || (typeof x.hover === 'object' && x.hover !== null);
    case 'fixes':
      return Array.isArray(x.fixes);
    case 'prepareRename':
    case 'rename':
      return typeof x.result === 'object' && x.result !== null;
    case 'definition':
      return Array.isArray(x.targets) && (x.origin === undefined || isRange4(x.origin));
    case 'references':
      return x.references === undefined || Array.isArray(x.references);
    default:
      return false;
  }
}

/** Answers a query about an analysed text (never throws for a well-formed query: the core functions do not). */
export function answerQuery(s: QuerySubject, q: LanguageQuery): LanguageAnswer {
  const range = (span: Span): LineRange4 => {
    const a = s.lines.position(span.start);
    const b = s.lines.position(span.end);
    return [a.line, a.character, b.line, b.character];
  };
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
