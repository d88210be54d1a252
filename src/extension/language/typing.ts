/** Format on type: core `typingFixes` (full-width punctuation used as YAML syntax) as VS Code edits. */
import * as vscode from 'vscode';
import { typingFixes } from '../../core/typing';

export class TypingFixProvider implements vscode.OnTypeFormattingEditProvider {
  provideOnTypeFormattingEdits(doc: vscode.TextDocument, pos: vscode.Position, ch: string): vscode.TextEdit[] {
    // after Enter, the line that was just finished
    const line = ch === '\n' ? pos.line - 1 : pos.line;
    if (line < 0) return [];
    const text = doc.getText();
    const offset = doc.offsetAt(new vscode.Position(line, 0));
    return typingFixes(text, offset).map(
      (e) => new vscode.TextEdit(new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end)), e.newText),
    );
  }
}
