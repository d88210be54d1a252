/** Command "BizFlow: New File": a starter process from core `templates.ts`. */
import * as vscode from 'vscode';
import { newFileTemplate } from '../../core/templates';
import { readSettings } from '../settings';

export const NEW_FILE_COMMAND = 'bizflow.newFile';

/**
 * Without an argument (command palette, File › New File…): an untitled
 * BizFlow document. With a folder (explorer context menu): asks where to save
 * the new file, proposing `new-process.bizflow.yaml` in that folder. With a
 * file URI (scripts, tests): creates it there unless it exists, then opens it.
 */
export async function newFile(target?: unknown): Promise<vscode.TextDocument | undefined> {
  const content = newFileTemplate(readSettings().locale);
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    const doc = await vscode.workspace.openTextDocument({ language: 'bizflow', content });
    await vscode.window.showTextDocument(doc);
    return doc;
  }
  let isFolder = false;
  try {
    isFolder = ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    // does not exist yet: a file to create
  }
  if (isFolder) {
    const picked = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(uri, 'new-process.bizflow.yaml'),
      filters: { [vscode.l10n.t('BizFlow files')]: ['bizflow.yaml', 'bizflow.yml'] },
      title: vscode.l10n.t('New BizFlow file'),
    });
    if (!picked) return undefined;
    uri = picked;
  }
  let exists = false;
  if (!isFolder) {
    try {
      await vscode.workspace.fs.stat(uri);
      exists = true;
    } catch {
      exists = false;
    }
  }
  if (exists) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; opening it unchanged.', vscode.workspace.asRelativePath(uri)));
  } else {
    // (the save dialog has asked before replacing a file)
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}
