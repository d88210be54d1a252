import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

describe('ref/unknown-requirement', () => {
  const file = (depends: string, overrides: string) => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
    steps:
      s1:
        name: Start
        type: start
        role: sales
        next: e1
      e1:
        name: End
        type: end
    requirements:
      REQ-001:
        title: A
        from: sales
        priority: could
      REQ-002:
        title: B
        from: sales
        priority: could
        depends: [${depends}]
        overrides: [${overrides}]
        decidedBy: sales
  `;

  it('fires on a `depends` entry that names no requirement, with a suggestion', () => {
    const found = only('ref/unknown-requirement', file('REQ-01', 'REQ-001'));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'REQ-01');
    assert.equal(f.line, 25);
    assert.equal(f.column, 15);
    assert.equal(f.message, 'Requirement "REQ-002" depends on unknown requirement "REQ-01". Did you mean "REQ-001"?');
    assert.deepEqual(f.d.data, { name: 'REQ-01', suggestion: 'REQ-001', kind: 'requirement' });
  });

  it('fires on an `overrides` entry, in Chinese too', () => {
    const text = file('REQ-001', 'REQ-001, "OLD-7"');
    const [f] = only('ref/unknown-requirement', text);
    assert.equal(f.text, 'OLD-7');
    assert.equal(f.line, 26);
    assert.equal(f.column, 27);
    assert.equal(f.d.data?.suggestion, undefined);
    assert.equal(f.messageId, 'overridesUnknown');
    assert.deepEqual(f.data, { id: 'REQ-002', target: 'OLD-7', hint: ' Define it under `requirements:` or correct the id.' });
    const [z] = only('ref/unknown-requirement', text, { locale: 'zh-CN' });
    assert.equal(z.message, '需求“REQ-002”要覆盖的需求“OLD-7”不存在。请在 `requirements:` 下定义它，或改正编号。');
  });

  it('stays quiet when both lists name defined requirements (a self-reference is another rule\'s business)', () => {
    assert.deepEqual(only('ref/unknown-requirement', file('REQ-001, REQ-002', 'REQ-001')), []);
  });
});
