/** Quick fixes: the core's `fixesFor` for each BizFlow diagnostic in the request. */
import * as vscode from 'vscode';
import { fixesFor } from '../../core/fixes';
import type { Diagnostic as CoreDiagnostic } from '../../core';
import type { AnalysisService } from '../analysis';
import { symbolsOf } from './shared';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyses: AnalysisService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'bizflow');
    if (!ours.length) return [];
    const a = this.analyses.forDocument(doc);
    const index = symbolsOf(a);
    const out: vscode.CodeAction[] = [];
    const titles = new Set<string>();
    for (const vd of ours) {
      const core = this.match(a.result.diagnostics, vd, (s) => a.positions.range(s));
      if (!core) continue; // the diagnostic is from an older version of the text
      for (const fix of fixesFor(a.result.model, core, a.locale, index)) {
        if (titles.has(fix.title)) continue;
        titles.add(fix.title);
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, a.positions.range(e.span), e.newText);
        action.edit = edit;
        action.diagnostics = [vd];
        action.isPreferred = fix.isPreferred;
        out.push(action);
      }
    }
    return out;
  }

  /** The core diagnostic a VS Code diagnostic was made from (same code and range; the message decides between equals). */
  private match(ds: readonly CoreDiagnostic[], vd: vscode.Diagnostic, range: (s: CoreDiagnostic['span']) => vscode.Range): CoreDiagnostic | undefined {
    const code = codeOf(vd);
    const same = ds.filter((d) => d.code === code && range(d.span).isEqual(vd.range));
    return same.find((d) => d.message === vd.message) ?? same[0];
  }
}
