/** Quick fixes: the core's `fixesFor` for each BizFlow diagnostic in the request (in the analysis worker when there is one). */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import { ask } from './ask';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyses: AnalysisService) {}

  /** VS Code asks on every cursor move onto a line with a diagnostic: answered off the host's thread. */
  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token?: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'bizflow');
    if (!ours.length) return [];
    const diagnostics = ours.map((d) => ({
      ...(codeOf(d) !== undefined ? { code: codeOf(d) } : {}),
      message: d.message,
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] as [number, number, number, number],
    }));
    const answer = await ask(this.analyses, doc, { kind: 'fixes', diagnostics }, token);
    if (!answer || token?.isCancellationRequested) return [];
    return answer.fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      const edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(e.range[0], e.range[1], e.range[2], e.range[3]), e.newText);
      action.edit = edit;
      action.diagnostics = [ours[fix.diagnostic]];
      action.isPreferred = fix.isPreferred;
      return action;
    });
  }
}
