/**
 * Putting a document a test edited back as it was: in the editor and on disk.
 *
 * Why not `if (doc.isDirty) save()`, `undo` or `workbench.action.files.revert`:
 * - VS Code for the Web saves an edited document a second after the last change (`files.autoSave`:
 *   `afterDelay` is its default), so a test's intermediate text (a line that does not parse) reaches the disk.
 * - When such a save finishes after a newer edit, the workbench fires "saved" and the extension host sets
 *   `TextDocument.isDirty` to false (ExtHostDocuments.$acceptModelSaved), although the newer text is not
 *   saved and the workbench still counts the document as changed; nothing corrects the flag until the next
 *   edit. A check of `isDirty` then skips the save that was needed, the disk keeps the intermediate text,
 *   and a later `revert` (which reads the disk) brings it back into the editor: the preview suite's role
 *   view reported `kept` (a syntax error) and the fixture was left with `broken: [unclosed` (seed 3514586986).
 * - `undo` acts on whatever has the focus (a webview, another editor).
 * So: put the text back by an edit, save without asking `isDirty`, and check the disk.
 */
import * as vscode from 'vscode';
import { textChange } from './text-change';

/** The text of `uri` on disk. */
export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Puts `text` back into the document of `uri` (by an edit of what differs, when it differs), saves it (always:
 * `isDirty` may be stale, see above; saving an unchanged document writes nothing) and checks that the disk
 * holds it. Throws when it cannot. Returns the (open) document.
 */
export async function restoreDocument(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const now = doc.getText();
  if (now !== text) {
    const c = textChange(now, text);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)), c.text);
    if (!(await vscode.workspace.applyEdit(edit)) || doc.getText() !== text) {
      throw new Error(`could not put the text of ${uri.path} back`);
    }
  }
  // `save()` answers false when the workbench did not save: seen once (fresh-clone run of 7 Dec, 13:55 UTC, a
  // loaded machine), most likely an auto-save of the same document under way. What matters is the disk: save
  // again, a few times, until the disk holds the text.
  for (let attempt = 1; ; attempt++) {
    const saved = await doc.save();
    if (saved && (await diskText(uri)) === text) return doc;
    if (attempt === 5) {
      throw new Error(saved ? `${uri.path} on disk differs from the text it was saved with` : `could not save ${uri.path}`);
    }
    await new Promise((r) => setTimeout(r, 200 * attempt));
  }
}
