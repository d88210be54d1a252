// Builds the installable CLI package (bizflow-cli) in this folder: dist/bizflow.js (the CLI bundled with its
// dependencies, playwright-core left out: it is an optional dependency, loaded only by `render --format svg`),
// dist/mermaid.min.js and dist/bizflow-swimlane.js (BizFlow's swimlane layout for Mermaid) beside it,
// dist/exceljs.js (exceljs bundled on its own, loaded only by `review` for xlsx, so other commands do not
// parse it), and a copy of the repository's LICENSE.
// `node packages/cli/build.mjs [--production]`; also run by the root `npm run build` (esbuild.config.mjs)
// and by `npm pack` here (prepack).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

/** The esbuild options of the package's CLI bundle (paths absolute, so it builds from any working folder). */
export function cliPackageBuild({ production = false } = {}) {
  return {
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile: path.join(HERE, 'dist/bizflow.js'),
    bundle: true,
    // no source map: it would ship (or point at sources that do not)
    sourcemap: false,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
    external: ['playwright-core', 'exceljs'],
    alias: { yaml: path.join(ROOT, 'node_modules/yaml/browser/index.js') },
    absWorkingDir: ROOT,
  };
}

/** BizFlow's swimlane renderer for the page `render --format svg` draws in (loaded from beside the CLI bundle). */
export function swimlanePackageBuild() {
  return {
    entryPoints: [path.join(ROOT, 'src/shared/swimlane/browser.ts')],
    outfile: path.join(HERE, 'dist/bizflow-swimlane.js'),
    bundle: true,
    sourcemap: false,
    minify: true,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
    platform: 'browser',
    format: 'iife',
    globalName: 'BizflowSwimlane',
    target: 'es2020',
    absWorkingDir: ROOT,
  };
}

/** esbuild options of exceljs bundled on its own (`outfile` relative to the repository, or absolute), minified. */
export function excelBuild(outfile) {
  return {
    entryPoints: [path.join(ROOT, 'node_modules/exceljs/excel.js')],
    outfile: path.resolve(ROOT, outfile),
    bundle: true,
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    absWorkingDir: ROOT,
  };
}

/** Copies what ships beside the bundle: Mermaid (for `render --format svg`) and the licence. */
export function copyCliPackageAssets() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  mkdirSync(path.join(HERE, 'dist'), { recursive: true });
  copyFileSync(path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js'), path.join(HERE, 'dist/mermaid.min.js'));
  copyFileSync(path.join(ROOT, 'LICENSE'), path.join(HERE, 'LICENSE'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  copyCliPackageAssets();
  const production = process.argv.includes('--production');
  await Promise.all([
    esbuild.build(cliPackageBuild({ production })),
    esbuild.build(swimlanePackageBuild()),
    esbuild.build(excelBuild(path.join(HERE, 'dist/exceljs.js'))),
  ]);
}
