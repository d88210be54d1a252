/**
 * Screenshots of what a user sees, for review and for the README
 * (copied to docs/images/ by hand when the UI changes).
 */
import * as vscode from 'vscode';
import { screenshot } from '../util/screenshot';
import { activateExtension, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

describe('screenshots of the editor as a user sees it', () => {
  before(async () => {
    await activateExtension();
  });

  it('the order-fulfilment example with its problems and a conflict on screen', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'conflict/contradiction'), 8000);
    // scroll to the requirements, put the cursor on REQ-001's contradiction
    const line = doc.getText().split('\n').findIndex((l) => l.includes('pick.mode: automatic'));
    const pos = new vscode.Position(line, 8);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('readme-editor');
  });
});
