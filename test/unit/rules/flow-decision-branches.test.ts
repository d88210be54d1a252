import { strict as assert } from 'assert';
import { only, stepsFile, yaml } from '../helpers';

const file = stepsFile;

describe('flow/decision-branches', () => {
  const decision = (next: string) =>
    file(yaml`
      s1: { name: 开始, type: start, role: sales, next: check }
      check:
        name: 信用审核
        type: decision
        role: sales
        next: ${next}
      e1: { name: 结束, type: end }
      e2: { name: 拒绝, type: end }
    `);

  it('fires on the key of a decision with a single branch', () => {
    const text = decision('{ 通过: e1 }');
    const found = only('flow/decision-branches', text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'check');
    assert.equal(f.line, 9);
    assert.equal(f.column, 3);
    assert.equal(
      f.message,
      'Decision "check" (信用审核) has only one branch: a decision needs at least two labelled branches under `next`, e.g. `next: { approved: ship, rejected: notify }`. Add the missing branch, or make it a `task` if there is no choice to make here.',
    );
    assert.equal(f.d.data?.branches, 1);
    const [z] = only('flow/decision-branches', text, { locale: 'zh-CN' });
    assert.equal(
      z.message,
      '判断步骤“check”（信用审核）只有一个分支：判断至少要在 `next` 下写两个带标签的分支，例如 `next: {通过: ship, 拒绝: notify}`。请补上缺少的分支；如果这里无需判断，请把类型改为 `task`。',
    );
  });

  it('counts what is there when `next` has the wrong shape: a single step id is one branch', () => {
    const [f] = only('flow/decision-branches', decision('e1'));
    assert.equal(f.d.data?.branches, 1);
  });

  it('fires on a decision with no branch at all', () => {
    const [f] = only('flow/decision-branches', decision('{}'));
    assert.equal(f.d.data?.branches, 0);
    assert.match(f.message, /^Decision "check" \(信用审核\) has no branch:/);
  });

  it('stays quiet with two branches, even when one target is unknown or `next` is a list (schema/type reports that)', () => {
    assert.deepEqual(only('flow/decision-branches', decision('{ 通过: e1, 拒绝: e2 }')), []);
    assert.deepEqual(only('flow/decision-branches', decision('{ 通过: e1, 拒绝: e3 }')), []);
    assert.deepEqual(only('flow/decision-branches', decision('[e1, e2]')), []);
  });

  it('stays quiet on a task with a single `next`', () => {
    assert.deepEqual(only('flow/decision-branches', decision('e1').replace('type: decision', 'type: task')), []);
  });
});
