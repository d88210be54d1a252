// The web integration tests' entry: loaded by the browser's Web Worker extension host (code-server's
// workbench with extensionDevelopmentKind=web, test/web/run.mjs), which calls run(). Mocha's browser
// build; suites are required after mocha.setup so that `describe` exists when they load.
import 'mocha/mocha.js';

declare const BIZFLOW_TEST_GREP: string;

export function run(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: false });
    if (BIZFLOW_TEST_GREP) mocha.grep(BIZFLOW_TEST_GREP);
    // the order matters: the web suite checks the workspace lint of a file no suite opened yet
    require('./suite/web.test');
    require('../integration/suite/diagnostics.test');
    require('../integration/suite/language.test');
    require('../integration/suite/tree.test');
    require('../integration/suite/forgiving-editor.test');
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web integration test(s) failed.`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
