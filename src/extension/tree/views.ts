/**
 * The "BizFlow" activity-bar container: the Roles and Requirements tree views.
 *
 * Both follow the active BizFlow editor (when another kind of editor becomes
 * active they keep the last BizFlow document; with none ever shown they show
 * their welcome content). They refresh on every analysis the AnalysisService
 * publishes for that document and keep their expansion state, because node
 * ids depend only on what the nodes stand for (see core/tree.ts).
 */
import * as vscode from 'vscode';
import type { TreeData, TreeNode } from '../../core/tree';
import type { PackedTree } from '../../core/tree-pack';
import { REQUIREMENT_GROUPINGS, type RequirementGrouping } from '../../core/tree-groupings';
import type { Span } from '../../core/types';
import { MISTAKE_CODES } from '../../core/engine';
import type { Analysis, AnalysisService } from '../analysis';
import { isBizflowDocument, isBizflowUri } from '../settings';
import { wordsFor } from './words';

/**
 * What builds and draws the trees (core/tree.ts, ./present.ts), a chunk of the desktop extension (dist/tree.js),
 * required the first time a tree is built (esbuild.extension.mjs); the web build bundles it inline.
 */
function parts(): typeof import('./parts') {
  return require('./parts') as typeof import('./parts');
}

export const ROLES_VIEW = 'bizflow.roles';
export const REQUIREMENTS_VIEW = 'bizflow.requirements';
export const VIEW_CONTAINER = 'bizflow';
export const PREVIEW_COMMAND = 'bizflow.openPreviewToSide';
export const COMMANDS = {
  reveal: 'bizflow.tree.reveal',
  showInPreview: 'bizflow.tree.showInPreview',
  groupByStatus: 'bizflow.requirements.groupByStatus',
  groupByPriority: 'bizflow.requirements.groupByPriority',
  groupByRole: 'bizflow.requirements.groupByRole',
} as const;
export const CONTEXT_HAS_DOCUMENT = 'bizflow.hasDocument';
export const CONTEXT_GROUPING = 'bizflow.requirementsGrouping';
const GROUPING_KEY = 'bizflow.requirements.grouping';

/** What the trees hold: a node of one build, with the analysis it came from and its parent. */
export interface TreeElement {
  node: TreeNode;
  uri: vscode.Uri;
  analysis: Analysis;
  parent?: TreeElement;
  /** Made when first read (the view shows them): a role's sections from the worker are read then (core/tree-pack.ts). */
  readonly children: TreeElement[];
}

export interface RevealOptions {
  preserveFocus?: boolean;
}

/** The current state of both trees: one build per analysis (and grouping). */
interface Snapshot {
  analysis: Analysis;
  grouping: RequirementGrouping;
  data: TreeData;
  roles: TreeElement[];
  requirements: TreeElement[];
  /** The document does not read (a YAML error or a typing mistake of form): its line (1-based), and whether the trees show the last good build. */
  broken?: { line: number; stale: boolean };
}

/** The first finding that means the file does not read as written: a YAML error or a typing mistake of form. */
function firstBreak(analysis: Analysis): { line: number } | undefined {
  const d = analysis.diagnostics.find((x) => x.code === 'yaml/syntax' || MISTAKE_CODES.has(x.code));
  return d ? { line: analysis.positions.range(d.span).start.line + 1 } : undefined;
}

/** The elements of `nodes`, their children made when first read (a 10,000-step file's trees have ~24,000 nodes). */
function wrap(nodes: readonly TreeNode[], analysis: Analysis, parent?: TreeElement): TreeElement[] {
  return nodes.map((node) => {
    let children: TreeElement[] | undefined;
    const el: TreeElement = {
      node,
      uri: analysis.uri,
      analysis,
      ...(parent ? { parent } : {}),
      get children() {
        return (children ??= wrap(parts().childrenOf(node), analysis, el));
      },
    };
    return el;
  });
}

