import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { BizflowApi } from '../../../src/extension/extension';
import { buildTree } from '../../../src/core/tree';
import type { TreeElement, TreeViews } from '../../../src/extension/tree/views';
import { screenshot } from '../util/screenshot';
import { activateExtension, closeEverything, fixtureUri } from '../util/wait';

type Provider = vscode.TreeDataProvider<TreeElement>;

interface Row {
  el: TreeElement;
  item: vscode.TreeItem;
  depth: number;
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const iconId = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '');
const iconColor = (item: vscode.TreeItem) =>
  item.iconPath instanceof vscode.ThemeIcon ? (item.iconPath.color as vscode.ThemeColor | undefined)?.id : undefined;

async function children(p: Provider, el?: TreeElement): Promise<Row[]> {
  const els = (await p.getChildren(el)) ?? [];
  return Promise.all(els.map(async (e) => ({ el: e, item: await p.getTreeItem(e), depth: 0 })));
}

/** The whole tree, depth first. */
async function flatten(p: Provider, el?: TreeElement, depth = 0): Promise<Row[]> {
  const out: Row[] = [];
  for (const row of await children(p, el)) {
    out.push({ ...row, depth });
    out.push(...(await flatten(p, row.el, depth + 1)));
  }
  return out;
}

async function child(p: Provider, parent: TreeElement | undefined, id: string): Promise<Row> {
  const rows = await children(p, parent);
  const row = rows.find((r) => r.item.id === id);
  assert.ok(row, `no child ${id} under ${parent?.node.id ?? 'the root'}; have ${rows.map((r) => r.item.id).join(', ')}`);
  return row;
}

