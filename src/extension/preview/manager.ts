/**
 * The live swimlane preview: commands, the panels, following the active
 * editor, cursor ↔ diagram navigation, export, and restoring panels after a
 * window reload.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import { isBizflowDocument } from '../settings';
import type { DiffSource, PreviewState } from '../../shared/protocol';
import { PREVIEW_VIEW_TYPE } from '../../shared/preview-view-type';
import type { BizflowPreview, PreviewHost } from './panel';
import { texts } from './strings';

export const PREVIEW_COMMANDS = {
  openPreview: 'bizflow.openPreview',
  openPreviewToSide: 'bizflow.openPreviewToSide',
  toggleLock: 'bizflow.togglePreviewLock',
  exportSvg: 'bizflow.exportSvg',
  exportPng: 'bizflow.exportPng',
  copyMermaid: 'bizflow.copyMermaidSource',
} as const;

/** Context keys for menus. */
const CTX_FOCUS = 'bizflow.previewFocus';
const CTX_LOCKED = 'bizflow.previewLocked';

export interface OpenOptions {
  toSide?: boolean;
  locked?: boolean;
}

function asUri(v: unknown): vscode.Uri | undefined {
  return v instanceof vscode.Uri ? v : undefined;
}

/**
 * The preview panel (./panel.ts): a chunk of the desktop extension (dist/preview.js), required when the first
 * preview opens or is restored (esbuild.extension.mjs); the web build bundles it inline.
 */
function panels(): typeof import('./panel') {
  return require('./panel') as typeof import('./panel');
}

export class PreviewManager implements vscode.Disposable, PreviewHost {
  private readonly previews = new Set<BizflowPreview>();
  /** The preview that was active last (for commands run from elsewhere). */
  private lastActive: BizflowPreview | undefined;
  private readonly created = new vscode.EventEmitter<BizflowPreview>();
  private readonly disposables: vscode.Disposable[] = [this.created];
  readonly extensionUri: vscode.Uri;
  /** A preview panel was opened or restored. */
  readonly onDidCreatePreview = this.created.event;
  /** Reads a diff's older version (its text) from its source (set by the desktop entry, where "Compare with…" lives). */
  private diffLoader: ((resource: vscode.Uri, source: DiffSource) => Promise<string>) | undefined;

