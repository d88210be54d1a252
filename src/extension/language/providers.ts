/**
 * The language feature providers, a lazily loaded chunk of the desktop
 * extension (dist/language.js): ./index.ts registers small stand-ins at
 * activation and requires this file the first time VS Code asks one of them
 * (esbuild.extension.mjs). The web build bundles it inline.
 */
import type { AnalysisService } from '../analysis';
import { QuickFixProvider } from './codeActions';
import { CompletionProvider } from './completion';
import { HoverProvider } from './hover';
import { NavigationProvider } from './navigation';
import { OutlineProvider, Outlines, WorkspaceSymbols } from './symbols';
import { TypingFixProvider } from './typing';

export { newFile } from './newFile';

/** One instance of each provider for these analyses. */
export function createProviders(analyses: AnalysisService) {
  const outlines = new Outlines(analyses);
  return {
    completion: new CompletionProvider(analyses),
    hover: new HoverProvider(analyses),
    navigation: new NavigationProvider(analyses),
    outline: new OutlineProvider(outlines),
    workspaceSymbols: new WorkspaceSymbols(outlines),
    quickFix: new QuickFixProvider(analyses),
    typing: new TypingFixProvider(),
  };
}

export type Providers = ReturnType<typeof createProviders>;
