/**
 * Desktop entry (package.json `main`, dist/extension.js): the shared
 * composition root (`activate.ts`) with Node's platform services.
 */
import type * as vscode from 'vscode';
import { activateWith, type BizflowApi } from './activate';
import { readDiffSource, registerReviewCommands } from './commands/reviewCommands';
import { nodeWorkerFactory } from './nodeWorker';

export type { BizflowApi } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<BizflowApi> {
  // findings are computed in a worker_threads worker (dist/worker.js)
  const api = activateWith(context, { kind: 'node', workerFactory: nodeWorkerFactory(context.asAbsolutePath('dist/worker.js')) });
  // "Export Review Pack" and "Compare with…" read files and git through Node (desktop and remote hosts only)
  const review = registerReviewCommands(api.analyses, context.extensionUri, {
    // the diff on the swimlane: the preview of the file, showing the changes since the other version
    showDiff: async (uri, before, label, source) => {
      const preview = await api.preview.openPreview(uri, { toSide: true });
      await preview?.showDiff(before, label, source);
    },
  });
  // a restored preview reads its diff again from the source (a git revision or a file)
  const loader = api.preview.setDiffLoader((resource, source) => readDiffSource(resource, source));
  context.subscriptions.push(review, loader);
  return { ...api, compare: review.documents };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