  constructor(
    context: vscode.ExtensionContext,
    readonly analyses: AnalysisService,
  ) {
    this.extensionUri = context.extensionUri;
    const cmd = (id: string, fn: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, fn);
    this.disposables.push(
      cmd(PREVIEW_COMMANDS.openPreview, (uri) => this.openPreview(asUri(uri), { toSide: false })),
      cmd(PREVIEW_COMMANDS.openPreviewToSide, (uri) => this.openPreview(asUri(uri), { toSide: true })),
      cmd(PREVIEW_COMMANDS.toggleLock, () => this.toggleLock()),
      cmd(PREVIEW_COMMANDS.exportSvg, (target) => this.exportDiagram('svg', asUri(target))),
      cmd(PREVIEW_COMMANDS.exportPng, (target) => this.exportDiagram('png', asUri(target))),
      cmd(PREVIEW_COMMANDS.copyMermaid, () => this.copyMermaid()),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          this.revive(panel, state);
        },
      }),
      analyses.onDidUpdate((a) => {
        for (const p of this.previews) p.onAnalysis(a);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => this.onActiveEditor(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        for (const p of this.previews) if (p.matches(e.textEditor.document.uri)) p.highlightFrom(e.textEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bizflow.locale') || e.affectsConfiguration('bizflow.preview.direction')) for (const p of this.previews) p.settingsChanged();
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) for (const p of this.previews) if (p.matches(f.oldUri)) p.setResource(f.newUri);
      }),
    );
  }

  // ------------------------------------------------------------ panels --

  /** All open previews. */
  get all(): readonly BizflowPreview[] {
    return [...this.previews];
  }

  /** The preview showing `uri` (the active one first). */
  previewFor(uri: vscode.Uri): BizflowPreview | undefined {
    const list = [...this.previews].filter((p) => p.matches(uri));
    return list.find((p) => p.panel.active) ?? list.find((p) => p === this.lastActive) ?? list[0];
  }

  /** The preview a command without arguments is about. */
  activePreview(): BizflowPreview | undefined {
    for (const p of this.previews) if (p.panel.active) return p;
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const p = this.previewFor(editor.document.uri);
      if (p) return p;
    }
    if (this.lastActive && !this.lastActive.isDisposed) return this.lastActive;
    return this.previews.size === 1 ? [...this.previews][0] : undefined;
  }

  private add(p: BizflowPreview): BizflowPreview {
    this.previews.add(p);
    this.lastActive = p;
    this.updateContext();
    this.created.fire(p);
    return p;
  }

  /**
   * Opens (or reveals) a preview of `uri` (default: the active BizFlow
   * editor). An unlocked preview is reused and follows the active editor.
   */
  async openPreview(uri?: vscode.Uri, opts: OpenOptions = {}): Promise<BizflowPreview | undefined> {
    const editor = vscode.window.activeTextEditor;
    const resource = uri ?? (editor && isBizflowDocument(editor.document) ? editor.document.uri : undefined);
    if (!resource) {
      void vscode.window.showInformationMessage(texts.noEditor());
      return undefined;
    }
    const column = opts.toSide
      ? vscode.ViewColumn.Beside
      : (vscode.window.tabGroups.activeTabGroup.viewColumn ?? vscode.ViewColumn.Active);
    const locked = !!opts.locked;
    const existing =
      [...this.previews].find((p) => p.locked && locked && p.matches(resource)) ??
      (!locked ? [...this.previews].find((p) => !p.locked) : undefined) ??
      [...this.previews].find((p) => p.locked && p.matches(resource));
    if (existing) {
      existing.setResource(resource);
      existing.panel.reveal(existing.panel.viewColumn ?? column, true);
      this.lastActive = existing;
      return existing;
    }
    return this.add(panels().BizflowPreview.create(this, resource, column, locked));
  }

  /** Who reads a diff's older version again for a restored panel (the review commands); until disposed. */
  setDiffLoader(loader: (resource: vscode.Uri, source: DiffSource) => Promise<string>): vscode.Disposable {
    this.diffLoader = loader;
    return new vscode.Disposable(() => {
      if (this.diffLoader === loader) this.diffLoader = undefined;
    });
  }

  loadDiff(resource: vscode.Uri, source: DiffSource): Promise<string> {
    return this.diffLoader ? this.diffLoader(resource, source) : Promise.reject(new Error(texts.noDiffLoader()));
  }

  /** Restores a panel after a window reload. */
  revive(panel: vscode.WebviewPanel, state: unknown): BizflowPreview | undefined {
    // the state's check loads with the preview chunk, which a restored panel needs anyway
    const p = panels();
    if (!p.isPreviewState(state)) {
      panel.dispose();
      return undefined;
    }
    return this.add(p.BizflowPreview.revive(this, panel, state as PreviewState));
  }

  toggleLock(preview = this.activePreview()): void {
    if (!preview) {
      void vscode.window.showInformationMessage(texts.noPreview());
      return;
    }
    preview.setLocked(!preview.locked);
    if (!preview.locked) {
      // an unlocked preview follows the active editor: catch up now
      const editor = vscode.window.activeTextEditor;
      if (editor && isBizflowDocument(editor.document)) preview.setResource(editor.document.uri);
    }
    this.updateContext();
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isBizflowDocument(editor.document)) return;
    for (const p of this.previews) if (!p.locked) p.setResource(editor.document.uri);
  }

  // PreviewHost
  runCommand(preview: BizflowPreview, command: 'exportSvg' | 'exportPng' | 'copyMermaid' | 'toggleLock' | 'showProblems'): void {
    switch (command) {
      case 'exportSvg':
      case 'exportPng':
        void this.exportDiagram(command === 'exportSvg' ? 'svg' : 'png', undefined, preview);
        break;
      case 'copyMermaid':
        void this.copyMermaid(preview);
        break;
      case 'toggleLock':
        this.toggleLock(preview);
        break;
      case 'showProblems':
        void vscode.commands.executeCommand('workbench.actions.view.problems');
        break;
    }
  }

  onDidChangeViewState(preview: BizflowPreview): void {
    if (preview.panel.active) this.lastActive = preview;
    this.updateContext();
  }

  onDidDispose(preview: BizflowPreview): void {
    this.previews.delete(preview);
    if (this.lastActive === preview) this.lastActive = undefined;
    this.updateContext();
  }

  private updateContext(): void {
    const active = [...this.previews].find((p) => p.panel.active);
    void vscode.commands.executeCommand('setContext', CTX_FOCUS, !!active);
    void vscode.commands.executeCommand('setContext', CTX_LOCKED, !!active?.locked);
  }

  // ------------------------------------------------------------ export --

  /** The preview to export from: the active one, else one opened for the active editor. */
  private async previewForCommand(): Promise<BizflowPreview | undefined> {
    const p = this.activePreview();
    if (p) return p;
    const editor = vscode.window.activeTextEditor;
    if (editor && isBizflowDocument(editor.document)) return this.openPreview(editor.document.uri, { toSide: true });
    void vscode.window.showInformationMessage(texts.noPreview());
    return undefined;
  }

  /**
   * Exports the diagram as SVG or PNG to `target`, or to a file picked in a
   * save dialog. Returns the written file.
   */
  async exportDiagram(format: 'svg' | 'png', target?: vscode.Uri, preview?: BizflowPreview): Promise<vscode.Uri | undefined> {
    const p = preview ?? (await this.previewForCommand());
    if (!p) return undefined;
    let dest = target;
    if (!dest) {
      const dir = vscode.Uri.joinPath(p.resource, '..');
      dest = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(dir, panels().exportFileName(panels().fileNameOf(p.resource), format, p.role)),
        filters: format === 'svg' ? { [texts.svgFilter()]: ['svg'] } : { [texts.pngFilter()]: ['png'] },
        saveLabel: texts.saveLabel(),
      });
      if (!dest) return undefined;
    }
    try {
      const data = await p.exportImage(format);
      const bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      await vscode.workspace.fs.writeFile(dest, bytes);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(texts.exportFailed(why));
      if (target) throw e; // called with a target (scripts, tests): let the caller see the failure
      return undefined;
    }
    if (!target) void vscode.window.showInformationMessage(texts.exported(dest.scheme === 'file' ? dest.fsPath : dest.toString()));
    return dest;
  }

  /**
   * Copies the Mermaid source of the active preview (or of the active BizFlow editor: the `mermaid` query,
   * answered in the worker).
   */
  async copyMermaid(preview = this.activePreview()): Promise<string | undefined> {
    let text: string | undefined;
    if (preview) {
      text = await preview.mermaidSource();
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isBizflowDocument(editor.document)) {
        void vscode.window.showInformationMessage(texts.noEditor());
        return undefined;
      }
      text = (await this.analyses.queryNow(editor.document, { kind: 'mermaid' }, panels().answerPreviewQuery)).text;
    }
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(texts.copied(), 3000);
    return text;
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    this.previews.clear();
    for (const d of this.disposables) d.dispose();
  }
}
