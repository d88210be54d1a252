import { strict as assert } from 'assert';
import { BASE, only } from '../helpers';

describe('flow/no-end', () => {
  const noEnd = BASE.replace('type: end', 'type: task');

  it('fires on the `steps` key when no step has `type: end`', () => {
    const found = only('flow/no-end', noEnd);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'steps');
    assert.equal(f.line, 7);
    assert.equal(f.column, 1);
    assert.match(f.message, /^The process has no end step: .*Add a step with `type: end`/);
    const [z] = only('flow/no-end', noEnd, { locale: 'zh-CN' });
    assert.match(z.message, /^流程没有结束步骤：.*请在流程完成处添加一个 `type: end` 的步骤/);
  });

  it('stays quiet when an end step exists, even one nothing leads to', () => {
    assert.deepEqual(only('flow/no-end', BASE), []);
    assert.deepEqual(only('flow/no-end', BASE.replace('next: e1', 'next: s1')), []);
  });

  it('stays quiet without a `steps` key, or with a `steps` value it cannot read', () => {
    assert.deepEqual(only('flow/no-end', 'bizflow: 1\nprocess:\n  name: P\nroles: {}\n'), []);
    assert.deepEqual(only('flow/no-end', 'bizflow: 1\nprocess:\n  name: P\nroles: {}\nsteps: just text\n'), []);
  });
});
