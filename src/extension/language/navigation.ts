/**
 * Go to definition, find references, document highlights and rename, all
 * from the core's symbol index (the same one the reference rules use), and
 * rename through core `rename.ts` (which refuses unsafe renames with a message).
 */
import * as vscode from 'vscode';
import { prepareRename, renameSymbol } from '../../core/rename';
import type { SymbolOccurrence } from '../../core/symbols';
import type { AnalysisService } from '../analysis';
import { at } from './shared';

export class NavigationProvider
  implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider, vscode.RenameProvider
{
  constructor(private readonly analyses: AnalysisService) {}

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.LocationLink[] | undefined {
    const { a, offset, index } = at(this.analyses, doc, pos);
    const occ = index.symbolAt(offset);
    if (!occ) return undefined;
    let defs: SymbolOccurrence[];
    if (occ.kind === 'data' && a.result.model.data === undefined) {
      // no data dictionary: every producer stands in for the definition
      defs = index.definitions('data', occ.id);
    } else {
      const d = index.definition(occ.kind, occ.id);
      defs = d ? [d] : [];
    }
    return defs.map((d) => ({
      originSelectionRange: a.positions.range(occ.span),
      targetUri: doc.uri,
      targetRange: a.positions.range(d.item && !d.implicit && d.kind !== 'attribute' ? d.item.span : d.span),
      targetSelectionRange: a.positions.range(d.span),
    }));
  }

  provideReferences(doc: vscode.TextDocument, pos: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const { a, offset, index } = at(this.analyses, doc, pos);
    const occ = index.symbolAt(offset);
    if (!occ) return undefined;
    return index
      .references(occ.kind, occ.id, { includeDeclaration: context.includeDeclaration })
      .map((o) => new vscode.Location(doc.uri, a.positions.range(o.span)));
  }

  provideDocumentHighlights(doc: vscode.TextDocument, pos: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const { a, offset, index } = at(this.analyses, doc, pos);
    const occ = index.symbolAt(offset);
    if (!occ) return undefined;
    return index
      .references(occ.kind, occ.id, { includeDeclaration: true })
      .map(
        (o) =>
          new vscode.DocumentHighlight(
            a.positions.range(o.span),
            o.isDefinition ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
          ),
      );
  }

  prepareRename(doc: vscode.TextDocument, pos: vscode.Position): { range: vscode.Range; placeholder: string } {
    const { a, offset, index } = at(this.analyses, doc, pos);
    const r = prepareRename(a.result.model, index, offset, a.locale);
    if ('error' in r) throw new Error(r.error);
    return { range: a.positions.range(r.span), placeholder: r.placeholder };
  }

  provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const { a, offset, index } = at(this.analyses, doc, pos);
    const r = renameSymbol(a.result.model, index, offset, newName, a.locale);
    if ('error' in r) throw new Error(r.error);
    const edit = new vscode.WorkspaceEdit();
    for (const e of r.edits) edit.replace(doc.uri, a.positions.range(e.span), e.newText);
    return edit;
  }
}
