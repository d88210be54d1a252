#!/usr/bin/env node
// The packaged extension, end to end: `vsce package` makes the .vsix from the current build (npm run build first),
// code-server installs it from the file (`--install-extension x.vsix`) into a fresh extensions folder, and the
// integration tests of the shipped extension ("packaged extension", plus the diagnostics suite: open BizFlow
// files, diagnostics appear) run in the real workbench with the extension loaded from that install folder
// (test/integration/run-offline.mjs with BIZFLOW_EXT_DEV_PATH set to it).
//
// Env:
//   BIZFLOW_TEST_GREP   when set (a filtered `npm run test:integration`), this run happens only if it mentions
//                       "packaged" or "vsix"; BIZFLOW_VSIX_TEST_GREP then selects the suites (default below)
//   BIZFLOW_KEEP_TMP=1  keep the .vsix and the install folder
//
// Exit code: the tests' exit code (0 = all passed), 2 = missing prerequisite, 3 = packaging or install failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, PrerequisiteError } from '../../scripts/ensure-code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_GREP = 'packaged extension|diagnostics in the real editor';
const t0 = Date.now();
const info = (m) => console.error(`[run-vsix ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

class HarnessError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim().split('\n').slice(-15).join('\n');
    throw new HarnessError(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status}):\n${out}`);
  }
  return r;
}

async function main() {
  const filter = process.env.BIZFLOW_TEST_GREP;
  if (filter && !/packaged|vsix/i.test(filter)) {
    info(`skipped: BIZFLOW_TEST_GREP=${filter} does not select the packaged extension`);
    return 0;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const f of ['dist/extension.js', 'dist/webview.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new PrerequisiteError(`bizflow: ${f} is not built (run: npm run build)`);
  }
  const entry = await ensureCodeServer();
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-vsix-')));
  try {
    const vsix = path.join(tmp, `${pkg.name}-${pkg.version}.vsix`);
    info('packaging the extension (vsce package)');
    run(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: ROOT });
    info(`${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);

    const extensionsDir = path.join(tmp, 'extensions');
    info('installing it with code-server --install-extension');
    const inst = run(process.execPath, [entry, '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      cwd: tmp,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg') },
    });
    const id = `${pkg.publisher}.${pkg.name}`;
    if (!/successfully installed/i.test(inst.stdout + inst.stderr)) {
      throw new HarnessError(`code-server did not report installing ${path.basename(vsix)}:\n${inst.stdout}${inst.stderr}`);
    }
    const installed = path.join(extensionsDir, `${id}-${pkg.version}`);
    if (!fs.existsSync(path.join(installed, 'package.json'))) {
      throw new HarnessError(`the extension is not in ${installed} (found: ${fs.readdirSync(extensionsDir).join(', ')})`);
    }
    info(`installed into ${installed}`);

    const grep = process.env.BIZFLOW_VSIX_TEST_GREP || DEFAULT_GREP;
    const child = spawn(process.execPath, [path.join(ROOT, 'test/integration/run-offline.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, BIZFLOW_EXT_DEV_PATH: installed, BIZFLOW_VSIX_INSTALLED: installed, BIZFLOW_TEST_GREP: grep },
    });
    const forward = (sig) => child.kill(sig);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, forward);
    const code = await new Promise((resolve) => child.on('exit', (c, sig) => resolve(c ?? (sig ? 3 : 1))));
    info(`tests of the installed .vsix: exit ${code}`);
    return code;
  } finally {
    if (process.env.BIZFLOW_KEEP_TMP) info(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof PrerequisiteError || e instanceof HarnessError ? e.message : e?.stack || String(e));
    process.exit(e instanceof PrerequisiteError ? 2 : 3);
  },
);
