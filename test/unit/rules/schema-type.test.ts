import { strict as assert } from 'assert';
import { lint, only, yaml, BASE } from '../helpers';

/** BASE with extra lines appended to step s1 (indented 4 spaces). */
const s1 = (extra: string) => BASE.replace('    next: e1\n', '    next: e1\n' + extra.replace(/^/gm, '    ') + '\n');

describe('schema/type', () => {
  it('fires on a list key given a single value, with data for a wrap-in-list quick fix', () => {
    const text = s1('needs: order');
    const [f, ...rest] = only('schema/type', text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'order');
    assert.equal(f.line, 13);
    assert.equal(f.column, 12);
    assert.equal(f.messageId, 'wrongTypeHint');
    assert.deepEqual(f.data, { what: '"needs" of step "s1"', expected: 'a list of data ids', actual: 'the text "order"', hint: 'Write it as a list: "[order]".' });
    assert.equal(f.d.data?.expected, 'list');
    const [z] = only('schema/type', text, { locale: 'zh-CN' });
    assert.deepEqual(z.data, { what: '步骤“s1”的“needs”', expected: '数据 id 列表', actual: '文本“order”', hint: '请写成列表：“[order]”。' });
  });

  it('stays quiet on lists, on an empty list and on a key with nothing after it', () => {
    assert.deepEqual(only('schema/type', s1('needs: [order]\nproduces:\n  - x')), []);
    assert.deepEqual(only('schema/type', s1('needs: []')), []);
    assert.deepEqual(only('schema/type', s1('needs:')), []);
  });

  it('fires on a wrong entry inside a list, on that entry', () => {
    const [f] = only('schema/type', s1('needs: [order, {a: 1}]'));
    assert.equal(f.text, '{a: 1}');
    assert.equal(f.messageId, 'wrongType');
    assert.deepEqual(f.data, { what: 'Entry 2 of "needs" of step "s1"', expected: 'a data item id', actual: 'a map' });
  });

  it('applies YAML 1.2: yes/no are text, so a boolean key given yes is wrong and a text key given yes is fine', () => {
    const text = BASE + 'data:\n  d1:\n    name: yes\n    external: yes\n';
    const [f, ...rest] = only('schema/type', text);
    assert.equal(rest.length, 0);
    assert.equal(f.text, 'yes');
    assert.equal(f.line, 19);
    assert.equal(f.column, 15);
    assert.equal(f.messageId, 'wrongTypeHint');
    assert.deepEqual(f.data, { what: '"external" of data item "d1"', expected: 'true or false', actual: 'the text "yes"', hint: 'In YAML 1.2 "yes" is plain text; write true or false.' });
    assert.deepEqual(only('schema/type', BASE + 'data:\n  d1:\n    external: true\n'), []);
  });

  it('fires on an empty entry of a list, and on an empty branch target, on the entry (or the key when it has no text)', () => {
    const [f] = only('schema/type', s1('needs: [order, ~]'));
    assert.deepEqual([f.text, f.messageId, f.data, f.d.data], ['~', 'emptyEntry', { entry: 'Entry 2 of "needs" of step "s1"', expected: 'a data item id' }, { expected: 'id' }]);
    const text = BASE.replace('type: start', 'type: decision').replace('next: e1', 'next:\n      ok: e1\n      ko: ~');
    const [b] = only('schema/type', text);
    assert.deepEqual([b.text, b.messageId, b.data, b.d.data], ['~', 'emptyTarget', { entry: 'Branch "ko" of "next" of step "s1"' }, { expected: 'id' }]);
    const [z] = only('schema/type', text, { locale: 'zh-CN' });
    assert.deepEqual(z.data, { entry: '步骤“s1”的“next”的分支“ko”' });
  });

  it('fires on a boolean where text is expected, suggesting quotes', () => {
    const [f] = only('schema/type', BASE.replace('name: Start', 'name: true'));
    assert.equal(f.text, 'true');
    assert.equal(f.messageId, 'wrongTypeHint');
    assert.deepEqual(f.data, { what: '"name" of step "s1"', expected: 'text', actual: 'the boolean true', hint: 'Quote it if you mean the text: "true".' });
    // a number is accepted as text
    assert.deepEqual(only('schema/type', BASE.replace('name: Start', 'name: 2024')), []);
  });

  it('fires on a key with no value where a single value is needed', () => {
    const text = BASE.replace('    role: sales\n', '    role:\n');
    const [f] = only('schema/type', text);
    assert.equal(f.text, 'role');
    assert.equal(f.line, 11);
    assert.equal(f.messageId, 'noValue');
    assert.deepEqual(f.data, { what: '"role" of step "s1"', expected: 'a role id' });
  });

  describe('next', () => {
    it('must be a map on a decision', () => {
      const text = BASE.replace('type: start', 'type: decision');
      const [f] = only('schema/type', text);
      assert.equal(f.text, 'e1');
      assert.equal(f.line, 12);
      assert.equal(f.column, 11);
      assert.equal(f.messageId, 'wrongTypeHint');
      assert.deepEqual(f.data, {
        what: '"next" of step "s1"',
        expected: 'a map of branch label → step id on a decision step',
        actual: 'the text "e1"',
        hint: 'Write one line per branch, e.g. "approved: ship".',
      });
      assert.equal(f.d.data?.expected, 'map');
    });

    it('must not be a map on other steps', () => {
      const text = BASE.replace('next: e1', 'next:\n      yes: e1\n      no: s1');
      const [f] = only('schema/type', text);
      assert.equal(f.line, 13);
      assert.equal(f.column, 7);
      assert.equal(f.messageId, 'wrongTypeHint');
      assert.deepEqual(f.data, {
        what: '"next" of step "s1"',
        expected: 'a step id or a list of step ids',
        actual: 'a map',
        hint: 'Only a decision step can have labelled branches: add "type: decision" or list the step ids.',
      });
      assert.equal(f.d.data?.expected, 'next');
      const [z] = only('schema/type', text, { locale: 'zh-CN' });
      assert.equal(z.data?.hint, '只有 decision 步骤可以有带标签的分支：请添加“type: decision”，或改为列出步骤 id。');
    });

    it('stays quiet on a step id, a list of step ids, and a decision map', () => {
      assert.deepEqual(only('schema/type', BASE.replace('next: e1', 'next: [e1, e1]')), []);
      assert.deepEqual(only('schema/type', BASE.replace('type: start', 'type: decision').replace('next: e1', 'next:\n      ok: e1\n      ko: e1')), []);
    });

    it('fires on a branch whose target is not a step id', () => {
      const text = BASE.replace('type: start', 'type: decision').replace('next: e1', 'next:\n      ok: [e1]\n      ko: e1');
      const [f] = only('schema/type', text);
      assert.equal(f.text, '[e1]');
      assert.equal(f.messageId, 'wrongType');
      assert.deepEqual(f.data, { what: 'Branch "ok" of "next" of step "s1"', expected: 'a step id', actual: 'a list' });
    });
  });

  it('fires on an item that is not a map (a common slip: writing the name only)', () => {
    const text = BASE.replace('roles:\n', 'roles:\n  finance: 财务\n');
    const [f] = only('schema/type', text);
    assert.equal(f.text, '财务');
    assert.equal(f.line, 5);
    assert.equal(f.column, 12);
    assert.equal(f.messageId, 'wrongTypeHint');
    assert.deepEqual(f.data, {
      what: 'Role "finance"',
      expected: 'a map of its keys (name, department, concerns, needs)',
      actual: 'the text "财务"',
      hint: 'Write its keys under it, e.g. "finance: { name: 财务 }".',
    });
    assert.deepEqual(f.d.data, { expected: 'map', key: 'name' });
  });

  it('fires on a section or attribute value of the wrong shape', () => {
    const [r] = only('schema/type', BASE + 'requirements: [a]\n');
    assert.deepEqual([r.messageId, r.data], ['wrongType', { what: '"requirements"', expected: 'a map of requirement id → requirement', actual: 'a list' }]);
    const [a] = only('schema/type', s1('attributes:\n  mode: [a, b]'));
    assert.equal(a.text, '[a, b]');
    assert.deepEqual([a.messageId, a.data], [
      'wrongType',
      { what: 'The value of "mode" in "attributes" of step "s1"', expected: 'a single value (text, number or true/false)', actual: 'a list' },
    ]);
  });

  it('fires once on a document that is a list, and never crashes on odd shapes', () => {
    const [f] = only('schema/type', '- a\n- b\n');
    assert.equal(f.text, '- a\n- b\n');
    assert.deepEqual([f.messageId, f.data, f.d.data], ['documentNotMap', { actual: 'a list' }, { expected: 'map' }]);
    for (const odd of ['bizflow: 1\nsteps: 3\n', 'roles: {a: [1, {b: c}]}\n', '? [a]\n: b\n', 'steps:\n  ? {x: 1}\n  : y\n', 'process: *x\n']) {
      assert.ok(!lint(odd).some((d) => d.code === 'bizflow/internal-error'), odd);
    }
  });

  it('checks a map reached through an alias once, at its definition', () => {
    const text = BASE + yaml`
      data:
        a: &d { name: A, external: maybe }
        b: *d
        c: *d
    `;
    const found = only('schema/type', text);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'maybe');
  });
});
