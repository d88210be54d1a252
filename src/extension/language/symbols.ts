/**
 * The outline (document symbols, grouped into Roles, Data, Steps and
 * Requirements) and workspace symbols across every BizFlow file: open
 * documents through the AnalysisService, files on disk read once and cached
 * by modification time. Every outline is made by the analysis worker (the
 * `outline` query; on the host only without one).
 */
import * as vscode from 'vscode';
import { limitOutline, unpackOutlineInSlices, type LinedOutlineNode, type OutlineKind, type OutlineSection, type PackedOutline } from '../../core/outline';
import { NODES_PER_SLICE, type Slices } from '../../core/slices';
import { runInSlices } from '../../shared/slices';
import { answerOutlineQuery } from '../../shared/view-queries';
import type { Analysis, AnalysisService } from '../analysis';
import { findBizflowFiles, readText } from '../diagnostics';
import { isBizflowDocument, readSettings } from '../settings';

function groupName(g: OutlineSection): string {
  switch (g) {
    case 'roles':
      return vscode.l10n.t('Roles');
    case 'data':
      return vscode.l10n.t('Data');
    case 'steps':
      return vscode.l10n.t('Steps');
    case 'requirements':
      return vscode.l10n.t('Requirements');
  }
}

function kindName(g: OutlineSection): string {
  switch (g) {
    case 'roles':
      return vscode.l10n.t('role');
    case 'data':
      return vscode.l10n.t('data item');
    case 'steps':
      return vscode.l10n.t('step');
    case 'requirements':
      return vscode.l10n.t('requirement');
  }
}

const SYMBOL_KIND: Record<OutlineKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  role: vscode.SymbolKind.Class,
  data: vscode.SymbolKind.Field,
  step: vscode.SymbolKind.Function,
  decision: vscode.SymbolKind.Enum,
  event: vscode.SymbolKind.Event,
  requirement: vscode.SymbolKind.Key,
  attribute: vscode.SymbolKind.Property,
};

const range = (r: readonly number[]) => new vscode.Range(r[0], r[1], r[2], r[3]);

/**
 * The outline's nodes as document symbols (line/character ranges computed where the outline was: the worker, or
 * the host), in slices (2,000 symbols take the host's thread 1–5 ms).
 */
export function* documentSymbols(nodes: readonly LinedOutlineNode[]): Slices<vscode.DocumentSymbol[]> {
  let made = 0;
  const out: vscode.DocumentSymbol[] = [];
  for (const n of nodes) {
    const s = new vscode.DocumentSymbol(n.kind === 'section' ? groupName(n.section) : n.name, n.detail, SYMBOL_KIND[n.kind], range(n.range), range(n.selectionRange));
    s.children = yield* documentSymbols(n.children);
    out.push(s);
    if (++made % NODES_PER_SLICE === 0) yield;
  }
  return out;
}

type Nodes = readonly LinedOutlineNode[];

/**
 * The outline of each analysis, made once from the worker's packed outline (`unpackOutline`, in slices across
 * tasks): packed with the analysis while typing, else (an analysis made before the outline was shown: an editor
 * switch) asked of the worker (the `outline` query, from the analysis it keeps; on the host without a worker).
 * `shown`: the entries the editor shows (at most `bizflow.outline.maxItems`, `limitOutline`; only those are
 * unpacked); `all`: every entry (workspace symbols).
 */
export class Outlines {
  private readonly made = new WeakMap<Analysis, { packed?: PackedOutline; all?: Promise<Nodes>; shown?: { max: number; nodes: Promise<Nodes> } }>();

  constructor(readonly analyses: AnalysisService) {}

