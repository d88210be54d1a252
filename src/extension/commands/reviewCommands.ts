/**
 * The review commands as the main bundle registers them: "BizFlow: Compare
 * with…" and "BizFlow: Export Review Pack". Their work (./review.ts: the diff,
 * the pack renderers, the xlsx driver, the pictures' webview) is a chunk of its
 * own, dist/review.js, required the first time one of them runs
 * (esbuild.extension.mjs); only the compare documents' provider lives here.
 */
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis';
import type { CompareOptions, ExportOptions, ReviewHooks } from './review';

export const COMPARE_SCHEME = 'bizflow-compare';

/** Read-only documents holding the Markdown of each comparison, by URI. */
export class CompareDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A new document with `markdown`, titled after the compared file. */
  add(title: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${++this.count}/${title}.md` });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

/** The review chunk (loaded on first use; Node keeps it). */
function reviewChunk(): typeof import('./review') {
  return require('./review') as typeof import('./review');
}

/** Registers both commands; returns what the integration tests drive. */
export function registerReviewCommands(
  analyses: AnalysisService,
  extensionUri: vscode.Uri,
  hooks: ReviewHooks = {},
): vscode.Disposable & { documents: CompareDocuments } {
  const documents = new CompareDocuments();
  const all = vscode.Disposable.from(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, documents),
    vscode.commands.registerCommand('bizflow.compareWith', (uri?: vscode.Uri, options?: CompareOptions) => reviewChunk().compareWith(analyses, documents, uri, options, hooks)),
    vscode.commands.registerCommand('bizflow.exportReviewPack', (uri?: vscode.Uri, options?: ExportOptions) => reviewChunk().exportReviewPack(analyses, extensionUri, uri, options)),
  );
  return Object.assign(all, { documents });
}

/** Reads a diff's older version again from its source (a restored preview), through the review chunk. */
export function readDiffSource(...args: Parameters<typeof import('./review').readDiffSource>): ReturnType<typeof import('./review').readDiffSource> {
  return reviewChunk().readDiffSource(...args);
}
