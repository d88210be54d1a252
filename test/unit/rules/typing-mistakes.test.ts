/**
 * yaml/tab, yaml/full-width, yaml/indentation, schema/misplaced-key (issue
 * 11): one finding on the mistaken line naming the cause, in both languages,
 * its preferred fix, and nothing else from the mistake (the follow-on findings
 * are suppressed while it stands).
 */
import { strict as assert } from 'assert';
import { applyEdits } from '../../../src/core/edits';
import { analyze } from '../../../src/core/engine';
import { fixesFor } from '../../../src/core/fixes';
import { findMistakes } from '../../../src/core/mistakes';
import { lint } from '../helpers';

const CLEAN = `bizflow: 1
process:
  id: p
  name: 发货流程
roles:
  sales:
    name: 业务员
  warehouse:
    name: 仓库
steps:
  start:
    name: 接单
    type: start
    role: sales
    produces: [order]
    next: pick
  pick:
    name: 拣货
    role: warehouse
    needs: [order]
    next: done
  done:
    name: 完成
    type: end
    role: warehouse
data:
  order:
    name: 订单
requirements:
  REQ-1:
    title: 当天发货
    from: sales
    priority: must
    steps: [pick]
    acceptance:
      - 下午三点前的订单当天发出
      - 发货后通知客户
`;

