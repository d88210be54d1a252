#!/usr/bin/env node
// Runs before `npm start` and `npm test` (npm's pre-scripts): on a fresh clone
// it installs the npm dependencies, so each of those commands is all the
// set-up a new machine needs. Does nothing when node_modules is in place.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(marker)) {
  console.error('bizflow: installing npm dependencies (once)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = fs.existsSync(path.join(root, 'package-lock.json')) ? ['ci'] : ['install'];
  const r = spawnSync(npm, [...args, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bizflow: npm install failed');
    process.exit(r.status ?? 1);
  }
}

// Debian packages for the real VS Code and the headless-Chromium tests, and
// for `npm test` LibreOffice Calc (installed only as root on a machine with
// apt-get; a no-op elsewhere).
const { installMissingDebianPackages } = await import('./ensure-code-server.mjs');
installMissingDebianPackages({ forTests: process.env.npm_lifecycle_event === 'pretest' });

// `npm test`: the Open XML SDK validator's binary for the workbook test (best effort, see the script).
if (process.env.npm_lifecycle_event === 'pretest') {
  const { ensureOoxmlValidator } = await import('./ensure-ooxml-validator.mjs');
  ensureOoxmlValidator();
}
