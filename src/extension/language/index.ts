/**
 * The language features of BizFlow files: completion, hover, go to
 * definition, references, highlights, rename, outline, workspace symbols,
 * quick fixes, typing aids (format on type) and the "New File" command. The logic lives in the core
 * (`completion.ts`, `hover.ts`, `fixes.ts`, `rename.ts`, `symbols.ts`); these
 * adapters only convert offsets and shapes.
 *
 * Registered at activation as small stand-ins: the providers themselves
 * (./providers.ts, with the core's completion, hover cards, fixes, rename and
 * templates) are a chunk of the desktop extension, dist/language.js, required
 * the first time VS Code asks for one of them (esbuild.extension.mjs).
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import type { Providers } from './providers';
import { NEW_FILE_COMMAND, SELECTOR, TRIGGER_CHARACTERS, TYPING_FIRST_TRIGGER, TYPING_MORE_TRIGGERS } from './shared';

function chunk(): typeof import('./providers') {
  return require('./providers') as typeof import('./providers');
}

export function registerLanguageFeatures(_context: vscode.ExtensionContext, analyses: AnalysisService): vscode.Disposable {
  let providers: Providers | undefined;
  const p = () => (providers ??= chunk().createProviders(analyses));
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(SELECTOR, { provideCompletionItems: (d, pos, t) => p().completion.provideCompletionItems(d, pos, t) }, ...TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(SELECTOR, { provideHover: (d, pos, t) => p().hover.provideHover(d, pos, t) }),
    vscode.languages.registerDefinitionProvider(SELECTOR, { provideDefinition: (d, pos, t) => p().navigation.provideDefinition(d, pos, t) }),
    vscode.languages.registerReferenceProvider(SELECTOR, { provideReferences: (d, pos, c, t) => p().navigation.provideReferences(d, pos, c, t) }),
    vscode.languages.registerDocumentHighlightProvider(SELECTOR, { provideDocumentHighlights: (d, pos, t) => p().navigation.provideDocumentHighlights(d, pos, t) }),
    vscode.languages.registerRenameProvider(SELECTOR, {
      prepareRename: (d, pos, t) => p().navigation.prepareRename(d, pos, t),
      provideRenameEdits: (d, pos, name, t) => p().navigation.provideRenameEdits(d, pos, name, t),
    }),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, { provideDocumentSymbols: (d, t) => p().outline.provideDocumentSymbols(d, t) }, { label: 'BizFlow' }),
    vscode.languages.registerWorkspaceSymbolProvider({ provideWorkspaceSymbols: (q, t) => p().workspaceSymbols.provideWorkspaceSymbols(q, t) }),
    vscode.languages.registerCodeActionsProvider(
      SELECTOR,
      { provideCodeActions: (d, r, c, t) => p().quickFix.provideCodeActions(d, r, c, t) },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerOnTypeFormattingEditProvider(
      SELECTOR,
      { provideOnTypeFormattingEdits: (d, pos, ch) => p().typing.provideOnTypeFormattingEdits(d, pos, ch) },
      TYPING_FIRST_TRIGGER,
      ...TYPING_MORE_TRIGGERS,
    ),
    vscode.commands.registerCommand(NEW_FILE_COMMAND, (target?: unknown) => chunk().newFile(target)),
  );
}
