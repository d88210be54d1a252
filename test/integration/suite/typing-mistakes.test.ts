/**
 * Issue 11 items 1–2 in the real editor: a tab, a full-width colon, a line
 * indented one step off and a top-level section nested by mistake, written
 * into a copy of the order-fulfilment example. Each gives one finding on its
 * line naming the cause (and at most 3 new findings in all); the preferred
 * quick fix VS Code offers gives back the example byte for byte, and no fix
 * offered only deletes. (Edits are made with a WorkspaceEdit: typed, the
 * full-width colon would be corrected by the typing aid before it is seen.)
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

const MISTAKES = new Set(['yaml/tab', 'yaml/full-width', 'yaml/indentation', 'schema/misplaced-key']);
const created: vscode.Uri[] = [];
let counter = 0;

const CASES: { title: string; find: string; replace: string; code: string; words: RegExp }[] = [
  { title: 'a tab before "role:"', find: '    role: warehouse\n    needs: [order]\n    produces', replace: '\trole: warehouse\n    needs: [order]\n    produces', code: 'yaml/tab', words: /tab/ },
  { title: 'a full-width colon after "name"', find: '  name: 订单履约流程', replace: '  name：订单履约流程', code: 'yaml/full-width', words: /full-width colon "：" after "name"/ },
  { title: 'one Backspace too many before "role:" (2 spaces, siblings use 4)', find: '    name: 出库复核\n    role: warehouse', replace: '    name: 出库复核\n  role: warehouse', code: 'yaml/indentation', words: /indented 2 spaces, but the keys of step "double-check" use 4/ },
  { title: '"steps:" indented under the roles', find: '\nsteps:\n', replace: '\n  steps:\n', code: 'schema/misplaced-key', words: /"steps" is a top-level section/ },
];

describe('typing mistakes in the real editor (issue 11): one finding naming the cause, a safe preferred fix', function () {
  this.timeout(120_000);
  let original = '';
  let baseCount = 0;

  before(async () => {
    await activateExtension();
    const bytes = await vscode.workspace.fs.readFile(fixtureUri('order-fulfilment.bizflow.yaml'));
    original = new TextDecoder().decode(bytes);
    await vscode.workspace.getConfiguration('bizflow').update('locale', 'en', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('bizflow').update('locale', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const uri of created.splice(0)) {
      try {
        await vscode.workspace.fs.delete(uri);
      } catch {
        // already gone
      }
    }
  });

  async function openCopy(): Promise<vscode.TextEditor> {
    const uri = fixtureUri(`mistake-${Date.now()}-${++counter}.bizflow.yaml`);
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0, 30_000, 'the example analysed');
    baseCount = ds.length;
    return editor;
  }

  for (const c of CASES) {
    it(c.title, async () => {
      const editor = await openCopy();
      const doc = editor.document;
      const at = original.indexOf(c.find);
      assert.ok(at >= 0, c.find);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + c.find.length)), c.replace);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === c.code), 30_000, c.code);
      const cause = ds.filter((d) => MISTAKES.has(codeOf(d)));
      assert.equal(cause.length, 1, ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', '));
      assert.equal(codeOf(cause[0]), c.code);
      assert.match(cause[0].message, c.words);
      // at most 3 findings more than the example has
      assert.ok(ds.length <= baseCount + 3, `${ds.length} findings, the example has ${baseCount}`);
      // only the cause on its line
      const onLine = ds.filter((d) => d.range.start.line === cause[0].range.start.line);
      assert.deepEqual(onLine.map(codeOf), [c.code]);

      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, cause[0].range)) ?? [];
      // the range holds only the cause (checked above): every action offered there is for it
      const forCause = actions.filter((a) => a.kind?.value.startsWith('quickfix'));
      assert.ok(forCause.length >= 1, actions.map((a) => a.title).join(' | '));
      assert.ok(!forCause.some((a) => /^Remove|删除/.test(a.title)), forCause.map((a) => a.title).join(' | '));
      const preferred = forCause.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, forCause.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | '));
      assert.ok(preferred[0].edit);
      assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
      assert.equal(doc.getText(), original);
      await waitForDiagnostics(doc.uri, (d) => !d.some((x) => MISTAKES.has(codeOf(x))) && d.length === baseCount, 30_000, 'the example back');
    });
  }
});
