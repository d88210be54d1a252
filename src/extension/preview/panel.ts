/**
 * One preview panel: a webview showing the swimlane diagram of one BizFlow
 * document. Its HTML is set once; every update after that is a message.
 */
import * as vscode from 'vscode';
import type { Analysis, AnalysisService } from '../analysis';
import {
  EXTENSION_REQUEST_PARAMS,
  isFromWebview,
  WEBVIEW_REQUEST_RESULTS,
  type ExtensionRequests,
  type FromWebview,
  type DiffSource,
  type PersistedDiff,
  type PreviewMode,
  type PreviewState,
  type RenderModel,
  type RenderOutcome,
  type ToWebview,
  type WebviewRequests,
} from '../../shared/protocol';
import { createRequester, serveRequests, type Requester } from '../../shared/rpc';
import { localResourceRoots, previewHtml } from './html';
import { diagnosticsOfStep, sameHighlight, type HighlightTarget, type RenderParts } from '../../shared/preview-render';
import type { DiffBefore, RenderQueryOptions } from '../../shared/language-query-protocol';
import { answerPreviewQuery } from '../../shared/preview-queries';
import { previewTitle, texts } from './strings';
import { webviewStrings } from './webview-strings';

/** The check of a restored panel's state (here, so that it loads with the preview chunk). */
export { isPreviewState } from '../../shared/protocol';
import { readSettings } from '../settings';
import type { Locale } from '../../core/types';

/** What the manager (main bundle) takes from this chunk besides the panel. */
export { exportFileName } from '../../shared/preview-render';
export { answerPreviewQuery } from '../../shared/preview-queries';

/** `bizflow.preview.direction`: `LR` (default) or `TB`. */
export function previewDirection(scope?: vscode.Uri): 'LR' | 'TB' {
  return vscode.workspace.getConfiguration('bizflow', scope).get<string>('preview.direction', 'LR') === 'TB' ? 'TB' : 'LR';
}

export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  readonly analyses: AnalysisService;
  /**
   * Reads the older version of a diff (its text) again from its source (a
   * restored panel); rejects with a message that says why when it cannot (the
   * file is gone, the revision unknown, comparisons not available here).
   */
  loadDiff(resource: vscode.Uri, source: DiffSource): Promise<string>;
  /** The webview asked for a command (toolbar buttons). */
  runCommand(preview: BizflowPreview, command: 'exportSvg' | 'exportPng' | 'copyMermaid' | 'toggleLock' | 'showProblems'): void;
  /** The panel became active / was closed. */
  onDidChangeViewState(preview: BizflowPreview): void;
  onDidDispose(preview: BizflowPreview): void;
}

/**
 * A render message was posted (`onDidSendRender`): when the extension host
 * handled it (its `performance.now()`): the analysis arrived, the render
 * model was built, the message was posted.
 */
export interface RenderSent {
  seq: number;
  analysisAt?: number;
  modelAt: number;
  postedAt: number;
}

/** A message from the webview (`onDidReceiveMessage`): valid (and handled), or rejected by `isFromWebview`. */
export type ReceivedMessage = { valid: true; message: FromWebview } | { valid: false };

/** A render message sent to the webview, kept for what the webview may ask about it later. */
interface SentRender {
  uri: string;
  parts: RenderParts;
}

/** How many sent renders are kept besides the one on screen (renders the webview may still be drawing). */
const KEEP_SENT_RENDERS = 3;

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The outcome of a render, with the document it was about. */
export type Rendered = RenderOutcome & { uri: string; version: number };

export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

