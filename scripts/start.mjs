#!/usr/bin/env node
// `npm start`: builds the extension, then serves a real VS Code (code-server,
// installed on demand into .vscode-test/) with BizFlow installed, on
// http://127.0.0.1:PORT. Open the printed URL in a browser. Ctrl-C stops it.
//
//   npm start                      opens a scratch copy of the example processes (and PRDs, examples/*.md)
//   npm start -- /some/folder      opens that folder instead
//
// Env:
//   BIZFLOW_PORT           port (default 3000, or a free one if 3000 is taken)
//   BIZFLOW_EXT_DEV_PATH   extension folder to load (default: the repo root)
//   BIZFLOW_SKIP_BUILD=1   do not run `node esbuild.config.mjs` first
//   BIZFLOW_CODE_SERVER_ECHO=1  print code-server's own log
//
// How the extension is loaded: code-server gets a fresh --extensions-dir in
// a temp folder holding a symlink `<publisher>.<name>-<version>` → the
// extension folder. On first start, VS Code scans that folder and records the
// extension in extensions.json, so it is installed for the plain URL like
// any user extension (rebuild + "Developer: Reload Window" picks up new code).
// A second URL opens the same window as an Extension Development Host
// (extensionDevelopmentPath payload), as F5 would on the desktop.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, PrerequisiteError } from './ensure-code-server.mjs';
import { startCodeServer, remoteUri, runCleanups, shutdownSignal, setSignalExitCode } from './code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT_DEV_PATH = path.resolve(process.env.BIZFLOW_EXT_DEV_PATH || ROOT);
const EXAMPLES = path.join(ROOT, 'examples');
const SCRATCH = path.join(ROOT, '.vscode-test', 'workspace');
const DEFAULT_PORT = 3000;

function die(message, code = 1) {
  console.error(`bizflow: ${message}`);
  process.exit(code);
}

function build() {
  if (process.env.BIZFLOW_SKIP_BUILD) return;
  console.error('bizflow: building (node esbuild.config.mjs)…');
  const r = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) die(`build failed (exit ${r.status ?? r.signal})`);
}

function readExtensionManifest() {
  const file = path.join(EXT_DEV_PATH, 'package.json');
  if (!fs.existsSync(file)) die(`no package.json in the extension folder ${EXT_DEV_PATH}`);
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!pkg.publisher || !pkg.name || !pkg.version) die(`${file} needs publisher, name and version to be loaded as an extension`);
  if (!pkg.main && !pkg.browser) {
    console.error(`bizflow: warning: ${file} has no "main": only its declarative contributions will load`);
  } else if (pkg.main && !fs.existsSync(path.resolve(EXT_DEV_PATH, pkg.main)) && !fs.existsSync(path.resolve(EXT_DEV_PATH, `${pkg.main}.js`))) {
    console.error(`bizflow: warning: the extension's main ${pkg.main} does not exist (not built?)`);
  }
  return pkg;
}

/** The folder to open: argv[2], else a scratch copy of the example processes (edits there don't touch the repository's examples). */
function workspaceFolder() {
  const arg = process.argv[2];
  if (arg) {
    const p = path.resolve(arg);
    if (!fs.existsSync(p)) die(`folder ${p} does not exist`);
    return p;
  }
  if (!fs.existsSync(SCRATCH)) {
    fs.mkdirSync(SCRATCH, { recursive: true });
    // the example processes and the Markdown PRDs that draw them (not the folder's README)
    for (const f of fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.bizflow.yaml') || (name.endsWith('.md') && name !== 'README.md'))) {
      fs.copyFileSync(path.join(EXAMPLES, f), path.join(SCRATCH, f));
      fs.chmodSync(path.join(SCRATCH, f), 0o644);
    }
  }
  return SCRATCH;
}

async function main() {
  setSignalExitCode(0); // Ctrl-C is the normal way to stop `npm start`
  build();
  const pkg = readExtensionManifest();
  const folder = workspaceFolder();
  let entry;
  try {
    entry = await ensureCodeServer();
  } catch (err) {
    die(err instanceof PrerequisiteError ? err.message.replace(/^bizflow: /, '') : err.message, err instanceof PrerequisiteError ? 2 : 1);
  }

  const wanted = Number(process.env.BIZFLOW_PORT) || DEFAULT_PORT;
  let server;
  try {
    server = await startCodeServer({
      entry,
      folder,
      port: wanted,
      strictPort: !!process.env.BIZFLOW_PORT, // an explicit port must be honoured
      prepare: ({ extensionsDir }) => {
        fs.symlinkSync(EXT_DEV_PATH, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');
      },
    });
  } catch (err) {
    die(`could not start code-server: ${err.message}`);
  }
  if (server.port !== wanted) console.error(`bizflow: port ${wanted} is busy, using ${server.port}`);

  const url = `${server.url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  const payload = [['extensionDevelopmentPath', remoteUri(server, EXT_DEV_PATH)]];
  const devUrl = `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log('');
  console.log(`  BizFlow is running in VS Code (code-server) — open in your browser:`);
  console.log('');
  console.log(`    ${url}`);
  console.log('');
  console.log(`  folder:    ${folder}`);
  console.log(`  extension: ${pkg.publisher}.${pkg.name}@${pkg.version} from ${EXT_DEV_PATH}`);
  console.log(`  as an Extension Development Host instead: ${devUrl}`);
  console.log(`  code-server log: ${server.logFile}`);
  console.log('  Press Ctrl-C to stop.');
  console.log('');

  // Stay up until Ctrl-C (handled in code-server.mjs: stops code-server and
  // removes its temp folder) or until code-server dies on its own.
  const code = await server.exited;
  if (shutdownSignal()) return; // our own Ctrl-C shutdown is under way
  let log = '';
  try {
    log = fs.readFileSync(server.logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
  } catch {
    /* no log */
  }
  console.error(`bizflow: code-server exited unexpectedly (${code}). Its last log lines:\n${log}`);
  await runCleanups();
  process.exit(1);
}

await main();
