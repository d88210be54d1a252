/**
 * Screenshots of what a user sees, for review and for the README
 * (docs/images/ holds copies of readme-editor.png and readme-preview.png).
 */
import * as vscode from 'vscode';
import type { BizflowApi } from '../../../src/extension/extension';
import { PreviewInspector } from '../util/inspect';
import { screenshot } from '../util/screenshot';
import { activateExtension, closeEverything, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

describe('screenshots of the editor as a user sees it', () => {
  let api: BizflowApi;
  before(async () => {
    api = await activateExtension<BizflowApi>();
    await closeEverything();
  });
  after(async () => {
    await closeEverything();
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('the order-fulfilment example with its problems and a conflict on screen', async function () {
    this.timeout(60_000);
    await closeEverything();
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'conflict/contradiction'), 8000);
    // the cursor on REQ-001's contradiction, its hover open, the Problems panel below
    const line = doc.getText().split('\n').findIndex((l) => l.includes('pick.mode: automatic'));
    const pos = new vscode.Position(line, 8);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.view.extension.bizflow');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('readme-editor', { settleMs: 800 });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('the editor beside its live preview', async function () {
    this.timeout(90_000); // Mermaid layout on a busy 2-core machine
    await closeEverything();
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // the cursor on the steps (a cursor inside a requirement would highlight only its steps)
    const top = new vscode.Position(31, 0);
    editor.selection = new vscode.Selection(top, top);
    editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('bizflow.openPreviewToSide');
    const inspector = new PreviewInspector(api.preview);
    try {
      await inspector.waitForRender(uri, { timeoutMs: 60_000, accept: (r) => r.status === 'ok' });
    } finally {
      inspector.dispose();
    }
    await screenshot('readme-preview', { settleMs: 800 });
  });
});
