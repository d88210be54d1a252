import { strict as assert } from 'assert';
import { lint, only, yaml } from '../helpers';

describe('ref/unknown-step', () => {
  const file = (o: { next?: string; steps?: string; setKey?: string; adds?: string; removes?: string } = {}) => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
    steps:
      s1:
        name: 开始
        type: start
        role: sales
        next: ${o.next ?? 'e1'}
      e1:
        name: End
        type: end
    requirements:
      R1:
        title: T
        from: sales
        priority: must
        steps: [${o.steps ?? 's1'}]
        sets:
          ${o.setKey ?? 's1.mode'}: x
        adds: [${o.adds ?? 'e1'}]
        removes: [${o.removes ?? 's1'}]
        acceptance: [ok]
  `;

  it('fires on a `next` target that is not defined, with the exact range and a suggestion', () => {
    const found = only('ref/unknown-step', file({ next: 'e2' }));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'e2');
    assert.equal(f.line, 12);
    assert.equal(f.column, 11);
    assert.equal(f.message, 'The `next` of step "s1" (开始) goes to unknown step "e2". Did you mean "e1"?');
    assert.deepEqual(f.d.data, { name: 'e2', suggestion: 'e1', kind: 'step' });
  });

  it('speaks Chinese when asked', () => {
    const [f] = only('ref/unknown-step', file({ next: 'e2' }), { locale: 'zh-CN' });
    assert.equal(f.message, '步骤“s1”（开始）的 `next` 指向未知步骤“e2”。是否想写“e1”？');
  });

  it('fires on each unknown entry of a `next` list, and says how to fix it when nothing is close', () => {
    const found = only('ref/unknown-step', file({ next: '[e1, nowhere-else]' }));
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'nowhere-else');
    assert.equal(found[0].line, 12);
    assert.equal(found[0].column, 16);
    assert.equal(found[0].d.data?.suggestion, undefined);
    assert.match(found[0].message, /Define it under `steps:` or use one of the defined steps\.$/);
  });

  it('fires on the target of a decision branch, not on the label', () => {
    const text = yaml`
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
          next: d
        d:
          name: 判断
          type: decision
          role: sales
          next:
            通过: e1
            拒绝: "e9"
        e1:
          name: End
          type: end
    `;
    const found = only('ref/unknown-step', text);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'e9');
    assert.equal(found[0].line, 19);
    assert.equal(found[0].column, 12);
  });

  it('fires in requirement `steps`, `sets` keys (the step part only), `adds` and `removes`', () => {
    const found = only(
      'ref/unknown-step',
      file({ steps: 's1, ghost-a', setKey: 'ghost-b.mode', adds: 'ghost-c', removes: 'ghost-d' }),
    );
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column]),
      [
        ['ghost-a', 21, 17],
        ['ghost-b', 23, 7],
        ['ghost-c', 24, 12],
        ['ghost-d', 25, 15],
      ],
    );
    const defineIt = ' Define it under `steps:` or use one of the defined steps.';
    assert.deepEqual(
      found.map((f) => [f.messageId, f.data]),
      [
        ['stepsUnknown', { req: 'R1', target: 'ghost-a', hint: defineIt }],
        ['setsUnknown', { req: 'R1', key: 'ghost-b.mode', target: 'ghost-b', hint: defineIt }],
        ['addsUnknown', { req: 'R1', target: 'ghost-c', hint: ' A step that a requirement adds must still be defined under `steps:`.' }],
        ['removesUnknown', { req: 'R1', target: 'ghost-d', hint: defineIt }],
      ],
    );
  });

  it('excludes the quotes of a quoted `sets` key from the range', () => {
    const [f] = only('ref/unknown-step', file({ setKey: '"sl.mode"' }));
    assert.equal(f.text, 'sl');
    assert.equal(f.column, 8);
    assert.equal(f.d.data?.suggestion, 's1');
  });

  it('says the requirement messages in Chinese', () => {
    const found = only('ref/unknown-step', file({ adds: 'ghost-c', removes: 's2' }), { locale: 'zh-CN' });
    assert.deepEqual(
      found.map((f) => f.message),
      ['需求“R1”新增的步骤“ghost-c”不存在。需求新增的步骤也必须在 `steps:` 下定义。', '需求“R1”要删除的步骤“s2”不存在。是否想写“s1”？'],
    );
  });

  it('stays quiet when every step exists, and on a `sets` key without a dot (a schema problem)', () => {
    assert.deepEqual(only('ref/unknown-step', file()), []);
    assert.deepEqual(only('ref/unknown-step', file({ setKey: 'nodot' })), []);
  });

  it('stays quiet on an empty id, which names nothing (`next: ""`, a `sets` key `.mode`)', () => {
    assert.deepEqual(only('ref/unknown-step', file({ next: '""', setKey: '".mode"' })), []);
    assert.deepEqual(only('ref/unknown-step', file({ next: '"e9"', setKey: '".mode"' })).map((f) => f.text), ['e9']);
  });

  it('is the only report for an edge to an unknown step: graph rules ignore the edge', () => {
    const codes = lint(file({ next: '[e1, nowhere]' }))
      .map((f) => f.code)
      .filter((c) => c.startsWith('flow/') || c.startsWith('ref/'));
    assert.deepEqual(codes, ['ref/unknown-step']);
  });
});
