/**
 * The publishable extension: its gallery metadata, and what `vsce` puts in the .vsix (only what ships).
 * `vsce ls` reads the manifest and .vscodeignore; it needs no build, but dist/ files are listed only when built.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../package.json';
import { ruleDocAnchor, ruleDocUrl } from '../../src/core/rule';
import { RULES } from '../../src/core/rules/index';
import type * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const manifest = pkg as Record<string, unknown> & typeof pkg;

/** The Visual Studio Marketplace's categories (https://code.visualstudio.com/api/references/extension-manifest). */
const MARKETPLACE_CATEGORIES = [
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers',
  'Snippets', 'Testing', 'Themes', 'Visualization',
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
  assert.equal(b.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every file under a folder, relative, `/`-separated. */
function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

describe('extension package: gallery metadata', () => {
  it('no placeholder home: no repository, homepage or bugs, and no link to github.com/bizflow anywhere that ships', () => {
    for (const k of ['repository', 'homepage', 'bugs']) assert.equal(manifest[k], undefined, k);
    const shipped = ['package.json', 'README.md', 'CHANGELOG.md', ...walk(path.join(ROOT, 'docs')).map((f) => `docs/${f}`), ...walk(path.join(ROOT, 'src')).map((f) => `src/${f}`)];
    for (const f of shipped.filter((f) => /\.(md|json|ts)$/.test(f))) {
      assert.doesNotMatch(fs.readFileSync(path.join(ROOT, f), 'utf8'), /github\.com\/bizflow\b/i, f);
    }
  });

  it('an icon: a 128×128 PNG, and a gallery banner', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual(pngSize(path.join(ROOT, manifest.icon)), { width: 128, height: 128 });
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  });

  it('categories are Marketplace categories; keywords are few (≤ 30, the Marketplace limit), distinct and about BizFlow', () => {
    assert.ok(manifest.categories.length > 0);
    for (const c of manifest.categories) assert.ok(MARKETPLACE_CATEGORIES.includes(c), c);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30);
    assert.equal(new Set(manifest.keywords.map((k) => k.toLowerCase())).size, manifest.keywords.length);
    for (const k of ['bizflow', 'swimlane', 'requirements']) assert.ok(manifest.keywords.includes(k), k);
  });

  it('every rule code links to its own section of the shipped docs/rules.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    const anchors = new Set<string>();
    for (const r of RULES) {
      const a = ruleDocAnchor(r.code);
      assert.ok(doc.includes(`## ${r.code}\n\n<a id="${a}"></a>`), `${r.code}: heading and anchor ${a}`);
      anchors.add(a);
    }
    assert.equal(anchors.size, RULES.length, 'distinct anchors');
    const base = 'vscode-remote://host/ext/docs/rules.md';
    assert.equal(ruleDocUrl('ref/unknown-role', base), `${base}#ref-unknown-role`);
  });

  it('CHANGELOG has a section for the current version', () => {
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });
});

/** esbuild.extension.mjs, as the build uses it. */
interface Bundle {
  file: string;
  bytes: number;
  text?: string;
  metafile: esbuild.Metafile;
}
interface ExtensionBuild {
  EXTENSION_CHUNKS: Record<string, string>;
  SHARED_EXPORT: string;
  buildExtension(o: { production?: boolean; write?: boolean }): Promise<{ main: Bundle; chunks: (Bundle & { entry: string })[]; shared: string[] }>;
}
let EXTENSION_CHUNKS: Record<string, string> = {};

