import { strict as assert } from 'assert';
import { only, stepsFile, yaml } from '../helpers';

const file = stepsFile;

describe('flow/end-has-next', () => {
  const ending = (next: string) =>
    file(yaml`
      s1: { name: 开始, type: start, role: sales, next: done }
      done:
        name: 交付完成
        type: end
        ${next}
      archive: { name: 归档, role: sales, next: done }
    `);

  it('fires on the `next` key of an end step', () => {
    const text = ending('next: archive');
    const found = only('flow/end-has-next', text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'next');
    assert.equal(f.line, 12);
    assert.equal(f.column, 5);
    assert.equal(
      f.message,
      'End step "done" (交付完成) has a `next`: an end step finishes the process, so nothing may follow it. Remove `next`, or change `type` to `task` if the process goes on from here.',
    );
    const [z] = only('flow/end-has-next', text, { locale: 'zh-CN' });
    assert.equal(
      z.message,
      '结束步骤“done”（交付完成）带有 `next`：结束步骤表示流程到此完成，后面不能再有步骤。请删除 `next`；如果流程还要继续，请把 `type` 改为 `task`。',
    );
  });

  it('leaves the edge in the graph: the step after the end step is reachable', () => {
    assert.deepEqual(only('flow/unreachable', ending('next: archive')), []);
    assert.deepEqual(only('flow/unreachable', ending('')).map((f) => f.text), ['archive']);
  });

  it('stays quiet on an end step without `next`, or with an empty one', () => {
    assert.deepEqual(only('flow/end-has-next', ending('')), []);
    assert.deepEqual(only('flow/end-has-next', ending('next: []')), []);
  });

  it('stays quiet on a task with `next`', () => {
    assert.deepEqual(only('flow/end-has-next', ending('next: archive').replace('type: end', 'type: task')), []);
  });
});
