// The swimlane preview's drawing model in the real VS Code: problems, decided
// conflicts and the selection as overlays on the same bands, the preview's
// words in bizflow.locale, the direction setting, and what an export looks
// like (title, legend, light background) in light, dark and high-contrast
// themes. Screenshots and exported images: test/artifacts/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BizflowApi } from '../../../src/extension/extension';
import type { InspectionReport } from '../../../src/shared/protocol';
import { PreviewInspector } from '../util/inspect';
import { screenshot } from '../util/screenshot';
import { restoreDocument } from '../util/documents';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
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
    await sleep(150);
  }
}

/** A small order process with one of each overlay: a conflict, a decided pair, a dead end, an unreachable step, an unknown role. */
const FLOW = `bizflow: 1
process:
  id: orders
  name: Order handling
  owner: boss
roles:
  sales:
    name: Sales
    department: Front office
  ops:
    name: Operations
  boss:
    name: Director
steps:
  start:
    name: Order received
    type: start
    role: sales
    next: take
  take:
    name: Take the order
    role: sales
    attributes:
      sla: 2h
    next: ship
  ship:
    name: Ship the goods
    role: opz
    attributes:
      sla: 3d
    next: done
  lost:
    name: Forgotten check
    role: ops
    next: done
  stuck:
    name: Waiting for stock
    role: ops
  done:
    name: Delivered
    type: end
requirements:
  R1:
    title: Answer within the hour
    from: sales
    priority: must
    sets:
      take.sla: 1h
    acceptance: [answered within 1h]
  R2:
    title: Four hours are enough
    from: ops
    priority: must
    agreed: [sales]
    sets:
      take.sla: 4h
    acceptance: [answered within 4h]
  R3:
    title: Ship next day
    from: sales
    priority: must
    overrides: [R4]
    decidedBy: boss
    sets:
      ship.sla: 1d
    acceptance: [shipped next day]
  R4:
    title: Ship within two days
    from: ops
    priority: should
    sets:
      ship.sla: 2d
    acceptance: [shipped within 2 days]
`;

