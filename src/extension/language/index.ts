/**
 * The language features of BizFlow files: completion, hover, go to
 * definition, references, highlights, rename, outline, workspace symbols,
 * quick fixes, typing aids (format on type) and the "New File" command. The logic lives in the core
 * (`completion.ts`, `hover.ts`, `fixes.ts`, `rename.ts`, `symbols.ts`); these
 * adapters only convert offsets and shapes.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import { QuickFixProvider } from './codeActions';
import { CompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { HoverProvider } from './hover';
import { NavigationProvider } from './navigation';
import { NEW_FILE_COMMAND, newFile } from './newFile';
import { SELECTOR } from './shared';
import { OutlineProvider, WorkspaceSymbols } from './symbols';
import { TYPING_FIRST_TRIGGER, TYPING_MORE_TRIGGERS, TypingFixProvider } from './typing';

export function registerLanguageFeatures(_context: vscode.ExtensionContext, analyses: AnalysisService): vscode.Disposable {
  const nav = new NavigationProvider(analyses);
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CompletionProvider(analyses), ...TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(analyses)),
    vscode.languages.registerDefinitionProvider(SELECTOR, nav),
    vscode.languages.registerReferenceProvider(SELECTOR, nav),
    vscode.languages.registerDocumentHighlightProvider(SELECTOR, nav),
    vscode.languages.registerRenameProvider(SELECTOR, nav),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new OutlineProvider(analyses), { label: 'BizFlow' }),
    vscode.languages.registerWorkspaceSymbolProvider(new WorkspaceSymbols(analyses)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuickFixProvider(analyses), QuickFixProvider.metadata),
    vscode.languages.registerOnTypeFormattingEditProvider(SELECTOR, new TypingFixProvider(), TYPING_FIRST_TRIGGER, ...TYPING_MORE_TRIGGERS),
    vscode.commands.registerCommand(NEW_FILE_COMMAND, newFile),
  );
}
