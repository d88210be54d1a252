#!/usr/bin/env node
// Bundles the integration tests (they run inside the real VS Code extension
// host) into out/test/integration/, keeping relative paths:
//   test/integration/index.ts             -> out/test/integration/index.js
//   test/integration/suite/X.test.ts      -> out/test/integration/suite/X.test.js
// `vscode` is provided by the extension host and `mocha` is loaded from
// node_modules at run time, so both stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test', 'integration');
const suiteDir = path.join(srcDir, 'suite');
const outDir = path.join(root, 'out', 'test', 'integration');

const entryPoints = [
  path.join(srcDir, 'index.ts'),
  ...fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(suiteDir, f)),
];

// Stale outputs (e.g. a deleted test) must not keep running.
fs.rmSync(outDir, { recursive: true, force: true });

await build({
  entryPoints,
  outbase: srcDir,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`bizflow: built ${entryPoints.length} integration test file(s) into ${path.relative(root, outDir)}/`);
