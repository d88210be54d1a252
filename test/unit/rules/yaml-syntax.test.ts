import { strict as assert } from 'assert';
import { lint, only, yaml, BASE } from '../helpers';

describe('yaml/syntax', () => {
  it('fires once per parse error, on the error span, in plain words plus the parser text', () => {
    const text = yaml`
      bizflow: 1
      process:
        name: "unterminated
    `;
    const found = only('yaml/syntax', text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.line, 3);
    assert.equal(f.column, 22); // at the end of the line, where the quote should close
    assert.equal(f.text, '\n');
    assert.match(f.message, /^YAML syntax error: a closing character is missing \(a quote, "\]" or "\}"\)\. \(Parser: Missing closing "quote\)$/);
    assert.equal(f.d.data?.yamlCode, 'MISSING_CHAR');
  });

  it('explains tabs used for indentation, in Chinese too (with yaml/tab, which names the cause first, off)', () => {
    const text = 'bizflow: 1\nroles:\n\tsales:\n    name: S\n';
    const [f] = only('yaml/syntax', text, { locale: 'zh-CN', config: [{ rules: { 'yaml/tab': 'off' } }] });
    assert.equal(f.line, 3);
    assert.equal(f.column, 1);
    assert.equal(f.text, '\t');
    assert.match(f.message, /^YAML 语法错误：使用了制表符（Tab）缩进；YAML 只允许用空格缩进。（解析器原文：Tabs are not allowed as indentation）$/);
  });

  it('reports a missing ":" (a multi-line implicit key)', () => {
    const text = yaml`
      bizflow: 1
      process
        name: P
    `;
    const found = only('yaml/syntax', text);
    assert.ok(found.length >= 1);
    assert.ok(found.some((f) => f.d.data?.yamlCode === 'MULTILINE_IMPLICIT_KEY' && /a ":" is probably missing/.test(f.message)));
  });

  it('reports an alias that names no anchor, on the alias', () => {
    const text = BASE + 'requirements:\n  R1:\n    title: T\n    from: *nobody\n    priority: must\n';
    const [f, ...rest] = only('yaml/syntax', text);
    assert.equal(rest.length, 0);
    assert.equal(f.text, '*nobody');
    assert.equal(f.line, 19);
    assert.equal(f.column, 11);
    assert.match(f.message, /the alias "\*nobody" names no anchor; define "&nobody" before it/);
    const [z] = only('yaml/syntax', text, { locale: 'zh-CN' });
    assert.match(z.message, /别名“\*nobody”没有对应的锚点；请在它之前定义“&nobody”/);
  });

  it('stays quiet on valid YAML, including a defined alias and a document that is valid YAML but not BizFlow', () => {
    assert.deepEqual(only('yaml/syntax', BASE), []);
    assert.deepEqual(only('yaml/syntax', BASE + 'data:\n  a: &x { name: A }\n  b: *x\n'), []);
    assert.deepEqual(only('yaml/syntax', '- just\n- a list\n'), []);
    assert.deepEqual(only('yaml/syntax', 'name: "a:b" # comment\n'), []);
  });

  it('reports a repeated %YAML directive (which the yaml package accepts), and not a single one', () => {
    const [f, ...rest] = only('yaml/syntax', '%YAML 1.2\n%YAML 1.2\n---\n' + BASE);
    assert.equal(rest.length, 0);
    assert.equal(f.text, '%YAML');
    assert.equal(f.line, 2);
    assert.equal(f.column, 1);
    assert.equal(f.message, 'YAML syntax error: the "%YAML" directive may appear only once; remove this line.');
    assert.deepEqual(only('yaml/syntax', '%YAML 1.2\n---\n' + BASE), []);
    assert.deepEqual(only('yaml/syntax', BASE + '# %YAML 1.2\n# %YAML 1.2\n'), []);
  });

  it('reports more than one document', () => {
    const [f] = only('yaml/syntax', BASE + '---\nbizflow: 1\n');
    assert.equal(f.d.data?.yamlCode, 'MULTIPLE_DOCS');
    assert.match(f.message, /more than one YAML document/);
  });

  it('reports an over-deep document and does not crash any rule', () => {
    const deep = 'a: ' + '['.repeat(2000) + ']'.repeat(2000) + '\n';
    const all = lint(deep);
    assert.ok(all.some((f) => f.code === 'yaml/syntax' && f.d.data?.yamlCode === 'BIZFLOW_TOO_DEEP'));
    assert.ok(!all.some((f) => f.code === 'bizflow/internal-error'));
  });
});
