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

  it('the lazily loaded chunks run from the extension folder: hover (dist/language.js), Export Review Pack with pictures and xlsx (dist/review.js, the picture webview, dist/exceljs.js)', async function () {
    this.timeout(180_000);
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('role: sales') + 'role: '.length + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    assert.ok(hovers.length > 0, 'a hover from the language chunk');
    const written: vscode.Uri[] = [];
    try {
      for (const format of ['html', 'xlsx'] as const) {
        const target = fixtureUri(`packaged-${Date.now()}.review.${format}`);
        written.push(target);
        const out = await vscode.commands.executeCommand('bizflow.exportReviewPack', uri, { format, target });
        assert.equal((out as vscode.Uri | undefined)?.toString(), target.toString(), format);
        const bytes = await vscode.workspace.fs.readFile(target);
        if (format === 'xlsx') assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a zip (xlsx)');
        else {
          const html = new TextDecoder().decode(bytes);
          assert.doesNotMatch(html, /class="nopic"/, 'pictures drawn');
          assert.ok((html.match(/<figure><figcaption>[^<]*<\/figcaption><svg/g) ?? []).length === 2, 'today and after');
        }
      }
    } finally {
      for (const t of written) await vscode.workspace.fs.delete(t).then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
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
