import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { screenshot } from '../util/screenshot';
import { closeEverything } from '../util/wait';

const EXTENSION_ID = 'bizflow.bizflow';

describe('BizFlow smoke', () => {
  before(closeEverything);
  after(closeEverything);

  it('the extension is present and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('opens the fixtures workspace', () => {
    const folders = vscode.workspace.workspaceFolders;
    assert.ok(folders && folders.length > 0, 'no workspace folder is open');
    const fsPath = folders[0].uri.fsPath;
    assert.strictEqual(path.basename(fsPath), 'workspace');
    assert.strictEqual(path.basename(path.dirname(fsPath)), 'fixtures');
    assert.ok(fs.existsSync(path.join(fsPath, 'order-fulfilment.bizflow.yaml')));
  });

  it('opens a .bizflow.yaml file in an editor', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(root, 'order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.match(editor.document.getText(), /^bizflow: 1$/m);
    await screenshot('smoke-editor');
  });
});
