/**
 * Issue 11 in the real editor: editor defaults of the bizflow language,
 * full-width punctuation corrected as you type, ids at a snippet placeholder,
 * New File with a process name, the walkthrough, and the tree's conflict
 * counts matching the badge, in English and Chinese.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { BizflowApi } from '../../../src/extension/extension';
import type { TreeElement } from '../../../src/extension/tree/views';
import { activateExtension, closeEverything, fixtureUri } from '../util/wait';

const created: vscode.Uri[] = [];
let counter = 0;

async function scratch(text: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(`forgiving-${Date.now()}-${++counter}.bizflow.yaml`);
  created.push(uri);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

async function until<T>(what: string, get: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('forgiving editor (issue 11): defaults, typing aids, first run, counts', function () {
  this.timeout(60_000);
  let api: BizflowApi;

  before(async () => {
    api = await activateExtension<BizflowApi>();
    await closeEverything();
  });
  after(closeEverything);

  afterEach(async () => {
    await vscode.workspace.getConfiguration('bizflow').update('locale', undefined, vscode.ConfigurationTarget.Global);
    for (const doc of vscode.workspace.textDocuments) {
      // not asking `isDirty`: it can read false while there are unsaved changes (../util/documents.ts)
      if (created.some((u) => u.toString() === doc.uri.toString())) await doc.save();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) {
      try {
        await vscode.workspace.fs.delete(uri);
      } catch {
        // already gone
      }
    }
  });

  it('bizflow files get 2-space indentation, no word-based suggestions and format on type', async () => {
    const editor = await scratch('bizflow: 1\n');
    const c = vscode.workspace.getConfiguration('editor', { languageId: 'bizflow' });
    assert.equal(c.get('tabSize'), 2);
    assert.equal(c.get('insertSpaces'), true);
    assert.equal(c.get('detectIndentation'), false);
    assert.equal(c.get('wordBasedSuggestions'), 'off');
    assert.equal(c.get('formatOnType'), true);
    assert.equal(c.get('autoIndent'), 'advanced');
    assert.equal(editor.options.tabSize, 2);
    assert.equal(editor.options.insertSpaces, true);
  });

  it('typing "name：发货" gives "name: 发货"; a "：" inside a value stays', async () => {
    const editor = await scratch('bizflow: 1\nprocess:\n  id: p\n  \n  description: x\n');
    const doc = editor.document;
    editor.selection = new vscode.Selection(3, 2, 3, 2);
    await vscode.commands.executeCommand('type', { text: 'name' });
    await vscode.commands.executeCommand('type', { text: '：' });
    await until('the colon corrected', () => doc.lineAt(3).text === '  name: ');
    await vscode.commands.executeCommand('type', { text: '说明：发货' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(doc.lineAt(3).text, '  name: 说明：发货');
    assert.equal(doc.getText(), 'bizflow: 1\nprocess:\n  id: p\n  name: 说明：发货\n  description: x\n');
    // a full-width comma between ids in a flow list
    const e2 = await scratch('bizflow: 1\nsteps:\n  a:\n    needs: []\n');
    e2.selection = new vscode.Selection(3, 12, 3, 12);
    await vscode.commands.executeCommand('type', { text: 'order' });
    await vscode.commands.executeCommand('type', { text: '，' });
    await until('the comma corrected', () => e2.document.lineAt(3).text === '    needs: [order, ]');
  });

  it('offers role ids at a snippet placeholder (role-id)', async () => {
    const editor = await scratch('bizflow: 1\nroles:\n  sales:\n    name: 业务员\nsteps:\n  a:\n    name: A\n    type: start\n    role: sales\n    next: b\n  b:\n    name: B\n    type: end\n    role: sales\n');
    await editor.insertSnippet(new vscode.SnippetString('  c:\n    name: C\n    role: ${1:role-id}\n'), new vscode.Position(editor.document.lineCount - 1, 0));
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('role-id'));
    assert.ok(line >= 0);
    const at = new vscode.Position(line, editor.document.lineAt(line).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
    const sales = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'sales');
    assert.ok(sales, 'sales offered');
    // the editor filters by the placeholder text: the item must match it
    assert.ok(sales.filterText?.startsWith('role-id '), sales.filterText);
  });

  it('New File with a process name proposes <name>.bizflow.yaml and uses the name; the palette asks for it in an input box', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('bizflow.newFile', { processName: '订单履约 / 华东' });
    assert.ok(doc);
    assert.equal(doc.isUntitled, true);
    assert.ok(doc.uri.path.endsWith('/订单履约-华东.bizflow.yaml'), doc.uri.path);
    assert.match(doc.getText(), /^  name: 订单履约 \/ 华东$/m);
    assert.equal(doc.languageId, 'bizflow');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // from the palette: an input box asks for the name; cancelling it creates nothing
    const pending = vscode.commands.executeCommand<vscode.TextDocument | undefined>('bizflow.newFile');
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const cancelled = await Promise.race([pending, new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 5000))]);
    assert.equal(cancelled, undefined);
  });

  it('contributes the "Get started with BizFlow" walkthrough, which opens', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'bizflow' && e.packageJSON?.publisher === 'bizflow');
    assert.ok(ext);
    const [w] = ext.packageJSON.contributes.walkthroughs;
    assert.equal(w.id, 'bizflow.getStarted');
    assert.equal(w.steps.length, 8);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${ext.id}#bizflow.getStarted`, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the tree groups add up to the badge; with bizflow.locale zh-CN the tree speaks Chinese', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('order-fulfilment.bizflow.yaml'));
    await vscode.window.showTextDocument(doc);
    const tree = api.tree;
    await tree.setGrouping('status');
    await until('the tree on order-fulfilment', () => tree.analysis?.uri.toString() === doc.uri.toString());
    const rows = async () => {
      const els = (await tree.requirements.getChildren()) as TreeElement[];
      return els.map((el) => ({ el, item: tree.requirements.getTreeItem(el) }));
    };
    const groups = await rows();
    const sum = groups.reduce((n, g) => n + (g.el.node.kind === 'group' ? g.el.node.conflictCount : 0), 0);
    assert.equal(tree.requirementsView.badge?.value, 4);
    assert.equal(sum, 4);
    assert.deepEqual(groups.map((g) => g.item.description), ['3 · 3 conflicts', '1 · 1 conflict']);

    await vscode.workspace.getConfiguration('bizflow').update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
    await until('a Chinese analysis', () => tree.analysis?.locale === 'zh-CN', 10_000);
    const zh = await rows();
    assert.deepEqual(zh.map((g) => [label(g.item), g.item.description]), [
      ['提议中', '3 · 3 个冲突'],
      ['已接受', '1 · 1 个冲突'],
    ]);
    assert.equal(tree.requirementsView.badge?.tooltip, '4 个冲突');
  });
});