abstract class BizflowTreeProvider implements vscode.TreeDataProvider<TreeElement> {
  private readonly changed = new vscode.EventEmitter<TreeElement | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly views: TreeViews) {}

  protected abstract roots(s: Snapshot): TreeElement[];

  getChildren(element?: TreeElement): TreeElement[] {
    if (element) return element.children;
    const s = this.views.snapshot;
    return s ? this.roots(s) : [];
  }

  getTreeItem(element: TreeElement): vscode.TreeItem {
    return parts().treeItem(element.node, element, this.views.grouping, wordsFor(element.analysis.locale));
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return element.parent;
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class RolesTreeProvider extends BizflowTreeProvider {
  protected roots(s: Snapshot): TreeElement[] {
    return s.roles;
  }
}

export class RequirementsTreeProvider extends BizflowTreeProvider {
  protected roots(s: Snapshot): TreeElement[] {
    return s.requirements;
  }
}

export class TreeViews implements vscode.Disposable {
  readonly roles: RolesTreeProvider;
  readonly requirements: RequirementsTreeProvider;
  readonly rolesView: vscode.TreeView<TreeElement>;
  readonly requirementsView: vscode.TreeView<TreeElement>;
  private current: Snapshot | undefined;
  private _grouping: RequirementGrouping;
  private followToken = 0;
  /** The worker's packed trees, unpacked once each (a role's sections are read when the role is expanded). */
  private readonly unpackedTrees = new WeakMap<PackedTree, TreeData>();
  /** The trees asked of the worker for an analysis, by grouping (another grouping chosen, then this one again). */
  private readonly asked = new WeakMap<Analysis, Partial<Record<RequirementGrouping, PackedTree>>>();
  /** Counts the shows started: a tree answered for an older one is dropped. */
  private showTicket = 0;
  /** The analysis of the latest show started (its trees may still be on their way). */
  private latest: Analysis | undefined;
  private readonly refreshed = new vscode.EventEmitter<Analysis | undefined>();
  /** Fires after both trees were rebuilt (for tests and other views). */
  readonly onDidRefresh = this.refreshed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyses: AnalysisService,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<string>(GROUPING_KEY);
    this._grouping = (REQUIREMENT_GROUPINGS as readonly string[]).includes(saved ?? '') ? (saved as RequirementGrouping) : 'status';
    this.roles = new RolesTreeProvider(this);
    this.requirements = new RequirementsTreeProvider(this);
    this.rolesView = vscode.window.createTreeView(ROLES_VIEW, { treeDataProvider: this.roles, showCollapseAll: true });
    this.requirementsView = vscode.window.createTreeView(REQUIREMENTS_VIEW, {
      treeDataProvider: this.requirements,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.roles,
      this.requirements,
      this.rolesView,
      this.requirementsView,
      this.refreshed,
      vscode.window.onDidChangeActiveTextEditor((e) => void this.follow(e)),
      analyses.onDidUpdate((a) => this.onAnalysis(a)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (e.closed.length) void this.onTabsClosed();
      }),
      vscode.commands.registerCommand(COMMANDS.reveal, (el?: TreeElement, opts?: RevealOptions) => this.reveal(el, opts)),
      vscode.commands.registerCommand(COMMANDS.showInPreview, (el?: TreeElement) => this.showInPreview(el)),
      vscode.commands.registerCommand(COMMANDS.groupByStatus, () => this.setGrouping('status')),
      vscode.commands.registerCommand(COMMANDS.groupByPriority, () => this.setGrouping('priority')),
      vscode.commands.registerCommand(COMMANDS.groupByRole, () => this.setGrouping('role')),
    );
    analyses.treeGrouping = this._grouping;
    void setContext(CONTEXT_GROUPING, this._grouping);
    void setContext(CONTEXT_HAS_DOCUMENT, false);
    void this.follow(vscode.window.activeTextEditor);
  }

  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  get grouping(): RequirementGrouping {
    return this._grouping;
  }

  /** The grouping remembered in the workspace state (what the next session starts with). */
  get savedGrouping(): RequirementGrouping | undefined {
    return this.state.get<RequirementGrouping>(GROUPING_KEY);
  }

  /** The document the trees show. */
  get document(): vscode.Uri | undefined {
    return this.current?.analysis.uri;
  }

  /** The analysis the trees were built from. */
  get analysis(): Analysis | undefined {
    return this.current?.analysis;
  }

  /** Distinct open conflicts of the document shown (the badge). */
  get conflictCount(): number {
    return this.current?.data.conflicts.counts.total ?? 0;
  }

  async setGrouping(g: RequirementGrouping): Promise<void> {
    if (!REQUIREMENT_GROUPINGS.includes(g)) return;
    this._grouping = g;
    this.analyses.treeGrouping = g;
    await this.state.update(GROUPING_KEY, g);
    await setContext(CONTEXT_GROUPING, g);
    if (this.current) await this.show(this.current.analysis);
    else this.decorate();
  }

  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || !isBizflowDocument(editor.document)) return; // keep the last BizFlow document
    const doc = editor.document;
    const token = ++this.followToken;
    await this.analyses.prepare(doc.uri);
    if (token !== this.followToken || doc.isClosed) return;
    // the diagnostics' analysis of this version (from the worker, with the trees packed): no model built here
    const a = await this.analyses.current(doc);
    if (token !== this.followToken || doc.isClosed) return;
    await this.show(a);
  }

  private onAnalysis(a: Analysis): void {
    const active = vscode.window.activeTextEditor?.document;
    const shown = this.current?.analysis.uri.toString();
    const uri = a.uri.toString();
    if (uri === shown || (active && isBizflowDocument(active) && active.uri.toString() === uri)) {
      // an older analysis of the same document (a late event) must not replace a newer one
      // (nor replace the trees of a newer one still on their way)
      const newest = Math.max(uri === shown ? this.current!.analysis.version : -1, this.latest?.uri.toString() === uri ? this.latest.version : -1);
      if (a.version !== -1 && a.version < newest) return;
      void this.show(a);
    }
  }

  private onClose(doc: vscode.TextDocument): void {
    if (this.current && doc.uri.toString() === this.current.analysis.uri.toString()) void this.onTabsClosed();
  }

  /** When the last tab of the document shown closes, show another open BizFlow document, or the welcome content. */
  private async onTabsClosed(): Promise<void> {
    if (!this.current) return;
    const tabs = textTabs();
    if (tabs.has(this.current.analysis.uri.toString())) return;
    const token = ++this.followToken;
    const docs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const visible = vscode.window.visibleTextEditors.find((e) => isBizflowDocument(e.document) && tabs.has(e.document.uri.toString()));
    let doc = visible?.document;
    if (!doc) {
      for (const [key, uri] of tabs) {
        const known = docs.get(key);
        if (known ? !isBizflowDocument(known) : !isBizflowUri(uri)) continue;
        try {
          doc = known ?? (await vscode.workspace.openTextDocument(uri));
          await this.analyses.prepare(doc.uri);
        } catch {
          doc = undefined;
        }
        break;
      }
    }
    if (token !== this.followToken) return; // the user moved on meanwhile
    if (!doc || doc.isClosed) return this.clear();
    const a = await this.analyses.current(doc);
    if (token === this.followToken && !doc.isClosed) await this.show(a);
  }

  private clear(): void {
    this.showTicket++;
    this.latest = undefined;
    this.update(undefined);
  }

  /**
   * Shows the trees of an analysis. They come from the analysis worker: packed with the diagnostics' analysis
   * while typing, else (an editor switch to an analysis made with another grouping, a new grouping) asked of
   * it (the `tree` query, from the analysis it keeps): the host never builds the model for them. Resolves when
   * shown, or dropped for a newer show.
   */
  private async show(analysis: Analysis): Promise<void> {
    const ticket = ++this.showTicket;
    this.latest = analysis;
    const grouping = this._grouping;
    const broken = firstBreak(analysis);
    const last = this.current;
    if (broken && last && last.analysis.uri.toString() === analysis.uri.toString() && (!last.broken || last.broken.stale)) {
      // keep the last good picture, marked out of date, until the file reads again
      this.update({ ...last, grouping, broken: { line: broken.line, stale: true } });
      return;
    }
    const packed = analysis.packedTree?.grouping === grouping ? analysis.packedTree.data : this.asked.get(analysis)?.[grouping];
    let data = packed && this.unpack(packed);
    if (!data) {
      // without a worker (or if it failed): on the host, from the analysis of that text
      const answer = await this.analyses.queryAnalysis(analysis, { kind: 'tree', grouping }, undefined, (s, q) => parts().answerTreeQuery(s, q));
      // a newer show (or grouping) meanwhile; or the document moved on: its analysis, published, shows
      if (!answer || ticket !== this.showTicket) return;
      this.asked.set(analysis, { ...this.asked.get(analysis), [grouping]: answer.data });
      data = this.unpack(answer.data);
    }
    const roles = wrap(data.roles, analysis);
    const requirements = wrap(data.requirements, analysis);
    this.update({ analysis, grouping, data, roles, requirements, ...(broken ? { broken: { line: broken.line, stale: false } } : {}) });
  }

  private unpack(p: PackedTree): TreeData {
    let t = this.unpackedTrees.get(p);
    if (!t) this.unpackedTrees.set(p, (t = parts().unpackTree(p)));
    return t;
  }

  /** Shows a new state in both trees (none: the welcome content). */
  private update(current: Snapshot | undefined): void {
    this.current = current;
    this.roles.refresh();
    this.requirements.refresh();
    this.decorate();
    this.refreshed.fire(current?.analysis);
  }

  /** Badge, descriptions, messages and context keys for the current state. */
  private decorate(): void {
    const s = this.current;
    void setContext(CONTEXT_HAS_DOCUMENT, !!s);
    if (!s) {
      for (const v of [this.rolesView, this.requirementsView]) v.description = v.message = v.badge = undefined;
      return;
    }
    const w = wordsFor(s.analysis.locale);
    const file = s.analysis.uri.path.split('/').pop() ?? '';
    this.rolesView.description = file;
    this.requirementsView.description = `${file}${' · '}${parts().groupingLabel(w, this._grouping)}`;
    this.rolesView.message = s.roles.length ? undefined : w.t('{0} defines no roles yet.', file);
    this.requirementsView.message = s.requirements.length ? undefined : w.t('{0} has no requirements yet.', file);
    if (s.broken) {
      // the file does not read: say so, never "no roles" / "no requirements" / "no conflicts"
      const why = s.broken.stale
        ? w.t('{0} has a YAML error on line {1}: fix it to see the roles and requirements as they are now. Shown: the last version that could be read (out of date).', file, s.broken.line)
        : w.t('{0} has a YAML error on line {1}: fix it to see the roles and requirements.', file, s.broken.line);
      this.rolesView.message = why;
      this.requirementsView.message = why;
      if (s.broken.stale) {
        this.rolesView.description = `${file} · ${w.t('out of date')}`;
        this.requirementsView.description = `${this.requirementsView.description} · ${w.t('out of date')}`;
      }
    }
    // one definition of "a conflict" (core conflict-count.ts), as in the tree's groups and the CLI summary
    const n = s.data.conflicts.counts.total;
    // one badge for the container: on the requirements view, where the conflicts are listed
    this.requirementsView.badge = n ? { value: n, tooltip: parts().conflictsText(w, n) } : undefined;
  }

  /** Opens the document and selects what the element stands for (its key, or the reference). */
  async reveal(el?: TreeElement, opts: RevealOptions = {}): Promise<vscode.TextEditor | undefined> {
    el ??= this.rolesView.selection[0] ?? this.requirementsView.selection[0];
    if (!el) return undefined;
    const span = spanOf(el.node);
    const doc = await vscode.workspace.openTextDocument(el.uri);
    // the analysis' positions map its own text; the document is that text unless edited since
    const range =
      doc.version === el.analysis.version || doc.getText() === el.analysis.text
        ? el.analysis.positions.range(span ?? { start: 0, end: 0 })
        : new vscode.Range(doc.positionAt(span?.start ?? 0), doc.positionAt(span?.end ?? 0));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === el!.uri.toString());
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn,
      preserveFocus: !!opts.preserveFocus,
      selection: new vscode.Selection(range.start, range.end),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  async showInPreview(el?: TreeElement): Promise<void> {
    const uri = el?.uri ?? this.current?.analysis.uri;
    if (!uri) return;
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes(PREVIEW_COMMAND)) {
      const w = wordsFor(el?.analysis.locale ?? this.current?.analysis.locale ?? 'en');
      void vscode.window.showInformationMessage(w.t('The BizFlow preview is not available.'));
      return;
    }
    await vscode.commands.executeCommand(PREVIEW_COMMAND, uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.current = undefined;
  }
}

/** Sets a context key for `when` clauses. */
function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}

/** The documents that have a text tab open (modified side of diffs), by URI string. */
function textTabs(): Map<string, vscode.Uri> {
  const out = new Map<string, vscode.Uri>();
  for (const g of vscode.window.tabGroups.all) {
    for (const t of g.tabs) {
      const uri = t.input instanceof vscode.TabInputText ? t.input.uri : t.input instanceof vscode.TabInputTextDiff ? t.input.modified : undefined;
      if (uri) out.set(uri.toString(), uri);
    }
  }
  return out;
}

/** Where an element is in the file. */
export function spanOf(node: TreeNode): Span | undefined {
  return 'span' in node ? node.span : undefined;
}
