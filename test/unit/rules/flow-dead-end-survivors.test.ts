/**
 * flow/dead-end and flow/end-has-next on the shapes of `next` (and of a step) that the rule tests did not pin down:
 * the survivors of the `rules-flow-ref` mutation run in src/core/rules/flow-dead-end.ts (docs/mutation-notes/mrfa.md).
 */
import { strict as assert } from 'assert';
import { only, stepsFile, yaml } from '../helpers';

const file = stepsFile;

/** Each finding of `code` as `text line:column messageId data diagnosticData`. */
function found(code: string, text: string): string[] {
  return only(code, text).map(
    (f) => `${f.text} ${f.line}:${f.column} ${f.messageId} ${JSON.stringify(f.data)} ${JSON.stringify(f.d.data)}`,
  );
}

describe('flow/dead-end: the shapes of `next` and of a step (mutation survivors)', () => {
  it('a `next` key without a value (`{ next }`, `? next`) or with an alias to nothing says nothing: a dead end, and no end-has-next on an end step', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: [a, b, c, e1, e2, e3] }
      a: { name: A, role: sales, next }
      b:
        name: B
        role: sales
        ? next
      c:
        name: C
        role: sales
        next: *nope
      e1: { name: 结束1, type: end, next }
      e2:
        name: 结束2
        type: end
        ? next
      e3: { name: 结束3, type: end, next: *nope }
    `);
    assert.deepEqual(found('flow/dead-end', text), [
      'a 9:3 deadEnd {"step":"\\"a\\" (A)"} {"steps":["a"]}',
      'b 10:3 deadEnd {"step":"\\"b\\" (B)"} {"steps":["b"]}',
      'c 14:3 deadEnd {"step":"\\"c\\" (C)"} {"steps":["c"]}',
    ]);
    assert.deepEqual(found('flow/end-has-next', text), []);
  });

  it('`next: ""` says nothing (a dead end); `next: true`, `[""]`, `{ yes: "" }` say something (schema/type reports them): no dead end, and end-has-next on an end step', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: [a, b, c, d, e1, e2, e3, e4] }
      a: { name: A, role: sales, next: "" }
      b: { name: B, role: sales, next: true }
      c: { name: C, role: sales, next: [""] }
      d: { name: D, role: sales, next: { yes: "" } }
      e1: { name: 结束1, type: end, next: "" }
      e2: { name: 结束2, type: end, next: true }
      e3: { name: 结束3, type: end, next: [""] }
      e4: { name: 结束4, type: end, next: { yes: "" } }
    `);
    assert.deepEqual(found('flow/dead-end', text), ['a 9:3 deadEnd {"step":"\\"a\\" (A)"} {"steps":["a"]}']);
    assert.deepEqual(found('flow/end-has-next', text), [
      'next 14:31 endHasNext {"step":"\\"e2\\" (结束2)"} {"steps":["e2"]}',
      'next 15:31 endHasNext {"step":"\\"e3\\" (结束3)"} {"steps":["e3"]}',
      'next 16:31 endHasNext {"step":"\\"e4\\" (结束4)"} {"steps":["e4"]}',
    ]);
  });

  it('a step with no value at all (`? q`, an alias to nothing) is a dead end on its key; a step that is a plain value is not read', () => {
    const text = file(yaml`
      s1: { name: 开始, type: start, role: sales, next: [q, u, w, e1] }
      ? q
      u: *nope
      w: just a string
      e1: { name: 结束, type: end }
    `);
    assert.deepEqual(found('flow/dead-end', text), [
      'q 9:5 deadEnd {"step":"\\"q\\""} {"steps":["q"]}',
      'u 10:3 deadEnd {"step":"\\"u\\""} {"steps":["u"]}',
    ]);
  });
});
