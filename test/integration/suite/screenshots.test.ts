/**
 * Screenshots of what a user sees, for review and for the README
 * (docs/images/ holds copies of readme-editor.png as editor.png and of
 * readme-preview.png / readme-preview-dark.png as preview.png / preview-dark.png).
 *
 * The suites run in a shuffled order and another suite may leave a
 * notification toast, a side bar or a panel behind, so every shot starts from
 * a known workbench (`quietWorkbench`), and `after` puts back what this suite
 * changed (colour theme, side bar).
 */
import * as assert from 'assert';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BizflowApi } from '../../../src/extension/extension';
import type { ThemeKind } from '../../../src/shared/protocol';
import { PreviewInspector } from '../util/inspect';
import { screenshot } from '../util/screenshot';
import { activateExtension, closeEverything, codeOf, fixtureUri, waitForDiagnostics } from '../util/wait';

/** The colour themes of the preview shots, with the file name each one gets. */
const THEMES: ReadonlyArray<{ kind: ThemeKind; theme: string; vscodeKind: vscode.ColorThemeKind; shot: string }> = [
  { kind: 'light', theme: 'Default Light Modern', vscodeKind: vscode.ColorThemeKind.Light, shot: 'readme-preview' },
  { kind: 'dark', theme: 'Default Dark Modern', vscodeKind: vscode.ColorThemeKind.Dark, shot: 'readme-preview-dark' },
  { kind: 'high-contrast', theme: 'Default High Contrast', vscodeKind: vscode.ColorThemeKind.HighContrast, shot: 'readme-preview-high-contrast' },
];

/** The Problems view's "Show Active File Only" filter (a toggle). */
const PROBLEMS_ACTIVE_FILE_ONLY = 'workbench.actions.workbench.panel.markers.view.toggleActiveFile';

/** No toast, no panel, no auxiliary bar: nothing left over from another suite covers the shot. */
async function quietWorkbench(): Promise<void> {
  await vscode.commands.executeCommand('notifications.hideToasts');
  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
}

