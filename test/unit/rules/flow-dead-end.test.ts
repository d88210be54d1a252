import { strict as assert } from 'assert';
import { only, stepsFile, yaml } from '../helpers';

const file = stepsFile;

describe('flow/dead-end', () => {
  it('fires on the key of a task with no `next`', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: [stuck, e1] }
      stuck:
        name: 等待回复
        role: sales
      e1: { name: 结束, type: end }
    `);
    const found = only('flow/dead-end', text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'stuck');
    assert.equal(f.line, 9);
    assert.equal(f.column, 3);
    assert.equal(
      f.message,
      'Step "stuck" (等待回复) is a dead end: it has no `next`, so the process stops here without reaching an end. Add a `next` to the step that follows, or set `type: end` if the process finishes here.',
    );
    const [z] = only('flow/dead-end', text, { locale: 'zh-CN' });
    assert.equal(
      z.message,
      '步骤“stuck”（等待回复）是死胡同：它没有 `next`，流程会停在这里而到不了结束步骤。请添加指向后续步骤的 `next`；如果流程在此完成，请设置 `type: end`。',
    );
  });

  it('treats an empty `next` as no `next`, and fires on start and decision steps and on an empty item', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales }
      a: { name: A, role: sales, next: [] }
      b:
        name: B
        role: sales
        next:
      d: { name: D, type: decision, role: sales }
      empty:
      e1: { name: 结束, type: end }
    `);
    assert.deepEqual(only('flow/dead-end', text).map((f) => f.text), ['s1', 'a', 'b', 'd', 'empty']);
  });

  it('stays quiet on end steps, on a `next` whose targets are all unknown, and on a step it cannot read', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: [a, b, e1] }
      a: { name: A, role: sales, next: nowhere }
      b: just a string
      e1: { name: 结束, type: end }
    `);
    assert.deepEqual(only('flow/dead-end', text), []);
  });
});
