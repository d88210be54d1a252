/**
 * One place that turns a document into an analysis, memoised by document
 * version and configuration generation, shared by diagnostics, the tree view,
 * the preview and the language features (so they always agree).
 *
 * The ways in:
 * * `analyzeInBackground` (diagnostics while typing, workspace lint) and
 *   `current` (the trees following the active editor): the findings come from
 *   the analysis worker, off the extension host's thread; a newer edit
 *   supersedes an outdated analysis (`undefined`; `current` asks again). The
 *   model is built on the host only when a consumer reads `result` (now: only
 *   the fallbacks below), once per version (`stats.hostModels` counts it).
 * * `query` / `queryNow` (language features: completion, hover, quick fixes,
 *   rename, definition, references; the preview's click on a step and Mermaid
 *   copy; the review commands' diff, roles and pack, and the pack's xlsx, whose host fallback answers through a
 *   promise): answered in the worker from the analysis it keeps of the document
 *   (the diagnostics' analysis of that version), so the host never builds the
 *   model of a big file; without a worker (or if it failed), on the host from
 *   `forText`.
 * * `queryAnalysis` (the preview's `render` and `highlight`, the trees of
 *   another grouping, the outline): the same, about the text and version of an
 *   analysis (the one just published); `queryFile`, about a file read from disk.
 * * `forText` / `forDocument` (the fallback, and tests): synchronous,
 *   reusing the cached analysis of that version, its model built on the host.
 * A file larger than `bizflow.maxFileSize` is not analysed: one finding says why.
 */
import * as vscode from 'vscode';
import { analyze, buildModel, buildSymbolIndex, parseText, type AnalysisResult, type Diagnostic, type Locale, type SymbolIndex } from '../core';
import { pick } from '../core/i18n';
import { sizeOverLimit, utf8Length } from '../core/sizes';
import type { PackedOutline } from '../core/outline';
import type { PackedTree } from '../core/tree-pack';
import type { RequirementGrouping } from '../core/tree-groupings';
import type { AnswerOf, AsyncQueryAnswerer, LanguageQuery, QueryAnswerer } from '../shared/language-query-protocol';
import { nextTask } from '../shared/slices';
import type { AnalysisWorker, CancelSignal } from './analysisWorker';
import { TextPositions } from './convert';
import type { RcConfigService } from './rcConfig';
import type { BizflowSettings } from './settings';

/** An open document's text at one version (`AnalysisService.snapshot`). */
export interface DocumentSnapshot {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly version: number;
}

export interface Analysis {
  uri: vscode.Uri;
  /** Document version, or -1 for text read from disk. */
  version: number;
  text: string;
  locale: Locale;
  /** The findings (available without the model: from the worker). */
  readonly diagnostics: Diagnostic[];
  /**
   * The findings' line/character ranges when the worker computed them (`diagnosticLineRanges`: each
   * diagnostic's span, then its related spans), so showing them never indexes the text on the host.
   */
  readonly lineRanges?: Uint32Array;
  /** The parse, model and findings; built on first use when the findings came from the worker. */
  readonly result: AnalysisResult;
  positions: TextPositions;
  /** Definitions and references, built on first use. */
  readonly symbols: SymbolIndex;
  /**
   * The outline as the worker packed it, when it was asked for (else the outline is made from `result`):
   * unpacked by the language chunk when the editor asks (src/extension/language/symbols.ts `Outlines`).
   */
  readonly packedOutline?: PackedOutline;
  /**
   * The roles & requirements trees as the worker packed them, when it answered them (else the trees build them
   * from `result`): unpacked by the tree chunk when shown (src/core/tree-pack.ts).
   */
  readonly packedTree?: { grouping: RequirementGrouping; data: PackedTree };
}

/** Code of the one finding on a file over the size limit. */
export const TOO_LARGE = 'bizflow/too-large';

