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
    assert.equal(f.message, 'Role id "credit check" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-". Did you mean "credit-check"?');
    assert.deepEqual(f.d.data, { name: 'credit check', suggestion: 'credit-check' });
  });

  it('tells a Chinese id to move into name:, in both locales', () => {
    const text = BASE.replace('  e1:\n', '  结束:\n');
    const [f] = only('schema/id', text);
    assert.equal(f.text, '结束');
    assert.equal(f.line, 13);
    assert.match(f.message, /^Step id "结束" is not valid: .* Use a short Latin id as the key and put "结束" in "name"\.$/);
    const [z] = only('schema/id', text, { locale: 'zh-CN' });
    assert.equal(z.message, '步骤 id“结束”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。请改用简短的英文 id 作为键，把“结束”写在“name”中。');
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
    assert.match(found[0].message, /^Attribute name "sla hours" is not valid/);
    assert.equal(found[2].d.data?.suggestion, 'a-b');
  });

  it('fires on a sets key that is not "<step-id>.<attribute>"', () => {
    const text = BASE + 'requirements:\n  R1:\n    title: T\n    from: sales\n    priority: must\n    sets:\n      mode: x\n      s1.: y\n';
    const found = only('schema/id', text);
    assert.deepEqual(found.map((f) => f.text), ['mode', 's1.']);
    assert.equal(found[0].message, 'Key "mode" in "sets" of requirement "R1" is not valid: it has no dot; write "<step-id>.<attribute>", e.g. "mode.mode".');
    assert.match(only('schema/id', text, { locale: 'zh-CN' })[1].message, /^需求“R1”的“sets”中键“s1\.”无效：步骤 id 和属性名都必须以英文字母开头/);
  });

  it('stays quiet on valid ids of every kind', () => {
    const text = BASE.replace('  e1:\n', '  REQ_e-1:\n').replace('next: e1', 'next: REQ_e-1') +
      'requirements:\n  REQ-001:\n    title: T\n    from: sales\n    priority: must\n    sets: { s1.sla_h: 1 }\n';
    assert.deepEqual(only('schema/id', text), []);
  });
});
