#!/usr/bin/env node
// Installs code-server (a real VS Code server, used offline for integration
// tests and `npm start`) on demand into the ignored folder
// .vscode-test/code-server, the way @vscode/test-electron keeps VS Code in
// .vscode-test/. Idempotent: does nothing when already installed.
//
// Usage as a CLI:   node scripts/ensure-code-server.mjs   (prints the entry path)
// Usage as module:  import { ensureCodeServer } from './ensure-code-server.mjs'
//                   const entry = await ensureCodeServer();  // abs path of code-server's entry.js
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.99.4';
// @vscode/ripgrep version pulled in by code-server 4.99.4 and the ripgrep
// release it would download in its postinstall.
const VSCODE_RIPGREP_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const INSTALL_DIR = path.join(REPO_ROOT, '.vscode-test', 'code-server');
export const CHROMIUM_PATH = process.env.BIZFLOW_CHROMIUM || '/usr/bin/chromium';
const PKG_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const MARKER = path.join(INSTALL_DIR, `.installed-${CODE_SERVER_VERSION}`);

/** An error whose message is meant to be printed as-is on one line (exit 2). */
export class PrerequisiteError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}

const APT_HINT = 'apt-get install -y chromium libkrb5-dev ripgrep fonts-noto-cjk';

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

/**
 * On a fresh Debian machine, as root, installs the Debian packages the real
 * VS Code needs here (so `npm start` and `npm test` are the only set-up).
 * Elsewhere it does nothing and checkPrerequisites() says what to install.
 */
/**
 * Installs the Debian packages the real VS Code and the Chromium tests need;
 * `forTests` adds LibreOffice Calc (the review workbook is opened in it).
 */
export function installMissingDebianPackages({ forTests = false } = {}) {
  const wanted = [];
  if (!fs.existsSync(CHROMIUM_PATH)) wanted.push('chromium');
  if (!which('rg')) wanted.push('ripgrep');
  if (!which('krb5-config')) wanted.push('libkrb5-dev');
  if (!fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) wanted.push('fonts-noto-cjk');
  if (forTests && !which('soffice')) wanted.push('libreoffice-calc-nogui');
  if (!wanted.length || process.env.BIZFLOW_NO_APT || !which('apt-get') || process.getuid?.() !== 0) return;
  console.error(`bizflow: installing Debian packages: ${wanted.join(' ')} (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...wanted], { stdio: 'inherit', env });
}

/** Throws PrerequisiteError when chromium or rg is missing. Returns the rg path. */
export function checkPrerequisites() {
  installMissingDebianPackages();
  const missing = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push(CHROMIUM_PATH);
  const rg = which('rg');
  if (!rg) missing.push('rg (ripgrep)');
  if (missing.length) {
    throw new PrerequisiteError(
      `bizflow: missing ${missing.join(' and ')}; install with: ${APT_HINT}`,
    );
  }
  return rg;
}

function entryPath() {
  const pkg = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['code-server'];
  return path.join(PKG_DIR, bin || 'out/node/entry.js');
}

function isInstalled() {
  try {
    if (!fs.existsSync(MARKER)) return false;
    const pkg = JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8'));
    return pkg.version === CODE_SERVER_VERSION && fs.existsSync(entryPath());
  } catch {
    return false;
  }
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before downloading. */
function seedRipgrepCache(rgPath) {
  const cacheDir = path.join(process.env.TMPDIR || '/tmp', `vscode-ripgrep-cache-${VSCODE_RIPGREP_VERSION}`);
  const archive = path.join(cacheDir, RIPGREP_ASSET);
  if (fs.existsSync(archive)) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-rg-'));
  try {
    fs.copyFileSync(rgPath, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    const tmpArchive = `${archive}.${process.pid}.tmp`;
    const r = spawnSync('tar', ['-czf', tmpArchive, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`tar failed creating ${archive}`);
    fs.renameSync(tmpArchive, archive);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Ensures code-server is installed; returns the absolute path of its entry
 * script (run it with `node <entry> …`). Throws PrerequisiteError for a
 * missing system prerequisite, Error when npm fails.
 */
export async function ensureCodeServer({ quiet = false } = {}) {
  const rg = checkPrerequisites();
  if (isInstalled()) return entryPath();

  if (!which('krb5-config')) {
    throw new PrerequisiteError(
      `bizflow: code-server's install needs libkrb5-dev (krb5-config not found); install it with: ${APT_HINT}`,
    );
  }
  const log = quiet ? () => {} : (m) => console.error(m);
  log(`bizflow: installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, INSTALL_DIR)} (once, ~1 min)…`);
  seedRipgrepCache(rg);
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  // Own package.json so npm treats this folder as the project root (and does
  // not touch the repo's package.json / lockfile).
  fs.writeFileSync(
    path.join(INSTALL_DIR, 'package.json'),
    JSON.stringify({ name: 'bizflow-code-server', private: true }, null, 2) + '\n',
  );
  fs.rmSync(MARKER, { force: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: INSTALL_DIR,
      stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', process.stderr, 'inherit'],
      env: {
        ...process.env,
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
        npm_config_update_notifier: 'false',
      },
    },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`bizflow: npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}) in ${INSTALL_DIR}`);
  }
  const entry = entryPath();
  if (!fs.existsSync(entry)) throw new Error(`bizflow: code-server installed but ${entry} is missing`);
  fs.writeFileSync(MARKER, new Date().toISOString() + '\n');
  log(`bizflow: code-server@${CODE_SERVER_VERSION} installed`);
  return entry;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  ensureCodeServer()
    .then((entry) => {
      console.log(entry);
    })
    .catch((err) => {
      console.error(err instanceof PrerequisiteError ? err.message : `bizflow: ${err.message || err}`);
      process.exit(err instanceof PrerequisiteError ? 2 : 1);
    });
}
