// Integration tests entry: loaded by VS Code's extension host (through
// --extensionTestsPath under @vscode/test-electron, or the `extensionTestsPath`
// payload under code-server), which calls run() and reports its outcome as
// the test run's exit code.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 20_000,
    color: false,
  });
  const grep = process.env.BIZFLOW_TEST_GREP;
  if (grep) mocha.grep(grep);

  const suiteDir = path.join(__dirname, 'suite');
  const files = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.test.js found in ${suiteDir} (run: node scripts/build-tests.mjs)`);
  for (const f of files) mocha.addFile(path.join(suiteDir, f));

  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
