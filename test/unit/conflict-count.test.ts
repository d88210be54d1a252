/**
 * One definition of "a conflict" (core conflict-count.ts): the activity badge
 * (tree counts), the Requirements tree's groups and the CLI summary say the
 * same number on the same file.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { formatText, PLAIN } from '../../src/cli/format-text';
import { messages } from '../../src/cli/messages';
import { conflictKey, countConflicts } from '../../src/core/conflict-count';
import { analyze } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';
import { buildTree, REQUIREMENT_GROUPINGS } from '../../src/core/tree';
import type { Diagnostic } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '../..');
const FILES = [
  'examples/order-fulfilment.bizflow.yaml',
  'examples/procure-to-pay.bizflow.yaml',
  'test/fixtures/cli/mixed.bizflow.yaml',
  'test/fixtures/cli/warnings.bizflow.yaml',
  'test/fixtures/big-300.bizflow.yaml',
];

const diag = (code: string, data: Record<string, unknown>, start = 0, severity: Diagnostic['severity'] = 'warning'): Diagnostic =>
  ({ code, severity, message: 'm', span: { start, end: start + 1 }, data }) as Diagnostic;

describe('one definition of a conflict: badge, tree and CLI summary agree', () => {
  it('a finding shown once per entry stands for one conflict per pair it lists (`others`): a three-way contradiction is three', () => {
    const text = readFileSync(path.join(ROOT, 'examples/procure-to-pay.bizflow.yaml'), 'utf8');
    const three = text.replace(/\nrequirements:\n[\s\S]*$/, '\n') +
      'requirements:\n' +
      ['a', 'b', 'c'].map((v, i) => `  T${i}: { title: T, from: buyer, priority: could, acceptance: [ok], agreed: [buyer], sets: { source.quotes: ${v} } }\n`).join('');
    const found = analyze(three).diagnostics.filter((d) => d.code === 'conflict/contradiction');
    assert.equal(found.length, 3);
    assert.deepEqual(found.map((d) => d.data?.others), [['T1', 'T2'], ['T0', 'T2'], ['T0', 'T1']]);
    assert.deepEqual(countConflicts(found), { error: 0, warning: 3, total: 3 });
  });

  it('the two sides of a clash between requirements are one conflict; a burden is one per entry', () => {
    const a = diag('conflict/contradiction', { requirements: ['R1', 'R2'], steps: ['pick'] }, 10);
    const b = diag('conflict/contradiction', { requirements: ['R2', 'R1'], steps: ['pick'] }, 90, 'error');
    assert.equal(conflictKey(a), conflictKey(b));
    const other = diag('conflict/contradiction', { requirements: ['R1', 'R2'], steps: ['ship'] }, 50);
    assert.notEqual(conflictKey(a), conflictKey(other));
    const burden1 = diag('conflict/unagreed-burden', { requirements: ['R1'], steps: ['pick'] }, 20);
    const burden2 = diag('conflict/unagreed-burden', { requirements: ['R1'], steps: ['pack'] }, 30);
    const notConflict = diag('flow/dead-end', {}, 5);
    assert.deepEqual(countConflicts([a, b, other, burden1, burden2, notConflict]), { error: 1, warning: 3, total: 4 });
    assert.deepEqual(countConflicts([]), { error: 0, warning: 0, total: 0 });
  });

  for (const f of FILES) {
    it(`${path.basename(f)}: badge = sum of the tree's groups = CLI summary`, () => {
      const text = readFileSync(path.join(ROOT, f), 'utf8');
      const r = analyze(text, {});
      const n = countConflicts(r.diagnostics).total;
      for (const g of REQUIREMENT_GROUPINGS) {
        const t = buildTree(r.model, r.diagnostics, g);
        assert.equal(t.conflicts.counts.total, n, `badge (${g})`);
        assert.equal(t.requirements.reduce((k, x) => k + x.conflictCount, 0), n, `groups (${g})`);
      }
      const out = formatText([{ filePath: path.join(ROOT, f), text, diagnostics: r.diagnostics, lines: new LineIndex(text) }], messages('en'), PLAIN, ROOT);
      const summary = out.trimEnd().split('\n').pop()!;
      if (n === 0) assert.doesNotMatch(summary, /conflict/);
      else assert.match(summary, new RegExp(` · ${n} conflicts?$`));
      if (n === 1) assert.match(summary, / · 1 conflict$/);
    });
  }

  it('order-fulfilment: 4 conflicts everywhere, in English and Chinese; plurals right', () => {
    const text = readFileSync(path.join(ROOT, 'examples/order-fulfilment.bizflow.yaml'), 'utf8');
    const r = analyze(text, {});
    assert.equal(countConflicts(r.diagnostics).total, 4);
    assert.equal(messages('en').summary(0, 9, 3, 4), '✖ 12 problems (0 errors, 9 warnings, 3 info) · 4 conflicts');
    assert.equal(messages('en').summary(0, 1, 0, 1), '✖ 1 problem (0 errors, 1 warning, 0 info) · 1 conflict');
    assert.equal(messages('zh-CN').summary(0, 9, 3, 4), '✖ 12 个问题（0 个错误，9 个警告，3 个提示） · 4 个冲突');
    assert.equal(messages('en').summary(1, 0, 0), '✖ 1 problem (1 error, 0 warnings, 0 info)');
  });
});
