/** Event-based waits for integration tests (no sleeps). */
import * as vscode from 'vscode';

/** Resolves with the diagnostics of `uri` once `accept` holds (checks immediately, then on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  timeoutMs = 5000,
  what = 'diagnostics',
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) {
        cleanup();
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; have: ${now.join(', ') || 'none'}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function activateExtension<T = unknown>(): Promise<T> {
  const ext = vscode.extensions.getExtension<T>('bizflow.bizflow');
  if (!ext) throw new Error('extension bizflow.bizflow not found');
  return ext.activate();
}

/**
 * A clean workbench: no editor, no preview, no panel. The suite files run in a
 * shuffled order (test/integration/index.ts), so each suite calls this in its
 * `before` (whatever an earlier suite left open) and its `after`.
 */
export async function closeEverything(): Promise<void> {
  const api = await activateExtension<{ preview?: { all: Iterable<{ dispose(): void }> } }>();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const p of [...(api?.preview?.all ?? [])]) p.dispose();
  await vscode.commands.executeCommand('workbench.action.closePanel');
}
