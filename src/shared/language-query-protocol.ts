/**
 * The language queries' messages (see ./language-queries.ts): types and validators only, so the extension's
 * main bundle (the worker protocol's validation) does not pull in the core's completion, cards and fixes.
 * Besides the language features', the preview's: `render` (what the webview draws, ./preview-render.ts; a diff
 * view's older version sent as text), `highlight` (what the cursor is on), `stepKey` (a clicked node's key) and
 * `mermaid` (the Mermaid source to copy); the views': `tree` and `outline` (./view-queries.ts); and the review
 * commands': `compare`, `roles`, `reviewPack`, `reviewPackMarkdown`, `reviewPackDiagrams`, `reviewPackHtml`
 * (./review-queries.ts), and `reviewPackXlsx`, the one query answered asynchronously (exceljs writes the workbook
 * through promises; `answerReviewPackXlsx` in ./review-queries.ts). All answered in the worker, so the host never
 * builds the model for them.
 */
import type { CompletionEntry } from '../core/completion';
import type { AnalysisResult } from '../core/engine';
import type { LineIndex } from '../core/positions';
import type { SymbolIndex } from '../core/symbols';
import type { PackedOutline } from '../core/outline';
import type { PackedTree } from '../core/tree-pack';
import type { PackDiagrams, ReviewPack } from '../core/review/pack';
import type { PackPictures } from '../core/review/pack-html';
import type { PictureFrame } from '../core/review/pack-pictures';
import type { RequirementGrouping } from '../core/tree-groupings';
import type { Locale } from '../core/types';
import type { HighlightTarget, RenderOptions, RenderParts } from './preview-render';

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
  | ({ kind: 'references'; includeDeclaration: boolean } & QueryPosition)
  | PreviewQuery
  | ViewQuery
  | ReviewQuery
  | XlsxQuery;

/**
 * The preview's queries: `render`, what the webview draws of the analysis with these options (plain data;
 * the diff view sends the older version's text, `diff`, parsed by whoever answers); `highlight`, what the
 * diagram highlights for the cursor at a position; `stepKey`, where a step's key is (clicking a node);
 * `mermaid`, the Mermaid source (the "Copy Mermaid source" command): with `options`, as the preview draws it
 * with no size limit, without, the file's whole diagram as `toMermaid` writes it.
 */
export type PreviewQuery =
  | { kind: 'render'; options: RenderQueryOptions; diff?: DiffBefore }
  | ({ kind: 'highlight' } & QueryPosition)
  | { kind: 'stepKey'; stepId: string }
  | { kind: 'mermaid'; options?: RenderQueryOptions; diff?: DiffBefore };
export type RenderQueryOptions = Omit<RenderOptions, 'diff'>;
/** The older version a diff view compares with: its text and its name. */
export interface DiffBefore {
  text: string;
  label: string;
}

/**
 * The views' queries (./view-queries.ts answers them): the roles & requirements trees, requirements grouped
 * so, packed (src/core/tree-pack.ts); the outline, packed (src/core/outline.ts `packOutline`).
 */
export type TreeQuery = { kind: 'tree'; grouping: RequirementGrouping };
export type OutlineQuery = { kind: 'outline' };
export type ViewQuery = TreeQuery | OutlineQuery;

/**
 * The review commands' queries (./review-queries.ts answers them): `compare`, "BizFlow: Compare with…": the diff
 * by role between an older version (`before`: its text and name) and this text (named `label`), as Markdown;
 * `roles`, the roles (the review pack's role picker); `reviewPack`, the review pack's model (all roles, or
 * `role`'s section), plain data the host renders as xlsx; `reviewPackMarkdown`, that pack rendered as Markdown
 * (with the header's `file` and `generatedOn`); `reviewPackDiagrams`, its swimlanes' Mermaid texts and picture
 * frame (what the host's webview draws); `reviewPackHtml`, the pack rendered as HTML with the `pictures` drawn
 * from those (SVG strings, or why there are none). The host then only handles strings.
 */
export type ReviewQuery =
  | { kind: 'compare'; before: DiffBefore; label: string; role?: string }
  | { kind: 'roles' }
  | { kind: 'reviewPack'; role?: string }
  | ({ kind: 'reviewPackMarkdown' } & PackHeader)
  | { kind: 'reviewPackDiagrams'; role?: string }
  | ({ kind: 'reviewPackHtml'; pictures: PackPictures } & PackHeader);
export const REVIEW_QUERY_KINDS: readonly ReviewQuery['kind'][] = ['compare', 'roles', 'reviewPack', 'reviewPackMarkdown', 'reviewPackDiagrams', 'reviewPackHtml'];

/**
 * "Export Review Pack" as Excel: the review pack (all roles, or `role`'s; the header's `file`) as an xlsx workbook,
 * its bytes. Answered asynchronously (exceljs): not by `answerQuery` but by `answerReviewPackXlsx`
 * (./review-queries.ts) with a workbook maker of the environment's (the desktop worker's: src/worker/node.ts).
 */
