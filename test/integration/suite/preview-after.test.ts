// The preview's "As written | Today | After the requirements" views and the diff on the
// swimlane, in the real VS Code: the webview's SVG read after each toggle (the toolbar's buttons as they read;
// "Today" the review pack's today picture: the added step not drawn, the conflict still marked where its step exists;
// the diff restored after a reload from the source the webview kept)
// (classes per step, removed steps dashed inside their band, the role view's
// lane and its "what changes for you" line), "Compare with…" shown on the
// swimlane and the way back. Screenshots (light, dark): test/artifacts/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BizflowApi } from '../../../src/extension/extension';
import type { InspectionReport } from '../../../src/shared/protocol';
import { PreviewInspector } from '../util/inspect';
import { screenshot } from '../util/screenshot';

/** Sales removes the warehouse check and adds a call; two requirements disagree on the billing terms. */
const FLOW = `bizflow: 1
process:
  name: Order handling
  owner: boss
roles:
  sales: { name: Sales }
  warehouse: { name: Warehouse }
  finance: { name: Finance }
  boss: { name: Director }
steps:
  start: { name: Order received, type: start, role: sales, next: check }
  check: { name: Check stock, role: warehouse, next: call }
  call: { name: Call the customer, role: sales, next: bill }
  bill: { name: Bill, role: finance, attributes: { terms: 30d }, next: done }
  done: { name: Delivered, type: end, role: finance }
requirements:
  R1:
    title: Skip the stock check, call instead
    from: sales
    priority: must
    removes: [check]
    adds: [call]
  R2:
    title: Pay in 10 days
    from: finance
    priority: must
    sets: { bill.terms: 10d }
  R3:
    title: Pay in 60 days
    from: sales
    priority: must
    sets: { bill.terms: 60d }
`;

/** The older version for the diff: no call step, a pack step since removed, another bill name. */
const OLDER = FLOW.replace('  call: { name: Call the customer, role: sales, next: bill }\n', '  pack: { name: Pack, role: warehouse, next: bill }\n')
  .replace('next: call }', 'next: pack }')
  .replace('name: Bill,', 'name: Invoice,')
  .replace('    adds: [call]\n', '');

const CHANGE = /^bf-(added|removed|changed|contested)$/;

