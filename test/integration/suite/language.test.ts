import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { newFileTemplate } from '../../../src/core/templates';
import type { BizflowApi } from '../../../src/extension/extension';
import { screenshot } from '../util/screenshot';
import { activateExtension, closeEverything, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

const ORDER = 'order-fulfilment.bizflow.yaml';
const P2P = 'procure-to-pay.bizflow.yaml';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
/** Our items only (not the contributed snippets nor word-based suggestions). */
const ours = (l: vscode.CompletionList) => l.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet && i.kind !== vscode.CompletionItemKind.Text);

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Scratch files created by the tests (each test gets fresh names, so no stale document is reused). */
const created: vscode.Uri[] = [];
let counter = 0;

/** A scratch file in the workspace, created by the test and removed after it by `cleanUp`. */
async function scratch(stem: string, text: string): Promise<vscode.TextDocument> {
  const uri = fixtureUri(`${stem}-${++counter}.bizflow.yaml`);
  created.push(uri);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function cleanUp(): Promise<void> {
  // save edited scratch documents first, so closing them asks nothing
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
}

/** Position of the n-th occurrence of `needle` in the document, plus `delta` characters. */
function pos(doc: vscode.TextDocument, needle: string, delta = 0, n = 0): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${n} not in ${doc.uri.path}`);
  }
  return doc.positionAt(i + delta);
}

async function textOf(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
}

describe('language features in the real editor', () => {
  let api: BizflowApi;

  before(async () => {
    api = await activateExtension<BizflowApi>();
    await closeEverything();
  });
  after(closeEverything);

  afterEach(async () => {
    await vscode.workspace.getConfiguration('bizflow').update('locale', undefined, vscode.ConfigurationTarget.Global);
    await cleanUp();
  });

  describe('completion', () => {
    const name = 'completion-scratch';
    it('offers roles with their names after `role: ` on an incomplete line, and shows the list in the editor', async () => {
      const base = await textOf(ORDER);
      const text = base.replace('    name: 通知客户\n    role: sales\n', '    name: 通知客户\n    role: \n');
      assert.notEqual(text, base);
      const doc = await scratch(name, text);
      const at = pos(doc, '    name: 通知客户\n    role: ', '    name: 通知客户\n    role: '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, ' ');
      const items = ours(list);
      assert.deepEqual(items.map(labelOf), ['sales', 'warehouse', 'finance', 'director']);
      const sales = items[0];
      assert.deepEqual(sales.label, { label: 'sales', detail: ' — 业务员', description: 'role · 业务部' });
      assert.equal(sales.kind, vscode.CompletionItemKind.User);
      assert.equal(sales.insertText, 'sales');
      assert.match((sales.documentation as vscode.MarkdownString).value, /\*\*业务员\*\* `sales` — role/);

      // the list open in the editor
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      // with the details pane open: the role's card beside the list (the widget shows asynchronously)
      await new Promise((r) => setTimeout(r, 700));
      await vscode.commands.executeCommand('toggleSuggestionDetails');
      await screenshot('completion', { settleMs: 1500 });
      await vscode.commands.executeCommand('toggleSuggestionDetails');
      await vscode.commands.executeCommand('hideSuggestWidget');
    });

    it('offers steps in an unclosed flow list, step attributes after `step.` in `sets`, and keys with descriptions', async () => {
      const base = await textOf(ORDER);
      const text = base
        .replace('    name: 出库复核\n', '    name: 出库复核\n    next: [invoice, \n')
        .replace('    adds: [double-check]\n', '    adds: [double-check]\n    sets:\n      pick.\n')
        .replace('  REQ-004:\n', '  REQ-004:\n    ra\n');
      const doc = await scratch(name, text);
      const next = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos(doc, 'next: [invoice, ', 'next: [invoice, '.length),
        ' ',
      );
      assert.deepEqual(ours(next).map(labelOf), ['receive-order', 'credit-check', 'pick', 'double-check', 'notify-customer', 'done']);

      const attrAt = pos(doc, '      pick.\n', '      pick.'.length);
      const sets = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, attrAt, '.');
      const mode = ours(sets).find((i) => labelOf(i) === 'mode');
      assert.ok(mode, ours(sets).map(labelOf).join(', '));
      const range = mode.range as { inserting: vscode.Range; replacing: vscode.Range };
      assert.ok(range.replacing.start.isEqual(attrAt));

      const keys = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos(doc, '  REQ-004:\n    ra', '  REQ-004:\n    ra'.length),
      );
      const rationale = ours(keys).find((i) => labelOf(i) === 'rationale');
      assert.ok(rationale);
      assert.equal((rationale.documentation as vscode.MarkdownString).value, 'Why (the reason for the requirement or the decision).');

      // in Chinese when BizFlow's locale says so
      await vscode.workspace.getConfiguration('bizflow').update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
      const zh = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos(doc, '  REQ-004:\n    ra', '  REQ-004:\n    ra'.length),
      );
      const r2 = ours(zh).find((i) => labelOf(i) === 'rationale')!;
      assert.equal((r2.documentation as vscode.MarkdownString).value, '理由（需求或决定的原因）。');
    });
  });

  describe('navigation', () => {
    it('goes from a reference to its definition', async () => {
      const doc = await open(ORDER);
      const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        doc.uri,
        pos(doc, '    role: finance', '    role: fin'.length),
      );
      assert.equal(links.length, 1);
      const l = links[0] as vscode.LocationLink;
      assert.equal(l.targetUri.toString(), doc.uri.toString());
      assert.equal(doc.getText(l.targetSelectionRange), 'finance');
      assert.ok(l.targetSelectionRange!.start.isEqual(pos(doc, '  finance:', 2)));
      assert.equal(doc.getText(l.originSelectionRange), 'finance');
      // a `sets` key's step part goes to the step
      const fromSets = await vscode.commands.executeCommand<vscode.LocationLink[]>(
        'vscode.executeDefinitionProvider',
        doc.uri,
        pos(doc, 'credit-check.approver', 3),
      );
      assert.ok(fromSets[0].targetSelectionRange!.start.isEqual(pos(doc, '  credit-check:', 2)));
    });

    it('finds all references of a step, including `sets` keys', async () => {
      const doc = await open(ORDER);
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos(doc, '  pick:', 3));
      const lines = refs.map((r) => `${r.range.start.line + 1}:${doc.getText(r.range)}`);
      const text = doc.getText();
      const lineOf = (needle: string, n = 0) => {
        let i = -1;
        for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
        return doc.positionAt(i).line + 1;
      };
      assert.deepEqual(lines, [
        `${lineOf('通过: pick')}:pick`,
        `${lineOf('  pick:')}:pick`,
        `${lineOf('pick.mode: automatic')}:pick`,
        `${lineOf('pick.mode: manual-review')}:pick`,
        `${lineOf('steps: [receive-order, pick, invoice]')}:pick`,
      ]);
      const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
        'vscode.executeDocumentHighlights',
        doc.uri,
        pos(doc, '  pick:', 3),
      );
      assert.equal(highlights.length, 5);
      assert.equal(highlights.filter((h) => h.kind === vscode.DocumentHighlightKind.Write).length, 1);
    });

    it('shows a hover card with lane, requirements and conflicts', async () => {
      const doc = await open(ORDER);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, '  pick:', 3));
      const md = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).join('\n')).join('\n');
      assert.match(md, /\*\*拣货出库\*\* `pick` — step \(task\)/);
      assert.match(md, /\*\*Lane:\*\* 仓库主管 `warehouse` · 物流部/);
      assert.match(md, /`conflict\/contradiction`/);
    });

    it('shows a decided conflict as decided in the hover of the overridden requirement and of the `overrides` entry', async () => {
      const doc = await open(P2P);
      const read = async (p: vscode.Position) => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, p);
        return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)).join('\n')).join('\n');
      };
      const line = '- `REQ-103` overridden by `REQ-102`, decided by 财务总监 `cfo`';
      const onLoser = await read(pos(doc, '  REQ-103:', 3));
      assert.match(onLoser, /`REQ-103` — requirement/);
      assert.ok(onLoser.split('\n').includes(line), onLoser);
      const onEntry = await read(pos(doc, 'overrides: [REQ-103]', 'overrides: ['.length + 2));
      assert.ok(onEntry.split('\n').includes(line), onEntry);
    });

    it('lists the outline grouped into roles, steps and requirements', async () => {
      const doc = await open(ORDER);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      assert.deepEqual(
        symbols.map((s) => `${s.name}: ${s.children.map((c) => c.name).join(' ')}`),
        [
          'Roles: sales warehouse finance director',
          'Steps: receive-order credit-check pick double-check invoice notify-customer done',
          'Requirements: REQ-001 REQ-002 REQ-003 REQ-004',
        ],
      );
      const pick = symbols[1].children.find((c) => c.name === 'pick')!;
      assert.equal(pick.detail, '拣货出库');
      assert.deepEqual(pick.children.map((c) => `${c.name}=${c.detail}`), ['mode=manual']);
      assert.ok(pick.selectionRange.start.isEqual(pos(doc, '  pick:', 2)));
    });

    it('shows at most 2,000 outline entries of a large file (bizflow.outline.maxItems raises it), while Go to Symbol in Workspace finds every step', async function () {
      this.timeout(120_000); // a 6,000-step file on a shared machine
      // one role and 6,000 steps: 6,003 entries (written here: bench/generate.ts does not bundle for the web suite)
      const steps = Array.from({ length: 6000 }, (_, i) => `  s${String(i + 1).padStart(4, '0')}: { name: Step ${i + 1}, role: r1 }`);
      const content = ['bizflow: 1', 'process: { id: big, name: Big }', 'roles:', '  r1: { name: Role }', 'steps:', ...steps, ''].join('\n');
      const doc = await vscode.workspace.openTextDocument({ language: 'bizflow', content });
      await vscode.window.showTextDocument(doc);
      const outline = () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      const count = (ss: readonly vscode.DocumentSymbol[]): number => ss.reduce((n, x) => n + 1 + count(x.children), 0);
      const symbols = await outline();
      assert.equal(count(symbols), 2000);
      // the role whole, the steps the rest (2,000 − 2 sections − 1 role)
      assert.deepEqual(symbols.map((x) => `${x.name}:${x.children.length}`), ['Roles:1', 'Steps:1997']);
      assert.deepEqual([symbols[1].children[0].name, symbols[1].children[1996].name], ['s0001', 's1997']);
      const config = vscode.workspace.getConfiguration('bizflow');
      await config.update('outline.maxItems', 5000, vscode.ConfigurationTarget.Global);
      try {
        // VS Code keeps the outline of a version: the new limit shows from the next edit on
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, doc.positionAt(doc.getText().length), '# more\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const more = await outline();
        assert.equal(count(more), 5000);
        assert.deepEqual(more.map((x) => `${x.name}:${x.children.length}`), ['Roles:1', 'Steps:4997']);
        assert.equal(more[1].children[4996].name, 's4997');
      } finally {
        await config.update('outline.maxItems', undefined, vscode.ConfigurationTarget.Global);
      }
      assert.equal(vscode.workspace.getConfiguration('bizflow').inspect('outline.maxItems')?.globalValue, undefined);
      const last = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 's6000');
      assert.ok(
        last.some((x) => x.name.startsWith('s6000') && x.location.uri.toString() === doc.uri.toString()),
        last.map((x) => x.name).join('\n'),
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('finds symbols across the workspace, also in files that are not open', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'credit-check');
      const names = found.map((s) => `${s.name} @ ${s.location.uri.path.split('/').pop()}`);
      assert.ok(names.includes(`credit-check — 信用审核 @ ${ORDER}`), names.join('\n'));
      const byName = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '采购');
      assert.ok(byName.some((s) => s.location.uri.path.endsWith(P2P)), byName.map((s) => s.name).join('\n'));
    });
  });

  describe('rename', () => {
    const name = 'rename-scratch';
    it('renames a step everywhere, including `sets` keys, keeping comments', async () => {
      const base = await textOf(ORDER);
      const doc = await scratch(name, base);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        doc.uri,
        pos(doc, '  pick:', 3),
        'picking',
      );
      const edits = edit.get(doc.uri);
      assert.equal(edits.length, 5);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const expected = base
        .replace('通过: pick', '通过: picking')
        .replace('  pick:', '  picking:')
        .replace('pick.mode: automatic', 'picking.mode: automatic')
        .replace('pick.mode: manual-review', 'picking.mode: manual-review')
        .replace('steps: [receive-order, pick, invoice]', 'steps: [receive-order, picking, invoice]');
      assert.equal(doc.getText(), expected);
    });

    it('refuses an invalid id and an id already taken, with a clear message', async () => {
      const doc = await open(ORDER);
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos(doc, '  sales:', 3), 'finance')),
        /Cannot rename to "finance": role "finance" already exists \(line \d+\)/,
      );
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos(doc, '  sales:', 3), '销售')),
        /"销售" is not a valid role id/,
      );
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, pos(doc, '# 订单', 3))),
        /Nothing to rename here/,
      );
      const ok = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', doc.uri, pos(doc, '  sales:', 3));
      assert.equal(ok.placeholder, 'sales');
    });
  });

  describe('quick fixes', () => {
    const name = 'fix-scratch';
    async function applyFix(doc: vscode.TextDocument, code: string, title: RegExp): Promise<void> {
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === code), 8000, code);
      const d = ds.find((x) => codeOf(x) === code)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const action = actions.find((a) => title.test(a.title));
      assert.ok(action, `no action ${title}; have ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.ok(action.edit);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
    }

    it('replaces an unknown role with the suggested one, and the file lints clean again', async () => {
      const base = await textOf(P2P);
      const text = base.replace(/role: (\w+)/, (_m, r: string) => `role: ${r.slice(0, -1)}`);
      assert.notEqual(text, base);
      const doc = await scratch(name, text);
      await applyFix(doc, 'ref/unknown-role', /^Change to '/);
      assert.equal(doc.getText(), base);
      await waitForDiagnostics(doc.uri, (d) => d.length === 0, 8000, 'clean after the fix');
    });

    it('removes an unknown key with its nested lines', async () => {
      const base = await textOf(P2P);
      const anchor = base.indexOf('\nsteps:');
      const text = base.slice(0, anchor) + '\nnotes:   # to remove\n  - a\n  - b' + base.slice(anchor);
      const doc = await scratch(name, text);
      await applyFix(doc, 'schema/unknown-key', /^Remove 'notes'/);
      assert.equal(doc.getText(), base);
      await waitForDiagnostics(doc.uri, (d) => d.length === 0, 8000, 'clean after the fix');
    });

    it('records a decision on a contradiction and the conflict disappears', async () => {
      const base = await textOf(ORDER);
      const doc = await scratch(name, base);
      await applyFix(doc, 'conflict/contradiction', /REQ-001 wins over REQ-002/);
      assert.match(doc.getText(), /\n {6}- 订单审核通过后 5 分钟内生成拣货单\n {4}overrides: \[REQ-002\]\n {4}decidedBy: director\n {2}REQ-002:/);
      await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'conflict/contradiction'), 8000, 'no contradiction');
    });
  });

  describe('new file', () => {
    const name = 'new-file-scratch.bizflow.yaml';

    it('"BizFlow: New BizFlow File" opens an untitled starter named after the process that lints clean', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('bizflow.newFile', { processName: 'New process' });
      assert.ok(doc);
      assert.equal(doc.isUntitled, true);
      assert.equal(doc.languageId, 'bizflow');
      assert.ok(doc.uri.path.endsWith('/New-process.bizflow.yaml'), doc.uri.toString());
      assert.equal(doc.getText(), newFileTemplate('en', 'New process'));
      assert.deepEqual(api.analyses.forDocument(doc).result.diagnostics, []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('with a file URI, writes the starter there and opens it', async () => {
      const uri = fixtureUri(name);
      created.push(uri);
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('bizflow.newFile', uri);
      assert.equal(doc.uri.toString(), uri.toString());
      assert.equal(await textOf(name), newFileTemplate('en'));
      await waitForDiagnostics(uri, (d) => d.length === 0, 5000, 'a clean new file');
      assert.deepEqual(api.analyses.forDocument(doc).result.diagnostics, []);
    });
  });
});
