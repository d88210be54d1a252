import { strict as assert } from 'assert';
import { BASE, lint, only, yaml } from '../helpers';

const CODE = 'req/untraced';
const file = (body: string) => BASE + 'requirements:\n' + body;

describe('req/untraced', () => {
  const req = (extra = '') => yaml`
      REQ-7:
        title: 数据拉通
        from: sales
        priority: could
  `.replace(/^(?=.)/gm, '  ') + extra;

  it('fires on the key of a requirement that names no step', () => {
    const found = only(CODE, file(req('    steps: []\n')));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.text, 'REQ-7');
    assert.equal(f.line, 17);
    assert.equal(f.column, 3);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Requirement "REQ-7" \("数据拉通"\) names no step of the process/);
    assert.deepEqual(f.d.data?.requirements, ['REQ-7']);
    const [zh] = only(CODE, file(req()), { locale: 'zh-CN' });
    assert.match(zh.message, /^需求“REQ-7”（数据拉通）没有关联流程中的任何步骤/);
  });

  it('fires on an item written with nothing after its key (an empty map)', () => {
    const found = only(CODE, file('  REQ-8:\n'));
    assert.deepEqual(found.map((f) => [f.text, f.line]), [['REQ-8', 17]]);
  });

  it('stays quiet when any of steps, sets, adds or removes names a step', () => {
    for (const extra of ['steps: [s1]', 'sets:\n      s1.mode: auto', 'adds: [s1]', 'removes: [e1]']) {
      assert.deepEqual(only(CODE, file(req(`    ${extra}\n`))), [], extra);
    }
  });

  it('counts whitespace-only steps, sets, adds and removes as naming no step', () => {
    for (const extra of ['steps: "  "', 'steps: "\\t"', 'sets: "  "', 'adds: " "', 'removes: " "', 'steps:\n    adds: []']) {
      assert.deepEqual(
        only(CODE, file(req(`    ${extra}\n`))).map((f) => [f.text, f.messageId, f.data]),
        [['REQ-7', 'untracedTitled', { id: 'REQ-7', title: '数据拉通' }]],
        extra,
      );
    }
    // a blank id inside a list is a (bad) reference, reported by ref/unknown-step, not an untraced requirement
    assert.deepEqual(only(CODE, file(req('    steps: ["  "]\n'))), []);
    assert.deepEqual(only('ref/unknown-step', file(req('    steps: ["  "]\n'))).map((f) => [f.text, f.messageId]), [['  ', 'stepsUnknown']]);
  });

  it('says "untraced" without a title', () => {
    assert.deepEqual(only(CODE, file('  REQ-8:\n    priority: could\n')).map((f) => [f.messageId, f.data]), [['untraced', { id: 'REQ-8' }]]);
  });

  it('skips requirements it cannot read (not a map, or a key of the wrong shape)', () => {
    assert.deepEqual(only(CODE, file('  REQ-9: just a sentence\n')), []);
    assert.deepEqual(only(CODE, file(req('    steps: s1\n'))), []);
  });

  it('reads an item with nothing after its key, or `~`, as an empty requirement, and one of another shape as unreadable', () => {
    // an alias to nothing (`*nope`, a yaml/syntax error) is nothing too
    for (const body of ['  REQ-9:\n', '  REQ-9: ~\n', '  REQ-9: *nope\n']) {
      assert.deepEqual(only(CODE, file(body)).map((f) => [f.text, f.messageId, f.data]), [['REQ-9', 'untraced', { id: 'REQ-9' }]], body);
    }
    for (const body of ['  REQ-9: text\n', '  REQ-9: [a]\n', '  REQ-9: 3\n']) assert.deepEqual(only(CODE, file(body)), [], body);
  });

  it('counts an empty list or `~` as naming no step, and a key it cannot read (a number, a map, true) as saying something', () => {
    for (const extra of ['steps: []', 'steps: ~', 'sets: {}', 'adds: []', 'removes: ~']) {
      assert.deepEqual(only(CODE, file(req(`    ${extra}\n`))).map((f) => f.messageId), ['untracedTitled'], extra);
    }
    for (const extra of ['steps: 3', 'steps: true', 'steps: {a: 1}', 'adds: {a: 1}', 'removes: 7']) {
      const all = lint(file(req(`    ${extra}\n`)));
      assert.deepEqual(all.filter((f) => f.code === CODE || f.code.startsWith('bizflow/')), [], extra);
    }
  });

  it('reads an explicit key with no value (`? REQ-9`, `? steps`) as empty', () => {
    assert.deepEqual(only(CODE, file('  ? REQ-9\n')).map((f) => [f.text, f.messageId, f.data]), [['REQ-9', 'untraced', { id: 'REQ-9' }]]);
    assert.deepEqual(only(CODE, file(req('    ? steps\n'))).map((f) => f.messageId), ['untracedTitled']);
  });
});
