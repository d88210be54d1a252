// The preview's actions with the analysis worker on, in the real VS Code: clicking a node, copying the Mermaid
// source (with a preview and without one) and the diff view build no parse or model on the extension host
// (AnalysisService.stats.hostModels unchanged: the worker answers them from the analysis it keeps), and give
// what the host computed before from the document's analysis (the selection on the step's key with its exact
// range, the Mermaid text, the diff's render).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { analyze } from '../../../src/core/engine';
import { toMermaid } from '../../../src/core/mermaid';
import type { BizflowApi } from '../../../src/extension/extension';
import { readSettings } from '../../../src/extension/settings';
import { prepareRender } from '../../../src/shared/preview-render';
import { PreviewInspector } from '../util/inspect';
import { closeEverything, fixtureUri } from '../util/wait';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('BizFlow preview: node clicks, Mermaid source and the diff view build no model on the extension host', function () {
  this.timeout(120_000);
  let api: BizflowApi;
  let inspector: PreviewInspector;
  let dir: string;
  let uri: vscode.Uri;
  let text: string;

  before(async () => {
    const ext = vscode.extensions.getExtension<BizflowApi>('bizflow.bizflow');
    assert.ok(ext);
    api = await ext.activate();
    assert.ok(api.worker, 'the desktop extension analyses in a worker');
    inspector = new PreviewInspector(api.preview);
    await closeEverything();
    // a copy outside the workspace fixture (the suite opens it in an editor and a preview; nothing is edited)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-host-'));
    uri = vscode.Uri.file(path.join(dir, 'order.bizflow.yaml'));
    text = fs.readFileSync(fixtureUri('order-fulfilment.bizflow.yaml').fsPath, 'utf8');
    fs.writeFileSync(uri.fsPath, text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('bizflow.openPreviewToSide');
    await inspector.waitForRender(uri, { accept: (r) => r.status === 'ok' });
  });

  after(async () => {
    inspector.dispose();
    await closeEverything();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const preview = () => {
    const p = api.preview.previewFor(uri);
    assert.ok(p, 'a preview of the file');
    return p;
  };
  const doc = () => {
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
    assert.ok(d, 'the document is open');
    return d;
  };
  const options = (mode: 'written' | 'diff', role?: string) => ({
    fileName: 'order.bizflow.yaml',
    ...(role ? { role } : {}),
    onlyConflictLanes: false,
    direction: 'LR' as const,
    locale: readSettings(uri).locale,
    mode,
  });
  const unlimited = { maxTextLength: Infinity, maxEdges: Infinity, maxNodes: Infinity };

  it('clicking nodes selects each step\'s key with its exact range; an unknown step selects nothing', async () => {
    const built = api.analyses.stats.hostModels;
    const selections: Record<string, vscode.Range> = {};
    for (const step of ['invoice', 'pick', 'receive-order']) {
      // another place first, so that each click is seen to move the selection
      await vscode.window.showTextDocument(doc(), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(0, 0, 0, 0) });
      const res = await inspector.clickStep(uri, step);
      assert.ok(res.ok, `${step}'s node clicked`);
      selections[step] = await until(`the selection on ${step}`, () => {
        const ed = vscode.window.activeTextEditor;
        if (!ed || ed.document.uri.toString() !== uri.toString() || ed.selection.isEmpty) return undefined;
        return new vscode.Range(ed.selection.start, ed.selection.end);
      });
    }
    assert.strictEqual(await preview().revealStep('no-such-step'), undefined);
    assert.strictEqual(await preview().revealStep('constructor'), undefined);
    assert.strictEqual(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');

    // what the host computed before: the key's span in the document's analysis
    const a = api.analyses.forDocument(doc());
    // the counter counts: a synchronous analysis of a new text builds its model on the host
    const probe = vscode.Uri.parse('untitled:counter-probe.bizflow.yaml');
    const counted = api.analyses.stats.hostModels;
    api.analyses.forText(probe, 'steps: {}\n', -1);
    api.analyses.forget(probe);
    assert.strictEqual(api.analyses.stats.hostModels, counted + 1, 'the counter counts');
    for (const [id, range] of Object.entries(selections)) {
      const step = a.result.model.steps.byId.get(id);
      assert.ok(step, id);
      assert.ok(range.isEqual(a.positions.range(step.keySpan)), `${id}: ${JSON.stringify(range)}`);
      assert.strictEqual(doc().getText(range), id);
    }
    assert.deepStrictEqual([selections.invoice.start.line, selections.invoice.start.character, selections.invoice.end.character], [61, 2, 9]);
  });

  it('copies the Mermaid source of the preview (all roles, one role) and of the editor without a preview as before', async () => {
    await vscode.window.showTextDocument(doc(), vscode.ViewColumn.One);
    const built = api.analyses.stats.hostModels;
    const copy = async () => {
      await vscode.commands.executeCommand('bizflow.copyMermaidSource');
      return vscode.env.clipboard.readText();
    };
    const all = await copy();
    await preview().setRole('warehouse');
    await inspector.waitForRender(uri, { accept: (r) => r.status === 'ok' && r.roleSelected === 'warehouse' });
    const warehouse = await copy();
    await preview().setRole(undefined);
    await inspector.waitForRender(uri, { accept: (r) => r.status === 'ok' && r.roleSelected === '' });
    for (const p of api.preview.all) p.dispose();
    await vscode.window.showTextDocument(doc(), vscode.ViewColumn.One);
    const noPreview = await copy();
    assert.strictEqual(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');

    const a = api.analyses.forDocument(doc());
    const expected = (role?: string) => prepareRender(a.result, a.positions.lines, { ...options('written', role), limits: unlimited }).model.mermaid;
    assert.strictEqual(all, expected());
    assert.strictEqual(warehouse, expected('warehouse'));
    assert.notStrictEqual(warehouse, all, 'the role view is copied as shown');
    assert.strictEqual(noPreview, toMermaid(a.result.model, a.result.diagnostics).text);
    assert.match(all, /^flowchart LR$/m);

    await vscode.commands.executeCommand('bizflow.openPreviewToSide');
    await inspector.waitForRender(uri, { accept: (r) => r.status === 'ok' });
  });

  it('the diff view is rendered from the older version\'s text in the worker: the same picture and Mermaid text as the host made', async () => {
    const older = text.replace(/^ {2}invoice:\n(?: {4}.*\n)+/m, '').replace(/name: 拣货出库/, 'name: 拣货');
    assert.notStrictEqual(older, text);
    const built = api.analyses.stats.hostModels;
    await preview().showDiff(older, 'v1.bizflow.yaml');
    const r = await inspector.waitForRender(uri, { accept: (x) => x.status === 'ok' && x.mode === 'diff' });
    assert.match(r.banner, /v1\.bizflow\.yaml/);
    const model = preview().model;
    assert.ok(model && model.mode === 'diff' && model.diffWith === 'v1.bizflow.yaml');
    await vscode.commands.executeCommand('bizflow.copyMermaidSource');
    const copied = await vscode.env.clipboard.readText();
    await preview().setMode('written');
    await inspector.waitForRender(uri, { accept: (x) => x.status === 'ok' && x.mode === 'written' });
    assert.strictEqual(preview().model?.diffWith, 'v1.bizflow.yaml', 'the diff loaded, not shown: its button');
    assert.strictEqual(api.analyses.stats.hostModels, built, 'no parse or model built on the extension host');

    // what the host made before: the older version analysed, the diff prepared from both analyses
    const a = api.analyses.forDocument(doc());
    const diff = { before: analyze(older, { locale: a.locale }), label: 'v1.bizflow.yaml' };
    const expected = prepareRender(a.result, a.positions.lines, { ...options('diff'), diff }).model;
    assert.strictEqual(model.mermaid, expected.mermaid);
    assert.deepStrictEqual(model.steps, expected.steps);
    assert.deepStrictEqual(model.lanes, expected.lanes);
    assert.ok(model.steps.some((s) => s.id === 'invoice' && s.change?.kind === 'added'), JSON.stringify(model.steps.map((s) => [s.id, s.change])));
    assert.strictEqual(copied, prepareRender(a.result, a.positions.lines, { ...options('diff'), diff, limits: unlimited }).model.mermaid);
  });
});
