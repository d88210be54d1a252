import { strict as assert } from 'assert';
import { lint, only, yaml } from '../helpers';
import { LineIndex } from '../../../src/core/positions';

describe('yaml/duplicate-key', () => {
  const text = yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
      "sales":
        name: 另一个销售
    steps:
      s1:
        name: Start
        name: Again
        type: start
        role: sales
        next: e1
      e1:
        name: End
        type: end
  `;

  it('fires on the second definition of an id, with related info at the first', () => {
    const found = only('yaml/duplicate-key', text);
    assert.equal(found.length, 2);
    const [dupRole, dupName] = found;
    assert.equal(dupRole.severity, 'error');
    assert.equal(dupRole.text, 'sales'); // the quotes are not part of the range
    assert.equal(dupRole.line, 7);
    assert.equal(dupRole.column, 4);
    assert.equal(dupRole.message, 'Duplicate key "sales" in "roles": it is already defined above, and only the first definition counts. Merge the two or rename this one.');
    assert.equal(dupRole.d.data?.name, 'sales');
    const rel = dupRole.d.related?.[0];
    assert.ok(rel);
    assert.equal(text.slice(rel.span.start, rel.span.end), 'sales');
    assert.equal(new LineIndex(text).oneBased(rel.span).line, 5);
    assert.equal(rel.message, '"sales" is first defined here.');
    // a repeated field inside an item
    assert.equal(dupName.text, 'name');
    assert.equal(dupName.line, 12);
    assert.equal(dupName.column, 5);
    assert.match(dupName.message, /Duplicate key "name" in "s1"/);
  });

  it('speaks Chinese', () => {
    const [f] = only('yaml/duplicate-key', text, { locale: 'zh-CN' });
    assert.equal(f.message, '“roles”中的键“sales”重复：上方已定义过，只有第一个定义有效。请合并两处定义，或重命名此处。');
    assert.equal(f.d.related?.[0].message, '“sales”首次定义于此。');
  });

  it('reports the third definition too, and repeats at the top level and in lists of maps', () => {
    const t = 'bizflow: 1\nbizflow: 1\nx:\n  - {a: 1, a: 2, a: 3}\n';
    const found = only('yaml/duplicate-key', t);
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column]),
      [
        ['bizflow', 2, 1],
        ['a', 4, 12],
        ['a', 4, 18],
      ],
    );
    assert.match(found[0].message, /at the top level/);
    // both later ones point back at the first `a`
    assert.equal(found[1].d.related?.[0].span.start, found[2].d.related?.[0].span.start);
  });

  it('stays quiet when the same key appears in different maps, and does not expand aliases', () => {
    assert.deepEqual(only('yaml/duplicate-key', 'a:\n  name: x\nb:\n  name: y\n'), []);
    // an alias used twice names the same map twice: that is not a repeated key
    assert.deepEqual(only('yaml/duplicate-key', 'a: &m {x: 1}\nb: [*m, *m]\nc: *m\n'), []);
    assert.deepEqual(only('yaml/duplicate-key', 'steps:\n  a1: x\n  a2: y\n'), []);
  });

  it('treats a number key and the same text as the same id (as the model does)', () => {
    const found = only('yaml/duplicate-key', 'roles:\n  "1": x\n  1: y\n');
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 3);
  });

  it('survives a long alias chain (billion laughs) quickly, without internal errors', () => {
    let t = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
      t += `${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]\n`;
      prev = n;
    }
    const all = lint(t);
    assert.ok(!all.some((f) => f.code === 'bizflow/internal-error' || f.code === 'yaml/duplicate-key'));
  });
});
