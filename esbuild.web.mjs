// VS Code for the Web (package.json `browser`): the extension for a browser's Web Worker extension host
// (dist/web/extension.js) and its analysis worker as a Web Worker (dist/web/worker.js). Used by
// esbuild.config.mjs, and by test/unit/web-bundle.test.ts, which builds these same options and checks
// that no Node built-in reaches them. platform 'browser': importing a Node built-in fails the build.

/** @returns {import('esbuild').BuildOptions[]} */
export function webBuilds({ production = false } = {}) {
  const web = {
    bundle: true,
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
    legalComments: 'none',
    charset: 'utf8',
    platform: 'browser',
    target: 'es2022',
    // yaml's ES-module build, as for the desktop bundles (esbuild.config.mjs)
    alias: { yaml: './node_modules/yaml/browser/index.js' },
    metafile: true,
  };
  return [
    { ...web, entryPoints: ['src/extension/extension.web.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
    // src/worker/analysis.ts serves requests by itself when loaded as a Web Worker
    { ...web, entryPoints: ['src/worker/analysis.ts'], outfile: 'dist/web/worker.js', format: 'iife' },
  ];
}
