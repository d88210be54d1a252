// The desktop extension (package.json `main`) as one small bundle loaded at activation, dist/extension.js, and
// lazily loaded chunks beside it, each `require`d by the main bundle the first time it is needed:
//   dist/review.js    "Compare with…" and "Export Review Pack" (pack renderers, xlsx driver, the pictures' webview)
//   dist/language.js  completion, hover, navigation, rename, outline, quick fixes, typing aids, "New File"
//   dist/markdown.js  the markdown-it plugin of ```bizflow blocks (required synchronously by `extendMarkdownIt`)
//   dist/preview.js   the preview panel (loaded when the first preview opens)
//   dist/tree.js      what builds and draws the Roles and Requirements trees (loaded when a tree is first built)
// The review pack's xlsx needs exceljs, bundled on its own as dist/exceljs.js (esbuild.config.mjs), loaded by
// dist/review.js only when an xlsx is made.
//
// CommonJS has no code splitting in esbuild, so the chunks share the main bundle's modules by hand, in three passes:
// 1. the main entry is built with every chunk entry left out (an `import`/`require` of a chunk's entry file
//    becomes `require("./<chunk>.js")`): the modules it holds are the shared ones;
// 2. each chunk is built with every import of a shared module replaced by a lookup in the main bundle's
//    `__bizflowShared` table (`require("./extension.js")`, the module Node has already loaded), so no module
//    is in two bundles and there is one copy of each at run time;
// 3. the main entry is built again with that table, holding the namespaces of the modules the chunks use.
// Sources keep ordinary imports: from source (tests under tsx) and in the web build (esbuild.web.mjs) a chunk's
// entry is simply part of the bundle.
// Used by esbuild.config.mjs and by test/unit/extension-package.test.ts (the size budget, with `write: false`).
import * as realEsbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** The lazily loaded chunks of the desktop extension: entry (relative to the repository) → file beside dist/extension.js. */
export const EXTENSION_CHUNKS = {
  'src/extension/commands/review.ts': 'review.js',
  'src/extension/language/providers.ts': 'language.js',
  'src/markdown/plugin.ts': 'markdown.js',
  'src/extension/preview/panel.ts': 'preview.js',
  'src/extension/tree/parts.ts': 'tree.js',
};

/** Files left beside the bundle and read at run time (Node only): the tree's Chinese words. */
const RUNTIME_FILES = {
  'l10n/bundle.l10n.zh-cn.json': '../l10n/bundle.l10n.zh-cn.json',
};

/** Name of the main bundle's table of shared module namespaces. */
export const SHARED_EXPORT = '__bizflowShared';

const MAIN_ENTRY = 'src/extension/extension.ts';
/** Modules a chunk takes from the main bundle when the main bundle holds them: ours, and yaml (the one package both use). */
const YAML = 'node_modules/yaml/browser/index.js';
const SHAREABLE = (file) => file.startsWith('src/') || file === YAML;
const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

function baseOptions(production) {
  return {
    bundle: true,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    // playwright-core and esbuild: src/node/mermaid-render.ts (Chromium pictures), never loaded by the extension
    external: ['vscode', 'playwright-core', 'exceljs', 'esbuild'],
    // yaml's ES-module build, as for every bundle (esbuild.config.mjs)
    alias: { yaml: './node_modules/yaml/browser/index.js' },
    absWorkingDir: ROOT,
    metafile: true,
  };
}

/** Resolves an import the normal way (guarded against recursion); undefined when it is not a file of ours. */
async function resolveFile(build, args, marker) {
  if (args.pluginData === marker || args.kind === 'entry-point') return undefined;
  if (!args.path.startsWith('.') && !args.path.startsWith('/') && args.path !== 'yaml') return undefined;
  const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: marker });
  if (r.errors.length || r.external || !r.path) return undefined;
  return rel(r.path);
}

