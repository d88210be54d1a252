/** Details of the SARIF and JSON formatters that the end-to-end tests do not pin down (found by mutation testing, docs/mutation.md). */
import { strict as assert } from 'assert';
import * as path from 'node:path';
import { formatJson } from '../../../src/cli/format-json';
import { formatSarif, toSarif } from '../../../src/cli/format-sarif';
import type { FileResult } from '../../../src/cli/results';
import { analyze, INTERNAL_ERROR } from '../../../src/core/engine';
import { LineIndex } from '../../../src/core/positions';
import { RULES } from '../../../src/core/rules/index';
import { BASE, lint } from '../helpers';

const cwd = path.resolve('/tmp/bizflow-project');
const CONFLICT = BASE + 'requirements:\n  A:\n    title: a\n    from: sales\n    priority: must\n    steps: [s1]\n    acceptance: [x]\n    depends: [B]\n  B:\n    title: b\n    from: sales\n    priority: must\n    steps: [s1]\n    acceptance: [y]\n    depends: [A]\n';

function result(file: string, text: string): FileResult {
  return { filePath: path.join(cwd, file), text, diagnostics: analyze(text).diagnostics, lines: new LineIndex(text) };
}

describe('cli formats: details', () => {
  it('SARIF: a file in a subfolder gets a "/"-separated relative URI; relatedLocations are numbered from 1', () => {
    const log = toSarif([result(path.join('sub dir', 'a.bizflow.yaml'), CONFLICT)], { rules: RULES, version: '1.0.0', cwd, locale: 'en' }) as any;
    const run = log.runs[0];
    assert.deepEqual(run.artifacts, [{ location: { uri: 'sub%20dir/a.bizflow.yaml', uriBaseId: 'SRCROOT' } }]);
    const cycle = run.results.filter((r: any) => r.ruleId === 'req/depends-cycle');
    assert.equal(cycle.length, 2);
    assert.deepEqual(cycle[0].relatedLocations.map((l: any) => l.id), [1]);
    assert.equal(cycle[0].ruleIndex, RULES.findIndex((r) => r.code === 'req/depends-cycle'));
  });

  it('SARIF: a result whose code is not in the catalogue has no ruleIndex', () => {
    const r = result('a.bizflow.yaml', BASE);
    r.diagnostics = [{ code: INTERNAL_ERROR, severity: 'error', message: 'm', span: { start: 0, end: 1 } }];
    const [res] = (toSarif([r], { rules: RULES, version: '1', cwd, locale: 'en' }) as any).runs[0].results;
    assert.equal(res.ruleId, INTERNAL_ERROR);
    assert.equal('ruleIndex' in res, false);
  });

  it('JSON: a yaml/syntax finding turned down to a warning is still marked fatal, but counts as a warning, not a fatal error', () => {
    const text = 'bizflow: 1\nsteps: [a\n';
    const r = result('a.bizflow.yaml', text);
    r.diagnostics = analyze(text, { config: [{ rules: { 'yaml/syntax': 'warning' } }] }).diagnostics;
    const syntax = r.diagnostics.filter((d) => d.code === 'yaml/syntax');
    assert.ok(syntax.length > 0 && syntax.every((d) => d.severity === 'warning'));
    const [json] = JSON.parse(formatJson([r]));
    assert.equal(json.fatalErrorCount, 0);
    assert.equal(json.warningCount, r.diagnostics.filter((d) => d.severity === 'warning').length);
    assert.deepEqual(json.messages.filter((m: any) => m.ruleId === 'yaml/syntax').map((m: any) => [m.fatal, m.severity]), syntax.map(() => [true, 1]));
    // as an error it is a fatal error
    const e = result('a.bizflow.yaml', text);
    assert.equal(JSON.parse(formatJson([e]))[0].fatalErrorCount, e.diagnostics.filter((d) => d.code === 'yaml/syntax').length);
  });

  it('JSON and SARIF end with one newline', () => {
    const r = result('a.bizflow.yaml', BASE);
    assert.match(formatJson([r]), /\]\n$/);
    assert.match(formatSarif([r], { rules: RULES, version: '1', cwd, locale: 'en' }), /\}\n$/);
  });
});

describe('rules do not fail on references to unknown items', () => {
  it('req/depends-cycle and handoff/no-data: no rule failure for an unknown id in depends or a step without a role', () => {
    const text = BASE.replace('    role: sales\n    next: e1', '    next: e1') + 'requirements:\n  A:\n    title: a\n    depends: [X, A]\n';
    assert.deepEqual(lint(text).filter((f) => f.code === INTERNAL_ERROR), []);
    assert.deepEqual(
      lint(text).filter((f) => f.code === 'req/depends-cycle').map((f) => [f.messageId, f.data, f.d.data]),
      [['dependsOnItself', { id: 'A' }, { requirements: ['A'] }]],
    );
  });
});
