/**
 * The review pack's swimlane pictures in the editor, without Chromium: a
 * temporary webview (strict Content-Security-Policy, scripts only by nonce)
 * loads the files `bizflow review` loads into headless Chromium — Mermaid's
 * bundle (dist/mermaid.min.js) and BizFlow's swimlane renderer
 * (dist/bizflow-swimlane.js) — plus its own small program
 * (dist/webview-pack.js, src/webview-pack/main.ts), and draws each diagram
 * the extension asks for through the typed request helper (shared/rpc.ts).
 * The pack builder's picture hook (core/review/pack-pictures.ts) asks in the
 * CLI's order, so the editor writes the CLI's HTML. The panel is closed when
 * the pictures are drawn (or have failed).
 */
import * as vscode from 'vscode';
import type { PackDiagrams } from '../../core/review/pack';
import type { PackPictures } from '../../core/review/pack-html';
import { drawPackPictures, type PictureFrame } from '../../core/review/pack-pictures';
import {
  isPackPicturesStatus,
  PACK_PICTURE_RESULTS,
  PACK_PICTURES_VIEW_TYPE,
  type PackPictureRequests,
  type PackPicturesStatus,
} from '../../shared/pack-pictures-protocol';
import { createRequester } from '../../shared/rpc';
import { contentSecurityPolicy, escapeHtml, makeNonce } from '../preview/html';

/** The scripts of the page, in loading order (all in dist/). */
export const PACK_PICTURE_SCRIPTS = ['mermaid.min.js', 'bizflow-swimlane.js', 'webview-pack.js'] as const;

export function packPicturesHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const scripts = PACK_PICTURE_SCRIPTS.map((f) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', f)).toString());
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<title>BizFlow</title>
<style>
/* the blank page \`bizflow review\` draws in: the browser's own font, not the editor's (Mermaid measures labels in it) */
html, body { font: initial; color: initial; margin: 8px; padding: 0; }
</style>
</head>
<body>
${scripts.map((s) => `<script nonce="${nonce}" src="${escapeHtml(s)}"></script>`).join('\n')}
</body>
</html>`;
}

export interface WebviewPictureOptions {
  /** Upper bound for loading the page and for each picture (default 60 s). */
  timeoutMs?: number;
  /** Title of the temporary panel. */
  title?: string;
  /** How the pictures are framed (the pack builder's `pictureFrame`). */
  frame?: PictureFrame;
}

/** Draws the pack's diagrams in a temporary webview; never throws (the reason comes back in `error`). */
export async function drawPicturesInWebview(extensionUri: vscode.Uri, diagrams: PackDiagrams, options: WebviewPictureOptions = {}): Promise<PackPictures> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const panel = vscode.window.createWebviewPanel(
    PACK_PICTURES_VIEW_TYPE,
    options.title ?? 'BizFlow',
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] },
  );
  const messages = new vscode.EventEmitter<unknown>();
  const subscriptions: vscode.Disposable[] = [messages, panel.webview.onDidReceiveMessage((m: unknown) => messages.fire(m))];
  const requester = createRequester<PackPictureRequests>({
    post: (m) => void panel.webview.postMessage(m),
    onMessage: (l) => messages.event(l),
    timeoutMs,
    results: PACK_PICTURE_RESULTS,
  });
  try {
    const status = new Promise<PackPicturesStatus>((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'failed', error: `the picture page did not load within ${timeoutMs} ms` }), timeoutMs);
      subscriptions.push(
        { dispose: () => clearTimeout(timer) },
        messages.event((m) => {
          if (!isPackPicturesStatus(m)) return;
          clearTimeout(timer);
          resolve(m);
        }),
        panel.onDidDispose(() => resolve({ type: 'failed', error: 'the picture page was closed' })),
      );
    });
    panel.webview.html = packPicturesHtml(panel.webview, extensionUri);
    const s = await status;
    if (s.type === 'failed') return { error: s.error };
    return await drawPackPictures(
      diagrams,
      (request) => requester.request('draw', request).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) })),
      options.frame,
    );
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  } finally {
    requester.dispose();
    for (const d of subscriptions) d.dispose();
    panel.dispose();
  }
}