function artifact(name: string): string {
  const dir = process.env.BIZFLOW_ARTIFACTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-artifacts-'));
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

describe('BizFlow preview: swimlanes, overlays, words and exports', function () {
  this.timeout(120_000);
  let api: BizflowApi;
  let inspector: PreviewInspector;
  let dir: string;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;

  before(async () => {
    const ext = vscode.extensions.getExtension<BizflowApi>('bizflow.bizflow');
    assert.ok(ext);
    api = await ext.activate();
    inspector = new PreviewInspector(api.preview);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-swimlanes-'));
    uri = vscode.Uri.file(path.join(dir, 'orders.bizflow.yaml'));
    fs.writeFileSync(uri.fsPath, FLOW);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of api.preview.all) p.dispose();
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.openPreviewToSide');
  });

  after(async () => {
    for (const p of api.preview.all) p.dispose();
    inspector.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The next drawing (`ok`) for which `accept` holds; `version`: of that version of the document only. */
  const ok = (accept: (r: InspectionReport) => boolean = () => true, version?: number) =>
    inspector.waitForRender(uri, { timeoutMs: 60_000, version, accept: (r) => r.status === 'ok' && accept(r) });

  it('draws problems, decided and open conflicts as overlays on the bands', async () => {
    const r = await ok();
    // bands: Sales, Operations (Director has no step: no band), and the unassigned band for the end
    // step (no role) and the step with the unknown role "opz"
    assert.deepStrictEqual(r.laneLabels, ['Sales · Front office', 'Operations', 'unassigned']);
    const un = r.geometry.lanes.find((l) => l.roleId === undefined)!;
    for (const id of ['ship', 'done']) {
      const s = r.geometry.steps.find((x) => x.id === id)!;
      assert.ok(s.y >= un.y - 1 && s.y + s.height <= un.y + un.height + 1, `${id} in the unassigned band`);
    }
    // problems: a small badge on the step they are on
    assert.strictEqual(r.problemBadges['ship'], 'error', 'unknown role');
    assert.strictEqual(r.problemBadges['stuck'], 'error', 'dead end');
    assert.strictEqual(r.problemBadges['lost'], 'warning', 'unreachable');
    assert.strictEqual(r.problemBadges['take'], undefined);
    assert.strictEqual(r.problemBadges['start'], undefined);
    // R1 ↔ R2 is an open conflict (both must); R3 overrides R4 (decided by the director): decided, not open
    assert.deepStrictEqual(r.conflictNodeIds.error, ['take']);
    assert.ok(r.stepClasses['ship'].includes('bf-decided'), JSON.stringify(r.stepClasses));
    assert.ok(!r.stepClasses['ship'].some((c) => c.startsWith('conflict')), 'a decided conflict is not drawn as open');
    assert.ok(!r.stepClasses['take'].includes('bf-decided'));
    // the toolbar: the core's count of conflicts, English plurals, the decided one
    assert.strictEqual(r.conflictBadge, '1 conflict error · 1 decided');
    await screenshot('preview-overlays', { settleMs: 600 });
  });

  it('says in the tooltip of a decided step which requirement overrides which, and who decided', async () => {
    await ok();
    const res = await inspector.hoverStep(uri, 'ship');
    assert.ok(res.ok, JSON.stringify(res));
    assert.ok((res.tooltip ?? '').includes('R4 overridden by R3, decided by Director'), res.tooltip);
    const open = await inspector.hoverStep(uri, 'take');
    assert.ok(open.ok && !(open.tooltip ?? '').includes('overridden by'), open.tooltip);
  });

  it('highlights the selected step without hiding the conflicts', async () => {
    const ed = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const at = doc.positionAt(doc.getText().indexOf('  start:\n') + 4);
    ed.selection = new vscode.Selection(at, at);
    const r = await until('start highlighted', async () => {
      const x = await inspector.reportNow(uri);
      return x.highlighted.primary === 'start' ? x : undefined;
    });
    assert.ok(r.stepClasses['start'].includes('bf-hl'));
    assert.ok(r.stepClasses['take'].includes('conflictError'), 'the conflict keeps its class');
    assert.ok(!r.stepClasses['take'].includes('bf-dim'), 'and is not dimmed');
    assert.ok(r.stepClasses['ship'].includes('bf-decided') && !r.stepClasses['ship'].includes('bf-dim'));
    assert.ok(!r.stepClasses['stuck'].includes('bf-dim'), 'a step with a problem is not dimmed');
    // the cursor on the conflicting step: highlighted and still a conflict
    const at2 = doc.positionAt(doc.getText().indexOf('  take:\n') + 4);
    ed.selection = new vscode.Selection(at2, at2);
    const r2 = await until('take highlighted', async () => {
      const x = await inspector.reportNow(uri);
      return x.highlighted.primary === 'take' ? x : undefined;
    });
    assert.ok(r2.stepClasses['take'].includes('bf-hl') && r2.stepClasses['take'].includes('conflictError'), JSON.stringify(r2.stepClasses['take']));
    assert.strictEqual(r2.badges['take'], 1, 'the conflict badge stays');
    await screenshot('preview-selection', { settleMs: 500 });
  });

  it('opens at a legible zoom and keeps it while typing', async () => {
    const r = await ok();
    assert.ok(r.labelPx >= 10 - 1e-6, `${r.labelPx} px`);
    const p = api.preview.previewFor(uri)!;
    p.view('zoomIn');
    const zoomed = await until('the zoom', async () => {
      const x = await inspector.reportNow(uri);
      return x.view.scale > r.view.scale ? x : undefined;
    });
    const ed = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const text = doc.getText();
    const at = text.indexOf('Waiting for stock') + 'Waiting for stock'.length;
    try {
      await ed.edit((b) => b.insert(doc.positionAt(at), ' (2)'));
      const after = await ok((x) => (x.nodeLabels['stuck'] ?? '').includes('(2)'), doc.version);
      assert.deepStrictEqual(after.view, zoomed.view, 'zoom and scroll kept across updates');
      // take it out again by an edit (`undo` acts on whatever has the focus)
      assert.ok(await ed.edit((b) => b.delete(new vscode.Range(doc.positionAt(at), doc.positionAt(at + ' (2)'.length)))));
      assert.strictEqual(doc.getText(), text);
      await ok((x) => !(x.nodeLabels['stuck'] ?? '').includes('(2)'), doc.version);
    } finally {
      await restoreDocument(uri, text);
    }
    p.view('fit');
  });

  it('says the picture is out of date while the YAML does not parse', async () => {
    const ed = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const text = doc.getText();
    try {
      await ed.edit((b) => b.insert(doc.positionAt(text.length), 'broken: [unclosed\n'));
      const r = await inspector.waitForRender(uri, { timeoutMs: 60_000, version: doc.version, accept: (x) => x.status === 'kept' });
      assert.ok(r.stale);
      assert.match(r.conflictBadge, /out of date/);
      assert.match(r.banner, /does not parse/);
      await screenshot('preview-out-of-date', { settleMs: 500 });
      // take the line out again by an edit (`undo` acts on whatever has the focus)
      assert.ok(await ed.edit((b) => b.delete(new vscode.Range(doc.positionAt(text.length), doc.positionAt(doc.getText().length)))));
      assert.strictEqual(doc.getText(), text);
      const back = await ok((x) => !x.stale, doc.version);
      assert.strictEqual(back.conflictBadge, '1 conflict error · 1 decided');
    } finally {
      await restoreDocument(uri, text);
    }
  });

  it('speaks Chinese with bizflow.locale: zh-CN (toolbar, bands, badges)', async () => {
    const config = vscode.workspace.getConfiguration('bizflow');
    const original = config.inspect<string>('locale')?.globalValue;
    try {
      await config.update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
      const r = await ok((x) => x.laneLabels.includes('未分配'));
      assert.strictEqual(r.conflictBadge, '1 个冲突错误 · 1 个已决定');
      assert.strictEqual(r.problemBadges['stuck'], 'error');
      await screenshot('preview-zh-CN', { settleMs: 600 });
    } finally {
      await config.update('locale', original, vscode.ConfigurationTarget.Global);
    }
    await ok((x) => x.laneLabels.includes('unassigned') && x.conflictBadge === '1 conflict error · 1 decided');
  });

  it('draws top to bottom with bizflow.preview.direction: TB, bands still parallel', async () => {
    const config = vscode.workspace.getConfiguration('bizflow');
    const original = config.inspect<string>('preview.direction')?.globalValue;
    try {
      await config.update('preview.direction', 'TB', vscode.ConfigurationTarget.Global);
      const r = await ok((x) => {
        const [a, b] = x.geometry.lanes;
        return !!a && !!b && Math.abs(a.y - b.y) <= 1 && a.x !== b.x;
      });
      const lanes = [...r.geometry.lanes].sort((a, b) => a.x - b.x);
      for (let i = 1; i < lanes.length; i++) {
        assert.ok(Math.abs(lanes[i].height - lanes[0].height) <= 1, 'same length');
        assert.ok(lanes[i].x >= lanes[i - 1].x + lanes[i - 1].width - 1, 'disjoint');
      }
      await screenshot('preview-top-down', { settleMs: 500 });
    } finally {
      await config.update('preview.direction', original, vscode.ConfigurationTarget.Global);
    }
    await ok((x) => {
      const [a, b] = x.geometry.lanes;
      return !!a && !!b && Math.abs(a.x - b.x) <= 1;
    });
  });

  it('exports with a title, a legend and a light background in light, dark and high-contrast themes', async () => {
    const workbench = vscode.workspace.getConfiguration('workbench');
    const original = workbench.inspect<string>('colorTheme')?.globalValue;
    const themes: Array<[string, string]> = [
      ['light', 'Default Light Modern'],
      ['dark', 'Default Dark Modern'],
      ['high-contrast', 'Default High Contrast'],
    ];
    try {
      for (const [kind, theme] of themes) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await until(`a ${kind} render`, async () => {
          const r = await inspector.reportNow(uri);
          return r.status === 'ok' && r.theme === kind && r.mermaidTheme === `base/${kind}` ? r : undefined;
        }, 60_000);
        await screenshot(`preview-theme-${kind}`, { settleMs: 800 });
        const svgFile = vscode.Uri.file(artifact(`export-${kind}.svg`));
        const pngFile = vscode.Uri.file(artifact(`export-${kind}.png`));
        await vscode.commands.executeCommand('bizflow.exportSvg', svgFile);
        await vscode.commands.executeCommand('bizflow.exportPng', pngFile);
        const svg = fs.readFileSync(svgFile.fsPath, 'utf8');
        assert.match(svg, /<text class="bf-title"[^>]*>Order handling<\/text>/, 'the process name as a title');
        assert.match(svg, /<g class="bf-legend"/, 'a legend');
        for (const label of ['Conflict (error)', 'Conflict decided', 'Problem (error)']) assert.ok(svg.includes(label), label);
        assert.match(svg, /<rect class="bf-background"[^>]*fill="#ffffff"/, `a light background in the ${kind} theme`);
        assert.ok(svg.includes('Sales · Front office') && svg.includes('Take the order'));
        assert.ok(!/bf-hl|bf-dim/.test(svg), 'no editor highlight in the export');
        const png = fs.readFileSync(pngFile.fsPath);
        assert.deepStrictEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      }
      // bizflow.export.keepThemeColors: the theme's own colours (still dark here)
      const config = vscode.workspace.getConfiguration('bizflow');
      await config.update('export.keepThemeColors', true, vscode.ConfigurationTarget.Global);
      try {
        const kept = vscode.Uri.file(artifact('export-high-contrast-kept.svg'));
        await vscode.commands.executeCommand('bizflow.exportSvg', kept);
        assert.match(fs.readFileSync(kept.fsPath, 'utf8'), /<rect class="bf-background"[^>]*fill="#000000"/);
      } finally {
        await config.update('export.keepThemeColors', undefined, vscode.ConfigurationTarget.Global);
      }
    } finally {
      await workbench.update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });
});