/** The one finding of a file over the size limit (`bytes`: its size). */
export function tooLargeDiagnostic(bytes: number, limit: number, locale: Locale): Diagnostic {
  const s = sizeOverLimit(bytes, limit);
  return {
    code: TOO_LARGE,
    severity: 'warning',
    message: pick(locale, {
      en: `This file is not analysed: it is ${s.size}, larger than the limit of ${s.limit} (setting bizflow.maxFileSize).`,
      zh: `未分析此文件：文件大小为 ${s.size}，超过上限 ${s.limit}（设置 bizflow.maxFileSize）。`,
    }),
    span: { start: 0, end: 0 },
  };
}

/**
 * What the worker answers about a document as it is now: asked again (at most five times) while newer edits
 * supersede the answer; after that, or when the worker fails, `onHost`.
 */
async function untilCurrent<T>(ask: () => Promise<T | undefined>, onHost: () => T | Promise<T>): Promise<T> {
  for (let i = 0; i < 5; i++) {
    let a: T | undefined;
    try {
      a = await ask();
    } catch {
      break;
    }
    if (a) return a;
  }
  return onHost();
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, { analysis: Analysis; generation: number }>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<Analysis>();
  /** The background analysis running for a URI, so two consumers of one version share it. */
  private readonly inflight = new Map<string, { version: number; text: string; generation: number; promise: Promise<Analysis | undefined> }>();
  /** URIs whose outline is shown (outline view, breadcrumbs): their background analyses answer it too. */
  private readonly outlineWanted = new Set<string>();
  /**
   * How the trees group requirements (set by the tree views, which follow the active BizFlow document and
   * keep the activity badge): background analyses answer the trees too, so the host does not build the
   * model for them while typing.
   */
  treeGrouping: RequirementGrouping | undefined;
  /** Fires after diagnostics for a document were recomputed (debounced while typing). */
  readonly onDidUpdate = this.changed.event;
  /**
   * For tests: `hostModels`, how many analyses built their parse and model on the extension host's thread
   * (the one VS Code and every extension share): with a worker, only without one for a file, when it failed,
   * or for a consumer that still reads `result` (none in the extension now: the review commands, the views,
   * the preview and workspace symbols of unopened files ask the worker).
   */
  readonly stats = { hostModels: 0 };

  constructor(
    private readonly settings: () => BizflowSettings,
    private readonly rc: RcConfigService,
    /** Where findings are computed off the host's thread; without it, everything is synchronous. */
    private readonly worker?: AnalysisWorker,
  ) {}

  /** Loads what analysing this URI needs (its rc file) before a synchronous `forText`. */
  async prepare(uri: vscode.Uri): Promise<void> {
    if (await this.rc.prime(uri)) this.invalidate();
  }

  /** Forget every cached result (settings or rc files changed). */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.inflight.delete(uri.toString());
    this.outlineWanted.delete(uri.toString());
    this.worker?.forget(uri.toString());
  }

  /**
   * A language feature's question about an open document at its current version (positions and answers in
   * lines and characters). In the worker when there is one: from its kept analysis of this version, so the
   * host neither parses nor indexes the text. `undefined` when the document changed or `token` was cancelled
   * before the worker got to it (VS Code asks again). Without a worker, for a file over the size limit, or
   * when the worker failed: answered on the host from `forText`, as before the worker.
   */
  async query<Q extends LanguageQuery>(
    doc: vscode.TextDocument,
    q: Q,
    token: CancelSignal | undefined,
    /**
     * What answers it on the host (src/shared/language-queries.ts), passed by the providers and the preview (lazily
     * loaded chunks: it brings completion, cards, fixes… or the preview's render).
     */
    answer: AsyncQueryAnswerer<Q>,
  ): Promise<AnswerOf<Q['kind']> | undefined> {
    return this.queryText(doc.uri, this.textOf(doc), doc.version, q, token, answer);
  }

  /**
   * `query` about the text and version of an analysis (the preview asks about the analysis just published,
   * which the worker keeps: it answers without analysing again). `undefined` when a newer version of the
   * document was asked about before the worker got to it.
   */
  queryAnalysis<Q extends LanguageQuery>(a: Analysis, q: Q, token: CancelSignal | undefined, answer: QueryAnswerer<Q>): Promise<AnswerOf<Q['kind']> | undefined> {
    return this.queryText(a.uri, a.text, a.version, q, token, answer);
  }

  /**
   * `query` about a file read from disk (workspace symbols of files not open): in the worker, which then
   * forgets it (it keeps the open documents' analyses for their queries); without one, on the host.
   */
  async queryFile<Q extends LanguageQuery>(uri: vscode.Uri, text: string, q: Q, token: CancelSignal | undefined, answer: QueryAnswerer<Q>): Promise<AnswerOf<Q['kind']> | undefined> {
    const a = await this.queryText(uri, text, -1, q, token, answer);
    this.worker?.forget(uri.toString());
    return a;
  }

  private async queryText<Q extends LanguageQuery>(
    uri: vscode.Uri,
    text: string,
    version: number,
    q: Q,
    token: CancelSignal | undefined,
    answer: AsyncQueryAnswerer<Q>,
  ): Promise<AnswerOf<Q['kind']> | undefined> {
    if (!this.worker || this.oversized(uri, text, version)) return this.answerOnHost(uri, text, version, q, answer);
    const { s, layers } = this.layers();
    const o = await this.worker.query(uri.toString(), version, text, s.locale, layers(uri), q, token);
    if (o.status === 'done') return o.answer;
    if (o.status === 'stale' || token?.isCancellationRequested) return undefined;
    return this.answerOnHost(uri, text, version, q, answer);
  }

  /**
   * The text of an open document at its current version: the one the analysis of that version (running or
   * cached) was made from when there is one, since `getText()` joins every line of the document anew (a
   * 10,000-step file: 2.7 MB per call, several calls per keystroke), else `getText()`.
   */
  private textOf(doc: vscode.TextDocument): string {
    const key = doc.uri.toString();
    const running = this.inflight.get(key);
    if (running && running.version === doc.version) return running.text;
    const hit = this.cache.get(key)?.analysis;
    if (hit && hit.version >= 0 && hit.version === doc.version) return hit.text;
    return doc.getText();
  }

  /** A query answered on the host, from the (cached) synchronous analysis of the text (the xlsx: through a promise). */
  private answerOnHost<Q extends LanguageQuery>(uri: vscode.Uri, text: string, version: number, q: Q, answer: AsyncQueryAnswerer<Q>): AnswerOf<Q['kind']> | Promise<AnswerOf<Q['kind']>> {
    const a = this.forText(uri, text, version);
    // the symbol index only when the query reads it (the preview's do not)
    return answer({ result: a.result, get index() { return a.symbols; }, locale: a.locale, lines: a.positions.lines }, q) as AnswerOf<Q['kind']> | Promise<AnswerOf<Q['kind']>>;
  }

  /**
   * The analysis of an open document at its current version to make its outline from. With the worker, the
   * background analysis of that version (shared with the diagnostics), which packs the outline from the next
   * edit on: the host never builds the model of the file for the outline or the breadcrumbs while typing.
   * `undefined` when a newer edit superseded it (VS Code asks again) or it failed.
   */
  async outlineAnalysis(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    if (!this.worker) return this.forDocument(doc);
    this.outlineWanted.add(doc.uri.toString());
    const a = await this.analyzeInBackground(doc.uri, this.textOf(doc), doc.version).catch(() => undefined);
    // receiving the worker's answer was one task of the host's thread, unpacking the outline is the next one:
    // typing and other extensions get their turn in between (bench/worker-stall.ts --outline)
    if (a) await nextTask();
    return a;
  }

  /**
   * The analysis of an open document at its current version without building its model on the host: the
   * background one (shared with the diagnostics; the worker keeps it for the queries that follow), asked
   * again while newer edits supersede it. Without a worker, or when it failed: `forDocument`.
   */
  current(doc: vscode.TextDocument): Promise<Analysis> {
    return untilCurrent(
      () => this.analyzeInBackground(doc.uri, this.textOf(doc), doc.version),
      () => this.forDocument(doc),
    );
  }

  /**
   * `query` about the document as it is when answered (explicit commands: no cancellation): asked again while
   * newer edits make the answer stale, then on the host (`answer` may answer through a promise there: the xlsx).
   */
  queryNow<Q extends LanguageQuery>(doc: vscode.TextDocument, q: Q, answer: AsyncQueryAnswerer<Q>): Promise<AnswerOf<Q['kind']>> {
    return untilCurrent(
      () => this.query(doc, q, undefined, answer),
      () => this.answerOnHost(doc.uri, doc.getText(), doc.version, q, answer),
    );
  }

  /**
   * An open document's text and version as they are now, for a command whose several queries must all describe
   * that one version (`queryAt`), whatever is typed meanwhile.
   */
  snapshot(doc: vscode.TextDocument): DocumentSnapshot {
    return { uri: doc.uri, text: this.textOf(doc), version: doc.version };
  }

  /**
   * `query` about a snapshot (explicit commands: no cancellation): in the worker while no newer version was asked
   * about, else on the host from the snapshot's text, never about a newer version. The HTML review pack asks twice
   * (the diagrams to draw, then the page with the drawn pictures), and an edit made while the pictures are drawn
   * must not put a newer text beside the older pictures.
   */
  async queryAt<Q extends LanguageQuery>(s: DocumentSnapshot, q: Q, answer: AsyncQueryAnswerer<Q>): Promise<AnswerOf<Q['kind']>> {
    return (await this.queryText(s.uri, s.text, s.version, q, undefined, answer)) ?? this.answerOnHost(s.uri, s.text, s.version, q, answer);
  }

  /** The analysis of an open document at its current version (its model built on the host: see `current`). */
  forDocument(doc: vscode.TextDocument): Analysis {
    return this.forText(doc.uri, doc.getText(), doc.version);
  }

  /** The cached analysis of a URI, if any. */
  peek(uri: vscode.Uri): Analysis | undefined {
    return this.cache.get(uri.toString())?.analysis;
  }

  private cached(key: string, text: string, version: number): Analysis | undefined {
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && hit.analysis.version === version && hit.analysis.text === text) {
      return hit.analysis;
    }
    return undefined;
  }

  private layers() {
    const s = this.settings();
    return { s, layers: (uri: vscode.Uri) => [...(this.rc.layerFor(uri) ? [this.rc.layerFor(uri)!] : []), s.severity] };
  }

  /** An analysis whose model is built on first use (`diagnostics` given, or from that model). */
  private make(
    uri: vscode.Uri,
    text: string,
    version: number,
    locale: Locale,
    build: () => AnalysisResult,
    diagnostics?: Diagnostic[],
    lineRanges?: Uint32Array,
    packedOutline?: PackedOutline,
    packedTree?: { grouping: RequirementGrouping; data: PackedTree },
  ): Analysis {
    let result: AnalysisResult | undefined;
    let symbols: SymbolIndex | undefined;
    const getResult = () => {
      if (!result) {
        result = build();
        if (diagnostics) result = { ...result, diagnostics };
      }
      return result;
    };
    return {
      uri,
      version,
      text,
      locale,
      lineRanges,
      get diagnostics() {
        return diagnostics ?? getResult().diagnostics;
      },
      get result() {
        return getResult();
      },
      positions: new TextPositions(text),
      get symbols() {
        return (symbols ??= buildSymbolIndex(getResult().model));
      },
      // the worker's trees and outline, unpacked by the chunks that show them, when they show them
      ...(packedOutline ? { packedOutline } : {}),
      ...(packedTree ? { packedTree } : {}),
    };
  }

  /** The analysis of a file over the size limit: an empty model and one finding. */
  private oversized(uri: vscode.Uri, text: string, version: number): Analysis | undefined {
    const s = this.settings();
    if (s.maxFileSize <= 0 || text.length <= s.maxFileSize / 3) return undefined; // ≤ 3 bytes per UTF-16 unit
    const bytes = utf8Length(text);
    if (bytes <= s.maxFileSize) return undefined;
    const d = tooLargeDiagnostic(bytes, s.maxFileSize, s.locale);
    return this.make(uri, text, version, s.locale, () => ({ ...analyze('', { locale: s.locale }), diagnostics: [d] }), [d]);
  }

  forText(uri: vscode.Uri, text: string, version: number): Analysis {
    const key = uri.toString();
    const hit = this.cached(key, text, version);
    if (hit) return hit;
    const { s, layers } = this.layers();
    const config = layers(uri);
    const analysis =
      this.oversized(uri, text, version) ??
      this.make(uri, text, version, s.locale, () => {
        this.stats.hostModels++;
        return analyze(text, { locale: s.locale, config });
      });
    void analysis.result; // synchronous callers want the model now
    this.cache.set(key, { analysis, generation: this.generation });
    return analysis;
  }

  /**
   * The findings of a text computed in the worker (synchronously without
   * one). `undefined` when a newer call for the same URI superseded this
   * one. Throws when the analysis failed (a bug, or the worker ran out of memory).
   */
  async analyzeInBackground(uri: vscode.Uri, text: string, version: number): Promise<Analysis | undefined> {
    const key = uri.toString();
    const hit = this.cached(key, text, version);
    if (hit) return hit;
    if (!this.worker) return this.forText(uri, text, version);
    const running = this.inflight.get(key);
    // shared only under the same settings (a change of settings or rc files makes a new analysis)
    if (running && running.version === version && running.text === text && running.generation === this.generation) return running.promise;
    const promise = this.runInBackground(uri, text, version);
    this.inflight.set(key, { version, text, generation: this.generation, promise });
    const done = () => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  private async runInBackground(uri: vscode.Uri, text: string, version: number): Promise<Analysis | undefined> {
    const key = uri.toString();
    if (!this.worker) return this.forText(uri, text, version);
    const generation = this.generation;
    const { s, layers } = this.layers();
    const big = this.oversized(uri, text, version);
    if (big) {
      this.cache.set(key, { analysis: big, generation });
      return big;
    }
    const config = layers(uri);
    const outcome = await this.worker.analyze(key, text, s.locale, config, {
      // an open document's analysis is kept in the worker for the language queries of this version
      ...(version === -1 ? {} : { version }),
      outline: this.outlineWanted.has(key),
      // the trees follow open documents only: a file read from disk (workspace lint, version -1) needs none
      tree: version === -1 ? undefined : this.treeGrouping,
    });
    if (outcome.status === 'superseded') return undefined;
    if (outcome.status === 'failed') throw new Error(outcome.message);
    // a synchronous caller may have analysed this version meanwhile: keep one analysis per version
    const again = this.cached(key, text, version);
    if (again) return again;
    // the findings came from the worker: a consumer that needs the model (tree, preview, language features)
    // builds only the parse and the model on the host, not the rules again
    const modelOnly = (): AnalysisResult => {
      this.stats.hostModels++;
      const parsed = parseText(text);
      return { parsed, model: buildModel(parsed), diagnostics: outcome.diagnostics };
    };
    const analysis = this.make(uri, text, version, s.locale, modelOnly, outcome.diagnostics, outcome.ranges, outcome.outline, outcome.tree);
    if (generation === this.generation) this.cache.set(key, { analysis, generation });
    return analysis;
  }

  /** Announce a fresh analysis to listeners (tree, preview). */
  publish(analysis: Analysis): void {
    this.changed.fire(analysis);
  }

  dispose(): void {
    this.changed.dispose();
    this.cache.clear();
    this.inflight.clear();
    this.worker?.dispose();
  }
}
