/**
 * The composition root shared by both extension hosts: every service is
 * created here, wired together and registered in `context.subscriptions`.
 * No module-level state. `extension.ts` (desktop, Node) and `extension.web.ts`
 * (VS Code for the Web, a Web Worker) differ only in the `PlatformServices`
 * they pass; nothing below this file uses Node built-ins.
 */
import * as vscode from 'vscode';
import type { WorkerFactory } from '../shared/worker-protocol';
import { AnalysisService } from './analysis';
import { AnalysisWorker } from './analysisWorker';
import { DiagnosticsController } from './diagnostics';
import { registerLanguageFeatures } from './language';
import { RcConfigService } from './rcConfig';
import { readSettings, type BizflowSettings } from './settings';
import { PreviewManager } from './preview/manager';
import { TreeViews } from './tree/views';
import type { CompareDocuments } from './commands/reviewCommands';
import { MarkdownBlocks } from './markdown';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface BizflowApi {
  analyses: AnalysisService;
  diagnostics: DiagnosticsController;
  /** The Roles and Requirements tree views (providers, views, current document). */
  tree: TreeViews;
  /** The live swimlane previews (commands, panels, export; tests read them with test/integration/util/inspect.ts). */
  preview: PreviewManager;
  /** The analysis worker (its `stats` show requests answered off the host's thread); none without a worker factory. */
  worker: AnalysisWorker | undefined;
  /** Which host this is ('node' on the desktop and remote servers, 'web' in a browser's Web Worker extension host). */
  platform: PlatformServices['kind'];
  /** ```bizflow blocks in VS Code's Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt: MarkdownBlocks['extendMarkdownIt'];
  /** The documents "BizFlow: Compare with…" opens (desktop and remote hosts: it needs Node). */
  compare?: CompareDocuments;
}

/** What differs between the desktop and the web extension host. */
export interface PlatformServices {
  kind: 'node' | 'web';
  /** Starts analysis workers (`worker_threads` on Node, a Web Worker in the browser); none: analyse on the host's thread. */
  workerFactory?: WorkerFactory;
}

export function activateWith(context: vscode.ExtensionContext, platform: PlatformServices): BizflowApi {
  let settings: BizflowSettings = readSettings();
  const getSettings = () => settings;

  const rc = new RcConfigService();
  // findings are computed in a worker so typing never waits for an analysis
  const worker = platform.workerFactory ? new AnalysisWorker(platform.workerFactory) : undefined;
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
  return { analyses, diagnostics, tree, preview, worker, platform: platform.kind, extendMarkdownIt: (md) => markdown.extendMarkdownIt(md) };
}