/** The clean text with line `n` (1-based) replaced. */
function withLine(n: number, line: string): string {
  const lines = CLEAN.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

/** The findings of `text`, and the text after the preferred fix of the one on line `n`. */
function check(text: string, n: number, locale: 'en' | 'zh-CN' = 'en') {
  const found = lint(text, { locale });
  const on = found.filter((f) => f.line === n);
  assert.equal(on.length, 1, JSON.stringify(found.map((f) => [f.code, f.line, f.message])));
  const { model } = analyze(text);
  const fixes = fixesFor(model, on[0].d, locale);
  const preferred = fixes.filter((f) => f.isPreferred);
  assert.equal(preferred.length, 1);
  return { found, f: on[0], fixes, fixed: applyEdits(text, preferred[0].edits) };
}

describe('typing mistakes of form (issue 11)', () => {
  it('the clean text has no finding at all', () => {
    assert.deepEqual(lint(CLEAN).map((f) => f.code), []);
    assert.deepEqual(findMistakes(CLEAN), []);
  });

  it('a tab before "role:": one yaml/tab on the tab, replaced by the 4 spaces of its siblings', () => {
    const text = withLine(14, '\trole: sales');
    const { found, f, fixed, fixes } = check(text, 14);
    assert.equal(found.length, 1);
    assert.equal(f.code, 'yaml/tab');
    assert.equal(f.messageId, 'tab');
    assert.deepEqual(f.data, { expected: 4 });
    assert.equal(f.text, '\t');
    assert.equal(f.message, 'This line is indented with a tab; YAML only allows spaces. Replace the tab with 4 spaces.');
    assert.equal(fixes[0].title, 'Replace the tab with 4 spaces');
    assert.equal(fixed, CLEAN);
    const zh = check(text, 14, 'zh-CN');
    assert.equal(zh.f.message, '这一行用了制表符（Tab）缩进；YAML 只允许用空格缩进。请把制表符换成 4 个空格。');
    assert.equal(zh.fixes[0].title, '把制表符换成 4 个空格');
  });

  it('a full-width colon after a key: one yaml/full-width on the "：", fixed to ": "', () => {
    const text = withLine(12, '    name：接单');
    const { found, f, fixed } = check(text, 12);
    assert.equal(found.length, 1);
    assert.deepEqual([f.code, f.messageId, f.data, f.text], ['yaml/full-width', 'colon', { key: 'name' }, '：']);
    assert.equal(fixed, CLEAN);
    const zh = check(text, 12, 'zh-CN');
    assert.equal(zh.f.message, '“name”后面的全角冒号「：」会被当作文字，而不是键和值之间的“:”。请改用半角冒号“:”，后面加一个空格。');
    // a "：" inside a value is text: nothing
    assert.deepEqual(lint(withLine(12, '    name: 说明：接单')).map((x) => x.code), []);
  });

  it('a full-width comma between ids: an error; between words of free text: a hint', () => {
    const ids = CLEAN.replace('steps: [pick]', 'steps: [start，pick]');
    const r = check(ids, 34);
    assert.deepEqual([r.f.code, r.f.severity, r.f.messageId, r.f.data], ['yaml/full-width', 'error', 'comma', { key: 'steps' }]);
    assert.equal(r.fixed, CLEAN.replace('steps: [pick]', 'steps: [start, pick]'));
    const words = CLEAN.replace('    name: 业务员\n', '    name: 业务员\n    concerns: [快，准]\n');
    const w = lint(words).filter((x) => x.code === 'yaml/full-width');
    assert.deepEqual(w.map((x) => [x.severity, x.messageId, x.data]), [['info', 'commaText', { key: 'concerns' }]]);
  });

  it('a full-width list dash: one yaml/full-width, fixed to "- "', () => {
    const text = withLine(37, '      － 发货后通知客户');
    const { found, f, fixed } = check(text, 37);
    assert.equal(found.length, 1);
    assert.deepEqual([f.code, f.messageId, f.text], ['yaml/full-width', 'dash', '－']);
    assert.equal(fixed, CLEAN);
  });

  it('a full-width space in the indentation: one yaml/full-width, replaced by two spaces', () => {
    const text = withLine(20, '\u3000  needs: [order]');
    const { found, f, fixed } = check(text, 20);
    assert.equal(found.length, 1);
    assert.deepEqual([f.code, f.messageId, f.data], ['yaml/full-width', 'space', { expected: 4 }]);
    assert.equal(fixed, CLEAN);
  });

  it('one Backspace too many before "role:" (2 spaces, its siblings use 4): one yaml/indentation naming the step', () => {
    const text = withLine(19, '  role: warehouse');
    const { found, f, fixed } = check(text, 19);
    assert.equal(found.length, 1, JSON.stringify(found.map((x) => x.code)));
    assert.deepEqual([f.code, f.messageId, f.data], ['yaml/indentation', 'indentIn', { actual: 2, expected: 4, owner: 'step "pick"' }]);
    assert.equal(f.message, 'This line is indented 2 spaces, but the keys of step "pick" use 4. Re-indent it to 4 spaces.');
    assert.equal(fixed, CLEAN);
    const zh = check(text, 19, 'zh-CN');
    assert.equal(zh.f.message, '这一行缩进了 2 个空格，而步骤“pick”的各个键用的是 4 个空格。请改为缩进 4 个空格。');
    assert.equal(zh.fixes[0].title, '把这一行改为缩进 4 个空格');
  });

  it('a line indented one step too far after a value: one yaml/indentation', () => {
    const text = withLine(21, '      next: done');
    const { f, fixed } = check(text, 21);
    assert.deepEqual([f.code, f.data], ['yaml/indentation', { actual: 6, expected: 4, owner: 'step "pick"' }]);
    assert.equal(fixed, CLEAN);
  });

  it('"roles:" indented under "process:": one schema/misplaced-key, moved back to the top level (not only "Remove")', () => {
    const text = withLine(5, '  roles:');
    const { found, f, fixed, fixes } = check(text, 5);
    assert.ok(found.length <= 3, JSON.stringify(found.map((x) => x.code)));
    assert.deepEqual([f.code, f.messageId, f.data], ['schema/misplaced-key', 'nested', { key: 'roles', actual: 2, parent: 'process' }]);
    assert.equal(f.message, '"roles" is a top-level section, but this line is indented 2 spaces, so it is read as part of "process". Move it to the start of the line.');
    assert.equal(fixes[0].title, "Move 'roles' to the top level");
    assert.ok(fixes.every((x) => !/Remove/.test(x.title)));
    assert.equal(fixed, CLEAN);
    const zh = check(text, 5, 'zh-CN');
    assert.equal(zh.f.message, '“roles”是顶层部分，但这一行缩进了 2 个空格，因此被当作“process”的一部分。请把它移到行首（不缩进）。');
  });

  it('with the typing-mistake rules turned off, the follow-on findings are shown as before', () => {
    const text = withLine(14, '\trole: sales');
    const off = lint(text, { config: [{ rules: { 'yaml/tab': 'off' } }] });
    assert.ok(off.length > 1);
    assert.ok(off.some((x) => x.code === 'yaml/syntax'));
  });
});

describe('schema/unknown-key: no lone delete fix for a key that looks mistyped', () => {
  it('"name：发货 role" (a missing line break or colon) is not offered only "Remove"', () => {
    // a key with a full-width colon and a blank in it, in a place the detector cannot be sure of (a flow map)
    const text = CLEAN.replace('  order:\n    name: 订单\n', '  order: {name：发货 role: x}\n');
    const { model, diagnostics } = analyze(text);
    for (const d of diagnostics.filter((x) => x.code === 'schema/unknown-key')) {
      const fixes = fixesFor(model, d);
      assert.ok(!(fixes.length === 1 && /Remove/.test(fixes[0].title)), JSON.stringify(fixes.map((x) => x.title)));
      assert.ok(fixes.every((x) => !(x.isPreferred && /Remove/.test(x.title))));
    }
  });

  it('a plain unknown key keeps its non-preferred "Remove"', () => {
    const text = CLEAN.replace('    name: 订单\n', '    name: 订单\n    colour: red\n');
    const { model, diagnostics } = analyze(text);
    const d = diagnostics.find((x) => x.code === 'schema/unknown-key')!;
    const fixes = fixesFor(model, d);
    assert.deepEqual(fixes.map((x) => [x.title, x.isPreferred]), [["Remove 'colour'", false]]);
  });
});
