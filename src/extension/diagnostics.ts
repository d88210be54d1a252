/**
 * Live diagnostics: debounced while typing, stale results dropped by document
 * version, whole-workspace lint on start and on file changes.
 */
import * as vscode from 'vscode';
import { lineRangeAt, lineRangeCount, ruleDocUrl, type Diagnostic as CoreDiagnostic } from '../core';
import { TOO_LARGE, tooLargeDiagnostic, type Analysis, type AnalysisService } from './analysis';
import { isBizflowDocument, isBizflowUri, type BizflowSettings } from './settings';

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const BIZFLOW_GLOB = '**/*.{bizflow.yaml,bizflow.yml}';

/** The BizFlow files of the workspace (outside node_modules). */
export function findBizflowFiles(): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(BIZFLOW_GLOB, '**/node_modules/**');
}

/** A file's text as UTF-8, without a byte order mark. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
}

/** `rulesDoc`: the docs/rules.md shipped inside the extension, which the diagnostic codes link to. */
export function toVscodeDiagnostics(a: Analysis, rulesDoc: vscode.Uri): vscode.Diagnostic[] {
  // the worker's line/character ranges, in the order of the spans (each finding's, then its related ones);
  // without them (a synchronous analysis), the text is indexed on the host
  const lines = a.lineRanges && a.lineRanges.length === lineRangeCount(a.diagnostics) * 4 ? a.lineRanges : undefined;
  let k = 0;
  const rangeOf = (span: CoreDiagnostic['span']): vscode.Range => {
    if (!lines) return a.positions.range(span);
    const r = lineRangeAt(lines, k++);
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  };
  // one link per rule code, not one URI parse per finding (a big file has a thousand findings of a few codes)
  const links = new Map<string, vscode.Uri>();
  const doc = rulesDoc.toString();
  const linkOf = (code: string) => links.get(code) ?? links.set(code, vscode.Uri.parse(ruleDocUrl(code, doc))).get(code)!;
  return a.diagnostics.map((d) => {
    const diag = new vscode.Diagnostic(rangeOf(d.span), d.message, SEVERITY[d.severity]);
    diag.source = 'bizflow';
    diag.code = d.code === TOO_LARGE ? d.code : { value: d.code, target: linkOf(d.code) };
    if (d.related?.length) {
      diag.relatedInformation = d.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(a.uri, rangeOf(r.span)), r.message),
      );
    }
    if (d.code === 'data/unused' || d.code === 'role/unused') diag.tags = [vscode.DiagnosticTag.Unnecessary];
    return diag;
  });
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bizflow');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private workspaceRun = 0;

  constructor(
    private readonly analyses: AnalysisService,
    private readonly settings: () => BizflowSettings,
    /** docs/rules.md inside the extension (the diagnostic codes link to it). */
    private readonly rulesDoc: vscode.Uri,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isBizflowDocument(d)) void this.analyses.prepare(d.uri).then(() => this.lintNow(d));
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(BIZFLOW_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.lintFromDisk(u)),
      watcher.onDidChange((u) => this.lintFromDisk(u)),
      watcher.onDidDelete((u) => {
        this.collection.delete(u);
        this.analyses.forget(u);
      }),
    );
  }

  /**
   * Analyse every open BizFlow document again (its listeners, tree and
   * previews, follow) and, with the checks on, lint the workspace's files.
   */
  async refreshAll(): Promise<void> {
    const run = ++this.workspaceRun;
    const s = this.settings();
    if (!s.enable) this.collection.clear();
    const open = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      if (isBizflowDocument(doc)) {
        open.add(doc.uri.toString());
        await this.analyses.prepare(doc.uri);
        this.lintNow(doc);
      }
    }
    if (!s.enable) return;
    // drop diagnostics of files that are neither open nor (with workspace lint) on disk
    if (!s.lintWorkspace) {
      this.collection.forEach((uri) => {
        if (!open.has(uri.toString())) this.collection.delete(uri);
      });
      return;
    }
    const files = await findBizflowFiles();
    for (const uri of files) {
      if (run !== this.workspaceRun) return; // a newer refresh started
      if (!open.has(uri.toString())) await this.lintFromDisk(uri);
    }
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isBizflowDocument(doc)) return;
    const key = doc.uri.toString();
    this.cancel(key);
    const version = doc.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // a newer edit has its own timer; an outdated one is dropped
        if (doc.isClosed || doc.version !== version) return;
        this.lintNow(doc);
      }, this.settings().debounceMs),
    );
  }

  /**
   * Analyse an open document now (in the analysis worker), show its problems
   * (unless the checks are off: `bizflow.enable`) and publish the analysis to
   * the tree and previews, which follow the file either way. An analysis
   * superseded by a newer edit is dropped. Never throws.
   */
  lintNow(doc: vscode.TextDocument): void {
    if (!isBizflowDocument(doc)) return;
    const version = doc.version;
    this.analyses.analyzeInBackground(doc.uri, doc.getText(), version).then(
      (a) => {
        if (!a || doc.isClosed || doc.version !== version || a.version !== version) return; // outdated
        if (this.settings().enable) this.collection.set(doc.uri, toVscodeDiagnostics(a, this.rulesDoc));
        else this.collection.delete(doc.uri);
        this.analyses.publish(a);
      },
      (e) => {
        if (!doc.isClosed && doc.version === version) this.reportCrash(doc.uri, e);
      },
    );
  }

  private async lintFromDisk(uri: vscode.Uri): Promise<void> {
    if (!isBizflowUri(uri) || !this.settings().enable || !this.settings().lintWorkspace) return;
    // an open editor's buffer is the truth for that file
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    let text: string;
    try {
      await this.analyses.prepare(uri);
      // a file over the size limit is not even read
      const limit = this.settings().maxFileSize;
      const { size } = await vscode.workspace.fs.stat(uri);
      if (limit > 0 && size > limit) {
        const t = tooLargeDiagnostic(size, limit, this.settings().locale);
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), t.message, SEVERITY[t.severity]);
        d.source = 'bizflow';
        d.code = t.code;
        this.collection.set(uri, [d]);
        return;
      }
      text = await readText(uri);
    } catch {
      this.collection.delete(uri); // unreadable or gone
      return;
    }
    const opened = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    try {
      // opened while the file was read: the editor's analysis is the one to show
      if (opened()) return;
      const a = await this.analyses.analyzeInBackground(uri, text, -1);
      const doc = opened();
      if (doc) {
        // opened meanwhile: this read may have superseded the open document's analysis (the same file), so
        // analyse the document again (a no-op when its analysis is cached); its result is the one shown
        this.lintNow(doc);
        return;
      }
      if (!a) return; // a newer read of the file superseded this one
      this.collection.set(uri, toVscodeDiagnostics(a, this.rulesDoc));
    } catch (e) {
      this.reportCrash(uri, e);
    }
  }

  /** Drops the pending lint of a document. */
  private cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private onClose(doc: vscode.TextDocument): void {
    this.cancel(doc.uri.toString());
    if (!isBizflowDocument(doc)) return;
    this.collection.delete(doc.uri);
    this.analyses.forget(doc.uri);
    // with workspace lint on, a file of the workspace is still part of its problems (from disk)
    if (doc.uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(doc.uri)) void this.lintFromDisk(doc.uri);
  }

  private reportCrash(uri: vscode.Uri, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      vscode.l10n.t('BizFlow could not analyse this file: {0}', message),
      vscode.DiagnosticSeverity.Warning,
    );
    d.source = 'bizflow';
    this.collection.set(uri, [d]);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