/**
 * Module boundaries of one bundle (`self`: its entry): an import of another chunk's entry becomes
 * `require("./<chunk>.js")`, a runtime file stays on disk, and, in a chunk (`mainInputs` given), an import of a
 * module the main bundle holds reads the main bundle's namespace of it (recorded in `used`).
 */
function boundaries(self, mainInputs, used) {
  const marker = Symbol('bizflow-boundaries');
  return {
    name: 'bizflow-boundaries',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace === 'bizflow-shared') return { path: args.path, external: true };
        const file = await resolveFile(build, args, marker);
        if (file === undefined || file === self) return undefined;
        if (EXTENSION_CHUNKS[file]) return { path: `./${EXTENSION_CHUNKS[file]}`, external: true };
        if (RUNTIME_FILES[file]) return { path: RUNTIME_FILES[file], external: true };
        if (mainInputs && SHAREABLE(file) && mainInputs.has(file)) {
          used.add(file);
          return { path: file, namespace: 'bizflow-shared' };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'bizflow-shared' }, (args) => ({
        contents: `module.exports = require("./extension.js").${SHARED_EXPORT}[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Builds dist/extension.js and its chunks (three passes, above). `write: false` returns the outputs without
 * writing them (the size test); `esbuild`: the module to build with (bench/run.mjs passes its stand-in). Returns `{ main, chunks, shared }`: main and each chunk as `{ file, bytes, text?, metafile }`.
 */
export async function buildExtension({ production = false, write = true, outdir = 'dist', esbuild = realEsbuild } = {}) {
  const base = baseOptions(production);
  // 1. the main bundle without the chunks: what it holds is shared
  const first = await esbuild.build({ ...base, entryPoints: [MAIN_ENTRY], outfile: path.join(outdir, 'extension-scan.js'), write: false, sourcemap: false, plugins: [boundaries(MAIN_ENTRY)] });
  // (a module the main bundle names but tree-shakes away entirely, such as core/index.ts's re-exports, is not shared)
  const firstOut = Object.values(first.metafile.outputs).find((o) => o.entryPoint);
  const mainInputs = new Set(Object.entries(firstOut.inputs).filter(([k, v]) => v.bytesInOutput > 0 || k === YAML).map(([k]) => k));
  // 2. the chunks, reading shared modules from the main bundle
  const used = new Set();
  const chunks = await Promise.all(
    Object.entries(EXTENSION_CHUNKS).map(async ([entry, out]) => {
      const outfile = path.join(outdir, out);
      const r = await esbuild.build({ ...base, entryPoints: [entry], outfile, write, plugins: [boundaries(entry, mainInputs, used)] });
      return { entry, file: outfile, result: r };
    }),
  );
  // 3. the main bundle with the table of what the chunks use
  const shared = [...used].sort();
  const stdin = [
    `export * from ${JSON.stringify('./' + MAIN_ENTRY)};`,
    ...shared.map((f, i) => `import * as m${i} from ${JSON.stringify('./' + f)};`),
    `export const ${SHARED_EXPORT} = {${shared.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')}};`,
  ].join('\n');
  const main = await esbuild.build({
    ...base,
    stdin: { contents: stdin, resolveDir: ROOT, sourcefile: 'extension-entry.js', loader: 'js' },
    outfile: path.join(outdir, 'extension.js'),
    write,
    plugins: [boundaries(MAIN_ENTRY)],
  });
  const describe = (file, r) => {
    const key = Object.keys(r.metafile.outputs).find((k) => !k.endsWith('.map'));
    const text = r.outputFiles?.find((o) => !o.path.endsWith('.map'))?.text;
    return { file, bytes: r.metafile.outputs[key].bytes, text, metafile: r.metafile };
  };
  return {
    main: describe(path.join(outdir, 'extension.js'), main),
    chunks: chunks.map((c) => ({ entry: c.entry, ...describe(c.file, c.result) })),
    shared,
  };
}