  async of(doc: vscode.TextDocument, which: 'shown' | 'all'): Promise<Nodes> {
    const a = await this.analyses.outlineAnalysis(doc);
    if (!a) return [];
    let m = this.made.get(a);
    if (!m) this.made.set(a, (m = {}));
    if (!a.packedOutline && !m.packed) {
      const answer = await this.analyses.queryAnalysis(a, { kind: 'outline' }, undefined, answerOutlineQuery);
      if (!answer) return []; // a newer version was asked about first: VS Code asks again
      m.packed ??= answer.data;
    }
    const packed = a.packedOutline ?? m.packed!;
    const unpack = async (max?: number): Promise<Nodes> => (await runInSlices(unpackOutlineInSlices(packed, max)))!;
    if (which === 'all') return (m.all ??= unpack());
    const max = readSettings(doc.uri).outlineMaxItems;
    if (m.shown?.max !== max) {
      const all = m.all;
      m.shown = { max, nodes: all ? all.then((nodes) => limitOutline(nodes, max)) : unpack(max) };
    }
    return m.shown.nodes;
  }
}

export class OutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly outlines: Outlines) {}

  /**
   * From the analysis worker while typing: the host does not build the model of a big file for the outline or
   * breadcrumbs. At most `bizflow.outline.maxItems` entries (limitOutline), made in slices: while the editor shows the
   * outline it asks after every edit, and typing waits at most one slice.
   */
  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    const nodes = await this.outlines.of(doc, 'shown');
    return runInSlices(documentSymbols(nodes), { cancelled: () => token.isCancellationRequested });
  }
}

interface FileSymbols {
  mtime: number;
  size: number;
  symbols: vscode.SymbolInformation[];
}

function symbolsFor(uri: vscode.Uri, nodes: readonly LinedOutlineNode[]): vscode.SymbolInformation[] {
  const file = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return nodes.flatMap((section) =>
    section.children.map(
      (n) =>
        new vscode.SymbolInformation(
          n.detail && n.detail !== n.name ? `${n.name} — ${n.detail}` : n.name,
          SYMBOL_KIND[n.kind],
          `${kindName(n.section)} · ${file}`,
          new vscode.Location(uri, range(n.selectionRange)),
        ),
    ),
  );
}

/** Case-insensitive subsequence match, as VS Code filters symbols. */
function matches(query: string, name: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (c === q[i]) i++;
  return i >= q.length;
}

export class WorkspaceSymbols implements vscode.WorkspaceSymbolProvider {
  private readonly cache = new Map<string, FileSymbols>();

  constructor(private readonly outlines: Outlines) {}

  async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    const out: vscode.SymbolInformation[] = [];
    const open = new Map<string, vscode.TextDocument>();
    for (const d of vscode.workspace.textDocuments) if (isBizflowDocument(d) && !d.isClosed) open.set(d.uri.toString(), d);
    const files = await findBizflowFiles();
    const seen = new Set<string>();
    for (const uri of files) {
      if (token.isCancellationRequested) return out;
      seen.add(uri.toString());
      const doc = open.get(uri.toString());
      const symbols = doc ? await this.fromDocument(doc) : await this.fromDisk(uri, token);
      for (const s of symbols) if (matches(query, s.name)) out.push(s);
    }
    // open BizFlow documents outside the workspace folders (untitled ones too)
    for (const [key, doc] of open) {
      if (seen.has(key)) continue;
      for (const s of await this.fromDocument(doc)) if (matches(query, s.name)) out.push(s);
    }
    // forget files that are gone
    for (const key of this.cache.keys()) if (!seen.has(key)) this.cache.delete(key);
    return out;
  }

  private async fromDocument(doc: vscode.TextDocument): Promise<vscode.SymbolInformation[]> {
    return symbolsFor(doc.uri, await this.outlines.of(doc, 'all'));
  }

  private async fromDisk(uri: vscode.Uri, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    const key = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const hit = this.cache.get(key);
      if (hit && hit.mtime === stat.mtime && hit.size === stat.size) return hit.symbols;
      const text = await readText(uri);
      // the outline asked of the worker: the host neither parses the file nor builds its model
      const answer = await this.outlines.analyses.queryFile(uri, text, { kind: 'outline' }, token, answerOutlineQuery);
      if (!answer) return [];
      const symbols = symbolsFor(uri, (await runInSlices(unpackOutlineInSlices(answer.data)))!);
      this.cache.set(key, { mtime: stat.mtime, size: stat.size, symbols });
      return symbols;
    } catch {
      this.cache.delete(key);
      return [];
    }
  }
}
