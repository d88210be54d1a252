/**
 * The outline (document symbols, grouped into Roles, Data, Steps and
 * Requirements) and workspace symbols across every BizFlow file: open
 * documents through the AnalysisService, files on disk read once and cached
 * by modification time.
 */
import * as vscode from 'vscode';
import { buildModel, type Item, type Model } from '../../core/model';
import { parseText } from '../../core/parse';
import type { Span } from '../../core/types';
import type { Analysis, AnalysisService } from '../analysis';
import { TextPositions } from '../convert';
import { findBizflowFiles, readText } from '../diagnostics';
import { isBizflowDocument } from '../settings';

type Group = 'roles' | 'data' | 'steps' | 'requirements';

function groupName(g: Group): string {
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

function kindName(g: Group): string {
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

const ITEM_KIND: Record<Group, vscode.SymbolKind> = {
  roles: vscode.SymbolKind.Class,
  data: vscode.SymbolKind.Field,
  steps: vscode.SymbolKind.Function,
  requirements: vscode.SymbolKind.Key,
};

interface Entry {
  group: Group;
  item: Item;
  /** Display name or title. */
  name?: string;
  kind: vscode.SymbolKind;
}

function entries(model: Model): Entry[] {
  const out: Entry[] = [];
  for (const r of model.roles.list) out.push({ group: 'roles', item: r, name: r.name, kind: ITEM_KIND.roles });
  for (const d of model.data?.list ?? []) out.push({ group: 'data', item: d, name: d.name, kind: ITEM_KIND.data });
  for (const s of model.steps.list) {
    const kind = s.type === 'decision' ? vscode.SymbolKind.Enum : s.type === 'start' || s.type === 'end' ? vscode.SymbolKind.Event : ITEM_KIND.steps;
    out.push({ group: 'steps', item: s, name: s.name, kind });
  }
  for (const q of model.requirements.list) out.push({ group: 'requirements', item: q, name: q.title, kind: ITEM_KIND.requirements });
  return out;
}

function sectionKey(model: Model, g: Group): Span | undefined {
  return g === 'data' ? model.data?.keySpan : model[g].keySpan;
}

export class OutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const a = this.analyses.forDocument(doc);
    return outline(a);
  }
}

export function outline(a: Analysis): vscode.DocumentSymbol[] {
  const model = a.result.model;
  const p = a.positions;
  const all = entries(model);
  const out: vscode.DocumentSymbol[] = [];
  for (const g of ['roles', 'data', 'steps', 'requirements'] as const) {
    const items = all.filter((e) => e.group === g);
    const key = sectionKey(model, g);
    if (!key && !items.length) continue;
    const start = key?.start ?? items[0].item.span.start;
    const end = Math.max(key?.end ?? 0, ...items.map((e) => e.item.span.end));
    const sel = key ?? items[0].item.keySpan;
    const group = new vscode.DocumentSymbol(groupName(g), '', vscode.SymbolKind.Namespace, p.range({ start, end }), p.range(sel));
    for (const e of items) {
      const s = new vscode.DocumentSymbol(e.item.id, e.name ?? '', e.kind, p.range(e.item.span), p.range(e.item.keySpan));
      if (g === 'steps') {
        const step = model.steps.byId.get(e.item.id)!;
        for (const attr of step.attributes) {
          const r = p.range({ start: attr.keySpan.start, end: Math.max(attr.keySpan.end, attr.valueSpan.end) });
          s.children.push(new vscode.DocumentSymbol(attr.name, attr.value, vscode.SymbolKind.Property, r, p.range(attr.keySpan)));
        }
      }
      group.children.push(s);
    }
    out.push(group);
  }
  return out;
}

interface FileSymbols {
  mtime: number;
  size: number;
  symbols: vscode.SymbolInformation[];
}

function symbolsFor(uri: vscode.Uri, model: Model, positions: TextPositions): vscode.SymbolInformation[] {
  const file = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return entries(model).map(
    (e) =>
      new vscode.SymbolInformation(
        e.name && e.name !== e.item.id ? `${e.item.id} — ${e.name}` : e.item.id,
        e.kind,
        `${kindName(e.group)} · ${file}`,
        new vscode.Location(uri, positions.range(e.item.keySpan)),
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

  constructor(private readonly analyses: AnalysisService) {}

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
      const symbols = doc ? this.fromDocument(doc) : await this.fromDisk(uri);
      for (const s of symbols) if (matches(query, s.name)) out.push(s);
    }
    // open BizFlow documents outside the workspace folders (untitled ones too)
    for (const [key, doc] of open) {
      if (seen.has(key)) continue;
      for (const s of this.fromDocument(doc)) if (matches(query, s.name)) out.push(s);
    }
    // forget files that are gone
    for (const key of this.cache.keys()) if (!seen.has(key)) this.cache.delete(key);
    return out;
  }

  private fromDocument(doc: vscode.TextDocument): vscode.SymbolInformation[] {
    const a = this.analyses.forDocument(doc);
    return symbolsFor(doc.uri, a.result.model, a.positions);
  }

  private async fromDisk(uri: vscode.Uri): Promise<vscode.SymbolInformation[]> {
    const key = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const hit = this.cache.get(key);
      if (hit && hit.mtime === stat.mtime && hit.size === stat.size) return hit.symbols;
      const text = await readText(uri);
      const symbols = symbolsFor(uri, buildModel(parseText(text)), new TextPositions(text));
      this.cache.set(key, { mtime: stat.mtime, size: stat.size, symbols });
      return symbols;
    } catch {
      this.cache.delete(key);
      return [];
    }
  }
}
