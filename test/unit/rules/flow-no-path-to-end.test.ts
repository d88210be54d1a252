import { strict as assert } from 'assert';
import { only, stepsFile, yaml } from '../helpers';

const file = stepsFile;

describe('flow/no-path-to-end', () => {
  const trapped = file(yaml`
    s1: { name: 开始, type: start, role: sales, next: before }
    before: { name: 准备, role: sales, next: fix }
    fix:
      name: 修改
      role: sales
      next: review
    review: { name: 复核, role: sales, next: fix }
    e1: { name: 结束, type: end }
  `);

  it('fires on the key of every step of a loop with no way out, and not upstream of it', () => {
    const found = only('flow/no-path-to-end', trapped);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column]), [['fix', 10, 3], ['review', 14, 3]]);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(
      f.message,
      'Step "fix" (修改) is on a loop with no way out: it goes round with "review", and no end step can be reached from there. Give one step of the loop (usually a decision) a `next` branch that leaves the loop towards an end step.',
    );
    assert.deepEqual(f.d.data?.steps, ['fix', 'review']);
    const z = only('flow/no-path-to-end', trapped, { locale: 'zh-CN' });
    assert.equal(
      z[1].message,
      '步骤“review”（复核）处在一个没有出口的循环中：它与“fix”构成循环，从这里到不了任何结束步骤。请让循环中的某个步骤（通常是判断）增加一条离开循环、通往结束步骤的 `next` 分支。',
    );
  });

  it('fires on a step whose `next` leads back to itself', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: [spin, e1] }
      spin: { name: 重试, role: sales, next: spin }
      e1: { name: 结束, type: end }
    `);
    const [f] = only('flow/no-path-to-end', text);
    assert.equal(f.text, 'spin');
    assert.equal(f.messageId, 'noWayOut');
    assert.equal(f.data?.loop, 'its `next` leads back to itself');
  });

  it('names five other members of a long loop and counts the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const loop = ids.map((id, i) => `${id}: { name: ${id.toUpperCase()}, role: sales, next: ${ids[(i + 1) % ids.length]} }`).join('\n');
    const text = file(`s1: { name: S, type: start, role: sales, next: a }\n${loop}\ne1: { name: E, type: end }\n`);
    const found = only('flow/no-path-to-end', text);
    assert.equal(found.length, 8);
    assert.match(found[0].message, /it goes round with "b", "c", "d", "e", "f" and 2 more,/);
    assert.match(only('flow/no-path-to-end', text, { locale: 'zh-CN' })[7].message, /它与“a”、“b”、“c”、“d”、“e”等 7 个步骤构成循环/);
  });

  it('stays quiet when a loop can leave towards an end, even through an end step that itself has `next`', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: fix }
      fix: { name: 修改, role: sales, next: review }
      review:
        name: 复核
        type: decision
        role: sales
        next: { 退回: fix, 通过: e1 }
      e1: { name: 结束, type: end, next: fix }
    `);
    assert.deepEqual(only('flow/no-path-to-end', text), []);
  });

  it('stays quiet when the way out of a loop is a dead end (flow/dead-end reports that)', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: fix }
      fix: { name: 修改, role: sales, next: [fix, stop] }
      stop: { name: 停, role: sales }
      e1: { name: 结束, type: end }
    `);
    assert.deepEqual(only('flow/no-path-to-end', text), []);
    assert.deepEqual(only('flow/dead-end', text).map((f) => f.text), ['stop']);
  });

  it('stays quiet when the only way out is an unknown step: ref/unknown-step reports that one mistake', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: fix }
      fix: { name: 修改, role: sales, next: review }
      review: { name: 复核, role: sales, next: [fix, e2] }
      e1: { name: 结束, type: end }
    `);
    assert.deepEqual(only('flow/no-path-to-end', text), []);
    assert.deepEqual(only('ref/unknown-step', text).map((f) => f.text), ['e2']);
  });
});