export type XlsxQuery = { kind: 'reviewPackXlsx' } & PackHeader;

/** Whether a query is answered asynchronously (the xlsx): `answerQuery` does not answer it. */
export function isAsyncQuery(q: LanguageQuery): q is XlsxQuery {
  return q.kind === 'reviewPackXlsx';
}

/** Which review pack and its header: one role's (or all), the file as the user names it, YYYY-MM-DD. */
export interface PackHeader {
  role?: string;
  file?: string;
  generatedOn?: string;
}

/** Whether a query is one of the review commands' (./review-queries.ts answers them). */
export function isReviewQuery(q: LanguageQuery): q is ReviewQuery {
  return (REVIEW_QUERY_KINDS as readonly string[]).includes(q.kind);
}

export type QueryKind = LanguageQuery['kind'];
export const QUERY_KINDS: readonly QueryKind[] = [
  'complete',
  'hover',
  'fixes',
  'prepareRename',
  'rename',
  'definition',
  'references',
  'render',
  'highlight',
  'stepKey',
  'mermaid',
  'tree',
  'outline',
  'compare',
  'roles',
  'reviewPack',
  'reviewPackMarkdown',
  'reviewPackDiagrams',
  'reviewPackHtml',
  'reviewPackXlsx',
];
export const PREVIEW_QUERY_KINDS: readonly PreviewQuery['kind'][] = ['render', 'highlight', 'stepKey', 'mermaid'];

/** Whether a query is one of the preview's (./preview-queries.ts answers them). */
export function isPreviewQuery(q: LanguageQuery): q is PreviewQuery {
  return q.kind === 'render' || q.kind === 'highlight' || q.kind === 'stepKey' || q.kind === 'mermaid';
}

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
  | { kind: 'references'; references?: { range: LineRange4; isDefinition: boolean }[] }
  | PreviewAnswer
  | TreeAnswer
  | OutlineAnswer
  | ReviewAnswer
  | XlsxAnswer;

export type PreviewAnswer =
  | { kind: 'render'; parts: RenderParts }
  | { kind: 'highlight'; target: HighlightTarget }
  /** No `range`: no step of that id. */
  | { kind: 'stepKey'; range?: LineRange4 }
  | { kind: 'mermaid'; text: string };
export type TreeAnswer = { kind: 'tree'; grouping: RequirementGrouping; data: PackedTree };
export type OutlineAnswer = { kind: 'outline'; data: PackedOutline };
/**
 * `compare`: the Markdown; `roles`: each role's id and name (as written); `reviewPack`: the pack's model;
 * `reviewPackMarkdown`: the pack's Markdown; `reviewPackDiagrams`: its Mermaid texts and picture frame;
 * `reviewPackHtml`: its HTML.
 */
export type ReviewAnswer =
  | { kind: 'compare'; markdown: string }
  | { kind: 'roles'; roles: { id: string; name?: string }[] }
  | { kind: 'reviewPack'; pack: ReviewPack }
  | { kind: 'reviewPackMarkdown'; markdown: string }
  | { kind: 'reviewPackDiagrams'; diagrams: PackDiagrams; frame: PictureFrame }
  | { kind: 'reviewPackHtml'; html: string };
/** `reviewPackXlsx`: the workbook's bytes (transferred from the worker, not copied). */
export type XlsxAnswer = { kind: 'reviewPackXlsx'; xlsx: Uint8Array };

export type AnswerOf<K extends QueryKind> = Extract<LanguageAnswer, { kind: K }>;

/** What a query is answered from: one analysis of one text (`index` may be a getter: built when a query needs it). */
export interface QuerySubject {
  result: AnalysisResult;
  readonly index: SymbolIndex;
  locale: Locale;
  lines: LineIndex;
  /**
   * What answers keep of this analysis for later questions about it, owned by whoever keeps the analysis (the
   * worker's kept analysis of a document); none: nothing kept.
   */
  memo?: QueryMemo;
}

/**
 * What answers keep of one analysis: the last review pack built of it (an HTML export asks twice), and the diff
 * view's older version last parsed (whoever keeps the analyses hands it on to the next version of the document:
 * the older version stays the same while the newer one is typed, and each render would parse it again).
 */
export interface QueryMemo {
  reviewPack?: { role: string | undefined; locale: Locale; pack: ReviewPack };
  diffBefore?: { text: string; result: AnalysisResult };
}