describe('extension package: vsce ls (what the .vsix holds)', function () {
  this.timeout(120_000);
  let files: string[];

  before(async () => {
    ({ EXTENSION_CHUNKS } = (await import(path.join(ROOT, 'esbuild.extension.mjs'))) as ExtensionBuild);
    const vsce = path.join(ROOT, 'node_modules/.bin/vsce');
    const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    assert.equal(r.status, 0, r.stderr);
    files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean).map((f) => f.replace(/\\/g, '/'));
  });

  it('holds the manifest, its localisations, README, CHANGELOG, LICENSE, the icon and everything the manifest points at', () => {
    const want = [
      'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'CHANGELOG.md', 'LICENSE',
      'language-configuration.json', 'syntaxes/bizflow.tmLanguage.json', 'schemas/bizflow.schema.json',
      'l10n/bundle.l10n.zh-cn.json', 'media/icon.png', 'media/bizflow-activitybar.svg', 'media/preview.css',
      'media/preview-light.svg', 'media/preview-dark.svg', 'media/markdown-preview.css', 'docs/rules.md',
    ];
    for (const f of want) assert.ok(files.includes(f), `${f} ships`);
    // dist/ is listed only when built (npm run build)
    const chunks = Object.values(EXTENSION_CHUNKS).map((f) => `dist/${f}`);
    for (const f of ['dist/extension.js', ...chunks, 'dist/exceljs.js', 'dist/mermaid.min.js', 'dist/bizflow-swimlane.js', 'dist/webview-pack.js', 'dist/webview.js', 'dist/markdown-preview.js', 'dist/web/extension.js', 'dist/web/worker.js']) {
      if (fs.existsSync(path.join(ROOT, f))) assert.ok(files.includes(f), `${f} ships`);
    }
  });

  it('holds nothing of the development: sources, tests, node_modules, test VS Code, examples, source maps, the CLI', () => {
    const banned = [
      /^src\//, /^test\//, /^node_modules\//, /^\.vscode-test\//, /^\.vscode\//, /^out\//, /^bench\//, /^scripts\//,
      /^packages\//, /^examples\//, /\.map$/, /\.ts$/, /^tsconfig/, /^esbuild/, /\.vsix$/, /\.tgz$/, /^dist\/cli\.js$/,
      /^\.git/, /^package-lock\.json$/, /^\.pre-commit-hooks\.yaml$/,
    ];
    for (const f of files) for (const re of banned) assert.doesNotMatch(f, re, `${f} must not ship`);
    assert.ok(files.length < 60, `${files.length} files`); // the patterns above are the real check; this catches a folder shipped whole
  });

  it('links in the shipped Markdown lead to shipped files (README: except the repository-only bench results and examples)', () => {
    // README.md is also the repository's front page; these two links are for readers of the repository
    const repositoryOnly = new Set(['bench/results.md', 'examples/']);
    for (const doc of files.filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // absolute URL
        const rel = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target));
        if (doc === 'README.md' && repositoryOnly.has(target)) continue;
        assert.ok(files.includes(rel), `${doc} links to ${target}, which does not ship`);
      }
    }
  });
});

describe('extension package: dist/extension.js within its budget (production build, lazily loaded chunks)', function () {
  this.timeout(120_000);
  const BUDGET = 300 * 1024;
  let built: Awaited<ReturnType<ExtensionBuild['buildExtension']>>;
  let SHARED_EXPORT = '';

  before(async () => {
    const m = (await import(path.join(ROOT, 'esbuild.extension.mjs'))) as ExtensionBuild;
    ({ EXTENSION_CHUNKS, SHARED_EXPORT } = m);
    // the options `npm run package` builds with (node esbuild.config.mjs --production), nothing written
    built = await m.buildExtension({ production: true, write: false });
  });

  it(`the main bundle, what activation loads, is at most 300 KB`, () => {
    assert.ok(built.main.bytes <= BUDGET, `dist/extension.js is ${(built.main.bytes / 1024).toFixed(1)} KB, over its 300 KB budget`);
    // the budget is not met by leaving the work out: each chunk is built, and is required by the main bundle
    assert.deepEqual(built.chunks.map((c) => path.basename(c.file)).sort(), Object.values(EXTENSION_CHUNKS).sort());
    for (const c of built.chunks) assert.ok(built.main.text!.includes(`require("./${path.basename(c.file)}")`), `${c.file} is loaded by the main bundle`);
  });

  it('the rarely used parts are in chunks, not in the main bundle', () => {
    const mainInputs = Object.keys(Object.values(built.main.metafile.outputs).find((o) => o.entryPoint)!.inputs);
    for (const f of ['src/core/review/pack.ts', 'src/core/review/pack-html.ts', 'src/node/review-xlsx.ts', 'src/markdown/plugin.ts', 'src/markdown/blocks.ts', 'src/core/completion.ts', 'src/core/cards.ts', 'src/core/fixes.ts', 'src/extension/preview/panel.ts', 'src/core/tree.ts']) {
      assert.ok(!mainInputs.includes(f), `${f} is not in dist/extension.js`);
    }
    for (const f of ['esbuild', 'playwright-core', 'exceljs']) assert.ok(!mainInputs.some((i) => i.startsWith(`node_modules/${f}/`)), f);
  });

  it('a chunk takes the modules the main bundle holds from it (one copy of the core), and no second copy of yaml', () => {
    assert.ok(built.shared.includes('src/core/engine.ts') && built.shared.includes('node_modules/yaml/browser/index.js'), built.shared.join(', '));
    assert.ok(built.main.text!.includes(SHARED_EXPORT));
    for (const c of built.chunks) {
      const inputs = Object.keys(Object.values(c.metafile.outputs).find((o) => o.entryPoint)!.inputs);
      for (const f of ['src/core/engine.ts', 'src/core/model.ts', 'src/core/parse.ts']) assert.ok(!inputs.includes(f), `${c.file} bundles ${f} again`);
      assert.ok(!inputs.some((i) => i.startsWith('node_modules/yaml/')), `${c.file} bundles yaml again`);
    }
  });
});