export class BizflowPreview implements vscode.Disposable {
  private _resource: vscode.Uri;
  private _locked: boolean;
  private _role: string | undefined;
  private _onlyConflictLanes: boolean;
  /** What the picture shows: today, after the requirements, or the diff loaded (`_diff`). */
  private _mode: PreviewMode;
  /**
   * The older version of a "Compare with…" (for this document), while loaded: its text, parsed by whoever
   * renders the diff (the analysis worker; the host without one).
   */
  private _diff: { uri: string; text: string; label: string; source?: DiffSource } | undefined;
  /** A diff of a restored panel, to read again from its source before the first render. */
  private restoringDiff: PersistedDiff | undefined;
  /** Why a restored diff could not be read again (shown in the banner until the view changes). */
  private diffProblem: string | undefined;
  /** The read of `restoringDiff` under way. */
  private diffLoading: Promise<void> | undefined;
  private ready = false;
  private disposed = false;
  /** A render is owed (the panel was hidden or the webview not ready). */
  private dirty = true;
  private fitNext = true;
  /** A fit asked for by a render under way (`fitNext` taken when it started), owed by the one that posts. */
  private fitPending = false;
  private seq = 0;
  /** Counts the renders started: an answer for an older one is dropped (a newer render was started). */
  private renderTicket = 0;
  /** The render under way (its model asked of the analysis worker), until it posted or was dropped. */
  private rendering: Promise<void> | undefined;
  /** Counts the highlights asked for: an answer for an older one is dropped. */
  private highlightTicket = 0;
  private prepared = false;
  /** The language of the preview's words (`bizflow.locale`), as its HTML was made with. */
  private locale: Locale;
  private lastHighlight: HighlightTarget | undefined;
  private lastModel: RenderModel | undefined;
  private lastVersion = -1;
  /** The analysis and view the last render message was made from. */
  private lastSent: { analysis: Analysis; role: string | undefined; onlyConflictLanes: boolean; mode: PreviewMode } | undefined;
  private lastOutcome: Rendered | undefined;
  /** The renders sent, by seq (the one on screen and the newer ones), for the webview's requests. */
  private readonly sent = new Map<number, SentRender>();
  /** The seq of the render on screen (its last outcome said `ok`). */
  private drawnSeq = 0;
  private readonly renderWaiters = new Set<Waiter<RenderOutcome>>();
  /** Valid messages from the webview (the requests and answers are picked out of them). */
  private readonly messages = new vscode.EventEmitter<FromWebview>();
  private readonly receivedMessage = new vscode.EventEmitter<ReceivedMessage>();
  private readonly sentRender = new vscode.EventEmitter<RenderSent>();
  /** Every message from the webview, valid or not (for tests: nothing unexpected arrives). */
  readonly onDidReceiveMessage = this.receivedMessage.event;
  /** A render message was posted (for benchmarks: where the extension host's time went). */
  readonly onDidSendRender = this.sentRender.event;
  /** Questions to the webview: an export, and what tests ask (`inspect`, `simulate`). */
  readonly requests: Requester<WebviewRequests>;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PreviewHost,
    state: PreviewState,
  ) {
    this._resource = vscode.Uri.parse(state.uri);
    this._locked = state.locked;
    this._role = state.role;
    this._onlyConflictLanes = !!state.onlyConflictLanes;
    this._mode = state.mode ?? 'written';
    this.restoringDiff = state.diff;
    // a restored panel keeps its zoom and pan
    this.fitNext = !state.view;
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: localResourceRoots(host.extensionUri),
    };
    panel.iconPath = {
      light: vscode.Uri.joinPath(host.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(host.extensionUri, 'media', 'preview-dark.svg'),
    };
    this.updateTitle();
    // set once: later updates are messages
    this.locale = readSettings(this._resource).locale;
    panel.webview.html = previewHtml(panel.webview, host.extensionUri, { state, strings: webviewStrings(this.locale) });
    this.requests = createRequester<WebviewRequests>({
      post: (m) => this.post(m),
      onMessage: (l) => this.messages.event(l),
      timeoutMessage: () => texts.timeout(),
      results: WEBVIEW_REQUEST_RESULTS,
    });
    this.disposables.push(
      this.messages,
      this.receivedMessage,
      this.sentRender,
      serveRequests<ExtensionRequests>({
        post: (m) => this.post(m),
        onMessage: (l) => this.messages.event(l),
        params: EXTENSION_REQUEST_PARAMS,
        handlers: {
          getStepDetails: ({ uri, seq, stepId }) => {
            const sent = this.sent.get(seq);
            return { diagnostics: (sent && sent.uri === uri ? diagnosticsOfStep(sent.parts, stepId) : undefined) ?? [] };
          },
        },
      }),
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.dirty) void this.refresh();
        host.onDidChangeViewState(this);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  static create(host: PreviewHost, resource: vscode.Uri, column: vscode.ViewColumn, locked: boolean): BizflowPreview {
    const panel = vscode.window.createWebviewPanel(
      'bizflow.preview',
      previewTitle(fileNameOf(resource), locked),
      { viewColumn: column, preserveFocus: true },
      {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        // Mermaid layouts of big processes take seconds: keep the drawing while the tab is hidden
        retainContextWhenHidden: true,
        localResourceRoots: localResourceRoots(host.extensionUri),
      },
    );
    return new BizflowPreview(panel, host, { uri: resource.toString(), locked });
  }

  /** A panel restored after a window reload (see the serializer). */
  static revive(host: PreviewHost, panel: vscode.WebviewPanel, state: PreviewState): BizflowPreview {
    return new BizflowPreview(panel, host, state);
  }

  get resource(): vscode.Uri {
    return this._resource;
  }

  get locked(): boolean {
    return this._locked;
  }

  get role(): string | undefined {
    return this._role;
  }

  get onlyConflictLanes(): boolean {
    return this._onlyConflictLanes;
  }

  /** What the picture shows (`diff` only while a diff of this document is loaded). */
  get mode(): PreviewMode {
    return this._mode === 'diff' && !this.diffOfResource() ? 'written' : this._mode;
  }

  /** The loaded diff, if it is about the document shown. */
  private diffOfResource(): { text: string; label: string; source?: DiffSource } | undefined {
    return this._diff && this._diff.uri === this._resource.toString() ? this._diff : undefined;
  }

  /** The loaded diff as kept with the panel's state (its source and name), if it can be read again. */
  private persistedDiff(): PersistedDiff | undefined {
    const d = this.diffOfResource();
    return d?.source ? { source: d.source, label: d.label } : undefined;
  }

  /**
   * A restored panel's diff, read again from its source (once, before the
   * first render); when it cannot be, the file as written and why.
   */
  private restoreDiff(uri: vscode.Uri): Promise<void> {
    const pending = this.restoringDiff;
    if (!pending) return Promise.resolve();
    // one read, however many refreshes wait for it; renders wait until it is done (onAnalysis)
    return (this.diffLoading ??= (async () => {
      try {
        const text = await this.host.loadDiff(uri, pending.source);
        if (this.disposed || !this.matches(uri) || this._diff || this.restoringDiff !== pending) return;
        this._diff = { uri: uri.toString(), text, label: pending.label, source: pending.source };
      } catch (e) {
        if (this.disposed || this._diff || this.restoringDiff !== pending) return;
        this.diffProblem = texts.diffNotRestored(pending.label, e instanceof Error ? e.message : String(e), this.locale);
        if (this._mode === 'diff') this._mode = 'written';
      } finally {
        if (this.restoringDiff === pending) this.restoringDiff = undefined;
        this.diffLoading = undefined;
      }
    })());
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The render model last sent to the webview. */
  get model(): RenderModel | undefined {
    return this.lastModel;
  }

  /** What the webview drew last. */
  get rendered(): Rendered | undefined {
    return this.lastOutcome;
  }

  /** The seq of the last render message posted. */
  get renderSeq(): number {
    return this.seq;
  }

  matches(uri: vscode.Uri): boolean {
    return this._resource.toString() === uri.toString();
  }

  private updateTitle(): void {
    this.panel.title = previewTitle(fileNameOf(this._resource), this._locked);
  }

  setLocked(locked: boolean): void {
    if (this._locked === locked) return;
    this._locked = locked;
    this.updateTitle();
    this.post({ type: 'lock', uri: this._resource.toString(), version: this.lastVersion, locked });
  }

  /** Shows another document (a following preview, or a renamed file). */
  setResource(uri: vscode.Uri): void {
    if (this.matches(uri)) return;
    this._resource = uri;
    this._role = undefined;
    this.prepared = false;
    this.lastHighlight = undefined;
    this.lastVersion = -1;
    this.updateTitle();
    void this.refresh({ fit: true });
  }

  setRole(role: string | undefined): Promise<void> {
    this._role = role;
    return this.refresh({ fit: true });
  }

  /** Shows the file as written, today's picture, the one after the requirements, or the loaded diff (`diff` without one: as written). */
  setMode(mode: PreviewMode): Promise<void> {
    this._mode = mode === 'diff' && !this.diffOfResource() ? 'written' : mode;
    this.diffProblem = undefined;
    return this.refresh({ fit: true });
  }

  /**
   * Loads a diff of the document shown against an older version (`before`: its
   * text; the "BizFlow: Compare with…" command) and shows it; the toolbar's other
   * views ("As written", …) leave it, its diff button shows it again.
   */
  showDiff(before: string, label: string, source?: DiffSource): Promise<void> {
    this._diff = { uri: this._resource.toString(), text: before, label, ...(source ? { source } : {}) };
    this.restoringDiff = undefined;
    this.diffProblem = undefined;
    this._mode = 'diff';
    this.lastSent = undefined;
    return this.refresh({ fit: true });
  }

  setOnlyConflictLanes(value: boolean): Promise<void> {
    this._onlyConflictLanes = value;
    return this.refresh({ fit: true });
  }

  /**
   * The preview's settings changed (`bizflow.locale`, `bizflow.preview.direction`):
   * a new language reloads the webview with its words; a new direction redraws.
   */
  settingsChanged(): void {
    const locale = readSettings(this._resource).locale;
    if (locale !== this.locale) {
      this.locale = locale;
      this.ready = false;
      this.dirty = true;
      this.lastSent = undefined;
      const state: PreviewState = {
        uri: this._resource.toString(),
        locked: this._locked,
        ...(this._role !== undefined ? { role: this._role } : {}),
        onlyConflictLanes: this._onlyConflictLanes,
        mode: this._mode,
        ...(this.persistedDiff() ? { diff: this.persistedDiff() } : {}),
      };
      this.panel.webview.html = previewHtml(this.panel.webview, this.host.extensionUri, { state, strings: webviewStrings(locale) });
      this.updateTitle();
      return;
    }
    this.lastSent = undefined;
    void this.refresh();
  }

  private async document(): Promise<vscode.TextDocument> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this._resource.toString());
    return open ?? (await vscode.workspace.openTextDocument(this._resource));
  }

  /** Re-analyses (cached by version) and re-renders. */
  async refresh(opts: { fit?: boolean } = {}): Promise<void> {
    if (opts.fit) this.fitNext = true;
    if (this.disposed) return;
    if (!this.ready || !this.panel.visible) {
      this.dirty = true;
      return;
    }
    const uri = this._resource;
    try {
      if (!this.prepared) {
        await this.host.analyses.prepare(uri);
        this.prepared = true;
      }
      await this.restoreDiff(uri);
      const doc = await this.document();
      if (!this.matches(uri) || this.disposed) return;
      // in the worker when there is one (shared with the diagnostics' analysis of this version)
      const a = await this.host.analyses.analyzeInBackground(doc.uri, doc.getText(), doc.version);
      if (!this.matches(uri) || this.disposed) return;
      if (!a) {
        // a newer edit superseded it: its analysis, published, renders
        this.dirty = true;
        return;
      }
      await this.render(a);
    } catch (e) {
      if (!this.matches(uri)) return;
      this.renderProblem(e instanceof Error ? e.message : String(e));
    }
  }

  /** A fresh analysis was published (debounced while typing). */
  onAnalysis(a: Analysis): void {
    const at = performance.now();
    if (!this.matches(a.uri) || this.disposed) return;
    // out of date: the document moved on since this analysis was made
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === a.uri.toString());
    if (doc && a.version >= 0 && doc.version !== a.version) return;
    if (a.version >= 0 && a.version < this.lastVersion) return;
    // a restored diff is being read again: the refresh reading it renders next
    if (!this.ready || !this.panel.visible || this.restoringDiff) {
      this.dirty = true;
      return;
    }
    void this.render(a, at);
  }

  /**
   * Renders an analysis: its render model is prepared in the analysis worker (the `render` query, from the
   * analysis the worker keeps: the host never builds the model for it), then posted. Resolves when it was
   * posted or dropped: a newer render was started meanwhile, the document moved on, or the panel closed.
   */
  private render(a: Analysis, analysisAt?: number): Promise<void> {
    // the same analysis and view as sent last (a document opened: the preview's own render, then the
    // diagnostics' publish of the same analysis): a second message would only restart the webview's drawing
    const last = this.lastSent;
    const mode = this.mode;
    if (
      last &&
      last.analysis === a &&
      last.role === this._role &&
      last.onlyConflictLanes === this._onlyConflictLanes &&
      last.mode === mode &&
      !this.dirty &&
      !this.fitNext
    ) {
      return this.rendering ?? Promise.resolve();
    }
    this.lastSent = { analysis: a, role: this._role, onlyConflictLanes: this._onlyConflictLanes, mode };
    const ticket = ++this.renderTicket;
    this.dirty = false;
    this.fitPending ||= this.fitNext;
    this.fitNext = false;
    const current = () => ticket === this.renderTicket && !this.disposed;
    const promise = this.prepare(a, mode)
      .then(
        (parts) => {
          if (!current()) return; // a newer render was started (it owes the fit), or the panel closed
          if (!parts) {
            // the document moved on before the worker got to it: the newer analysis renders (or the next refresh)
            this.lastSent = undefined;
            this.dirty = true;
            this.fitNext ||= this.fitPending;
            this.fitPending = false;
            return;
          }
          this.send(a, parts, analysisAt);
        },
        (e: unknown) => {
          if (current()) this.renderProblem(e instanceof Error ? e.message : String(e));
        },
      )
      .finally(() => {
        if (this.rendering === promise) this.rendering = undefined;
      });
    this.rendering = promise;
    return promise;
  }

  /**
   * The render parts of an analysis in the view shown, from the worker (`render` query; `undefined` when the
   * document moved on first); a diff sends the older version's text along, parsed in the worker.
   */
  private async prepare(a: Analysis, mode: PreviewMode): Promise<RenderParts | undefined> {
    const options = this.renderOptions(fileNameOf(a.uri), mode);
    const diff = this.diffShown(mode);
    const answer = await this.host.analyses.queryAnalysis(a, { kind: 'render', options, ...(diff ? { diff } : {}) }, undefined, answerPreviewQuery);
    const loaded = this.diffOfResource();
    if (answer && loaded && !diff) answer.parts.model.diffWith = loaded.label; // the diff loaded, not shown: its button
    return answer?.parts;
  }

  /** The older version to compare with when the view shown is the diff. */
  private diffShown(mode: PreviewMode): DiffBefore | undefined {
    const d = this.diffOfResource();
    return d && mode === 'diff' ? { text: d.text, label: d.label } : undefined;
  }

  /** Posts a render prepared from analysis `a`, and the highlight of the cursor on it. */
  private send(a: Analysis, parts: RenderParts, analysisAt?: number): void {
    const model = parts.model;
    if (this.diffProblem) model.notices.unshift(this.diffProblem);
    if (this._role !== undefined && model.role === undefined) this._role = undefined; // not in this file
    const seq = ++this.seq;
    this.sent.set(seq, { uri: a.uri.toString(), parts });
    this.pruneSent();
    this.lastModel = model;
    this.lastVersion = a.version;
    const fit = this.fitPending;
    this.fitPending = false;
    const modelAt = performance.now();
    this.post({
      type: 'render',
      uri: a.uri.toString(),
      version: a.version,
      seq,
      model,
      fit,
      locked: this._locked,
      ...(this.persistedDiff() ? { diff: this.persistedDiff() } : {}),
    });
    this.sentRender.fire({ seq, analysisAt, modelAt, postedAt: performance.now() });
    // the highlight follows the cursor of the editor showing this document
    this.lastHighlight = undefined;
    const editor = vscode.window.activeTextEditor;
    if (editor && this.matches(editor.document.uri)) this.highlightFrom(editor, a);
  }

  /**
   * The render options of the view shown (role, lane filter, mode), in the preview's language: plain data for
   * the worker, the notices as templates (the `{0}`s kept by the lookup, filled by the render).
   */
  private renderOptions(fileName: string, mode: PreviewMode): RenderQueryOptions {
    const locale = this.locale;
    return {
      ...(this._role !== undefined ? { role: this._role } : {}),
      onlyConflictLanes: this._onlyConflictLanes,
      fileName,
      direction: previewDirection(this._resource),
      locale,
      mode,
      texts: {
        noConflicts: texts.noConflicts(locale),
        unknownRole: texts.unknownRole('{0}', locale),
        roleChanges: texts.roleChanges('{0}', locale),
        roleChangeCounts: texts.roleChangeCounts('{0}', '{1}', '{2}', '{3}', locale),
        roleNoChange: texts.roleNoChange('{0}', locale),
        diffShown: texts.diffShown('{0}', locale),
        todayLeftOut: texts.todayLeftOut('{0}', locale),
      },
    };
  }

  private renderProblem(message: string): void {
    const model: RenderModel = {
      title: fileNameOf(this._resource),
      mermaid: '',
      steps: [],
      lanes: [],
      roles: [],
      onlyConflictLanes: this._onlyConflictLanes,
      conflictCounts: { error: 0, warning: 0 },
      problems: [{ message: texts.openFailed(message), line: 1, column: 1 }],
      notices: [],
    };
    this.lastModel = model;
    this.lastSent = undefined;
    this.dirty = false;
    this.post({ type: 'render', uri: this._resource.toString(), version: -1, seq: ++this.seq, model, fit: true, locked: this._locked });
  }

  /** Forgets the sent renders that can no longer be asked about: older than the one on screen, beyond a few. */
  private pruneSent(): void {
    for (const seq of [...this.sent.keys()]) if (seq < this.drawnSeq) this.sent.delete(seq);
    // beyond a few renders the webview has not drawn yet, the oldest go (never the one on screen)
    for (const seq of [...this.sent.keys()]) {
      if (this.sent.size <= KEEP_SENT_RENDERS + 1) break;
      if (seq !== this.drawnSeq) this.sent.delete(seq);
    }
  }

  /**
   * Highlights what the cursor of `editor` is on (an analysis of the same version is needed), asked of the
   * analysis worker (`highlight`); dropped when the cursor or the document moved on before the answer.
   */
  highlightFrom(editor: vscode.TextEditor, analysis?: Analysis): void {
    if (!this.matches(editor.document.uri) || !this.ready) return;
    const a = analysis ?? this.host.analyses.peek(editor.document.uri);
    if (!a || a.version !== editor.document.version) return; // a render with the fresh analysis follows
    const { line, character } = editor.selection.active;
    const ticket = ++this.highlightTicket;
    this.host.analyses.queryAnalysis(a, { kind: 'highlight', line, character }, undefined, answerPreviewQuery).then(
      (answer) => {
        if (!answer || ticket !== this.highlightTicket || this.disposed || !this.matches(a.uri) || editor.document.version !== a.version) return;
        const target = answer.target;
        if (sameHighlight(this.lastHighlight, target)) return;
        this.lastHighlight = target;
        this.post({ type: 'highlight', uri: a.uri.toString(), version: a.version, ...target });
      },
      () => undefined, // a highlight is not worth a message: the next cursor move asks again
    );
  }

  /**
   * The Mermaid source as shown (role view, lane filter and view applied, no size limit), computed fresh in
   * the worker (the `mermaid` query) from its analysis of the document's current version.
   */
  async mermaidSource(): Promise<string> {
    const doc = await this.document();
    const mode = this.mode;
    const diff = this.diffShown(mode);
    const q = { kind: 'mermaid' as const, options: this.renderOptions(fileNameOf(doc.uri), mode), ...(diff ? { diff } : {}) };
    return (await this.host.analyses.queryNow(doc, q, answerPreviewQuery)).text;
  }

  // ------------------------------------------------------------ messages --

  private post(msg: ToWebview): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(msg);
  }

  private onMessage(raw: unknown): void {
    if (!isFromWebview(raw)) {
      this.receivedMessage.fire({ valid: false });
      return;
    }
    const msg = raw;
    this.receivedMessage.fire({ valid: true, message: msg });
    // requests and answers: see the requester and the server made in the constructor
    this.messages.fire(msg);
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.dirty = true;
        this.lastHighlight = undefined;
        void this.refresh({ fit: this.fitNext });
        break;
      case 'rendered': {
        if (msg.uri !== this._resource.toString()) return; // about a document this panel no longer shows
        const outcome = msg.outcome;
        if (outcome.status === 'ok') {
          this.drawnSeq = Math.max(this.drawnSeq, outcome.seq);
          this.pruneSent();
        }
        this.lastOutcome = { ...outcome, uri: msg.uri, version: msg.version };
        for (const w of [...this.renderWaiters]) {
          if (w.accept(outcome)) {
            clearTimeout(w.timer);
            this.renderWaiters.delete(w);
            w.resolve(outcome);
          }
        }
        break;
      }
      case 'openStep':
        if (msg.uri === this._resource.toString()) void this.revealStep(msg.stepId);
        break;
      case 'setRole':
        if (msg.uri === this._resource.toString()) void this.setRole(msg.role);
        break;
      case 'setOnlyConflictLanes':
        if (msg.uri === this._resource.toString()) void this.setOnlyConflictLanes(msg.value);
        break;
      case 'setMode':
        if (msg.uri === this._resource.toString()) void this.setMode(msg.mode);
        break;
      case 'runCommand':
        this.host.runCommand(this, msg.command);
        break;
    }
  }

  /** The diagram as SVG text or PNG bytes (base64), drawn by the webview. */
  async exportImage(format: 'svg' | 'png', scale = 2, timeoutMs = 60_000): Promise<string> {
    const outcome = await this.waitForRender({ timeoutMs });
    if (outcome.status !== 'ok' && outcome.status !== 'kept') throw new Error(outcome.error ?? outcome.status);
    const keepThemeColors = vscode.workspace.getConfiguration('bizflow', this._resource).get<boolean>('export.keepThemeColors', false) === true;
    const { data } = await this.requests.request('export', { format, scale, keepThemeColors }, timeoutMs);
    if (!data) throw new Error('empty');
    return data;
  }

  /** View command: zoom in, out, fit or 100 %. */
  view(action: 'zoomIn' | 'zoomOut' | 'fit' | 'reset'): void {
    this.post({ type: 'view', uri: this._resource.toString(), version: this.lastVersion, action });
  }

  /**
   * Resolves with the outcome of the latest render request (and `accept`,
   * when given). Renders requested later are waited for too.
   */
  waitForRender(opts: { timeoutMs?: number; accept?: (r: RenderOutcome) => boolean } = {}): Promise<RenderOutcome> {
    const { timeoutMs = 30_000, accept = () => true } = opts;
    const ok = (r: RenderOutcome) => r.seq >= this.seq && this.seq > 0 && accept(r);
    const last = this.lastOutcome;
    if (last && last.uri === this._resource.toString() && ok(last) && !this.dirty && !this.rendering) return Promise.resolve(last);
    if (this.dirty && this.ready && this.panel.visible) void this.refresh();
    return new Promise<RenderOutcome>((resolve, reject) => {
      const w: Waiter<RenderOutcome> = {
        accept: ok,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.renderWaiters.delete(w);
          const have = this.lastOutcome ? `${this.lastOutcome.status} seq ${this.lastOutcome.seq}/${this.seq}` : 'no outcome';
          reject(new Error(`the preview of ${fileNameOf(this._resource)} did not render within ${timeoutMs} ms (${have})`));
        }, timeoutMs),
      };
      this.renderWaiters.add(w);
    });
  }

  // ------------------------------------------------------------ navigation --

  /**
   * Reveals and selects a step's key in an editor (clicking a node): where it is, asked of the worker (the
   * `stepKey` query, from its analysis of the document's current version).
   */
  async revealStep(stepId: string): Promise<vscode.TextEditor | undefined> {
    const doc = await this.document();
    const key = (await this.host.analyses.queryNow(doc, { kind: 'stepKey', stepId }, answerPreviewQuery)).range;
    if (!key) {
      void vscode.window.showWarningMessage(texts.stepGone(stepId));
      return undefined;
    }
    const range = new vscode.Range(key[0], key[1], key[2], key[3]);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
    const column =
      visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: column,
      preserveFocus: false,
      preview: false,
      selection: new vscode.Selection(range.start, range.end),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const w of this.renderWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error('the preview was closed'));
    }
    this.renderWaiters.clear();
    this.requests.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.host.onDidDispose(this);
  }
}
