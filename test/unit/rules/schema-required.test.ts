import { strict as assert } from 'assert';
import { only, yaml, BASE } from '../helpers';

describe('schema/required', () => {
  it('fires on the id key of an item that lacks a required key', () => {
    const text = BASE + yaml`
      requirements:
        REQ-1:
          title: T
          from: sales
    `;
    const [f, ...rest] = only('schema/required', text);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'REQ-1');
    assert.equal(f.line, 17);
    assert.equal(f.column, 3);
    assert.deepEqual([f.messageId, f.data], ['missingKey', { where: 'Requirement "REQ-1"', key: 'priority', placeholder: 'must | should | could | wont' }]);
    assert.deepEqual(f.d.data, { key: 'priority', name: 'REQ-1' });
    const [z] = only('schema/required', text, { locale: 'zh-CN' });
    assert.deepEqual(z.data, { where: '需求“REQ-1”', key: 'priority', placeholder: 'must | should | could | wont' });
  });

  it('treats an item with nothing after its key as an empty map (required keys, not a type error)', () => {
    const text = BASE.replace('roles:\n', 'roles:\n  finance:\n');
    const found = only('schema/required', text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column, f.d.data?.key]), [['finance', 5, 3, 'name']]);
    assert.deepEqual(only('schema/type', text), []);
  });

  it('requires role on task and decision steps only (a step without type is a task)', () => {
    const text = BASE + yaml`
        t1:
          name: Untyped
        d1:
          name: Decide
          type: decision
        e2:
          name: Another end
          type: end
        s2:
          name: Another start
          type: start
    `.replace(/^/gm, '  ');
    const found = only('schema/required', text);
    assert.deepEqual(found.map((f) => [f.text, f.d.data?.key]), [['t1', 'role'], ['d1', 'role']]);
    assert.equal(found[0].line, 16);
    assert.equal(found[0].column, 3);
    assert.deepEqual(found.map((f) => [f.messageId, f.data, f.d.data]), [
      ['missingRole', { id: 't1' }, { key: 'role', name: 't1' }],
      ['missingRole', { id: 'd1' }, { key: 'role', name: 'd1' }],
    ]);
  });

  it('does not also demand a role when the type itself is wrong (schema/enum reports that)', () => {
    const text = BASE + '  x:\n    name: X\n    type: tsak\n';
    assert.deepEqual(only('schema/required', text), []);
    assert.equal(only('schema/enum', text).length, 1);
  });

  it('fires on the process key when process has no name', () => {
    const text = BASE.replace('process:\n  name: P\n', 'process:\n  id: p\n');
    const [f] = only('schema/required', text);
    assert.equal(f.text, 'process');
    assert.equal(f.line, 2);
    assert.deepEqual([f.messageId, f.data, f.d.data], ['missingKey', { where: '"process"', key: 'name', placeholder: '…' }, { key: 'name' }]);
    // a ref key's placeholder names the kind of id
    const [o] = only('schema/required', BASE.replace('roles:\n', 'roles:\n  finance: { department: F }\n'));
    assert.deepEqual([o.messageId, o.data], ['missingKey', { where: 'Role "finance"', key: 'name', placeholder: '…' }]);
    // `process:` with nothing after it too
    assert.equal(only('schema/required', BASE.replace('process:\n  name: P\n', 'process:\n'))[0].text, 'process');
  });

  it('fires at the document start (an empty span where the first key begins) for a missing top-level section', () => {
    const text = '# header\n' + BASE.replace(/^steps:[\s\S]*$/m, '');
    const found = only('schema/required', text);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '');
    assert.equal(found[0].line, 2);
    assert.equal(found[0].column, 1);
    assert.equal(found[0].messageId, 'missingTopKey');
    assert.deepEqual(Object.keys(found[0].data ?? {}), ['key', 'description']);
    assert.equal(found[0].data?.key, 'steps');
    // the format's description, lower-cased and without its full stop, in each language
    assert.match(String(found[0].data?.description), /^the steps of the \(to-be\) process[^.]*[^.]$/);
    const [z] = only('schema/required', text, { locale: 'zh-CN' });
    assert.doesNotMatch(String(z.data?.description), /。$/);
    assert.match(String(z.data?.description), /[\u4e00-\u9fff]/);
  });

  it('stays quiet on a complete file, with optional keys left out', () => {
    assert.deepEqual(only('schema/required', BASE), []);
    assert.deepEqual(only('schema/required', BASE + 'data:\n  d1: {}\nrequirements:\n  R1: {title: T, from: sales, priority: could}\n'), []);
  });

  it('does not report required keys inside an item that is not a map (schema/type does)', () => {
    const text = BASE.replace('roles:\n', 'roles:\n  finance: 财务\n');
    assert.deepEqual(only('schema/required', text), []);
    assert.equal(only('schema/type', text).length, 1);
  });
});