/** What answers a query on the extension host when there is no worker (`answerQuery` or a part of it). */
export type QueryAnswerer<Q extends LanguageQuery> = (s: QuerySubject, q: Q) => LanguageAnswer;
/** The same, or answering through a promise (the xlsx, `answerReviewPackXlsx`): what `AnalysisService.queryNow` takes. */
export type AsyncQueryAnswerer<Q extends LanguageQuery> = (s: QuerySubject, q: Q) => LanguageAnswer | Promise<LanguageAnswer>;

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isRange4 = (x: unknown): x is LineRange4 => Array.isArray(x) && x.length === 4 && x.every(isInt);
const isPosition = (x: { line?: unknown; character?: unknown }) => isInt(x.line) && isInt(x.character);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const optional = (x: unknown, is: (y: unknown) => boolean) => x === undefined || is(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isLimit = (x: unknown) => typeof x === 'number' && !Number.isNaN(x) && x >= 0;
const TEXT_KEYS = new Set(['noConflicts', 'unknownRole', 'roleChanges', 'roleChangeCounts', 'roleNoChange', 'diffShown', 'todayLeftOut']);

/** Whether `x` is a `render` query's options (every field of its type, each optional one absent or well-typed). */
export function isRenderQueryOptions(x: unknown): x is RenderQueryOptions {
  if (!isObject(x) || !isString(x.fileName)) return false;
  const o = x;
  return (
    optional(o.role, isString) &&
    optional(o.onlyConflictLanes, (y) => typeof y === 'boolean') &&
    optional(o.direction, (y) => y === 'LR' || y === 'TB') &&
    optional(o.locale, (y) => y === 'en' || y === 'zh-CN') &&
    optional(o.mode, (y) => y === 'written' || y === 'after' || y === 'today' || y === 'diff') &&
    o.diff === undefined &&
    optional(o.limits, (y) => isObject(y) && isLimit(y.maxTextLength) && isLimit(y.maxEdges) && isLimit(y.maxNodes)) &&
    optional(o.texts, (y) => isObject(y) && Object.entries(y).every(([k, v]) => TEXT_KEYS.has(k) && optional(v, isString)))
  );
}

const isDiffBefore = (x: unknown) => isObject(x) && isString(x.text) && isString(x.label);
const isPackHeader = (x: Record<string, unknown>) => optional(x.role, isString) && optional(x.file, isString) && optional(x.generatedOn, isString);
const isStringRecord = (x: unknown) => isObject(x) && Object.values(x).every(isString);
/** Whether `x` is a review pack's drawn pictures (each SVG string or the error optional). */
export function isPackPictures(x: unknown): x is PackPictures {
  return isObject(x) && optional(x.today, isString) && optional(x.after, isString) && optional(x.roles, isStringRecord) && optional(x.error, isString);
}
const isPackDiagrams = (x: unknown) =>
  isObject(x) && isString(x.today) && isString(x.after) && Array.isArray(x.roles) && x.roles.every((r: unknown) => isObject(r) && isString(r.role) && isString(r.text));
const isPictureFrame = (x: unknown) =>
  isObject(x) && isString(x.title) && (x.locale === 'en' || x.locale === 'zh-CN') && isString(x.today) && isString(x.after) && isStringRecord(x.roles);

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
    case 'highlight':
      return isPosition(x);
    case 'render':
      return isRenderQueryOptions(x.options) && optional(x.diff, isDiffBefore);
    case 'mermaid':
      return optional(x.options, isRenderQueryOptions) && optional(x.diff, isDiffBefore);
    case 'stepKey':
      return isString(x.stepId);
    case 'tree':
      return x.grouping === 'status' || x.grouping === 'priority' || x.grouping === 'role';
    case 'outline':
    case 'roles':
      return true;
    case 'compare':
      return isDiffBefore(x.before) && isString(x.label) && optional(x.role, isString);
    case 'reviewPack':
    case 'reviewPackDiagrams':
      return optional(x.role, isString);
    case 'reviewPackMarkdown':
    case 'reviewPackXlsx':
      return isPackHeader(x);
    case 'reviewPackHtml':
      return isPackHeader(x) && isPackPictures(x.pictures);
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
    case 'render':
      return isObject(x.parts) && isObject(x.parts.model) && x.parts.stepDiagnostics instanceof Map;
    case 'highlight':
      return isObject(x.target) && Array.isArray(x.target.steps) && Array.isArray(x.target.lanes);
    case 'stepKey':
      return optional(x.range, isRange4);
    case 'mermaid':
      return isString(x.text);
    case 'tree':
      return isObject(x.data) && Array.isArray(x.data.roles) && Array.isArray(x.data.roleSections) && Array.isArray(x.data.requirements) && isObject(x.data.conflicts);
    case 'outline':
      return isObject(x.data);
    case 'compare':
      return isString(x.markdown);
    case 'roles':
      return Array.isArray(x.roles) && x.roles.every((r: unknown) => isObject(r) && isString(r.id) && optional(r.name, isString));
    case 'reviewPack':
      return isObject(x.pack) && isObject(x.pack.process) && Array.isArray(x.pack.roles);
    case 'reviewPackMarkdown':
      return isString(x.markdown);
    case 'reviewPackDiagrams':
      return isPackDiagrams(x.diagrams) && isPictureFrame(x.frame);
    case 'reviewPackHtml':
      return isString(x.html);
    case 'reviewPackXlsx':
      return x.xlsx instanceof Uint8Array;
    default:
      return false;
  }
}