/** Resolves once the workbench runs `theme` (at once when it already does). */
async function useColorTheme(theme: string, kind: vscode.ColorThemeKind): Promise<void> {
  const workbench = vscode.workspace.getConfiguration('workbench');
  if (workbench.get<string>('colorTheme') === theme && vscode.window.activeColorTheme.kind === kind) return;
  const changed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the colour theme did not change to ${theme} within 15 s`));
    }, 15_000);
    const sub = vscode.window.onDidChangeActiveColorTheme((t) => {
      if (t.kind !== kind) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
  await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  if (vscode.window.activeColorTheme.kind !== kind) await changed;
}

describe('screenshots of the editor as a user sees it', () => {
  let api: BizflowApi;
  let originalTheme: string | undefined;
  let originalSticky: boolean | undefined;
  before(async () => {
    api = await activateExtension<BizflowApi>();
    originalTheme = vscode.workspace.getConfiguration('workbench').inspect<string>('colorTheme')?.globalValue;
    // the editor's sticky scroll would show the lines of the roles above the steps at the top of the editor
    const editorConfig = vscode.workspace.getConfiguration('editor');
    originalSticky = editorConfig.inspect<boolean>('stickyScroll.enabled')?.globalValue;
    await editorConfig.update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Global);
    await closeEverything();
    await quietWorkbench();
  });
  after(async () => {
    await closeEverything();
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', originalTheme, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', originalSticky, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
    // the Explorer in the side bar, as a workbench starts (the preview shots closed the side bar)
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('the order-fulfilment example with its problems and a conflict on screen', async function () {
    this.timeout(60_000);
    await closeEverything();
    await useColorTheme(THEMES[0].theme, THEMES[0].vscodeKind);
    await quietWorkbench();
    const uri = fixtureUri('order-fulfilment.bizflow.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'conflict/contradiction'), 8000);
    // the cursor on REQ-001's contradiction, its hover open, the Problems panel below
    const line = doc.getText().split('\n').findIndex((l) => l.includes('pick.mode: automatic'));
    const pos = new vscode.Position(line, 8);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.view.extension.bizflow');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // the Problems of this file only (the workspace's hostile.bizflow.yaml would come first); a toggle, put back below
    await vscode.commands.executeCommand(PROBLEMS_ACTIVE_FILE_ONLY);
    try {
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('readme-editor', { settleMs: 800 });
    } finally {
      await vscode.commands.executeCommand(PROBLEMS_ACTIVE_FILE_ONLY);
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }
  });

  for (const { kind, theme, vscodeKind } of THEMES.slice(0, 2)) {
    it(`the outline and breadcrumbs of a 3,000-step file: at most bizflow.outline.maxItems entries (${kind} theme)`, async function () {
      this.timeout(90_000);
      await closeEverything();
      await useColorTheme(theme, vscodeKind);
      await quietWorkbench();
      // three roles and 3,000 steps: 3,005 entries, the outline shows 2,000 (the roles, then the first 1,995 steps)
      const steps = Array.from({ length: 3000 }, (_, i) => `  s${String(i + 1).padStart(4, '0')}: { name: 第 ${i + 1} 步, role: r${(i % 3) + 1} }`);
      const roles = ['  r1: { name: 销售 }', '  r2: { name: 仓库 }', '  r3: { name: 财务 }'];
      const content = ['bizflow: 1', 'process: { id: big, name: 大流程 }', 'roles:', ...roles, 'steps:', ...steps, ''].join('\n');
      // a file on disk outside the workspace (breadcrumbs show a file's path, then the symbols)
      const file = vscode.Uri.file(path.join(os.tmpdir(), `bizflow-outline-${kind}`, 'big.bizflow.yaml'));
      await vscode.workspace.fs.writeFile(file, Buffer.from(content));
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      assert.deepEqual(symbols.map((x) => `${x.name}:${x.children.length}`), ['Roles:3', 'Steps:1995']);
      // breadcrumbs on (put back below): they show where the cursor is in the outline
      const breadcrumbs = vscode.workspace.getConfiguration('breadcrumbs');
      const originalBreadcrumbs = breadcrumbs.inspect<boolean>('enabled')?.globalValue;
      await breadcrumbs.update('enabled', true, vscode.ConfigurationTarget.Global);
      try {
        await vscode.commands.executeCommand('outline.focus');
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        // the cursor on the last step shown (then the outline view follows it)
        const at = new vscode.Position(symbols[1].children[1994].selectionRange.start.line, 4);
        for (const p of [at.translate(-1), at]) {
          editor.selection = new vscode.Selection(p, p);
          await new Promise((r) => setTimeout(r, 300));
        }
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
        await vscode.commands.executeCommand('notifications.clearAll');
        await screenshot(`outline-${kind}`, { settleMs: 1500 });
      } finally {
        await breadcrumbs.update('enabled', originalBreadcrumbs, vscode.ConfigurationTarget.Global);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      // the setting that raises the limit, in the Settings editor
      await vscode.commands.executeCommand('workbench.action.openSettings', 'bizflow.outline.maxItems');
      await screenshot(`outline-setting-${kind}`, { settleMs: 1500 });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    });
  }

  for (const { kind, theme, vscodeKind, shot } of THEMES) {
    it(`the editor beside its live preview (${kind} theme)`, async function () {
      this.timeout(90_000); // Mermaid layout on a busy 2-core machine
      await closeEverything();
      await useColorTheme(theme, vscodeKind);
      await quietWorkbench();
      // the editor and its preview only: no side bar, the preview 72 % of the width, enough for the whole
      // order-fulfilment swimlane at a legible zoom in the launcher's 1600×1000 window
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      const uri = fixtureUri('order-fulfilment.bizflow.yaml');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      // the cursor on the steps (a cursor inside a requirement would highlight only its steps)
      const top = new vscode.Position(31, 0);
      editor.selection = new vscode.Selection(top, top);
      editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
      const inspector = new PreviewInspector(api.preview);
      try {
        await vscode.commands.executeCommand('bizflow.openPreviewToSide');
        await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups: [{ size: 0.28 }, { size: 0.72 }] });
        const report = await inspector.waitForRender(uri, {
          timeoutMs: 60_000,
          accept: (r) => r.status === 'ok' && r.theme === kind && r.mermaidTheme === `base/${kind}`,
        });
        assert.ok(report.conflictNodeIds.warning.length > 0, 'the shot shows conflicting steps');
        // the whole swimlane, as the fit button (⤢) shows it; the webview handles the view message before the inspect request
        api.preview.previewFor(uri)!.view('fit');
        const fitted = await inspector.reportNow(uri);
        assert.ok(fitted.labelPx >= 10, `legible step labels in the shot (${fitted.labelPx} px)`);
      } finally {
        inspector.dispose();
      }
      await vscode.commands.executeCommand('notifications.clearAll');
      await screenshot(shot, { settleMs: 800 });
    });
  }
});