/** Resolves once the trees show `uri` and `accept` holds (checked now and after every refresh). */
function waitForTree(tree: TreeViews, accept: (t: TreeViews) => boolean, what: string, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!accept(tree)) return false;
      cleanup();
      resolve();
      return true;
    };
    const sub = tree.onDidRefresh(() => check());
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the tree: ${what} (showing ${tree.document?.toString() ?? 'nothing'})`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

const showing = (uri: vscode.Uri, version?: number) => (t: TreeViews) =>
  t.document?.toString() === uri.toString() && (version === undefined || t.analysis?.version === version);

async function open(uri: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: column });
}

describe('roles & requirements tree views', function () {
  this.timeout(30_000);
  let tree: TreeViews;
  const order = fixtureUri('order-fulfilment.bizflow.yaml');

  before(async () => {
    const api = await activateExtension<BizflowApi>();
    tree = api.tree;
    assert.ok(tree, 'the extension API exposes the tree views');
    await tree.setGrouping('status');
    await closeEverything();
  });

  after(async () => {
    await tree.setGrouping('status');
    await closeEverything();
  });

  it('the Roles view lists roles with their lanes, asks, burdens and data for the order-fulfilment example', async () => {
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    const roles = await children(tree.roles);
    assert.deepEqual(
      roles.map((r) => [r.item.id, label(r.item), r.item.description, iconId(r.item)]),
      [
        ['role/sales', '业务员', 'sales · 业务部', 'person'],
        ['role/warehouse', '仓库主管', 'warehouse · 物流部', 'person'],
        ['role/finance', '财务专员', 'finance · 财务部', 'person'],
        ['role/director', '运营总监', 'director · 管理层', 'person'],
      ],
    );
    assert.ok(roles.every((r) => r.item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed));

    const warehouse = roles[1].el;
    const sections = await children(tree.roles, warehouse);
    assert.deepEqual(
      sections.map((s) => [s.item.id, label(s.item), s.item.description]),
      [
        ['role/warehouse/steps', 'Steps in its lane', '2'],
        ['role/warehouse/asked', 'Requirements it asked for', '1'],
        ['role/warehouse/burden', 'Requirements that change its work', '2'],
        ['role/warehouse/changes', 'What changes', '4'],
        ['role/warehouse/needs', 'Data it needs', '1'],
      ],
    );
    const steps = await children(tree.roles, sections[0].el);
    assert.deepEqual(
      steps.map((s) => [label(s.item), s.item.description, iconId(s.item), iconColor(s.item)]),
      [
        ['拣货出库', 'pick · 2 conflicts', 'symbol-event', 'list.warningForeground'],
        ['出库复核', 'double-check · 1 conflict', 'symbol-event', 'list.warningForeground'],
      ],
    );
    const burden = await children(tree.roles, sections[2].el);
    assert.deepEqual(
      burden.map((b) => [b.item.id, label(b.item), b.item.description, iconId(b.item), b.item.contextValue]),
      [
        [
          'role/warehouse/burden/REQ-001',
          'REQ-001 订单一键下推仓库，自动拣货',
          'from 业务员 · sets pick.mode = automatic · not agreed',
          'warning',
          'bizflow.burden.unagreed revealable',
        ],
        [
          'role/warehouse/burden/REQ-003',
          'REQ-003 每个环节写入追溯日志，三端数据拉通',
          'from 运营总监 · adds double-check · not agreed',
          'warning',
          'bizflow.burden.unagreed revealable',
        ],
      ],
    );

    // finance needs credit-report, which nobody produces
    const finance = roles[2].el;
    const needs = await child(tree.roles, finance, 'role/finance/needs');
    const data = await children(tree.roles, needs.el);
    assert.deepEqual(
      data.map((d) => [label(d.item), d.item.description, iconId(d.item)]),
      [
        ['credit-report', 'produced by no step', 'warning'],
        ['invoice', '', 'database'],
      ],
    );
    // getParent leads back to the root (TreeView.reveal relies on it)
    const parent = await tree.roles.getParent!(data[0].el);
    assert.equal(parent?.node.id, 'role/finance/needs');
  });

  it('the Requirements view groups by status, marks conflicting requirements and lists their conflicts; the badge counts open conflicts', async () => {
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    const groups = await children(tree.requirements);
    assert.deepEqual(
      groups.map((g) => [g.item.id, label(g.item), g.item.description]),
      [
        ['group/status/proposed', 'Proposed', '3 · 3 conflicts'],
        ['group/status/accepted', 'Accepted', '1 · 1 conflict'],
      ],
    );
    const proposed = await children(tree.requirements, groups[0].el);
    assert.deepEqual(
      proposed.map((r) => [r.item.id, label(r.item), r.item.description, iconId(r.item), iconColor(r.item)]),
      [
        ['req/REQ-002', 'REQ-002 高价值订单出库前人工复核', 'should · 仓库主管 · 1 conflict', 'warning', 'list.warningForeground'],
        ['req/REQ-003', 'REQ-003 每个环节写入追溯日志，三端数据拉通', 'must · 运营总监 · 1 conflict', 'warning', 'list.warningForeground'],
        ['req/REQ-004', 'REQ-004 信用审核改由总监审批', 'could · 运营总监 · 1 conflict', 'warning', 'list.warningForeground'],
      ],
    );
    const req1 = await child(tree.requirements, groups[1].el, 'req/REQ-001');
    assert.equal(req1.item.description, 'must · 业务员 · 2 conflicts');
    assert.equal(req1.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const conflicts = await children(tree.requirements, req1.el);
    assert.deepEqual(
      conflicts.map((c) => [c.item.description, iconId(c.item)]),
      [
        ['conflict/contradiction', 'warning'],
        ['conflict/unagreed-burden', 'warning'],
      ],
    );
    assert.equal(label(conflicts[0].item), 'Contradiction on pick.mode: REQ-001 (must, 业务员) sets "automatic", REQ-002 (should, 仓库主管) sets "manual-review".');
    assert.ok(conflicts[0].item.tooltip instanceof vscode.MarkdownString);
    assert.match((conflicts[0].item.tooltip as vscode.MarkdownString).value, /overrides/);

    assert.equal(tree.requirementsView.badge?.value, 4);
    assert.equal(tree.requirementsView.badge?.tooltip, '4 conflicts');
    assert.equal(tree.conflictCount, 4);
    assert.equal(tree.requirementsView.description, 'order-fulfilment.bizflow.yaml · by status');
  });

  it('switching the grouping from the view title regroups the requirements and is remembered', async () => {
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    try {
      await vscode.commands.executeCommand('bizflow.requirements.groupByPriority');
      assert.equal(tree.grouping, 'priority');
      let groups = await children(tree.requirements);
      assert.deepEqual(
        groups.map((g) => [g.item.id, label(g.item), g.item.description]),
        [
          ['group/priority/must', 'Must have', '2 · 3 conflicts'],
          ['group/priority/should', 'Should have', '1'],
          ['group/priority/could', 'Could have', '1 · 1 conflict'],
        ],
      );
      const must = await children(tree.requirements, groups[0].el);
      assert.deepEqual(must.map((r) => r.item.id), ['req/REQ-001', 'req/REQ-003']);
      // the status shows once it is no longer the grouping
      assert.equal(must[0].item.description, 'must · 业务员 · accepted · 2 conflicts');
      assert.equal(tree.requirementsView.description, 'order-fulfilment.bizflow.yaml · by priority');

      await vscode.commands.executeCommand('bizflow.requirements.groupByRole');
      groups = await children(tree.requirements);
      assert.deepEqual(
        groups.map((g) => [g.item.id, label(g.item), g.item.description, iconId(g.item)]),
        [
          ['group/role/sales', '业务员', 'sales · 1 · 2 conflicts', 'person'],
          ['group/role/warehouse', '仓库主管', 'warehouse · 1', 'person'],
          ['group/role/director', '运营总监', 'director · 2 · 2 conflicts', 'person'],
        ],
      );
      // the choice is kept in the workspace state for the next session
      assert.equal(tree.grouping, 'role');
      assert.equal(tree.savedGrouping, 'role');
    } finally {
      await vscode.commands.executeCommand('bizflow.requirements.groupByStatus');
    }
    assert.equal(tree.grouping, 'status');
    assert.equal(tree.savedGrouping, 'status');
    assert.deepEqual((await children(tree.requirements)).map((g) => g.item.id), ['group/status/proposed', 'group/status/accepted']);
  });

  it('clicking an item selects its key in the editor, even after another editor became active', async () => {
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    // a non-BizFlow editor becomes active: the trees keep showing the last BizFlow document
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a BizFlow file\n' });
    await vscode.window.showTextDocument(other, { preview: false });
    assert.equal(tree.document?.toString(), order.toString());

    const click = async (row: Row) => {
      const cmd = row.item.command;
      assert.ok(cmd, `item ${row.item.id} has a command`);
      assert.equal(cmd.command, 'bizflow.tree.reveal');
      await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an editor is active');
      assert.equal(editor.document.uri.toString(), order.toString());
      return { text: editor.document.getText(editor.selection), line: editor.selection.start.line + 1 };
    };

    const proposed = await child(tree.requirements, undefined, 'group/status/proposed');
    const req3 = await child(tree.requirements, proposed.el, 'req/REQ-003');
    assert.deepEqual(await click(req3), { text: 'REQ-003', line: 93 });

    const accepted = await child(tree.requirements, undefined, 'group/status/accepted');
    const req1 = await child(tree.requirements, accepted.el, 'req/REQ-001');
    const contradiction = (await children(tree.requirements, req1.el))[0];
    assert.deepEqual(await click(contradiction), { text: 'pick.mode: automatic', line: 82 });

    const finance = await child(tree.roles, undefined, 'role/finance');
    const needs = await child(tree.roles, finance.el, 'role/finance/needs');
    const credit = await child(tree.roles, needs.el, 'role/finance/needs/credit-report');
    assert.deepEqual(await click(credit), { text: 'credit-report', line: 25 });

    const steps = await child(tree.roles, (await child(tree.roles, undefined, 'role/warehouse')).el, 'role/warehouse/steps');
    const pick = await child(tree.roles, steps.el, 'role/warehouse/steps/pick');
    assert.deepEqual(await click(pick), { text: 'pick', line: 49 });

    // the context-menu entry does the same with the element it is given
    const role = await child(tree.roles, undefined, 'role/director');
    assert.match(role.item.contextValue ?? '', /\brevealable\b/);
    await vscode.commands.executeCommand('bizflow.tree.reveal', role.el);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), 'director');
    assert.equal(editor.selection.start.line + 1, 26);
  });

  it('"Show in Preview" opens the preview of the document when the preview exists', async () => {
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    const role = await child(tree.roles, undefined, 'role/sales');
    assert.ok((await vscode.commands.getCommands(true)).includes('bizflow.openPreviewToSide'), 'the preview command exists');
    for (const p of (await activateExtension<BizflowApi>()).preview.all) p.dispose();
    const webviews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    const opened = new Promise<void>((resolve, reject) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (webviews().length) {
          sub.dispose();
          clearTimeout(timer);
          resolve();
        }
      });
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error('no preview tab opened within 8 s'));
      }, 8000);
    });
    await vscode.commands.executeCommand('bizflow.tree.showInPreview', role.el);
    if (!webviews().length) await opened;
    assert.ok(webviews().length > 0, 'a preview tab opened');
  });

  it('refreshes as the user types and keeps every item id stable', async () => {
    const uri = fixtureUri('tree-editing.bizflow.yaml');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(order));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const editor = await open(uri);
      await waitForTree(tree, showing(uri), 'the scratch copy');
      // expand some nodes as a user would
      const warehouse = await child(tree.roles, undefined, 'role/warehouse');
      await tree.rolesView.reveal(warehouse.el, { expand: true, select: false, focus: false });
      const idsOf = async () => [...(await flatten(tree.roles)), ...(await flatten(tree.requirements))].map((r) => r.item.id);
      const before = await idsOf();
      const collapsed: string[] = [];
      const sub = tree.rolesView.onDidCollapseElement((e) => collapsed.push(e.element.node.id));
      try {
        // a comment line at the top moves every offset
        await editor.edit((e) => e.insert(new vscode.Position(2, 0), '# 注释：所有偏移都变了\n'));
        await waitForTree(tree, showing(uri, editor.document.version), 'the edit');
        assert.deepEqual(await idsOf(), before);
        // the spans follow the text: REQ-003's key is one line lower
        const proposed = await child(tree.requirements, undefined, 'group/status/proposed');
        const req3 = await child(tree.requirements, proposed.el, 'req/REQ-003');
        await vscode.commands.executeCommand(req3.item.command!.command, ...(req3.item.command!.arguments ?? []));
        assert.equal(vscode.window.activeTextEditor!.selection.start.line + 1, 94);
        assert.equal(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), 'REQ-003');

        // REQ-002 now agrees with REQ-001: the contradiction disappears, the badge drops to 3
        const doc = editor.document;
        const at = doc.getText().indexOf('pick.mode: manual-review');
        const range = new vscode.Range(doc.positionAt(at + 'pick.mode: '.length), doc.positionAt(at + 'pick.mode: manual-review'.length));
        await editor.edit((e) => e.replace(range, 'automatic'));
        await waitForTree(tree, showing(uri, editor.document.version), 'the second edit');
        assert.equal(tree.requirementsView.badge?.value, 3);
        const after = await idsOf();
        const gone = before.filter((id) => !after.includes(id));
        assert.deepEqual(gone.sort(), [
          'req/REQ-001/conflict%2Fcontradiction/REQ-002/pick',
          'req/REQ-002/conflict%2Fcontradiction/REQ-001/pick',
        ]);
        assert.deepEqual(after.filter((id) => !before.includes(id)), []);
        assert.deepEqual(collapsed, [], 'no node collapsed by the refreshes');
      } finally {
        sub.dispose();
      }
    } finally {
      // save first: closing a dirty editor may save it after the file was deleted (without asking `isDirty`:
      // it can read false while there are unsaved changes, see ../util/documents.ts)
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc) await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('with the analysis worker, switching editors, closing a tab and changing the grouping build no model on the extension host; the trees are those the host built', async () => {
    const api = await activateExtension<BizflowApi>();
    assert.ok(api.worker, 'an analysis worker (desktop: worker_threads, web: a Web Worker)');
    const procure = fixtureUri('procure-to-pay.bizflow.yaml');
    const rows = async () => [...(await flatten(tree.roles)), ...(await flatten(tree.requirements))].map((r) => [r.item.id, label(r.item), r.item.description, r.depth]);
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    const orderDoc = vscode.window.activeTextEditor!.document;
    const built = api.analyses.stats.hostModels;
    try {
      const byStatus = await rows();
      // another grouping: asked of the worker (the analysis shown was packed with the status grouping)
      await vscode.commands.executeCommand('bizflow.requirements.groupByPriority');
      assert.equal(tree.grouping, 'priority');
      assert.deepEqual((await children(tree.requirements)).map((g) => g.item.id), ['group/priority/must', 'group/priority/should', 'group/priority/could']);
      const byPriority = await rows();
      await vscode.commands.executeCommand('bizflow.requirements.groupByRole');
      assert.deepEqual((await children(tree.requirements)).map((g) => g.item.id), ['group/role/sales', 'group/role/warehouse', 'group/role/director']);
      await vscode.commands.executeCommand('bizflow.requirements.groupByPriority');
      assert.deepEqual(await rows(), byPriority, 'the same priority trees again');
      // an editor switch: the other document's analysis (its trees packed with it, or asked of the worker)
      await open(procure);
      await waitForTree(tree, showing(procure), 'procure-to-pay');
      assert.ok((await children(tree.roles)).length > 0, 'procure-to-pay has roles');
      await open(order);
      await waitForTree(tree, showing(order), 'order-fulfilment again');
      assert.deepEqual(await rows(), byPriority, 'order-fulfilment by priority, as before the switch');
      await vscode.commands.executeCommand('bizflow.requirements.groupByStatus');
      assert.deepEqual(await rows(), byStatus, 'back to the status grouping: the same trees');
      // the tab of the document shown closes: the trees show the other open document
      await open(procure);
      await waitForTree(tree, showing(procure), 'procure-to-pay again');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitForTree(tree, showing(order), 'order-fulfilment after procure-to-pay closed');
      assert.deepEqual(await rows(), byStatus);
      assert.equal(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');
      // the same trees as built on the host from the document's analysis (what the views did before)
      for (const grouping of ['status', 'priority'] as const) {
        await tree.setGrouping(grouping);
        const a = api.analyses.forDocument(orderDoc);
        assert.equal(tree.analysis?.version, a.version);
        assert.deepEqual(tree.snapshot?.data, buildTree(a.result.model, a.result.diagnostics, grouping), grouping);
      }
      // the counter counts: a synchronous analysis of a new text builds its model on the host
      const probe = vscode.Uri.parse('untitled:counter-probe.bizflow.yaml');
      const counted = api.analyses.stats.hostModels;
      api.analyses.forText(probe, 'steps: {}\n', -1);
      api.analyses.forget(probe);
      assert.equal(api.analyses.stats.hostModels, counted + 1, 'the counter counts');
    } finally {
      await tree.setGrouping('status');
    }
  });

  it('screenshot: the BizFlow container with expanded roles and requirements', async () => {
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.view.extension.bizflow');
    // a wider side bar, so that descriptions are readable in the picture
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let i = 0; i < 8; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    const warehouse = await child(tree.roles, undefined, 'role/warehouse');
    await tree.rolesView.reveal(warehouse.el, { expand: 2, select: false, focus: false });
    const financeNeeds = await child(tree.roles, (await child(tree.roles, undefined, 'role/finance')).el, 'role/finance/needs');
    await tree.rolesView.reveal(financeNeeds.el, { expand: true, select: false, focus: false });
    const accepted = await child(tree.requirements, undefined, 'group/status/accepted');
    const req1 = await child(tree.requirements, accepted.el, 'req/REQ-001');
    await tree.requirementsView.reveal(req1.el, { expand: true, select: true, focus: false });
    assert.ok(tree.rolesView.visible, 'the Roles view is visible');
    assert.ok(tree.requirementsView.visible, 'the Requirements view is visible');
    await screenshot('tree', { settleMs: 800 });
  });

  it('with no BizFlow document open any more, both views show their welcome content', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForTree(tree, (t) => t.document === undefined, 'no document');
    assert.equal(tree.requirementsView.badge, undefined);
    assert.deepEqual(await children(tree.roles), []);
    assert.deepEqual(await children(tree.requirements), []);
    await vscode.commands.executeCommand('workbench.view.extension.bizflow');
    await screenshot('tree-welcome', { settleMs: 800 });
    // opening a BizFlow file again fills the views
    await open(order);
    await waitForTree(tree, showing(order), 'order-fulfilment again');
    assert.equal((await children(tree.roles)).length, 4);
  });
});
