/** Command "BizFlow: New BizFlow File": asks for a process name, starts from core `templates.ts`. */
import * as vscode from 'vscode';
import { newFileTemplate, safeFileName } from '../../core/templates';
import { readSettings } from '../settings';

/** What scripts and tests may pass instead of answering the input box. */
export interface NewFileOptions {
  processName?: string;
  /** Where the file would be saved (default: the active file's folder, else the first workspace folder). */
  folder?: vscode.Uri;
}

/** Asks for the process name; undefined when the user cancels. */
async function askProcessName(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New BizFlow file'),
    prompt: vscode.l10n.t('Name of the process (for example: Order fulfilment, 订单履约). It becomes the file name.'),
    placeHolder: vscode.l10n.t('Order fulfilment'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a name for the process.')),
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `<name>.bizflow.yaml` in `folder`, or `<name>-2.bizflow.yaml`… when taken. */
async function freeName(folder: vscode.Uri | undefined, fileName: string): Promise<string> {
  if (!folder) return fileName;
  const stem = fileName.replace(/\.bizflow\.yaml$/, '');
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? fileName : `${stem}-${n}.bizflow.yaml`;
    if (!(await exists(vscode.Uri.joinPath(folder, candidate)))) return candidate;
  }
  return fileName;
}

function defaultFolder(): vscode.Uri | undefined {
  // any saved file's folder: `file:` on the desktop, `vscode-remote:` or `vscode-vfs:` in VS Code for the Web
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * Without a folder (command palette, File › New File…, the walkthrough): asks
 * for the process name and opens an unsaved document named
 * `<name>.bizflow.yaml` (Save proposes that name, in the active file's folder
 * or the workspace). With a folder (explorer context menu): asks for the name,
 * then where to save, proposing `<name>.bizflow.yaml` there. With a file URI
 * (scripts, tests): creates it there unless it exists, then opens it.
 */
export async function newFile(target?: unknown): Promise<vscode.TextDocument | undefined> {
  const locale = readSettings().locale;
  const options: NewFileOptions = target instanceof vscode.Uri || typeof target !== 'object' || target === null ? {} : (target as NewFileOptions);
  let uri = target instanceof vscode.Uri ? target : undefined;
  let isFolder = false;
  if (uri) {
    try {
      isFolder = ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      // does not exist yet: a file to create
    }
  }
  if (uri && !isFolder) {
    const content = newFileTemplate(locale);
    if (await exists(uri)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; opening it unchanged.', vscode.workspace.asRelativePath(uri)));
    } else {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  const processName = options.processName?.trim() || (await askProcessName())?.trim();
  if (!processName) return undefined;
  const content = newFileTemplate(locale, processName);
  const folder = isFolder ? uri : (options.folder ?? defaultFolder());
  const fileName = await freeName(folder, safeFileName(processName));

  if (isFolder && uri) {
    const picked = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(uri, fileName),
      filters: { [vscode.l10n.t('BizFlow files')]: ['bizflow.yaml', 'bizflow.yml'] },
      title: vscode.l10n.t('New BizFlow file'),
    });
    if (!picked) return undefined;
    // (the save dialog has asked before replacing a file)
    await vscode.workspace.fs.writeFile(picked, new TextEncoder().encode(content));
    const doc = await vscode.workspace.openTextDocument(picked);
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  // an unsaved document that Save proposes as <folder>/<name>.bizflow.yaml
  const untitled = folder ? vscode.Uri.joinPath(folder, fileName).with({ scheme: 'untitled', authority: '' }) : vscode.Uri.from({ scheme: 'untitled', path: fileName });
  const doc = await vscode.workspace.openTextDocument(untitled);
  const editor = await vscode.window.showTextDocument(doc);
  if (doc.getText() === '') await editor.edit((b) => b.insert(new vscode.Position(0, 0), content));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return doc.languageId === 'bizflow' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'bizflow');
}