describe('BizFlow preview: today ↔ after the requirements, and the diff on the swimlane', function () {
  this.timeout(180_000);
  let api: BizflowApi;
  let inspector: PreviewInspector;
  let dir: string;
  let uri: vscode.Uri;
  let olderUri: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<BizflowApi>('bizflow.bizflow');
    assert.ok(ext);
    api = await ext.activate();
    inspector = new PreviewInspector(api.preview);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-after-'));
    uri = vscode.Uri.file(path.join(dir, 'orders.bizflow.yaml'));
    olderUri = vscode.Uri.file(path.join(dir, 'orders-v1.bizflow.yaml'));
    fs.writeFileSync(uri.fsPath, FLOW);
    fs.writeFileSync(olderUri.fsPath, OLDER);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of api.preview.all) p.dispose();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.openPreviewToSide');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    for (const p of api.preview.all) p.dispose();
    inspector.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const preview = () => {
    const p = api.preview.previewFor(uri);
    assert.ok(p, 'a preview of the file');
    return p;
  };
  const shown = (accept: (r: InspectionReport) => boolean) => inspector.waitForRender(uri, { timeoutMs: 60_000, accept: (r) => r.status === 'ok' && accept(r) });
  const changes = (r: InspectionReport) =>
    Object.fromEntries(Object.entries(r.stepClasses).map(([id, cls]) => [id, cls.filter((c) => CHANGE.test(c))]).filter(([, cls]) => cls.length));
  const inBand = (r: InspectionReport, step: string, role: string) => {
    const s = r.geometry.steps.find((x) => x.id === step)!;
    const l = r.geometry.lanes.find((x) => x.roleId === role)!;
    assert.ok(s && l, `${step} and the ${role} band drawn`);
    return s.x >= l.x - 1 && s.y >= l.y - 1 && s.x + s.width <= l.x + l.width + 1 && s.y + s.height <= l.y + l.height + 1;
  };

  const drawnSteps = (r: InspectionReport) => r.geometry.steps.map((s) => s.id).sort();
  const inConflict = (r: InspectionReport) => [...r.conflictNodeIds.error, ...r.conflictNodeIds.warning];

  it('opens "As written"; "Today" is the pack\'s today (the added step not drawn, the contested bill still marked); the buttons say so', async () => {
    const written = await shown((r) => r.mode === 'written');
    assert.deepStrictEqual(
      written.modeButtons.map((b) => [b.mode, b.text, b.pressed]),
      [
        ['written', 'As written', true],
        ['today', 'Today', false],
        ['after', 'After the requirements', false],
      ],
    );
    assert.match(written.modeButtons[0].title, /Every step of the file/);
    assert.match(written.modeButtons[1].title, /before the requirements: the steps they add are not drawn/);
    assert.deepStrictEqual(drawnSteps(written), ['bill', 'call', 'check', 'done', 'start']);
    assert.deepStrictEqual(changes(written), {}, 'as written: no change overlay');
    assert.ok(inConflict(written).includes('bill'), `bill in conflict: ${JSON.stringify(written.conflictNodeIds)}`);

    await preview().setMode('today');
    const today = await shown((r) => r.mode === 'today');
    assert.deepStrictEqual(drawnSteps(today), ['bill', 'check', 'done', 'start'], 'call is added by R1: not there today');
    assert.deepStrictEqual(changes(today), {}, 'today: no change overlay');
    assert.ok(!today.dashedSteps.includes('check'), 'the step R1 removes runs today: not dashed');
    assert.ok(inConflict(today).includes('bill'), 'the conflict on bill stays visible today');
    assert.deepStrictEqual(
      today.modeButtons.map((b) => [b.mode, b.pressed]),
      [
        ['written', false],
        ['today', true],
        ['after', false],
      ],
    );
    assert.match(today.banner, /Today: not drawn yet \(a requirement adds them\): Call the customer\./);
    preview().view('fit');
    await screenshot('preview-today-light', { settleMs: 800 });
    const workbench = vscode.workspace.getConfiguration('workbench');
    await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    const dark = await shown((r) => r.mode === 'today' && r.theme === 'dark' && r.mermaidTheme === 'base/dark');
    assert.deepStrictEqual(drawnSteps(dark), drawnSteps(today));
    preview().view('fit');
    await screenshot('preview-today-dark', { settleMs: 800 });
    await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await shown((r) => r.mode === 'today' && r.theme === 'light');

    await preview().setMode('written');
    const back = await shown((r) => r.mode === 'written');
    assert.deepStrictEqual(drawnSteps(back), drawnSteps(written));
  });

  it('toggles to "After the requirements": removed dashed in its band, added and contested marked, no side picked; and back', async () => {
    const before = await shown((r) => r.mode === 'written');
    assert.deepStrictEqual(changes(before), {}, 'as written: no change overlay');

    await preview().setMode('after');
    const after = await shown((r) => r.mode === 'after');
    assert.deepStrictEqual(changes(after), { check: ['bf-removed'], call: ['bf-added'], bill: ['bf-contested'] });
    assert.ok(after.dashedSteps.includes('check'), `check dashed: ${JSON.stringify(after.dashedSteps)}`);
    assert.ok(!after.dashedSteps.includes('call') && !after.dashedSteps.includes('start'), JSON.stringify(after.dashedSteps));
    assert.ok(inBand(after, 'check', 'warehouse'), 'the removed step stays inside its band');
    // the whole picture in the screenshots (the toolbar's Fit)
    preview().view('fit');
    await screenshot('preview-after-light', { settleMs: 800 });

    const workbench = vscode.workspace.getConfiguration('workbench');
    await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    const dark = await shown((r) => r.mode === 'after' && r.theme === 'dark' && r.mermaidTheme === 'base/dark');
    assert.deepStrictEqual(changes(dark), changes(after));
    preview().view('fit');
    await screenshot('preview-after-dark', { settleMs: 800 });
    await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await shown((r) => r.mode === 'after' && r.theme === 'light');

    await preview().setMode('written');
    const back = await shown((r) => r.mode === 'written');
    assert.deepStrictEqual(changes(back), {});
  });

  it('combines with the role view: the role\'s lane, its steps\' changes and "what changes for you"', async () => {
    await preview().setMode('after');
    await preview().setRole('sales');
    const r = await shown((x) => x.mode === 'after' && x.roleSelected === 'sales');
    assert.deepStrictEqual(changes(r), { check: ['bf-removed'], call: ['bf-added'], bill: ['bf-contested'] });
    assert.match(r.banner, /What changes for Sales after the requirements: 1 step\(s\) added, 0 removed, 0 changed, 0 contested/);
    await preview().setRole(undefined);
    await preview().setMode('written');
    await shown((x) => x.mode === 'written' && x.roleSelected === '');
  });

  it('"Compare with…" shows the diff on the swimlane: added, removed (dashed, in its old band), changed; "As written" goes back', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.compareWith', uri, { other: olderUri, show: 'swimlane' });
    const r = await shown((x) => x.mode === 'diff');
    assert.deepStrictEqual(changes(r), { check: ['bf-changed'], call: ['bf-added'], pack: ['bf-removed'], bill: ['bf-changed'] });
    assert.ok(r.dashedSteps.includes('pack'), JSON.stringify(r.dashedSteps));
    assert.ok(inBand(r, 'pack', 'warehouse'), 'the removed step is drawn in its old band');
    assert.match(r.banner, /Changes since \S*orders-v1\.bizflow\.yaml/);
    preview().view('fit');
    await screenshot('preview-diff-light', { settleMs: 800 });

    assert.deepStrictEqual(r.modeButtons.map((b) => [b.mode, b.pressed]).at(-1), ['diff', true]);
    await preview().setMode('written');
    const back = await shown((x) => x.mode === 'written');
    assert.deepStrictEqual(changes(back), {});
    assert.ok(!back.geometry.steps.some((s) => s.id === 'pack'), 'the older version\'s step is gone again');
  });
  it('a diff on the swimlane survives a window reload: its source and name are kept (not the old text) and read again; a source gone says so', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.compareWith', uri, { other: olderUri, show: 'swimlane' });
    const before = await shown((x) => x.mode === 'diff');
    const state = before.persisted;
    assert.strictEqual(state.mode, 'diff');
    assert.deepStrictEqual(state.diff?.source, { kind: 'file', uri: olderUri.toString() });
    assert.match(state.diff?.label ?? '', /orders-v1\.bizflow\.yaml$/);
    assert.ok(!JSON.stringify(state).includes('Invoice'), 'the old text is not kept');

    // the reload: the panel goes, VS Code hands the state the webview kept to the serializer
    const revive = (s: unknown) => {
      for (const p of api.preview.all) p.dispose();
      const panel = vscode.window.createWebviewPanel('bizflow.preview', 'restored', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true }, { enableScripts: true });
      assert.ok(api.preview.revive(panel, s), 'the panel is restored');
    };
    revive(state);
    const restored = await shown((x) => x.mode === 'diff');
    assert.deepStrictEqual(changes(restored), changes(before));
    assert.deepStrictEqual(drawnSteps(restored), drawnSteps(before));
    assert.ok(restored.dashedSteps.includes('pack'), 'the removed step of the older version is back, dashed');
    assert.match(restored.banner, /Changes since \S*orders-v1\.bizflow\.yaml/);
    assert.deepStrictEqual(restored.persisted.diff, state.diff);
    assert.deepStrictEqual(restored.modeButtons.map((b) => [b.mode, b.pressed]).at(-1), ['diff', true]);

    // the other file is gone: the file as written, and why
    const gone = olderUri.fsPath + '.gone';
    fs.renameSync(olderUri.fsPath, gone);
    try {
      revive(restored.persisted);
      const r = await shown((x) => x.mode === 'written' && /could not be shown again/.test(x.banner));
      assert.match(r.banner, /The comparison with \S*orders-v1\.bizflow\.yaml could not be shown again \(the file was moved or deleted\): showing the file as written\./);
      assert.deepStrictEqual(changes(r), {});
      assert.deepStrictEqual(drawnSteps(r), ['bill', 'call', 'check', 'done', 'start']);
      assert.strictEqual(r.persisted.diff, undefined, 'nothing left to restore next time');
      assert.ok(!r.modeButtons.some((b) => b.mode === 'diff'), 'no diff button');
      preview().view('fit');
      await screenshot('preview-diff-not-restored-light', { settleMs: 800 });
      // changing the view clears the message
      await preview().setMode('today');
      const t = await shown((x) => x.mode === 'today');
      assert.doesNotMatch(t.banner, /could not be shown again/);
    } finally {
      fs.renameSync(gone, olderUri.fsPath);
    }

    // a git revision of a file in no repository: read through the Git extension, says why
    revive({ uri: uri.toString(), locked: false, mode: 'diff', diff: { source: { kind: 'git', revision: 'HEAD', path: 'orders.bizflow.yaml' }, label: 'HEAD:orders.bizflow.yaml' } });
    const g = await shown((x) => x.mode === 'written' && /could not be shown again/.test(x.banner));
    assert.match(g.banner, /The comparison with HEAD:orders\.bizflow\.yaml could not be shown again \(.*not in a git repository.*\): showing the file as written\./);
    await preview().setMode('written');
  });
});
