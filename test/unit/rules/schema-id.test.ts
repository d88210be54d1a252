import { strict as assert } from 'assert';
import { only, BASE } from '../helpers';

describe('schema/id', () => {
  it('fires on an id with a space, suggesting a valid one', () => {
    const text = BASE.replace('  sales:\n    name: 销售', '  sales:\n    name: 销售\n  credit check:\n    name: 信用');
    const [f, ...rest] = only('schema/id', text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'credit check');
    assert.equal(f.line, 7);
    assert.equal(f.column, 3);
    assert.deepEqual([f.messageId, f.data], ['badIdSuggest', { what: 'Role id', id: 'credit check', suggestion: 'credit-check' }]);
    assert.deepEqual(f.d.data, { name: 'credit check', suggestion: 'credit-check' });
  });

  it('tells a Chinese id to move into name:, in both locales', () => {
    const text = BASE.replace('  e1:\n', '  结束:\n');
    const [f] = only('schema/id', text);
    assert.equal(f.text, '结束');
    assert.equal(f.line, 13);
    assert.deepEqual([f.messageId, f.data, f.d.data], ['badIdNonAscii', { what: 'Step id', id: '结束' }, { name: '结束' }]);
    const [z] = only('schema/id', text, { locale: 'zh-CN' });
    assert.deepEqual([z.messageId, z.data], ['badIdNonAscii', { what: '步骤 id', id: '结束' }]);
  });

  it('fires on ids starting with a digit, on dotted ids, and on attribute names (range without quotes)', () => {
    const text = BASE.replace('    next: e1\n', '    next: e1\n    attributes:\n      "sla hours": 24\n') +
      'requirements:\n  1st:\n    title: T\n    from: sales\n    priority: must\n  a.b:\n    title: T\n    from: sales\n    priority: must\n';
    const found = only('schema/id', text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column]), [
      ['sla hours', 14, 8],
      ['1st', 19, 3],
      ['a.b', 23, 3],
    ]);
    assert.deepEqual(found.map((f) => [f.messageId, f.data]), [
      ['badIdSuggest', { what: 'Attribute name', id: 'sla hours', suggestion: 'sla-hours' }],
      ['badId', { what: 'Requirement id', id: '1st' }],
      ['badIdSuggest', { what: 'Requirement id', id: 'a.b', suggestion: 'a-b' }],
    ]);
    assert.equal(found[2].d.data?.suggestion, 'a-b');
  });

  it('fires on a sets key that is not "<step-id>.<attribute>"', () => {
    const text = BASE + 'requirements:\n  R1:\n    title: T\n    from: sales\n    priority: must\n    sets:\n      mode: x\n      s1.: y\n';
    const found = only('schema/id', text);
    assert.deepEqual(found.map((f) => f.text), ['mode', 's1.']);
    assert.deepEqual(found.map((f) => [f.messageId, f.data, f.d.data]), [
      ['setsKeyNoDot', { key: 'mode', requirement: 'R1', example: 'mode.mode' }, { name: 'mode' }],
      ['setsKeyBadParts', { key: 's1.', requirement: 'R1' }, { name: 's1.' }],
    ]);
    // a key that does not start with a letter gets the example "pick.mode"
    const [g] = only('schema/id', text.replace('mode: x', '"1 x": x'));
    assert.deepEqual([g.messageId, g.data], ['setsKeyNoDot', { key: '1 x', requirement: 'R1', example: 'pick.mode' }]);
  });

  it('stays quiet on valid ids of every kind', () => {
    const text = BASE.replace('  e1:\n', '  REQ_e-1:\n').replace('next: e1', 'next: REQ_e-1') +
      'requirements:\n  REQ-001:\n    title: T\n    from: sales\n    priority: must\n    sets: { s1.sla_h: 1 }\n';
    assert.deepEqual(only('schema/id', text), []);
  });
});
