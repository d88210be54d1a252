// VS Code for the Web: the extension's `browser` entry (dist/web/extension.js) in the real Web Worker
// extension host of code-server's workbench (run by test/web/run.mjs with extensionDevelopmentKind=web).
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { lineRangeAt, lineRangeCount } from '../../../src/core/positions';
import type { BizflowApi } from '../../../src/extension/extension';
import { PreviewInspector } from '../../integration/util/inspect';
import { screenshot } from '../../integration/util/screenshot';
import { activateExtension, codeOf, fixtureUri, waitForDiagnostics } from '../../integration/util/wait';
import { restoreDocument } from '../../integration/util/documents';

describe('BizFlow web: the browser entry in a Web Worker extension host', function () {
  this.timeout(60_000);
  let api: BizflowApi;

  before(async () => {
    api = await activateExtension<BizflowApi>();
  });

  it('activates from the browser bundle, in a Web Worker, without Node', () => {
    const g = globalThis as { importScripts?: unknown; WorkerGlobalScope?: unknown; require?: unknown };
    assert.equal(typeof g.importScripts, 'function', 'a Web Worker global scope');
    assert.equal(typeof g.WorkerGlobalScope, 'function');
    assert.equal(api.platform, 'web');
    assert.equal(vscode.extensions.getExtension('bizflow.bizflow')?.isActive, true);
    assert.ok(api.worker, 'an analysis worker factory was given');
  });

  it('lints the workspace through workspace.fs: a file that is not open gets its diagnostics', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'not open yet');
    const diags = await waitForDiagnostics(uri, (d) => d.length > 0, 20_000, 'the workspace lint');
    assert.ok(diags.some((d) => codeOf(d) === 'conflict/contradiction'), diags.map(codeOf).join(', '));
  });

  it('computes the findings in the analysis Web Worker (dist/web/worker.js) and answers an edit', async () => {
    const uri = fixtureUri('procure-to-pay.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (d) => d.length === 0, 20_000, 'no diagnostics on procure-to-pay');
    assert.ok(api.worker!.stats.started >= 1, 'a Web Worker was started');
    assert.ok(api.worker!.stats.done >= 1, 'answers came from the worker');
    // a typo in a role reference: reported (by the worker), and gone when undone
    const text = doc.getText();
    const at = text.search(/role: [a-z]/);
    assert.ok(at > 0);
    const start = doc.positionAt(at + 'role: '.length);
    try {
      await editor.edit((e) => e.insert(start, 'zz'));
      const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'ref/unknown-role'), 10_000, 'ref/unknown-role');
      assert.equal(diags.find((x) => codeOf(x) === 'ref/unknown-role')!.range.start.line, start.line);
      await editor.edit((e) => e.delete(new vscode.Range(start, start.translate(0, 2))));
      await waitForDiagnostics(uri, (d) => d.length === 0, 10_000, 'the typo removed');
    } finally {
      // the workbench may have saved the edit meanwhile: leave the fixture as it is in git, in the editor and
      // on disk (saved without asking `isDirty`, see ../../integration/util/documents.ts)
      await restoreDocument(uri, text);
    }
    assert.equal(doc.getText(), text);
  });

  it('the Web Worker round trip: findings with exact spans, a newer request supersedes an older one', async () => {
    const w = api.worker!;
    const text = 'bizflow: 1\nprocess:\n  id: p\n  name: P\nroles:\n  a: { name: A }\nsteps:\n  s: { name: S, role: nobody, type: start, next: [e] }\n  e: { name: E, role: a, type: end }\n';
    const older = w.analyze('web-test:round-trip', text, 'en', []);
    const newer = w.analyze('web-test:round-trip', text, 'en', []);
    assert.deepEqual(await older, { status: 'superseded' });
    const outcome = await newer;
    assert.equal(outcome.status, 'done');
    if (outcome.status !== 'done') return;
    const unknown = outcome.diagnostics.filter((d) => d.code === 'ref/unknown-role');
    assert.equal(unknown.length, 1, outcome.diagnostics.map((d) => d.code).join(', '));
    assert.equal(text.slice(unknown[0].span.start, unknown[0].span.end), 'nobody');
    // the Web Worker also computed its line/character range (the host never indexes the text)
    const at = lineRangeCount(outcome.diagnostics.slice(0, outcome.diagnostics.indexOf(unknown[0])));
    const line = text.split('\n').findIndex((l) => l.includes('nobody'));
    const character = text.split('\n')[line].indexOf('nobody');
    assert.deepEqual(lineRangeAt(outcome.ranges, at), { start: { line, character }, end: { line, character: character + 6 } });
  });

  it('language features answer: hover, completion, document symbols, definition', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const ref = doc.positionAt(text.indexOf('role: ', text.indexOf('steps:')) + 'role: '.length + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, ref);
    assert.ok(hovers.length > 0, 'a hover on a role reference');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, ref);
    assert.ok(defs.length > 0, 'the role reference goes to its definition');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols.length > 0, 'document symbols');
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, ref);
    assert.ok(completions.items.length > 0, 'completions at a role reference');
  });

  it('the tree views show the roles of the active document', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const deadline = Date.now() + 10_000;
    while (api.tree.document?.toString() !== uri.toString() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(api.tree.document?.toString(), uri.toString());
  });

  it('the preview draws the swimlane in a webview', async () => {
    const inspector = new PreviewInspector(api.preview);
    try {
      const uri = fixtureUri('order-fulfilment.bizflow.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
      await vscode.commands.executeCommand('bizflow.openPreviewToSide');
      const r = await inspector.waitForRender(uri, { timeoutMs: 60_000 });
      assert.equal(r.status, 'ok', r.banner || r.error);
      const model = api.analyses.forDocument(await vscode.workspace.openTextDocument(uri)).result.model;
      // one band per role that has steps (运营总监 has none in this example), and one for the steps without a
      // role (the end step 交付完成)
      assert.deepEqual(r.laneLabels.map((l) => l.split(' · ')[0]).sort(), ['业务员', '仓库主管', '财务专员', 'unassigned'].sort());
      assert.equal(r.nodeCount, model.steps.list.length, `${r.nodeCount} nodes`);
      assert.equal(r.nodeLabels['pick'], '拣货出库');
      assert.deepEqual(r.security.cspViolations, []);
      await screenshot('preview');
    } finally {
      for (const p of api.preview.all) p.dispose();
      inspector.dispose();
    }
  });
});
