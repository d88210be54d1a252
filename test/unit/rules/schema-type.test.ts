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
    assert.equal(f.message, '"needs" of step "s1" must be a list of data ids, but it is the text "order". Write it as a list: "[order]".');
    assert.equal(f.d.data?.expected, 'list');
    const [z] = only('schema/type', text, { locale: 'zh-CN' });
    assert.equal(z.message, '步骤“s1”的“needs”应为数据 id 列表，但这里是文本“order”。请写成列表：“[order]”。');
  });

  it('stays quiet on lists, on an empty list and on a key with nothing after it', () => {
    assert.deepEqual(only('schema/type', s1('needs: [order]\nproduces:\n  - x')), []);
    assert.deepEqual(only('schema/type', s1('needs: []')), []);
    assert.deepEqual(only('schema/type', s1('needs:')), []);
  });

  it('fires on a wrong entry inside a list, on that entry', () => {
    const [f] = only('schema/type', s1('needs: [order, {a: 1}]'));
    assert.equal(f.text, '{a: 1}');
    assert.equal(f.message, 'Entry 2 of "needs" of step "s1" must be a data item id, but it is a map.');
  });

  it('applies YAML 1.2: yes/no are text, so a boolean key given yes is wrong and a text key given yes is fine', () => {
    const text = BASE + 'data:\n  d1:\n    name: yes\n    external: yes\n';
    const [f, ...rest] = only('schema/type', text);
    assert.equal(rest.length, 0);
    assert.equal(f.text, 'yes');
    assert.equal(f.line, 19);
    assert.equal(f.column, 15);
    assert.match(f.message, /"external" of data item "d1" must be true or false, but it is the text "yes"\. In YAML 1\.2 "yes" is plain text; write true or false\.$/);
    assert.deepEqual(only('schema/type', BASE + 'data:\n  d1:\n    external: true\n'), []);
  });

  it('fires on a boolean where text is expected, suggesting quotes', () => {
    const [f] = only('schema/type', BASE.replace('name: Start', 'name: true'));
    assert.equal(f.text, 'true');
    assert.match(f.message, /"name" of step "s1" must be text, but it is the boolean true\. Quote it if you mean the text: "true"\./);
    // a number is accepted as text
    assert.deepEqual(only('schema/type', BASE.replace('name: Start', 'name: 2024')), []);
  });

  it('fires on a key with no value where a single value is needed', () => {
    const text = BASE.replace('    role: sales\n', '    role:\n');
    const [f] = only('schema/type', text);
    assert.equal(f.text, 'role');
    assert.equal(f.line, 11);
    assert.equal(f.message, '"role" of step "s1" has no value: write a role id after the colon, or remove the key.');
  });

  describe('next', () => {
    it('must be a map on a decision', () => {
      const text = BASE.replace('type: start', 'type: decision');
      const [f] = only('schema/type', text);
      assert.equal(f.text, 'e1');
      assert.equal(f.line, 12);
      assert.equal(f.column, 11);
      assert.match(f.message, /^"next" of step "s1" must be a map of branch label → step id on a decision step, but it is the text "e1"\./);
      assert.equal(f.d.data?.expected, 'map');
    });

    it('must not be a map on other steps', () => {
      const text = BASE.replace('next: e1', 'next:\n      yes: e1\n      no: s1');
      const [f] = only('schema/type', text);
      assert.equal(f.line, 13);
      assert.equal(f.column, 7);
      assert.match(f.message, /Only a decision step can have labelled branches: add "type: decision" or list the step ids\./);
      assert.equal(f.d.data?.expected, 'next');
      const [z] = only('schema/type', text, { locale: 'zh-CN' });
      assert.match(z.message, /只有 decision 步骤可以有带标签的分支/);
    });

    it('stays quiet on a step id, a list of step ids, and a decision map', () => {
      assert.deepEqual(only('schema/type', BASE.replace('next: e1', 'next: [e1, e1]')), []);
      assert.deepEqual(only('schema/type', BASE.replace('type: start', 'type: decision').replace('next: e1', 'next:\n      ok: e1\n      ko: e1')), []);
    });

    it('fires on a branch whose target is not a step id', () => {
      const text = BASE.replace('type: start', 'type: decision').replace('next: e1', 'next:\n      ok: [e1]\n      ko: e1');
      const [f] = only('schema/type', text);
      assert.equal(f.text, '[e1]');
      assert.equal(f.message, 'Branch "ok" of "next" of step "s1" must be a step id, but it is a list.');
    });
  });

  it('fires on an item that is not a map (a common slip: writing the name only)', () => {
    const text = BASE.replace('roles:\n', 'roles:\n  finance: 财务\n');
    const [f] = only('schema/type', text);
    assert.equal(f.text, '财务');
    assert.equal(f.line, 5);
    assert.equal(f.column, 12);
    assert.equal(f.message, 'Role "finance" must be a map of its keys (name, department, concerns, needs), but it is the text "财务". Write its keys under it, e.g. "finance: { name: 财务 }".');
  });

  it('fires on a section or attribute value of the wrong shape', () => {
    assert.match(only('schema/type', BASE + 'requirements: [a]\n')[0].message, /^"requirements" must be a map of requirement id → requirement, but it is a list\.$/);
    const [a] = only('schema/type', s1('attributes:\n  mode: [a, b]'));
    assert.equal(a.text, '[a, b]');
    assert.match(a.message, /The value of "mode" in "attributes" of step "s1" must be a single value/);
  });

  it('fires once on a document that is a list, and never crashes on odd shapes', () => {
    const [f] = only('schema/type', '- a\n- b\n');
    assert.equal(f.text, '- a\n- b\n');
    assert.match(f.message, /must be a map of top-level keys/);
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
