import { strict as assert } from 'assert';
import { only, BASE } from '../helpers';

describe('schema/unknown-key', () => {
  it('fires on a misspelt key, suggesting the nearest known key', () => {
    const text = BASE.replace('    name: Start', '    nmae: Start');
    const [f, ...rest] = only('schema/unknown-key', text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.text, 'nmae');
    assert.equal(f.line, 9);
    assert.equal(f.column, 5);
    assert.deepEqual([f.messageId, f.data], ['unknownKeySuggest', { key: 'nmae', suggestion: 'name', where: 'in step "s1"' }]);
    assert.deepEqual(f.d.data, { name: 'nmae', suggestion: 'name' });
    const [z] = only('schema/unknown-key', text, { locale: 'zh-CN' });
    assert.deepEqual([z.messageId, z.data], ['unknownKeySuggest', { key: 'nmae', suggestion: 'name', where: '步骤“s1”中' }]);
  });

  it('lists the allowed keys when nothing is close', () => {
    const [f] = only('schema/unknown-key', BASE.replace('  name: P\n', '  name: P\n  budget: 3\n'));
    assert.equal(f.text, 'budget');
    assert.deepEqual([f.messageId, f.data], ['unknownKey', { key: 'budget', allowed: 'name, id, owner, description', where: 'in "process"' }]);
    assert.equal(f.d.data?.suggestion, undefined);
  });

  it('fires on an unknown top-level key', () => {
    const [f] = only('schema/unknown-key', BASE + 'requirement:\n  R1: {}\n');
    assert.equal(f.text, 'requirement');
    assert.equal(f.line, 16);
    assert.equal(f.column, 1);
    assert.deepEqual([f.messageId, f.data, f.d.data], ['unknownTopKeySuggest', { key: 'requirement', suggestion: 'requirements' }, { name: 'requirement', suggestion: 'requirements' }]);
    const [g] = only('schema/unknown-key', BASE + 'zzzzzz: 1\n');
    assert.equal(g.messageId, 'unknownTopKey');
    assert.equal(g.data?.key, 'zzzzzz');
    assert.match(String(g.data?.allowed), /^bizflow, process, roles, .*, steps, /);
  });

  it('fires on an unknown rule code in rules:, suggesting the nearest code', () => {
    const text = BASE + 'rules:\n  flow/unreachible: off\n  no-start: off\n  made/up: off\n';
    const found = only('schema/unknown-key', text);
    assert.deepEqual(
      found.map((f) => [f.text, f.d.data?.suggestion]),
      [
        ['flow/unreachible', 'flow/unreachable'],
        ['no-start', 'flow/no-start'],
        ['made/up', undefined],
      ],
    );
    assert.deepEqual(found.map((f) => [f.messageId, f.data]), [
      ['unknownRuleSuggest', { key: 'flow/unreachible', suggestion: 'flow/unreachable' }],
      ['unknownRuleSuggest', { key: 'no-start', suggestion: 'flow/no-start' }],
      ['unknownRule', { key: 'made/up' }],
    ]);
  });

  it('stays quiet on every key of the format, and on free keys (ids, attributes, branch labels)', () => {
    const text = BASE.replace('    next: e1\n', '    needs: []\n    produces: []\n    attributes:\n      anything: 1\n    next: e1\n') +
      'data:\n  d1: { name: D, owner: sales, external: true }\n' +
      'requirements:\n  R1:\n    title: T\n    from: sales\n    priority: must\n    status: done\n    steps: [s1]\n    sets: { s1.mode: x }\n' +
      '    adds: []\n    removes: []\n    agreed: []\n    depends: []\n    overrides: []\n    decidedBy: sales\n    rationale: R\n    acceptance: [a]\n' +
      'rules:\n  flow/unreachable: off\n';
    assert.deepEqual(only('schema/unknown-key', text.replace('  name: P\n', '  name: P\n  id: p\n  owner: sales\n  description: D\n')), []);
  });

  it('knows that a key belongs to its own kind of map only', () => {
    const [f] = only('schema/unknown-key', BASE.replace('    role: sales\n', '    role: sales\n    priority: must\n'));
    assert.equal(f.text, 'priority');
  });
});
