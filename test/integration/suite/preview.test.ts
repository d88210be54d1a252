// The live swimlane preview, in the real VS Code (code-server + headless
// Chromium): the webview draws with the bundled Mermaid and reports what its
// SVG holds when a test asks (an `inspect` request, ../util/inspect.ts), so these tests
// assert on what the user sees. Screenshots: test/artifacts/preview-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { generateFlow } from '../../../bench/generate';
import type { BizflowApi } from '../../../src/extension/extension';
import type { PreviewManager } from '../../../src/extension/preview/manager';
import { diagnosticsOfStep, prepareRender } from '../../../src/shared/preview-render';
import { LineIndex } from '../../../src/core/positions';
import type { InspectionReport } from '../../../src/shared/protocol';
import { PreviewInspector } from '../util/inspect';
import { screenshot } from '../util/screenshot';
import { closeEverything } from '../util/wait';
import { restoreDocument } from '../util/documents';

const EXTENSION_ID = 'bizflow.bizflow';
const KNOWN_MESSAGES = new Set([
  'ready',
  'rendered',
  'openStep',
  'setRole',
  'setOnlyConflictLanes',
  'runCommand',
  // the webview's answers (export, and the tests' inspect / simulate), and its requests by method
  'response',
  'getStepDetails',
]);

/**
 * The swimlane geometry of a drawing, as the webview's SVG has it: the bands
 * are parallel (same start and length along the flow) and disjoint across
 * it, every step's box is inside its role's band, the steps without a (known)
 * role inside the unassigned band. `lr`: bands are horizontal.
 */
