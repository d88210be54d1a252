import { strict as assert } from 'assert';
import { only, yaml, BASE } from '../helpers';

describe('schema/enum', () => {
  it('fires on a step type that is not one of the words, with a suggestion', () => {
    const text = BASE.replace('type: start', 'type: strat');
    const [f, ...rest] = only('schema/enum', text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'strat');
    assert.equal(f.line, 10);
    assert.equal(f.column, 11);
    assert.equal(f.messageId, 'notAllowedSuggest');
    assert.deepEqual(f.data, { what: '"type" of step "s1"', value: 'strat', allowed: 'start, task, decision, end', suggestion: 'start' });
    assert.equal(f.d.data?.suggestion, 'start');
    assert.deepEqual(f.d.data?.allowed, ['start', 'task', 'decision', 'end']);
    const [z] = only('schema/enum', text, { locale: 'zh-CN' });
    assert.deepEqual(z.data, { what: '步骤“s1”的“type”', value: 'strat', allowed: 'start、task、decision、end', suggestion: 'start' });
  });

  const req = (priority: string, status = 'proposed') =>
    BASE +
    yaml`
      requirements:
        R1:
          title: T
          from: sales
          priority: ${priority}
          status: ${status}
    `;

  it('fires on a priority in the wrong case and on an unknown status', () => {
    const [p] = only('schema/enum', req('Must'));
    assert.equal(p.text, 'Must');
    assert.equal(p.line, 20);
    assert.equal(p.d.data?.suggestion, 'must');
    const [s] = only('schema/enum', req('must', 'approved'));
    assert.equal(s.text, 'approved');
    assert.deepEqual([s.messageId, s.data], ['notAllowed', { what: '"status" of requirement "R1"', value: 'approved', allowed: 'proposed, accepted, rejected, done' }]);
    assert.deepEqual(s.d.data, { name: 'approved', allowed: ['proposed', 'accepted', 'rejected', 'done'] });
  });

  it('checks severities in rules:, suggesting by prefix', () => {
    const text = BASE + 'rules:\n  flow/unreachable: warn\n  role/unused: off\n';
    const [f, ...rest] = only('schema/enum', text);
    assert.equal(rest.length, 0);
    assert.equal(f.text, 'warn');
    assert.equal(f.line, 17);
    assert.equal(f.column, 21);
    assert.equal(f.messageId, 'notAllowedSuggest');
    assert.deepEqual(f.data, { what: 'Rule "flow/unreachable" in "rules"', value: 'warn', allowed: 'off, info, warning, error', suggestion: 'warning' });
  });

  it('stays quiet on every allowed word', () => {
    for (const p of ['must', 'should', 'could', 'wont']) {
      for (const s of ['proposed', 'accepted', 'rejected', 'done']) assert.deepEqual(only('schema/enum', req(p, s)), []);
    }
    assert.deepEqual(only('schema/enum', BASE + 'rules:\n  flow/unreachable: info\n'), []);
  });

  it('a number or boolean is not an allowed word; a list is a type error instead', () => {
    assert.equal(only('schema/enum', req('1')).length, 1);
    assert.equal(only('schema/enum', req('true')).length, 1);
    const text = req('[must]');
    assert.deepEqual(only('schema/enum', text), []);
    assert.equal(only('schema/type', text).length, 1);
  });
});
