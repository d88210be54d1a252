import { strict as assert } from 'assert';
import { BASE, lint, only, yaml } from '../helpers';

describe('flow/no-start', () => {
  const noStart = BASE.replace('type: start', 'type: task');

  it('fires on the `steps` key when no step has `type: start`', () => {
    const found = only('flow/no-start', noStart);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'steps');
    assert.equal(f.line, 7);
    assert.equal(f.column, 1);
    assert.match(f.message, /^The process has no start step: .*Mark the step where the process begins with `type: start`\.$/);
    const [z] = only('flow/no-start', noStart, { locale: 'zh-CN' });
    assert.equal(z.message, '流程没有开始步骤：`steps:` 下没有任何步骤设置 `type: start`。请给流程开始的那个步骤加上 `type: start`。');
  });

  it('fires on an empty `steps:` section', () => {
    const text = yaml`
      bizflow: 1
      process:
        name: P
      roles: {}
      steps:
    `;
    const [f] = only('flow/no-start', text);
    assert.equal(f.text, 'steps');
    assert.equal(f.line, 5);
  });

  it('stays quiet when a start step exists', () => {
    assert.deepEqual(only('flow/no-start', BASE), []);
  });

  it('stays quiet without a `steps` key (schema/required) or with a `steps` value it cannot read (schema/type)', () => {
    assert.deepEqual(only('flow/no-start', 'bizflow: 1\nprocess:\n  name: P\nroles: {}\n'), []);
    assert.deepEqual(only('flow/no-start', 'bizflow: 1\nprocess:\n  name: P\nroles: {}\nsteps: [a, b]\n'), []);
  });

  it('reads `steps: ~`, `steps: ""` and `steps: {}` as an empty section, and no other shape', () => {
    const head = 'bizflow: 1\nprocess:\n  name: P\nroles: {}\n';
    for (const v of ['steps: ~\n', 'steps: ""\n', 'steps: {}\n', 'steps:\n']) {
      assert.deepEqual(only('flow/no-start', head + v).map((f) => [f.text, f.line, f.column, f.messageId]), [['steps', 5, 1, 'noStart']], v);
    }
    // a `steps` key with no value at all (`? steps`), or an alias to nothing (`*nope`, a yaml/syntax error)
    for (const [v, column] of [['? steps\n', 3], ['steps: *nope\n', 1]] as const) {
      assert.deepEqual(only('flow/no-start', head + v).map((f) => [f.text, f.line, f.column, f.messageId]), [['steps', 5, column, 'noStart']], v);
    }
    for (const v of ['steps: "x"\n', 'steps: 3\n', 'steps: true\n', 'steps: [a]\n', 'steps: []\n']) {
      assert.deepEqual(only('flow/no-start', head + v), [], v);
    }
  });

  it('stays quiet, without failing, when the document is not a map or is empty', () => {
    for (const text of ['- a\n', '', 'just text\n', '# only a comment\n']) {
      assert.deepEqual(lint(text).filter((f) => f.code === 'flow/no-start' || f.code.startsWith('bizflow/')), [], JSON.stringify(text));
    }
  });
});