function assertBands(r: InspectionReport, roleOf: (stepId: string) => string | undefined, lr = true): void {
  const lanes = [...r.geometry.lanes].sort((a, b) => (lr ? a.y - b.y : a.x - b.x));
  assert.ok(lanes.length > 0, 'bands drawn');
  const along = (l: { x: number; y: number; width: number; height: number }) => (lr ? [l.x, l.width] : [l.y, l.height]);
  const [a0, len0] = along(lanes[0]);
  for (const l of lanes) {
    const [a, len] = along(l);
    assert.ok(Math.abs(a - a0) <= 1 && Math.abs(len - len0) <= 1, `band ${l.label} is parallel to ${lanes[0].label} (${a}+${len} vs ${a0}+${len0})`);
  }
  for (let i = 1; i < lanes.length; i++) {
    const prev = lanes[i - 1];
    const end = lr ? prev.y + prev.height : prev.x + prev.width;
    const start = lr ? lanes[i].y : lanes[i].x;
    assert.ok(start >= end - 1, `bands ${prev.label} and ${lanes[i].label} do not overlap (${end} > ${start})`);
  }
  const inside = (s: { x: number; y: number; width: number; height: number }, l: { x: number; y: number; width: number; height: number }) =>
    s.x >= l.x - 1 && s.y >= l.y - 1 && s.x + s.width <= l.x + l.width + 1 && s.y + s.height <= l.y + l.height + 1;
  for (const st of r.geometry.steps) {
    const role = roleOf(st.id);
    const lane = role !== undefined ? lanes.find((l) => l.roleId === role) : lanes.find((l) => l.roleId === undefined);
    assert.ok(lane, `the band of ${st.id} (${role ?? 'unassigned'})`);
    assert.ok(inside(st, lane), `${st.id} ${JSON.stringify(st)} inside its band ${lane.label} ${JSON.stringify(lane)}`);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

describe('BizFlow preview', function () {
  this.timeout(120_000);
  let api: BizflowApi;
  let manager: PreviewManager;
  let inspector: PreviewInspector;
  let root: vscode.Uri;
  let order: vscode.Uri;
  let editor: vscode.TextEditor;
  let originalText: string | undefined;

  before(async () => {
    const ext = vscode.extensions.getExtension<BizflowApi>(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    api = await ext.activate();
    manager = api.preview;
    assert.ok(manager, 'the extension API has no preview manager');
    inspector = new PreviewInspector(manager);
    root = vscode.workspace.workspaceFolders![0].uri;
    order = vscode.Uri.joinPath(root, 'order-fulfilment.bizflow.yaml');
    await closeEverything();
  });

  after(async () => {
    for (const p of manager.all) p.dispose();
    inspector.dispose();
    await closeEverything();
  });

  afterEach(async function () {
    // every test leaves the fixture as it found it, in the editor and on disk (the web's auto save may have
    // written a test's intermediate text): put back, saved and checked by restoreDocument, never by `isDirty`,
    // `undo` or `revert` (../util/documents.ts says why); a test that passed must have taken its edits out
    if (originalText === undefined || !editor) return;
    const left = editor.document.isClosed ? undefined : editor.document.getText();
    await restoreDocument(order, originalText);
    if (this.currentTest?.state === 'passed') assert.strictEqual(left, originalText, `"${this.currentTest.title}" left the fixture's text changed`);
  });

  function previewOf(uri: vscode.Uri) {
    const p = manager.previewFor(uri);
    assert.ok(p, `no preview of ${uri.path}`);
    return p;
  }

  it('opens to the side and draws one lane per role with conflict styling on the right steps', async () => {
    const doc = await vscode.workspace.openTextDocument(order);
    originalText = doc.getText();
    editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.openPreviewToSide');
    const r = await inspector.waitForRender(order, { timeoutMs: 60_000 });
    assert.strictEqual(r.status, 'ok', r.banner || r.error);
    const model = api.analyses.forDocument(doc).result.model;
    // one band per role with steps (name · department), in the file's roles: order, and the end step (no
    // role) in the labelled unassigned band, last; the director has no step, so no band
    const bands = [...r.geometry.lanes].sort((a, b) => a.y - b.y).map((l) => l.label);
    assert.deepStrictEqual(bands, ['业务员 · 业务部', '仓库主管 · 物流部', '财务专员 · 财务部', 'unassigned']);
    const roleOf = (id: string) => {
      const rid = model.steps.byId.get(id)?.role?.id;
      return rid !== undefined && model.roles.byId.has(rid) ? rid : undefined;
    };
    assertBands(r, roleOf);
    assert.strictEqual(r.geometry.steps.length, model.steps.list.length);
    assert.strictEqual(r.nodeCount, model.steps.list.length);
    assert.strictEqual(r.nodeLabels['pick'], '拣货出库');
    // REQ-001 (must) vs REQ-002 (should) on pick.mode: a contradiction, a warning (error only when both are must);
    // the unagreed burdens mark pick, double-check and credit-check
    assert.deepStrictEqual(r.conflictNodeIds.error, []);
    assert.deepStrictEqual([...r.conflictNodeIds.warning].sort(), ['credit-check', 'double-check', 'pick']);
    assert.strictEqual(r.badges['pick'], 2, 'pick: the contradiction and an unagreed burden');
    assert.strictEqual(r.badges['invoice'], undefined);
    assert.match(r.conflictBadge, /4/);
    assert.deepStrictEqual(r.security.cspViolations, [], 'no CSP violation: Mermaid runs without eval and without inline scripts');
    assert.ok(['light', 'dark', 'high-contrast', 'high-contrast-light'].includes(r.theme));
    const p = previewOf(order);
    assert.match(p.panel.title, /order-fulfilment\.bizflow\.yaml/);
    assert.strictEqual(p.panel.viewColumn, vscode.ViewColumn.Two);
    // no diagnostic text was sent with the drawing
    assert.ok(p.model!.steps.every((s) => !('diagnostics' in s)));
    // labels legible at the first zoom: fit to width keeps them ≥ 10 px, or the view starts at the start step
    assert.ok(r.labelPx >= 10 - 1e-6, `labels ${r.labelPx} px on screen at ${r.view.scale}`);
    assert.ok((p.model!.steps.find((s) => s.id === 'pick')?.diagnosticCount ?? 0) >= 3);
    // what the webview tells the extension after a render carries no test data (that is asked for: inspect)
    assert.deepStrictEqual(Object.keys(p.rendered!).sort(), ['seq', 'status', 'uri', 'version']);
  });

  it('is theme-aware: dark and light screenshots', async () => {
    const config = vscode.workspace.getConfiguration('workbench');
    const original = config.inspect<string>('colorTheme')?.globalValue;
    const themed = (kind: string) =>
      until(`a ${kind} render`, async () => {
        const r = await inspector.reportNow(order);
        return r.theme === kind && r.mermaidTheme === `base/${kind}` ? r : undefined;
      });
    try {
      await config.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      const dark = await themed('dark');
      assert.strictEqual(dark.status, 'ok');
      assert.deepStrictEqual([...dark.conflictNodeIds.warning].sort(), ['credit-check', 'double-check', 'pick']);
      // no toast left by another suite over the shot
      await vscode.commands.executeCommand('notifications.hideToasts');
      await screenshot('preview-dark', { settleMs: 800 });
      await config.update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
      const light = await themed('light');
      assert.strictEqual(light.status, 'ok');
      assert.strictEqual(light.nodeCount, dark.nodeCount);
      await vscode.commands.executeCommand('notifications.hideToasts');
      await screenshot('preview-light', { settleMs: 800 });
    } finally {
      await config.update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });

  it('lists a step\'s diagnostics on hover', async () => {
    const p = previewOf(order);
    const asked = inspector.log(p).received.filter((t) => t === 'getStepDetails').length;
    const res = await inspector.hoverStep(order, 'pick');
    assert.ok(res.ok);
    assert.match(res.tooltip ?? '', /拣货出库/);
    // the texts are asked for on hover: code, position and message of each, as the Problems view has them
    assert.strictEqual(inspector.log(p).received.filter((t) => t === 'getStepDetails').length, asked + 1, 'asked for once');
    assert.match(res.tooltip ?? '', /conflict\/contradiction \(82:\d+\)/);
    assert.match(res.tooltip ?? '', /conflict\/unagreed-burden \(\d+:\d+\)/);
    const doc = await vscode.workspace.openTextDocument(order);
    const contradiction = vscode.languages.getDiagnostics(order).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'conflict/contradiction' && d.range.start.line === 81);
    assert.ok(contradiction, `the diagnostic at 82 (${doc.uri.path})`);
    assert.ok((res.tooltip ?? '').includes(contradiction.message), 'the full message');
    // hovered again: from the webview's cache, not asked again
    const again = await inspector.hoverStep(order, 'pick');
    assert.strictEqual(again.tooltip, res.tooltip);
    assert.strictEqual(inspector.log(p).received.filter((t) => t === 'getStepDetails').length, asked + 1);
    // a step without diagnostics: nothing to ask for
    const quiet = p.model!.steps.find((s) => !s.diagnosticCount);
    if (quiet) {
      const q = await inspector.hoverStep(order, quiet.id);
      assert.ok(q.ok && (q.tooltip ?? '').includes(quiet.label));
      assert.strictEqual(inspector.log(p).received.filter((t) => t === 'getStepDetails').length, asked + 1);
    }
  });

  it('updates while typing, keeps zoom and pan, and turns a must/must contradiction red', async () => {
    const p = previewOf(order);
    p.view('zoomIn');
    const zoomed = await until('the zoom', async () => {
      const r = await inspector.reportNow(order);
      return r.view.scale > 0 ? r : undefined;
    });
    const before = p.rendered!.seq;
    const doc = editor.document;
    const text = doc.getText();
    const at = text.indexOf('priority: should');
    assert.ok(at > 0);
    const e = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await e.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'priority: should'.length)), 'priority: must'));
    const r = await inspector.waitForRender(order, { timeoutMs: 30_000, version: doc.version, accept: (x) => x.seq > before && x.conflictNodeIds.error.includes('pick') });
    assert.deepStrictEqual(r.conflictNodeIds.error, ['pick']);
    assert.strictEqual(r.view.scale, zoomed.view.scale, 'zoom kept across updates');
    assert.strictEqual(r.view.x, zoomed.view.x, 'pan kept across updates');
    await screenshot('preview-conflict-error', { settleMs: 500 });
    // undo the edit: back to a warning
    const at2 = doc.getText().indexOf('priority: must', at - 5);
    await e.edit((b) => b.replace(new vscode.Range(doc.positionAt(at2), doc.positionAt(at2 + 'priority: must'.length)), 'priority: should'));
    assert.strictEqual(doc.getText(), text);
    await inspector.waitForRender(order, { version: doc.version, accept: (x) => x.conflictNodeIds.error.length === 0 && x.conflictNodeIds.warning.includes('pick') });
    p.view('fit');
  });

  it('keeps the last good diagram on a syntax error and says where it is', async () => {
    const doc = editor.document;
    const before = previewOf(order).rendered!.seq;
    const e = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const end = doc.positionAt(doc.getText().length);
    await e.edit((b) => b.insert(end, 'broken: [unclosed\n'));
    const r = await inspector.waitForRender(order, { version: doc.version, accept: (x) => x.seq > before && x.status === 'kept' });
    assert.match(r.banner, /\d+:\d+/, `banner: ${r.banner}`);
    assert.match(r.banner, /does not parse/);
    assert.ok(r.stale, 'the last good picture, marked out of date');
    assert.match(r.conflictBadge, /out of date/, 'the counts are not claimed');
    assert.doesNotMatch(r.conflictBadge, /No conflicts/);
    assert.strictEqual(r.nodeCount, api.analyses.forDocument(doc).result.model.steps.list.length, 'the diagram is still there');
    await screenshot('preview-syntax-error', { settleMs: 500 });
    // take the line out again (not `undo`: it acts on whatever has the focus, and a missed undo went unnoticed)
    const at = doc.getText().lastIndexOf('broken: [unclosed\n');
    assert.ok(await e.edit((b) => b.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'broken: [unclosed\n'.length)))));
    assert.ok(!doc.getText().includes('broken: [unclosed'));
    const back = await inspector.waitForRender(order, { version: doc.version, accept: (x) => x.seq > r.seq && x.status === 'ok' });
    assert.strictEqual(back.banner, '');
    assert.ok(!back.stale);
  });

  it('keeps updating while typing with the diagnostics turned off (bizflow.enable: false)', async () => {
    const config = vscode.workspace.getConfiguration('bizflow');
    const original = config.inspect<boolean>('enable')?.globalValue;
    const doc = editor.document;
    const text = doc.getText();
    try {
      await config.update('enable', false, vscode.ConfigurationTarget.Global);
      await until('the diagnostics to be cleared', () => (vscode.languages.getDiagnostics(order).length === 0 ? true : undefined));
      const before = (await inspector.waitForRender(order)).seq;
      const e = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const at = text.indexOf('priority: should');
      assert.ok(at > 0, 'the fixture as on disk');
      await e.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'priority: should'.length)), 'priority: must'));
      const r = await inspector.waitForRender(order, { timeoutMs: 30_000, version: doc.version, accept: (x) => x.seq > before && x.conflictNodeIds.error.includes('pick') });
      assert.strictEqual(r.status, 'ok');
      assert.deepStrictEqual(vscode.languages.getDiagnostics(order), [], 'the diagnostics stay off');
      const at2 = doc.getText().indexOf('priority: must', at - 5);
      await e.edit((b) => b.replace(new vscode.Range(doc.positionAt(at2), doc.positionAt(at2 + 'priority: must'.length)), 'priority: should'));
      assert.strictEqual(doc.getText(), text);
      await inspector.waitForRender(order, { version: doc.version, accept: (x) => x.conflictNodeIds.error.length === 0 && x.conflictNodeIds.warning.includes('pick') });
    } finally {
      await config.update('enable', original, vscode.ConfigurationTarget.Global);
      // a failure half-way, or an auto save of "must": never leave the shared fixture edited
      await restoreDocument(order, text);
    }
    await until('the diagnostics to be back', () => (vscode.languages.getDiagnostics(order).length > 0 ? true : undefined));
  });

  it('moves the editor cursor to a step when its node is clicked', async () => {
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const res = await inspector.clickStep(order, 'invoice');
    assert.ok(res.ok);
    const sel = await until('the selection on invoice', () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed || ed.document.uri.toString() !== order.toString()) return undefined;
      return ed.document.getText(ed.selection) === 'invoice' ? ed.selection : undefined;
    });
    const line = editor.document.lineAt(sel.start.line).text;
    assert.match(line, /^ {2}invoice:/);
  });

  it('highlights the steps under the cursor (a step, a reference, a requirement)', async () => {
    const doc = editor.document;
    const ed = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const put = (needle: string, delta = 0) => {
      const pos = doc.positionAt(doc.getText().indexOf(needle) + delta);
      ed.selection = new vscode.Selection(pos, pos);
    };
    put('  notify-customer:\n', 4);
    await until('notify-customer highlighted', async () => {
      const r = await inspector.reportNow(order);
      return r.highlighted.primary === 'notify-customer' && r.highlighted.steps.length === 1 ? r : undefined;
    });
    put('next: double-check', 8);
    await until('the referenced step highlighted', async () => {
      const r = await inspector.reportNow(order);
      return r.highlighted.primary === 'double-check' ? r : undefined;
    });
    put('title: 每个环节写入追溯日志');
    const r = await until('REQ-003 steps highlighted', async () => {
      const x = await inspector.reportNow(order);
      return x.highlighted.steps.length === 4 ? x : undefined;
    });
    assert.deepStrictEqual([...r.highlighted.steps].sort(), ['double-check', 'invoice', 'pick', 'receive-order']);
    await screenshot('preview-highlight', { settleMs: 500 });
  });

  it('shows one role\'s view and the lanes involved in conflicts', async () => {
    const p = previewOf(order);
    await p.setRole('sales');
    // the fixture as on disk (each test's afterEach puts it back): the role view draws, no syntax error kept
    assert.strictEqual(editor.document.getText(), originalText);
    const role = await inspector.waitForRender(order, { version: editor.document.version, accept: (x) => x.roleSelected === 'sales' });
    assert.strictEqual(role.status, 'ok');
    assert.ok(role.nodeCount < api.analyses.forDocument(editor.document).result.model.steps.list.length);
    assert.ok(role.nodeLabels['notify-customer'] && role.nodeLabels['receive-order']);
    const model = api.analyses.forDocument(editor.document).result.model;
    assertBands(role, (id) => model.steps.byId.get(id)?.role?.id);
    // the cursor on a step the role view does not draw: nothing is dimmed
    const ed = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const pos = editor.document.positionAt(editor.document.getText().indexOf('  double-check:\n') + 4);
    ed.selection = new vscode.Selection(pos, pos);
    await sleep(500);
    const dimmed = (await inspector.reportNow(order)).stepClasses;
    assert.ok(Object.values(dimmed).every((c) => !c.includes('bf-dim')), `a role view never dims everything: ${JSON.stringify(dimmed)}`);
    await p.setRole(undefined);
    await p.setOnlyConflictLanes(true);
    const roleLanes = (x: InspectionReport) => x.geometry.lanes.filter((l) => l.roleId !== undefined).length;
    let seen: InspectionReport | undefined;
    const only = await inspector
      .waitForRender(order, { accept: (x) => ((seen = x), x.roleSelected === '' && roleLanes(x) === 2) })
      .catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify({ role: seen?.roleSelected, lanes: seen?.geometry.lanes, labels: seen?.laneLabels, banner: seen?.banner })}`);
      });
    assert.deepStrictEqual(only.laneLabels.filter((l) => l !== 'unassigned').sort(), ['仓库主管 · 物流部', '财务专员 · 财务部'].sort());
    await p.setOnlyConflictLanes(false);
    const all = await inspector.waitForRender(order, { accept: (x) => roleLanes(x) === 3 });
    assert.strictEqual(all.status, 'ok');
  });

  it('exports SVG and PNG files and copies the Mermaid source', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-export-'));
    const svgFile = vscode.Uri.file(path.join(dir, 'order.svg'));
    const pngFile = vscode.Uri.file(path.join(dir, 'order.png'));
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.exportSvg', svgFile);
    const svg = fs.readFileSync(svgFile.fsPath, 'utf8');
    assert.match(svg, /^<\?xml [^>]*\?>\s*<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<\/svg>\s*$/);
    for (const name of ['接收客户订单', '信用审核', '拣货出库', '交付完成', '仓库主管']) assert.ok(svg.includes(name), `${name} in the SVG`);
    assert.ok(!/<script/i.test(svg));
    assert.ok(!/bf-hl|bf-dim/.test(svg), 'no editor highlight in the export');
    await vscode.commands.executeCommand('bizflow.exportPng', pngFile);
    const png = fs.readFileSync(pngFile.fsPath);
    assert.deepStrictEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.ok(png.length > 2000);
    await vscode.commands.executeCommand('bizflow.copyMermaidSource');
    const clip = await vscode.env.clipboard.readText();
    assert.match(clip, /^config:\n {2}layout: swimlane\n---\nflowchart LR$/m, 'flowchart + layout: swimlane for other Mermaid hosts');
    assert.ok(clip.includes('subgraph lane0'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows the active editor unless locked', async () => {
    const p = previewOf(order);
    const p2p = vscode.Uri.joinPath(root, 'procure-to-pay.bizflow.yaml');
    await vscode.commands.executeCommand('bizflow.togglePreviewLock');
    assert.ok(p.locked);
    assert.match(p.panel.title, /Locked/);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(p2p), vscode.ViewColumn.One);
    await sleep(300);
    assert.ok(p.matches(order), 'a locked preview stays on its file');
    p.setLocked(false);
    assert.doesNotMatch(p.panel.title, /Locked/);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(p2p), vscode.ViewColumn.One);
    await until('the preview to follow', () => (p.matches(p2p) ? true : undefined));
    const r = await inspector.waitForRender(p2p, { accept: (x) => x.status === 'ok' });
    assert.deepStrictEqual(r.conflictNodeIds, { error: [], warning: [] }, 'procure-to-pay has no conflict');
  });

  it('draws hostile names as plain text and runs none of them', async () => {
    const hostile = vscode.Uri.joinPath(root, 'hostile.bizflow.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hostile), vscode.ViewColumn.One);
    const p = await until('the preview to follow', () => (manager.previewFor(hostile) ? manager.previewFor(hostile) : undefined));
    const r = await inspector.waitForRender(hostile, { timeoutMs: 60_000, accept: (x) => x.status === 'ok' });
    assert.strictEqual(r.nodeLabels['graph'], '<script>window.__bizflowPwned=2</script>');
    assert.strictEqual(r.nodeLabels['end'], `<img src=x onerror="window.__bizflowPwned=1;parent.postMessage({type:'pwned'},'*')">`);
    assert.ok(r.laneLabels.includes('%%{init: {"securityLevel":"loose","startOnLoad":true}}%%'), r.laneLabels.join(' | '));
    assert.ok(r.laneLabels.includes(`"quoted" 'lane' ]) --> x["pwned"]`));
    assert.strictEqual(r.nodeCount, 5, 'step ids that are Mermaid keywords (end, graph, subgraph, style, class) are all drawn');
    assert.strictEqual(r.svgLaneCount, 3);
    assert.deepStrictEqual(r.conflictNodeIds.error, ['graph']);
    // give any injected handler (onerror, onload) time to fire, then look again
    await sleep(1000);
    const now = await inspector.reportNow(hostile);
    assert.strictEqual(now.security.pwned, false, 'no injected script ran');
    assert.strictEqual(now.security.scriptElements, 0, now.security.details.join(', '));
    assert.strictEqual(now.security.eventHandlerAttributes, 0, now.security.details.join(', '));
    assert.deepStrictEqual(now.security.cspViolations, []);
    assert.strictEqual(inspector.log(p).rejected, 0, 'no unexpected message reached the extension');
    assert.deepStrictEqual(inspector.log(p).received.filter((t) => !KNOWN_MESSAGES.has(t)), []);
    await screenshot('preview-hostile', { settleMs: 500 });
  });

  it('draws the 300-step, 20-lane process', async () => {
    const big = vscode.Uri.file(path.resolve(root.fsPath, '..', 'big-300.bizflow.yaml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big), vscode.ViewColumn.One);
    await until('the preview to follow', () => manager.previewFor(big));
    const r: InspectionReport = await inspector.waitForRender(big, { timeoutMs: 110_000, accept: (x) => x.status !== 'empty' });
    assert.strictEqual(r.status, 'ok', r.banner || r.error);
    assert.strictEqual(r.svgLaneCount, 20);
    assert.strictEqual(r.nodeCount, 300);
    const model = api.analyses.forDocument(await vscode.workspace.openTextDocument(big)).result.model;
    assertBands(r, (id) => model.steps.byId.get(id)?.role?.id);
    assert.ok(r.labelPx >= 10 - 1e-6, `a big process starts legible (${r.labelPx} px)`);
    assert.ok(r.conflictNodeIds.error.length > 0 && r.conflictNodeIds.warning.length > 0);
    await screenshot('preview-big', { settleMs: 500 });
  });

  it('draws a flow whose lanes Mermaid\'s dagre could not lay out with its bands (no lane-less fallback)', async () => {
    // 150 generated steps in 10 lanes (seed 3): Mermaid's dagre layout throws "Cannot set properties of
    // undefined (setting 'order')" on it; BizFlow's swimlane layout draws its bands
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-lanes-'));
    const uri = vscode.Uri.file(path.join(dir, 'lanes-crash.bizflow.yaml'));
    fs.writeFileSync(uri.fsPath, generateFlow(150, 3).text);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const p = await until('the preview to follow', () => manager.previewFor(uri));
      const r = await inspector.waitForRender(uri, { timeoutMs: 110_000, accept: (x) => x.status !== 'empty' });
      assert.strictEqual(r.status, 'ok', r.banner || r.error);
      const model = api.analyses.forDocument(doc).result.model;
      const used = new Set(model.steps.list.map((s) => s.role?.id).filter((id) => id !== undefined && model.roles.byId.has(id)));
      assert.strictEqual(r.geometry.lanes.filter((l) => l.roleId !== undefined).length, used.size, 'a band per role with steps');
      assert.strictEqual(r.nodeCount, model.steps.list.length, 'every step drawn');
      assert.strictEqual(r.banner, '');
      assertBands(r, (id) => {
        const rid = model.steps.byId.get(id)?.role?.id;
        return rid !== undefined && model.roles.byId.has(rid) ? rid : undefined;
      });
      assert.ok(r.conflictNodeIds.error.length + r.conflictNodeIds.warning.length > 0, 'conflicts marked');
      await screenshot('preview-150-lanes', { settleMs: 500 });
      // the tooltip of a step lists its diagnostics
      const diagnosed = p.model!.steps.find((s) => (s.diagnosticCount ?? 0) > 0)!;
      const hover = await inspector.hoverStep(uri, diagnosed.id);
      const a = api.analyses.forDocument(doc);
      const expected = diagnosticsOfStep(prepareRender(a.result, new LineIndex(a.text), { fileName: 'x' }), diagnosed.id)!;
      assert.ok(expected.length > 0);
      const shown = new Set<string>();
      for (const d of expected) {
        // the tooltip lists each code and message once, at its first position
        if (shown.has(`${d.code}\u0000${d.message}`)) continue;
        shown.add(`${d.code}\u0000${d.message}`);
        assert.ok((hover.tooltip ?? '').includes(`${d.code} (${d.line}:${d.column})${d.message}`), `${d.code} ${d.message} in ${hover.tooltip}`);
      }
    } finally {
      // its own tab (not "the active editor": the focus may be elsewhere); the test does not edit it
      const tabs = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      await vscode.window.tabGroups.close(tabs);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restores a panel from its saved state (window reload)', async () => {
    for (const p of manager.all) p.dispose();
    const panel = vscode.window.createWebviewPanel('bizflow.preview', 'restored', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true }, {
      enableScripts: true,
    });
    const p = manager.revive(panel, { uri: order.toString(), locked: true, role: 'warehouse', view: { scale: 0.8, x: 10, y: 20 } });
    assert.ok(p);
    const r = await inspector.waitForRender(order, { timeoutMs: 60_000 });
    assert.strictEqual(r.status, 'ok');
    assert.strictEqual(r.roleSelected, 'warehouse');
    assert.strictEqual(r.view.scale, 0.8, 'zoom restored');
    assert.ok(p.locked);
    const bad = vscode.window.createWebviewPanel('bizflow.preview', 'bad', vscode.ViewColumn.Two);
    await sleep(300);
    assert.strictEqual(manager.revive(bad, { nonsense: 1 }), undefined, 'a panel without a valid state is closed');
  });
});
