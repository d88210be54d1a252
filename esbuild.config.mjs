// Bundles the extension, the webview, the CLI and the CLI package (packages/cli). `node esbuild.config.mjs [--watch] [--production]`
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cliPackageBuild, copyCliPackageAssets, excelBuild, swimlanePackageBuild } from './packages/cli/build.mjs';
import { buildExtension } from './esbuild.extension.mjs';
import { webBuilds } from './esbuild.web.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// yaml's ES-module build (same code as its CommonJS one) lets esbuild drop what BizFlow never calls and
// scope-hoist the rest; calls such as isScalar then skip CommonJS re-export getters (parse ~25 % faster, bench/notes.md)
const yamlEsm = { yaml: './node_modules/yaml/browser/index.js' };

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  // Chinese messages as UTF-8, not \uXXXX escapes (a third smaller)
  charset: 'utf8',
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
    external: ['playwright-core', 'esbuild', 'exceljs'],
    alias: yamlEsm,
  },
  // exceljs for the review pack's xlsx, loaded from beside dist/cli.js (and beside the extension's analysis worker
  // dist/worker.js and its dist/review.js, so it ships in the .vsix) only when an xlsx is made or read
  excelBuild('dist/exceljs.js'),
];

// the analysis worker (worker_threads), started by the extension: dist/worker.js (it makes the review pack's xlsx with
// dist/exceljs.js)
if (existsSync('src/worker/node.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/worker/node.ts'],
    outfile: 'dist/worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    // the review pack's xlsx: exceljs loaded from dist/exceljs.js beside the worker the first time one is made
    external: ['exceljs'],
    alias: yamlEsm,
  });
}

// VS Code for the Web (package.json `browser`): dist/web/extension.js and dist/web/worker.js (esbuild.web.mjs)
if (existsSync('src/extension/extension.web.ts')) builds.push(...webBuilds({ production }));

if (existsSync('src/webview/main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
  });
}

// ```bizflow blocks in VS Code's Markdown preview (markdown.previewScripts): Mermaid and BizFlow's swimlane renderer
// bundled (no CDN), loaded by the preview with its nonce: dist/markdown-preview.js
if (existsSync('src/markdown/preview/main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/markdown/preview/main.ts'],
    outfile: 'dist/markdown-preview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
  });
}

// The review pack's picture webview (src/webview-pack): its own small program, loaded after dist/mermaid.min.js and
// dist/bizflow-swimlane.js, the files `bizflow review` loads into headless Chromium: dist/webview-pack.js
if (existsSync('src/webview-pack/main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/webview-pack/main.ts'],
    outfile: 'dist/webview-pack.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: false,
  });
}

// BizFlow's swimlane renderer (src/shared/swimlane) for the page `bizflow render --format svg` draws in:
// an IIFE with the global `BizflowSwimlane`, loaded from beside dist/cli.js (src/node/mermaid-render.ts),
// and by the editor's review-pack webview
builds.push({
  ...common,
  entryPoints: ['src/shared/swimlane/browser.ts'],
  outfile: 'dist/bizflow-swimlane.js',
  platform: 'browser',
  format: 'iife',
  globalName: 'BizflowSwimlane',
  target: 'es2020',
  minify: true,
  sourcemap: false,
});

// The installable CLI package (packages/cli, published as bizflow-cli): the same CLI, built into that folder.
builds.push(cliPackageBuild({ production }), swimlanePackageBuild(), excelBuild('packages/cli/dist/exceljs.js'));
copyCliPackageAssets();

// `bizflow render --format svg` loads Mermaid into headless Chromium from beside dist/cli.js; the editor's review-pack
// webview loads the same file (it ships in the .vsix)
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
copyFileSync(path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js'), 'dist/mermaid.min.js');

// The desktop extension (package.json `main`): dist/extension.js and its lazily loaded chunks (esbuild.extension.mjs)
const extension = existsSync('src/extension/extension.ts') ? () => buildExtension({ production, esbuild }) : async () => undefined;

if (watch) {
  // the extension's chunks are cut in three passes: built once here (run the build again after changing its imports)
  await extension();
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all([...builds.map((b) => esbuild.build(b)), extension()]);
}
