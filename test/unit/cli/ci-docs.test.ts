/** The pre-commit hook definition and the CI examples of docs/ci.md stay valid and pinned to the CLI package's version. */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../fixtures/cli/harness';

const cliVersion: string = JSON.parse(fs.readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')).version;

describe('CI integration files', () => {
  it('.pre-commit-hooks.yaml: one bizflow-lint hook on *.bizflow.yaml|yml running the pinned CLI', () => {
    const hooks = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.ok(Array.isArray(hooks));
    assert.equal(hooks.length, 1);
    const h = hooks[0];
    assert.equal(h.id, 'bizflow-lint');
    assert.equal(h.entry, `npx --yes bizflow-cli@${cliVersion} lint`);
    for (const k of ['name', 'language', 'files']) assert.equal(typeof h[k], 'string', k);
    const files = new RegExp(h.files);
    for (const f of ['a.bizflow.yaml', 'dir/b.bizflow.yml']) assert.match(f, files);
    for (const f of ['a.yaml', 'a.bizflow.yaml.bak', 'bizflow.yaml']) assert.doesNotMatch(f, files);
  });

  it('docs/ci.md: every YAML example parses, and every npx pins the CLI package version', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(blocks.length >= 4);
    for (const b of blocks) assert.doesNotThrow(() => parse(b, { strict: true, uniqueKeys: true }), b);
    const workflow = parse(blocks[0]);
    const steps = workflow.jobs.lint.steps;
    assert.ok(steps.some((s: { uses?: string }) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
    assert.equal(workflow.permissions['security-events'], 'write');
    const gitlab = parse(blocks[1]).bizflow;
    assert.equal(gitlab.artifacts.reports.codequality, 'gl-code-quality-report.json');
    const pins = [...doc.matchAll(/bizflow-cli@([0-9][^\s'"`]*)/g)].map((m) => m[1]);
    assert.ok(pins.length >= 5);
    for (const p of pins) assert.equal(p, cliVersion);
  });
});
