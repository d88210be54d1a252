/**
 * The integration suites share the fixtures workspace and a workbench that saves edits by itself (the web's
 * `files.autoSave: afterDelay`). Three ways of putting a document back lost an edit or brought an old one back
 * (test/integration/util/documents.ts says how; seed 3514586986 left `broken: [unclosed` in a fixture):
 * the `undo` / `redo` commands (they act on whatever has the focus), `workbench.action.files.revert` (it
 * reads the disk, which may hold a test's intermediate text) and decisions on `TextDocument.isDirty` (false
 * while changes are unsaved, when a save of an older version finished after a newer edit). None of them may
 * be in the suites' code; `restoreDocument` (test/integration/util/documents.ts) puts a document back.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['test/integration/suite', 'test/integration/util', 'test/web/suite'];
const COMMANDS = new Set(['undo', 'redo', 'workbench.action.files.revert']);
/** What a file may use, and why. */
const ALLOWED: Record<string, string[]> = {
  // shows the stale flag that restoreDocument does not trust
  'test/integration/suite/documents.test.ts': ['isDirty'],
};

/** Where `text` (TypeScript) runs one of those commands or reads `isDirty`: `line: what`, comments ignored. */
export function fragileRestores(text: string, fileName = 'x.ts'): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'executeCommand') {
      const first = n.arguments[0];
      if (first && ts.isStringLiteralLike(first) && COMMANDS.has(first.text)) found.push(`${at(n)}: ${first.text}`);
    }
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'isDirty') found.push(`${at(n)}: isDirty`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('integration suites put documents back without undo, revert or isDirty', () => {
  it('finds the commands and the flag in code, not in comments or other strings', () => {
    const code = [
      "await vscode.commands.executeCommand('undo');",
      'await vscode.commands.executeCommand("workbench.action.files.revert");',
      'if (doc.isDirty) await doc.save();',
      "// executeCommand('undo') and isDirty in a comment",
      "await vscode.commands.executeCommand('workbench.action.closeAllEditors');",
      "const s = 'doc.isDirty';",
      "await vscode.commands.executeCommand('redo', x);",
    ].join('\n');
    assert.deepEqual(fragileRestores(code), ['1: undo', '2: workbench.action.files.revert', '3: isDirty', '7: redo']);
    assert.deepEqual(fragileRestores('await restoreDocument(uri, text);\n'), []);
  });

  it('are not in the integration and web suites', () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS) {
      const dir = path.join(ROOT, folder);
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
        const allowed = ALLOWED[`${folder}/${f}`] ?? [];
        for (const hit of fragileRestores(fs.readFileSync(path.join(dir, f), 'utf8'), f)) {
          if (!allowed.includes(hit.slice(hit.indexOf(': ') + 2))) offenders.push(`${folder}/${f}:${hit}`);
        }
      }
    }
    assert.deepEqual(offenders, [], 'use restoreDocument (test/integration/util/documents.ts) to put a document back');
  });
});
