/**
 * The installable CLI package (packages/cli, bizflow-cli): packed with `npm pack`, installed from the tarball
 * into empty folders (with and without its optional dependency playwright-core) and run from there.
 * Slow (~20–40 s: two installs and a headless Chromium).
 */
import { strict as assert } from 'assert';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import rootPkg from '../../../package.json';
import { chromiumCandidates, findChromium } from '../../../src/node/chromium';
import { fixtures, removeTree, repoRoot } from '../../fixtures/cli/harness';

const PKG_DIR = path.join(repoRoot, 'packages/cli');
const mixed = path.join(fixtures, 'mixed.bizflow.yaml');

/** The environment without npm's own variables (set when the tests run under `npm run`), which would steer the child npm. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !/^(LANG|LC_ALL|LC_MESSAGES|LANGUAGE)$/.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}

function sh(cmd: string, args: string[], opts: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts, env: opts.env ?? cleanEnv() });
  return { code: r.status, out: String(r.stdout ?? ''), err: String(r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

const npm = (args: string[], cwd: string) => {
  const r = sh('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'], { cwd });
  assert.equal(r.code, 0, `npm ${args.join(' ')}: ${r.err}`);
  return r;
};

function systemChromium(): string | undefined {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
}

describe('CLI package (bizflow-cli): npm pack, install from the tarball, run', function () {
  this.timeout(300_000);
  let tmp: string;
  let tarball: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-pkg-')));
    // the package's own build (also part of `npm run build`), then the tarball exactly as `npm publish` would make it
    const b = sh(process.execPath, [path.join(PKG_DIR, 'build.mjs')], { cwd: repoRoot });
    assert.equal(b.code, 0, b.err);
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], PKG_DIR);
    const info = JSON.parse(packed.out)[0];
    tarball = path.join(tmp, info.filename);
    assert.ok(fs.existsSync(tarball));
  });

  after(() => {
    if (tmp) removeTree(tmp);
  });

  it('ships only the bundle, Mermaid, exceljs (for review --format xlsx), the README, the licence and the manifest', () => {
    const r = npm(['pack', '--dry-run', '--ignore-scripts', '--json'], PKG_DIR);
    const files = JSON.parse(r.out)[0].files.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/bizflow-swimlane.js', 'dist/bizflow.js', 'dist/exceljs.js', 'dist/mermaid.min.js', 'package.json']);
  });

  it('its manifest: same version as the extension, bin bizflow, nothing to install but the optional playwright-core', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'bizflow-cli');
    assert.equal(pkg.version, rootPkg.version, 'the CLI reports the extension version: keep them equal');
    assert.deepEqual(pkg.bin, { bizflow: 'dist/bizflow.js' });
    assert.equal(pkg.dependencies, undefined, 'everything else is bundled');
    assert.deepEqual(Object.keys(pkg.optionalDependencies), ['playwright-core']);
    assert.equal(pkg.optionalDependencies['playwright-core'], (rootPkg.devDependencies as Record<string, string>)['playwright-core']);
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.license, 'MIT');
    const bundle = fs.readFileSync(path.join(PKG_DIR, 'dist/bizflow.js'), 'utf8');
    assert.ok(bundle.startsWith('#!/usr/bin/env node\n'));
    assert.doesNotMatch(bundle, /sourceMappingURL/);
    assert.doesNotMatch(bundle, /"contributes"/, 'only the version of the root manifest is bundled');
  });

  describe('installed without optional dependencies', () => {
    let app: string;
    let bin: string;
    before(() => {
      app = path.join(tmp, 'app-no-optional');
      fs.mkdirSync(app);
      fs.copyFileSync(mixed, path.join(app, 'mixed.bizflow.yaml'));
      // offline: the package needs nothing from the registry
      npm(['install', '--offline', '--omit=optional', tarball], app);
      bin = path.join(app, 'node_modules/.bin/bizflow');
      assert.ok(!fs.existsSync(path.join(app, 'node_modules/playwright-core')), 'playwright-core left out');
    });

    it('bizflow --version and --help', () => {
      const v = sh(bin, ['--version'], { cwd: app });
      assert.equal(v.code, 0, v.err);
      assert.equal(v.out.trim().replace(/^bizflow\s+/i, ''), rootPkg.version);
      const h = sh(bin, ['--help'], { cwd: app });
      assert.match(h.out, /--format FORMAT/);
      assert.match(h.out, /junit/);
    });

    it('bizflow lint: every format, exit 1 on errors', () => {
      for (const format of ['text', 'json', 'sarif', 'junit', 'gitlab']) {
        const r = sh(bin, ['lint', '--format', format, '.'], { cwd: app });
        assert.equal(r.code, 1, `${format}: ${r.err}`);
        assert.equal(r.err, '', format);
        if (format === 'text') assert.match(r.out, /^mixed\.bizflow\.yaml:\d+:\d+ /m);
        else if (format === 'junit') assert.match(r.out, /<testsuite [^>]*name="mixed\.bizflow\.yaml"/);
        else {
          const j = JSON.parse(r.out);
          if (format === 'gitlab') assert.equal(j[0].location.path, 'mixed.bizflow.yaml');
        }
      }
    });

    it('bizflow render: Mermaid text', () => {
      const r = sh(bin, ['render', 'mixed.bizflow.yaml'], { cwd: app });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^flowchart /m);
    });

    it('bizflow render --format svg without playwright-core: one clear line on how to get it, exit 2', () => {
      const r = sh(bin, ['render', '--format', 'svg', 'mixed.bizflow.yaml'], { cwd: app });
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /^bizflow: cannot render the SVG: the optional package playwright-core is not installed \(.*\)\. Install it .*npm install -g playwright-core.*--format mermaid\.\n$/);
    });
  });

  describe('installed with playwright-core', () => {
    let app: string;
    let bin: string;
    before(function () {
      app = path.join(tmp, 'app');
      fs.mkdirSync(app);
      fs.copyFileSync(mixed, path.join(app, 'mixed.bizflow.yaml'));
      // playwright-core comes from npm's cache, or the registry the first time
      npm(['install', '--prefer-offline', tarball], app);
      bin = path.join(app, 'node_modules/.bin/bizflow');
      assert.ok(fs.existsSync(path.join(app, 'node_modules/playwright-core/package.json')));
    });

    it('without a Chromium: one clear line on how to get one, exit 2', () => {
      const r = sh(bin, ['render', '--format', 'svg', 'mixed.bizflow.yaml'], { cwd: app, env: cleanEnv({ BIZFLOW_CHROMIUM: '/nonexistent/chromium' }) });
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /^bizflow: cannot render the SVG: Chromium was not found \(no executable at \/nonexistent\/chromium\)\. Install Chromium .*npx playwright-core install chromium.*BIZFLOW_CHROMIUM.*\n$/);
    });

    it('with the system Chromium: an SVG swimlane', function () {
      const chromium = systemChromium();
      if (!chromium) this.skip();
      const r = sh(bin, ['render', '--format', 'svg', 'mixed.bizflow.yaml'], { cwd: app });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^<svg[\s>]/);
      assert.match(r.out, /<\/svg>\n$/);
    });
  });
});

describe('CLI: where Chromium is looked for', () => {
  it('usual places on Linux, macOS and Windows', () => {
    assert.ok(chromiumCandidates('linux', {}).includes('/usr/bin/chromium'));
    assert.ok(chromiumCandidates('linux', {}).includes('/usr/bin/google-chrome'));
    assert.ok(chromiumCandidates('darwin', {}).includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    const win = chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' });
    assert.ok(win.includes('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
    assert.ok(win.includes('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'));
    assert.ok(win.includes('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'));
    assert.deepEqual(chromiumCandidates('win32', {}), [], 'no environment, no guesses');
  });

  it('BIZFLOW_CHROMIUM wins, and a wrong one is reported, not silently replaced', () => {
    assert.throws(() => findChromium('/nonexistent/chromium'), /no executable at \/nonexistent\/chromium/);
  });
});
