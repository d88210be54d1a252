import { strict as assert } from 'assert';
import { only, STEPS_HEAD, stepsFile, yaml } from '../helpers';

const HEAD = STEPS_HEAD;
const file = stepsFile;

describe('flow/unreachable', () => {
  it('fires on the key of a step that no start reaches', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: e1 }
      lost:
        name: 旧流程
        role: sales
        next: e1
      e1: { name: 结束, type: end }
    `);
    const found = only('flow/unreachable', text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'warning');
    assert.equal(f.text, 'lost');
    assert.equal(f.line, 9);
    assert.equal(f.column, 3);
    assert.equal(
      f.message,
      'Step "lost" (旧流程) cannot be reached from the start step "s1": no step\'s `next` leads to it. Add it to the `next` of an earlier step, or remove it if it is no longer part of the process.',
    );
    assert.deepEqual(f.d.data?.steps, ['lost']);
    const [z] = only('flow/unreachable', text, { locale: 'zh-CN' });
    assert.equal(
      z.message,
      '步骤“lost”（旧流程）无法从开始步骤“s1”到达：没有任何步骤的 `next` 指向它。请把它加入前面某个步骤的 `next`；如果它已不属于此流程，请删除它。',
    );
  });

  it('reports every step of an orphaned chain, naming the step it is entered from', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: e1 }
      a: { name: A, role: sales, next: b }
      b: { name: B, role: sales, next: [b, e1] }
      e1: { name: 结束, type: end }
    `);
    const found = only('flow/unreachable', text);
    assert.deepEqual(found.map((f) => [f.text, f.line]), [['a', 9], ['b', 10]]);
    assert.equal(found[1].messageId, 'unreachable');
    assert.equal(found[1].data?.why, 'it is only entered from "a", which cannot be reached either');
  });

  it('stays quiet for steps reached through a decision branch, a list, and the `next` of an end step', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: d }
      d:
        name: 判断
        type: decision
        role: sales
        next: { 是: p1, 否: e1 }
      p1: { name: P1, role: sales, next: [p2, e1] }
      p2: { name: P2, role: sales, next: e1 }
      e1: { name: 结束, type: end, next: after }
      after: { name: After, role: sales, next: e2 }
      e2: { name: 结束2, type: end }
    `);
    assert.deepEqual(only('flow/unreachable', text), []);
  });

  it('stays quiet when there is no start at all (flow/no-start says what is wrong)', () => {
    const text = file(yaml`
      s1: { name: 开始, role: sales, next: e1 }
      lost: { name: L, role: sales, next: e1 }
      e1: { name: 结束, type: end }
    `);
    assert.deepEqual(only('flow/unreachable', text), []);
  });

  describe('more than one start step', () => {
    // n start steps; x loops on itself and is entered from y; y is entered from x and z; nothing enters z
    const text = (n: number) =>
      HEAD +
      Array.from({ length: n }, (_, i) => `  s${i + 1}: { name: S${i + 1}, type: start, role: sales, next: e1 }\n`).join('') +
      '  x: { name: X, role: sales, next: [x, y] }\n  y: { name: Y, role: sales, next: [x, e1] }\n  z: { name: Z, role: sales, next: [y] }\n  e1: { name: E, type: end }\n';
    const cases: [number, string, string][] = [
      [1, 'the start step "s1"', '开始步骤“s1”'],
      [2, 'the start steps "s1", "s2"', '开始步骤“s1”、“s2”'],
      [3, 'the start steps "s1", "s2", "s3"', '开始步骤“s1”、“s2”、“s3”'],
      [4, 'the start steps "s1", "s2", "s3", …', '开始步骤“s1”、“s2”、“s3”等'],
      [5, 'the start steps "s1", "s2", "s3", …', '开始步骤“s1”、“s2”、“s3”等'],
    ];
    for (const [n, en, zh] of cases) {
      it(`${n} start step(s): names up to three`, () => {
        assert.deepEqual(
          only('flow/unreachable', text(n)).map((f) => [f.text, f.messageId, f.data]),
          [
            ['x', 'unreachable', { step: '"x" (X)', starts: en, why: 'it is only entered from "y", which cannot be reached either' }],
            ['y', 'unreachable', { step: '"y" (Y)', starts: en, why: 'it is only entered from "x" and other steps, which cannot be reached either' }],
            ['z', 'unreachable', { step: '"z" (Z)', starts: en, why: "no step's `next` leads to it" }],
          ],
        );
        assert.deepEqual(only('flow/unreachable', text(n), { locale: 'zh-CN' }).map((f) => f.data?.starts), [zh, zh, zh]);
      });
    }

    it('reaches from every start, not only the first', () => {
      const t = HEAD + '  s1: { name: S1, type: start, role: sales, next: e1 }\n  s2: { name: S2, type: start, role: sales, next: a }\n  a: { name: A, role: sales, next: e1 }\n  e1: { name: E, type: end }\n';
      assert.deepEqual(only('flow/unreachable', t), []);
    });
  });
});
