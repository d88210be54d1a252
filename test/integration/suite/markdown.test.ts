/**
 * ```bizflow blocks in VS Code's built-in Markdown preview: the markdown-it plugin and the preview script
 * (dist/markdown-preview.js) draw real swimlanes; read from the preview webview's DOM through the offline
 * launcher's frames query (test/integration/util/frames.ts).
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { framesQueryEnabled, waitForFrames, type FrameFinding } from '../util/frames';
import { screenshot } from '../util/screenshot';
import { activateExtension, fixtureUri } from '../util/wait';

const SELECTORS = {
  blocks: '.bizflow-md-block',
  diagrams: '.bizflow-md-diagram',
  drawn: '.bizflow-md-diagram[data-bizflow-state="drawn"] > svg',
  bands: '.bizflow-md-diagram > svg g.cluster.swimlane',
  nodes: '.bizflow-md-diagram > svg g.node',
  failed: '.bizflow-md-diagram[data-bizflow-state="failed"]',
  problems: '.bizflow-md-problem',
  unknownStep: '.bizflow-md-problem[data-problem-line="9"]',
  notices: '.bizflow-md-block > .bizflow-md-notice',
  injected: '.bizflow-md-block img, .bizflow-md-block b, .bizflow-md-block script',
  yamlCode: 'code.language-yaml',
};

describe('Markdown preview: bizflow blocks', () => {
  before(async () => {
    await activateExtension();
  });

  it('draws each block as a swimlane in the built-in Markdown preview, its problems listed under it', async function () {
    if (!framesQueryEnabled()) this.skip();
    this.timeout(180_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = fixtureUri('prd.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('markdown.showPreviewToSide');
    let frames: FrameFinding[] = [];
    try {
      frames = await waitForFrames(SELECTORS, (f) => f.some((x) => x.found.drawn.count >= 2), 150_000);
    } finally {
      await screenshot('markdown-preview', { settleMs: 1000 });
    }
    const preview = frames.find((x) => x.found.blocks.count > 0)!;
    const f = preview.found;
    assert.equal(f.blocks.count, 3, 'three bizflow blocks');
    assert.equal(f.diagrams.count, 2, 'two diagrams (the refused file has none)');
    assert.equal(f.drawn.count, 2);
    assert.equal(f.failed.count, 0);
    // bands: the warehouse view of order-fulfilment and the two lanes of the returns process
    assert.ok(f.bands.count >= 3, `bands: ${f.bands.count}`);
    assert.ok(f.nodes.count >= 4, `nodes: ${f.nodes.count}`);
    // the unknown step on line 9 of the second block, and the refused file
    assert.ok(f.unknownStep.count >= 1, 'a problem on line 9');
    assert.match(f.unknownStep.text ?? '', /nowhere/);
    assert.ok(f.notices.count >= 1);
    assert.match(f.notices.text ?? '', /outside the workspace/);
    // names are text, not markup; other fences stay code
    assert.equal(f.injected.count, 0, 'no markup injected through names');
    assert.equal(f.yamlCode.count, 1);
  });

  it('an unsaved edit of the referenced file redraws the block (the open document\'s text wins over the disk)', async function () {
    if (!framesQueryEnabled()) this.skip();
    this.timeout(180_000);
    const target = fixtureUri('order-fulfilment.bizflow.yaml');
    const onDisk = await vscode.workspace.fs.readFile(target);
    const doc = await vscode.workspace.openTextDocument(target);
    const original = doc.getText();
    const at = doc.getText().indexOf('仓库主管');
    assert.ok(at > 0);
    // an editor edit, not a WorkspaceEdit: those save files not open in an editor (files.refactoring.autoSave)
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '仓库主管'.length)), 'Warehouse lead')));
    try {
      // the diagram text carries the new name, and the preview script drew it; the problems name it too
      const frames = await waitForFrames(
        {
          redrawn: '.bizflow-md-diagram[data-bizflow-state="drawn"][data-bizflow-mermaid*="Warehouse lead"] > svg',
          problems: '.bizflow-md-block .bizflow-md-problems',
        },
        (f) => f.some((x) => x.found.redrawn.count >= 1),
        120_000,
      );
      const found = frames.find((x) => x.found.redrawn.count >= 1)!.found;
      assert.match(found.problems.text ?? '', /Warehouse lead/);
    } finally {
      // back to the text on disk (and the disk as it was, whatever happened): the edit taken out explicitly
      // (`revert` acts on whatever editor has the focus; a missed revert left the document dirty for the next suite)
      const back = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      await back.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original));
      assert.equal(doc.getText(), original);
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const now = await vscode.workspace.fs.readFile(target);
      if (Buffer.compare(Buffer.from(now), Buffer.from(onDisk)) !== 0) await vscode.workspace.fs.writeFile(target, onDisk);
    }
  });
});
