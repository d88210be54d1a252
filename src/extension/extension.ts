/**
 * The composition root: every service is created here, wired together and
 * registered in `context.subscriptions`. No module-level state.
 */
import * as vscode from 'vscode';
import { AnalysisService } from './analysis';
import { AnalysisWorker } from './analysisWorker';
import { nodeWorkerFactory } from './nodeWorker';
import { DiagnosticsController } from './diagnostics';
import { registerLanguageFeatures } from './language';
import { RcConfigService } from './rcConfig';
import { readSettings, type BizflowSettings } from './settings';
import { PreviewManager } from './preview/manager';
import { TreeViews } from './tree/views';
import { MarkdownBlocks } from './markdown';
import { registerReviewCommands, type CompareDocuments } from './commands/review';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface BizflowApi {
  analyses: AnalysisService;
  diagnostics: DiagnosticsController;
  /** The Roles and Requirements tree views (providers, views, current document). */
  tree: TreeViews;
  /** The live swimlane previews (commands, panels, export; tests read them with test/integration/util/inspect.ts). */
  preview: PreviewManager;
  /** ```bizflow blocks in VS Code's Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt: MarkdownBlocks['extendMarkdownIt'];
  /** The documents "BizFlow: Compare with…" opens. */
  compare: CompareDocuments;
}

export async function activate(context: vscode.ExtensionContext): Promise<BizflowApi> {
  let settings: BizflowSettings = readSettings();
  const getSettings = () => settings;

  const rc = new RcConfigService();
  // findings are computed in a worker (dist/worker.js) so typing never waits for an analysis
  const worker = new AnalysisWorker(nodeWorkerFactory(context.asAbsolutePath('dist/worker.js')));
  const analyses = new AnalysisService(getSettings, rc, worker);
  const diagnostics = new DiagnosticsController(analyses, getSettings, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));
  context.subscriptions.push(rc, analyses, diagnostics);
  context.subscriptions.push(registerLanguageFeatures(context, analyses));
  // the previews listen to published analyses before the tree views: their render message leaves first
  // (the webview's Mermaid layout is the long part of an update; the trees refresh meanwhile)
  const preview = new PreviewManager(context, analyses);
  context.subscriptions.push(preview);
  const tree = new TreeViews(analyses, context.workspaceState);
  context.subscriptions.push(tree);
  const review = registerReviewCommands(analyses);
  context.subscriptions.push(review);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('bizflow')) return;
      settings = readSettings();
      analyses.invalidate();
      void diagnostics.refreshAll();
    }),
    rc.onDidChange(() => {
      analyses.invalidate();
      void diagnostics.refreshAll();
    }),
  );

  void diagnostics.refreshAll();

  const markdown = new MarkdownBlocks(getSettings);
  context.subscriptions.push(markdown);
  return { analyses, diagnostics, tree, preview, compare: review.documents, extendMarkdownIt: (md) => markdown.extendMarkdownIt(md) };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
