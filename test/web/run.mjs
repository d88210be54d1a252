#!/usr/bin/env node
// VS Code for the Web, tested offline: bundles the web integration tests (test/web/index.ts, for a browser:
// mocha's browser build, an `assert` shim) into out/test/web/index.js and runs them with the offline
// launcher (test/integration/run-offline.mjs: code-server + headless Chromium), asking the workbench to run
// the extension in its Web Worker extension host (`extensionDevelopmentKind: web`): the extension loads from
// package.json `browser` (dist/web/extension.js). Part of `npm test` (after test:integration), which builds the
// extension first; run alone on a fresh clone, it builds the extension itself when its bundles are missing
// (code-server and the Debian packages come as for test:integration: scripts/ensure-code-server.mjs).
// Env: BIZFLOW_TEST_GREP (baked into the bundle: the Web Worker has no environment), as run-offline.mjs.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// what the web run loads: the browser entry, its analysis Web Worker, the preview's webview
const needed = ['dist/web/extension.js', 'dist/web/worker.js', 'dist/webview.js'];
const missing = needed.filter((f) => !fs.existsSync(path.join(root, f)));
if (missing.length) {
  console.error(`bizflow: ${missing.join(', ')} missing: building the extension (npm run build)…`);
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.config.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bizflow: the build failed');
    process.exit(r.status ?? 1);
  }
}

const outDir = path.join(root, 'out', 'test', 'web');
fs.rmSync(outDir, { recursive: true, force: true });

/** The suites' Node-only helpers, replaced for the Web Worker. */
const webShims = {
  name: 'web-shims',
  setup(b) {
    b.onResolve({ filter: /(^|\/)util\/screenshot$/ }, () => ({ path: path.join(root, 'test', 'web', 'screenshot.ts') }));
  },
};

await build({
  entryPoints: [path.join(root, 'test', 'web', 'index.ts')],
  outfile: path.join(outDir, 'index.js'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  external: ['vscode'],
  alias: { assert: path.join(root, 'test', 'web', 'assert.ts') },
  define: { BIZFLOW_TEST_GREP: JSON.stringify(process.env.BIZFLOW_TEST_GREP ?? '') },
  plugins: [webShims],
  logLevel: 'warning',
});
console.error(`bizflow: built the web integration tests into ${path.relative(root, outDir)}/`);

process.env.BIZFLOW_EXTENSION_KIND = 'web';
process.env.BIZFLOW_TESTS_PATH = path.join(outDir, 'index.js');
await import('../integration/run-offline.mjs');
