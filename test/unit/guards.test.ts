/**
 * The layer guards (eslint.config.mjs, the per-folder tsconfigs) cannot be
 * switched off from inside the code: no `eslint-disable` comment in src/ may
 * name one of the guard rules, and no `@ts-nocheck` may hide a file from the
 * pure folders' type checks.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../src');
const GUARDS = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax', 'import-x/no-cycle', 'import-x/no-self-import', '@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `eslint-disable…` comments that switch everything off or name a guard rule. */
export function guardDisables(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/eslint-disable(?:-next-line|-line)?\b([^\n*]*)/g)) {
    const named = m[1].split(/[\s,]+/).filter(Boolean);
    if (named.length === 0 || named.some((r) => GUARDS.includes(r))) found.push(m[0].trim());
  }
  if (/@ts-nocheck/.test(text)) found.push('@ts-nocheck');
  return found;
}

describe('layer guards', () => {
  it('recognise a disable comment for a guard rule, and one that disables everything', () => {
    assert.deepEqual(guardDisables('// eslint-disable-next-line import-x/no-cycle\n'), ['eslint-disable-next-line import-x/no-cycle']);
    assert.deepEqual(guardDisables('/* eslint-disable */\n'), ['eslint-disable']);
    assert.deepEqual(guardDisables('// @ts-nocheck\n'), ['@ts-nocheck']);
    assert.deepEqual(guardDisables('// eslint-disable-next-line no-control-regex\n'), []);
  });

  it('are not switched off anywhere in src/', () => {
    const offenders = sources(SRC).flatMap((f) => guardDisables(fs.readFileSync(f, 'utf8')).map((c) => `${path.relative(SRC, f)}: ${c}`));
    assert.deepEqual(offenders, []);
  });

  it('have a tsconfig without Node types or the DOM for each pure folder', () => {
    for (const folder of ['core', 'shared']) {
      const text = fs.readFileSync(path.join(SRC, folder, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      const options = JSON.parse(text).compilerOptions;
      assert.deepEqual(options.types, [], folder);
      assert.ok(!options.lib.some((l: string) => /dom/i.test(l)), folder);
    }
  });
});
