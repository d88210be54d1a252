/**
 * Go to definition, find references, document highlights and rename, all
 * from the core's symbol index (the same one the reference rules use), and
 * rename through core `rename.ts` (which refuses unsafe renames with a message).
 * Answered in the analysis worker when there is one (src/shared/language-queries.ts).
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import { ask } from './ask';
import { queryPosition, toRange } from './shared';

export class NavigationProvider
  implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider, vscode.RenameProvider
{
  constructor(private readonly analyses: AnalysisService) {}

  async provideDefinition(doc: vscode.TextDocument, pos: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    const answer = await ask(this.analyses, doc, { kind: 'definition', ...queryPosition(pos) }, token);
    if (!answer?.origin || token?.isCancellationRequested) return undefined;
    const origin = toRange(answer.origin);
    return answer.targets.map((d) => ({
      originSelectionRange: origin,
      targetUri: doc.uri,
      targetRange: toRange(d.range),
      targetSelectionRange: toRange(d.selection),
    }));
  }

  async provideReferences(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    context: vscode.ReferenceContext,
    token?: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    const answer = await ask(this.analyses, doc, { kind: 'references', ...queryPosition(pos), includeDeclaration: context.includeDeclaration }, token);
    if (!answer?.references || token?.isCancellationRequested) return undefined;
    return answer.references.map((o) => new vscode.Location(doc.uri, toRange(o.range)));
  }

  async provideDocumentHighlights(doc: vscode.TextDocument, pos: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.DocumentHighlight[] | undefined> {
    const answer = await ask(this.analyses, doc, { kind: 'references', ...queryPosition(pos), includeDeclaration: true }, token);
    if (!answer?.references || token?.isCancellationRequested) return undefined;
    return answer.references.map(
      (o) => new vscode.DocumentHighlight(toRange(o.range), o.isDefinition ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read),
    );
  }

  async prepareRename(doc: vscode.TextDocument, pos: vscode.Position, token?: vscode.CancellationToken): Promise<{ range: vscode.Range; placeholder: string } | undefined> {
    const answer = await ask(this.analyses, doc, { kind: 'prepareRename', ...queryPosition(pos) }, token);
    if (!answer || token?.isCancellationRequested) return undefined;
    const r = answer.result;
    if ('error' in r) throw new Error(r.error);
    return { range: toRange(r.range), placeholder: r.placeholder };
  }

  async provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string, token?: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    const answer = await ask(this.analyses, doc, { kind: 'rename', ...queryPosition(pos), newName }, token);
    if (!answer || token?.isCancellationRequested) return undefined;
    const r = answer.result;
    if ('error' in r) throw new Error(r.error);
    const edit = new vscode.WorkspaceEdit();
    for (const e of r.edits) edit.replace(doc.uri, toRange(e.range), e.newText);
    return edit;
  }
}
