import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

const CODE = 'handoff/no-data';

describe('handoff/no-data', () => {
  const file = (produces: string, checkRole = 'finance') => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 业务员
      finance:
        name: 财务
      warehouse:
        name: 仓库
    steps:
      s1:
        name: 接单
        type: start
        role: sales
        produces: [order]
        next: check
      check:
        name: 信用审核
        type: decision
        role: ${checkRole}
        ${produces}
        next:
          通过: pick
          拒绝: notify
      pick:
        name: 拣货
        role: warehouse
        next: [notify, e1]
      notify:
        name: 通知客户
        role: sales
        next: e1
      e1:
        name: End
        type: end
  `;

  it('fires on each next entry that leaves the lane without data: map and list entries', () => {
    const found = only(CODE, file(''));
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column, f.severity]),
      [
        ['通过: pick', 24, 7, 'info'],
        ['拒绝: notify', 25, 7, 'info'],
        ['notify', 29, 12, 'info'],
      ],
    );
    assert.equal(
      found[0].message,
      'Handoff without data: step 信用审核 "check" (lane 财务) passes to 拣货 "pick" (lane 仓库) but produces nothing. List what it hands over in its `produces`.',
    );
    assert.deepEqual(found[0].d.data?.steps, ['check', 'pick']);
    assert.deepEqual(found[0].d.data?.roles, ['finance', 'warehouse']);
  });

  it('fires on a plain `next: step` scalar', () => {
    const text = file('produces: [credit]').replace('next: e1\n  e1:', 'next: pick\n  e1:');
    const found = only(CODE, text);
    assert.equal(found.length, 2);
    assert.equal(found[1].text, 'pick');
    assert.equal(found[1].line, 33);
    assert.equal(found[1].column, 11);
  });

  it('speaks Chinese', () => {
    const [f] = only(CODE, file(''), { locale: 'zh-CN' });
    assert.equal(f.message, '交接无数据：步骤信用审核“check”（财务泳道）把工作交给拣货“pick”（仓库泳道），却没有产出任何数据。请在它的 `produces` 中列出交接的数据。');
  });

  it('stays quiet when the upstream step produces something, or the lane does not change', () => {
    assert.deepEqual(
      only(CODE, file('produces: [credit]')).map((f) => f.text),
      ['notify'], // pick (warehouse) → notify (sales) still hands over nothing
    );
    // check in the warehouse lane: only the hand-over to notify (sales) is left
    assert.deepEqual(only(CODE, file('', 'warehouse')).map((f) => f.text), ['拒绝: notify', 'notify']);
  });

  it('counts a whitespace-only or empty `produces` as producing nothing', () => {
    const want = [
      ['拒绝: notify', 'noData', { up: '信用审核 "check"', fromLane: '财务', down: '通知客户 "notify"', toLane: '业务员', step: 'check', to: 'sales' }],
      ['通过: pick', 'noData', { up: '信用审核 "check"', fromLane: '财务', down: '拣货 "pick"', toLane: '仓库', step: 'check', to: 'warehouse' }],
    ];
    for (const produces of ['produces: "  "', 'produces: "\\t"', 'produces: []', 'produces:', 'produces: ""']) {
      const got = only(CODE, file(produces)).filter((f) => f.data?.step === 'check');
      assert.deepEqual(got.map((f) => [f.text, f.messageId, f.data]).sort(), want, produces);
    }
    // a blank id in a list is a (bad) reference, so the step hands over something: ref/unknown-data reports it
    assert.deepEqual(only(CODE, file('produces: ["  "]')).filter((f) => f.data?.step === 'check'), []);
  });

  it('ignores steps without a known role, and a `produces` it cannot read', () => {
    assert.deepEqual(only(CODE, file('', 'nobody')).map((f) => f.text), ['notify']);
    assert.deepEqual(only(CODE, file('produces: credit')).map((f) => f.text), ['notify']);
  });
});

describe('handoff/no-data: how long or odd names are shown', () => {
  const two = (up: { id: string; name?: string }, down: { id: string; name?: string }, laneA?: string, laneB?: string) =>
    [
      'bizflow: 1',
      'process:',
      '  name: P',
      'roles:',
      '  ra:',
      ...(laneA !== undefined ? [`    name: ${JSON.stringify(laneA)}`] : []),
      '  rb:',
      ...(laneB !== undefined ? [`    name: ${JSON.stringify(laneB)}`] : []),
      'steps:',
      `  ${JSON.stringify(up.id)}:`,
      ...(up.name !== undefined ? [`    name: ${JSON.stringify(up.name)}`] : []),
      '    type: start',
      '    role: ra',
      `    next: ${JSON.stringify(down.id)}`,
      `  ${JSON.stringify(down.id)}:`,
      ...(down.name !== undefined ? [`    name: ${JSON.stringify(down.name)}`] : []),
      '    type: end',
      '    role: rb',
      '',
    ].join('\n');
  const labels = (text: string) => only(CODE, text).map((f) => [f.data?.up, f.data?.fromLane, f.data?.down, f.data?.toLane]);

  it('shows a step name of up to 14 characters whole and cuts a longer one to 13 and "…"', () => {
    assert.deepEqual(labels(two({ id: 'a', name: 'abcdefghijklmn' }, { id: 'b', name: 'abcdefghijklmno' })), [
      ['abcdefghijklmn "a"', 'ra', 'abcdefghijklm… "b"', 'rb'],
    ]);
    // characters, not UTF-16 units: 14 CJK characters and an emoji-laden name
    assert.deepEqual(labels(two({ id: 'a', name: '一二三四五六七八九十一二三四' }, { id: 'b', name: '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀' })), [
      ['一二三四五六七八九十一二三四 "a"', 'ra', '😀😀😀😀😀😀😀😀😀😀😀😀😀… "b"', 'rb'],
    ]);
  });

  it('shows a step id of up to 20 characters whole and cuts a longer one to 19 and "…"', () => {
    const id20 = 'abcdefghij0123456789';
    assert.deepEqual(labels(two({ id: id20, name: 'A' }, { id: id20 + 'x', name: 'B' })), [
      [`A "${id20}"`, 'ra', `B "${id20.slice(0, 19)}…"`, 'rb'],
    ]);
  });

  it('shows only the quoted id when the name is missing, blank or the id itself, and trims a name', () => {
    assert.deepEqual(labels(two({ id: 'a' }, { id: 'b', name: '   ' })), [['"a"', 'ra', '"b"', 'rb']]);
    assert.deepEqual(labels(two({ id: 'a', name: 'a' }, { id: 'b', name: '  B x  ' })), [['"a"', 'ra', 'B x "b"', 'rb']]);
    // spaces around a long name are not counted
    assert.deepEqual(labels(two({ id: 'a', name: '   abcdefghijklmn   ' }, { id: 'b', name: '   abcdefghijklmno   ' })), [
      ['abcdefghijklmn "a"', 'ra', 'abcdefghijklm… "b"', 'rb'],
    ]);
    // a long id that is also the name: the id alone, cut
    const long = 'abcdefghij0123456789xy';
    assert.deepEqual(labels(two({ id: long, name: long }, { id: 'b', name: 'b' })), [[`"${long.slice(0, 19)}…"`, 'ra', '"b"', 'rb']]);
  });

  it('names a lane by its role name, trimmed, whole up to 16 characters and cut to 15 and "…" beyond, or by the role id when the name is blank', () => {
    assert.deepEqual(labels(two({ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, '  Sales team  ', '   ')), [['A "a"', 'Sales team', 'B "b"', 'rb']]);
    assert.deepEqual(labels(two({ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, 'abcdefghijklmnop', 'abcdefghijklmnopq')), [
      ['A "a"', 'abcdefghijklmnop', 'B "b"', 'abcdefghijklmno…'],
    ]);
  });
});
