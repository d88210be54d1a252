import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { screenshot } from '../util/screenshot';
import { activateExtension, closeEverything, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

/** Expected diagnostics of the order-fulfilment example (examples/README.md). */
const ORDER_EXPECTED = [
  '25 data/not-produced',
  '30 data/not-produced',
  '43 data/not-produced',
  '47 handoff/no-data',
  '48 handoff/no-data',
  '61 handoff/no-data',
  '82 conflict/contradiction',
  '82 conflict/unagreed-burden',
  '90 conflict/contradiction',
  '93 req/no-acceptance',
  '97 conflict/unagreed-burden',
  '104 conflict/unagreed-burden',
].sort();

const summary = (ds: vscode.Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();

async function openFresh(name: string, text: string): Promise<vscode.TextDocument> {
  // an untitled-like scratch file inside the workspace, created and removed by the test
  const uri = fixtureUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function removeFile(name: string): Promise<void> {
  // save first: closing a dirty editor could otherwise write the file back after it is deleted (without asking
  // `isDirty`: it can read false while there are unsaved changes, see ../util/documents.ts)
  for (const d of vscode.workspace.textDocuments) if (d.uri.path.endsWith('/' + name)) await d.save();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    await vscode.workspace.fs.delete(fixtureUri(name));
  } catch {
    // already gone
  }
}

describe('diagnostics in the real editor', () => {
  before(async () => {
    await activateExtension();
    await closeEverything();
  });
  after(closeEverything);

  afterEach(async () => {
    await vscode.workspace.getConfiguration('bizflow').update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opening the order-fulfilment example shows exactly the expected diagnostics', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'bizflow');
    const ds = await waitForDiagnostics(uri, (d) => d.length === ORDER_EXPECTED.length, 8000, 'order-fulfilment diagnostics');
    assert.deepEqual(summary(ds), ORDER_EXPECTED);
    // exact range of one anchor: REQ-001's `pick.mode: automatic` entry (line 82)
    const contradiction = ds.find((d) => codeOf(d) === 'conflict/contradiction' && d.range.start.line === 81)!;
    assert.equal(doc.getText(contradiction.range), 'pick.mode: automatic');
    assert.ok(contradiction.relatedInformation && contradiction.relatedInformation.length > 0, 'related information');
    assert.equal(contradiction.relatedInformation![0].location.range.start.line, 89);
    assert.equal(contradiction.source, 'bizflow');
    const code = contradiction.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /rules\.md#conflict-contradiction/);
    await screenshot('diagnostics-order-fulfilment');
  });

  it('the procure-to-pay example has no diagnostics', async () => {
    const uri = fixtureUri('procure-to-pay.bizflow.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // the workspace lint may already have published; the open document is re-linted either way
    const ds = await waitForDiagnostics(uri, (d) => d.length === 0, 5000, 'no diagnostics');
    assert.deepEqual(ds, []);
  });

  it('a typo in a role reference is reported within a second, and fixing it clears it', async () => {
    const name = 'typing.bizflow.yaml';
    const text = [
      'bizflow: 1',
      'process:',
      '  name: 打字测试',
      'roles:',
      '  sales:',
      '    name: 业务员',
      'steps:',
      '  s1:',
      '    name: 开始',
      '    type: start',
      '    role: sales',
      '    next: e1',
      '  e1:',
      '    name: 结束',
      '    type: end',
      '',
    ].join('\n');
    const doc = await openFresh(name, text);
    try {
      await waitForDiagnostics(doc.uri, (d) => d.length === 0, 5000, 'a clean file');
      const editor = vscode.window.activeTextEditor!;
      const at = new vscode.Position(10, '    role: sal'.length);
      const started = Date.now();
      await editor.edit((e) => e.insert(at, 'x')); // sales -> salxes
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'ref/unknown-role'), 1000, 'ref/unknown-role');
      assert.ok(Date.now() - started <= 1000);
      const d = ds.find((x) => codeOf(x) === 'ref/unknown-role')!;
      assert.equal(doc.getText(d.range), 'salxes');
      assert.match(d.message, /sales/);
      await editor.edit((e) => e.delete(new vscode.Range(at, at.translate(0, 1))));
      await waitForDiagnostics(doc.uri, (x) => x.length === 0, 1000, 'the typo fixed');
    } finally {
      await removeFile(name);
    }
  });

  it('a file with a YAML syntax error still gets its other diagnostics', async () => {
    const name = 'broken.bizflow.yaml';
    const text = [
      'bizflow: 1',
      'process:',
      '  name: 坏文件',
      'roles:',
      '  sales:',
      '    name: 业务员',
      'steps:',
      '  s1:',
      '    name: 开始',
      '    type: start',
      '    role: nobody',
      '    next: e1',
      '  e1:',
      '    name: 结束',
      '    type: end',
      'requirements:',
      '  REQ-1: { title: "unclosed, from: sales',
      '',
    ].join('\n');
    const doc = await openFresh(name, text);
    try {
      const ds = await waitForDiagnostics(
        doc.uri,
        (d) => d.some((x) => codeOf(x) === 'yaml/syntax') && d.some((x) => codeOf(x) === 'ref/unknown-role'),
        5000,
        'syntax error and unknown role',
      );
      const role = ds.find((x) => codeOf(x) === 'ref/unknown-role')!;
      assert.equal(role.range.start.line, 10);
      assert.equal(doc.getText(role.range), 'nobody');
    } finally {
      await removeFile(name);
    }
  });

  it('a rule turned off in the settings disappears, and comes back when reset', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'handoff/no-data'), 5000, 'handoff/no-data');
    await vscode.workspace
      .getConfiguration('bizflow')
      .update('rules', { 'handoff/no-data': 'off' }, vscode.ConfigurationTarget.Global);
    const ds = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'handoff/no-data'), 5000, 'handoff/no-data gone');
    assert.equal(ds.length, ORDER_EXPECTED.length - 3);
    await vscode.workspace.getConfiguration('bizflow').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'handoff/no-data').length === 3, 5000, 'handoff/no-data back');
  });

  it('a file over bizflow.maxFileSize gets one diagnostic and nothing else, open or on disk; raising the limit analyses it', async () => {
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (d) => d.length === ORDER_EXPECTED.length, 5000, 'order example analysed');
    const config = vscode.workspace.getConfiguration('bizflow');
    await config.update('maxFileSize', 0.001, vscode.ConfigurationTarget.Global); // ~1 KB
    try {
      const ds = await waitForDiagnostics(uri, (d) => d.length === 1 && codeOf(d[0]) === 'bizflow/too-large', 8000, 'too large');
      assert.match(ds[0].message, /not analysed: it is [\d.]+ (KB|MB), larger than the limit/);
      const p2p = fixtureUri('procure-to-pay.bizflow.yaml'); // not open: linted from disk
      await waitForDiagnostics(p2p, (d) => d.length === 1 && codeOf(d[0]) === 'bizflow/too-large', 8000, 'too large on disk');
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, (d) => d.length === ORDER_EXPECTED.length, 8000, 'analysed again');
  });

  it('the workspace lint shows problems of files that are not open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const name = 'closed.bizflow.yaml';
    const uri = fixtureUri(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('bizflow: 2\n'));
    try {
      const ds = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'schema/version'), 8000, 'schema/version from disk');
      assert.ok(ds.length >= 1);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForDiagnostics(uri, (d) => d.length === 0, 8000, 'deleted file cleared');
  });
});
