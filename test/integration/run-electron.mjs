#!/usr/bin/env node
// Runs the integration tests in desktop VS Code (Electron) with
// @vscode/test-electron — the usual way on a developer laptop or a hosted CI
// with internet access: it downloads VS Code into .vscode-test/ on first use.
// On a Linux machine without a display, run it under `xvfb-run -a`.
//
// Offline (as on the project's own machines) VS Code cannot be downloaded:
// this script then stops at once with a clear message (exit 2); use
// `node test/integration/run-offline.mjs` (code-server + headless Chromium).
//
// Build first:  npm run build && node scripts/build-tests.mjs
//
// Env:
//   BIZFLOW_EXT_DEV_PATH    extension folder to test (default: the repo root)
//   BIZFLOW_VSCODE_VERSION  VS Code version ('stable', '1.99.3', …; default:
//                           the newest one matching package.json's engines.vscode)
//   VSCODE_EXECUTABLE_PATH  use this installed VS Code instead of downloading one
//   BIZFLOW_TEST_GREP       only run tests whose title matches (mocha grep)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { guardFixtures } from './fixtures-guard.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT_DEV_PATH = path.resolve(process.env.BIZFLOW_EXT_DEV_PATH || ROOT);
const TESTS_PATH = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace');
const CACHE_PATH = path.join(ROOT, '.vscode-test');

function fail(message, code = 2) {
  console.error(`bizflow: ${message}`);
  process.exit(code);
}

async function main() {
  if (!fs.existsSync(TESTS_PATH)) fail(`${path.relative(ROOT, TESTS_PATH)} is missing (run: node scripts/build-tests.mjs)`);
  if (!fs.existsSync(path.join(EXT_DEV_PATH, 'package.json'))) fail(`no package.json in the extension folder ${EXT_DEV_PATH}`);

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    // Resolve/download VS Code first, on its own, so that being offline is
    // reported clearly instead of as a stack trace from deep inside runTests.
    // (An already downloaded VS Code in .vscode-test/ is reused offline.)
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({
        version: process.env.BIZFLOW_VSCODE_VERSION || undefined,
        extensionDevelopmentPath: EXT_DEV_PATH,
        cachePath: CACHE_PATH,
        timeout: 15_000,
      });
    } catch (err) {
      const detail = err?.code || err?.message || String(err);
      fail(
        `@vscode/test-electron could not get VS Code (${detail}); this machine seems offline. ` +
          'Run the integration tests with `node test/integration/run-offline.mjs` instead ' +
          '(code-server + headless Chromium), or set VSCODE_EXECUTABLE_PATH to an installed VS Code.',
      );
    }
  }

  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: EXT_DEV_PATH,
      extensionTestsPath: TESTS_PATH,
      launchArgs: [WORKSPACE, '--disable-extensions'],
      // Tells test/integration/util/screenshot.ts there is no Playwright here.
      extensionTestsEnv: { BIZFLOW_TEST_LAUNCHER: 'electron' },
    });
    return 0;
  } catch (err) {
    if (err instanceof TestRunFailedError) {
      console.error(`bizflow: integration tests failed (${err.message})`);
      return typeof err.code === 'number' && err.code !== 0 ? err.code : 1;
    }
    console.error(`bizflow: could not run the integration tests: ${err?.stack || err}`);
    return 1;
  }
}

// the fixtures as the tests found them, put back after the run (as run-offline.mjs does)
const restoreFixtures = guardFixtures(WORKSPACE, path.join(ROOT, 'test', 'artifacts', 'fixtures-snapshot.json'), (m) => console.error(`bizflow: ${m}`));
let code = await main();
const leftChanged = restoreFixtures();
if (leftChanged.length) {
  console.error(`bizflow: the tests left the fixtures changed (restored now): ${leftChanged.join(', ')}`);
  if (code === 0) code = 1;
}
process.exit(code);
