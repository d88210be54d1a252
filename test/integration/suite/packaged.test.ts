/**
 * The extension as it ships: the diagnostic codes link to the rule reference inside the extension, and the files
 * the manifest names are there. Under test/integration/run-vsix.mjs (BIZFLOW_VSIX_INSTALLED set) the extension
 * runs from the folder code-server installed the packaged .vsix into, which must hold no sources or tests.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeEverything, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('packaged extension', () => {
  let ext: vscode.Extension<unknown>;
  before(async () => {
    await activateExtension();
    ext = vscode.extensions.getExtension('bizflow.bizflow')!;
    assert.ok(ext, 'bizflow.bizflow is installed');
    await closeEverything();
  });
  after(closeEverything);

  it('diagnostic codes link to the rule reference shipped inside the extension, at the rule', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0, 10_000, 'order-fulfilment diagnostics');
    const rulesDoc = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(rulesDoc));
    for (const d of ds) {
      const target = (d.code as { value: string; target: vscode.Uri }).target;
      const anchor = codeOf(d).replace(/[^a-z0-9]+/g, '-');
      assert.equal(target.with({ fragment: '' }).toString(), rulesDoc.toString(), codeOf(d));
      assert.equal(target.fragment, anchor);
      assert.ok(text.includes(`<a id="${anchor}"></a>`), `docs/rules.md has the anchor ${anchor}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the icon and every file the manifest names are in the extension', async () => {
    const pkg = ext.packageJSON as { icon: string; main: string; contributes: { grammars: { path: string }[] } };
    for (const rel of [pkg.icon, pkg.main, ...pkg.contributes.grammars.map((g) => g.path), 'docs/rules.md']) {
      assert.ok(await exists(vscode.Uri.joinPath(ext.extensionUri, rel)), rel);
    }
    // vsce names them readme.md, changelog.md and LICENSE.txt inside the .vsix
    const names = (await vscode.workspace.fs.readDirectory(ext.extensionUri)).map(([n]) => n.toLowerCase());
    for (const re of [/^readme\.md$/, /^changelog\.md$/, /^license(\.txt)?$/]) assert.ok(names.some((n) => re.test(n)), `${re} in ${names.join(', ')}`);
  });

  it('installed from the .vsix: runs from the install folder, which holds no sources, tests or node_modules', async function () {
    const installed = process.env.BIZFLOW_VSIX_INSTALLED;
    if (!installed) this.skip();
    assert.equal(ext.extensionUri.fsPath, installed);
    for (const rel of ['src', 'test', 'node_modules', 'packages', 'examples', 'dist/extension.js.map', 'tsconfig.json']) {
      assert.ok(!(await exists(vscode.Uri.joinPath(ext.extensionUri, rel))), `${rel} must not ship`);
    }
  });
});
