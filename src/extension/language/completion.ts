/** Completion adapter: core `complete()` entries as VS Code completion items. */
import * as vscode from 'vscode';
import type { CompletionKind } from '../../core/completion';
import { SNIPPET_PLACEHOLDERS } from '../../core/templates';
import type { AnalysisService } from '../analysis';
import { ask } from './ask';
import { queryPosition, toRange } from './shared';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  enum: vscode.CompletionItemKind.EnumMember,
  value: vscode.CompletionItemKind.Value,
  role: vscode.CompletionItemKind.User,
  step: vscode.CompletionItemKind.Function,
  data: vscode.CompletionItemKind.Variable,
  requirement: vscode.CompletionItemKind.Issue,
  attribute: vscode.CompletionItemKind.Field,
  rule: vscode.CompletionItemKind.Constant,
  snippet: vscode.CompletionItemKind.Snippet,
};

const ID_KINDS: ReadonlySet<CompletionKind> = new Set(['role', 'step', 'data', 'requirement']);

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: AnalysisService) {}

  /** From the analysis worker when there is one: the host does not build the model of a big file while typing. */
  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.CompletionItem[]> {
    const answer = await ask(this.analyses, doc, { kind: 'complete', ...queryPosition(pos) }, token);
    if (!answer || token?.isCancellationRequested) return [];
    return answer.entries.map((e) => {
      const replacing = toRange(e.replaceRange);
      const word = doc.getText(replacing);
      const item = new vscode.CompletionItem(
        { label: e.label, detail: e.name ? ` — ${e.name}` : undefined, description: e.detail },
        KINDS[e.kind],
      );
      item.insertText = e.snippet ? new vscode.SnippetString(e.insertText) : e.insertText;
      const inserting = new vscode.Range(replacing.start, pos.isBefore(replacing.start) ? replacing.start : pos.isAfter(replacing.end) ? replacing.end : pos);
      item.range = { inserting, replacing };
      if (e.documentation) item.documentation = new vscode.MarkdownString(e.documentation);
      item.sortText = e.sortText;
      if (e.filterText) item.filterText = e.filterText;
      // at a snippet placeholder (`role: role-id` selected), the editor filters by the placeholder's text
      if (ID_KINDS.has(e.kind) && SNIPPET_PLACEHOLDERS.has(word)) item.filterText = `${word} ${e.filterText ?? e.label}`;
      if (e.preselect) item.preselect = true;
      // the core computed the indentation of every line already
      item.keepWhitespace = true;
      if (e.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: '' };
      return item;
    });
  }
}
