/**
 * VS Code for the Web entry (package.json `browser`, dist/web/extension.js,
 * runs in the browser's Web Worker extension host): the shared composition
 * root (`activate.ts`) with the browser's platform services. No Node here.
 */
import * as vscode from 'vscode';
import { activateWith, type BizflowApi } from './activate';
import { browserWorkerFactory } from './web/browserWorker';

export type { BizflowApi } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<BizflowApi> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'worker.js');
  return activateWith(context, { kind: 'web', workerFactory: browserWorkerFactory(() => workerScriptUrl(script)) });
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}

/**
 * A URL a Web Worker can be started from. An extension served over http(s)
 * (vscode.dev, github.dev) gives its own URL; one served by a remote host
 * (code-server: `vscode-remote:`, from which the Web Worker extension host
 * refuses to start workers) is read through `workspace.fs` into a blob URL.
 */
async function workerScriptUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme === 'http' || script.scheme === 'https') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}
