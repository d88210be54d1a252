import { strict as assert } from 'assert';
import { lint, only, BASE } from '../helpers';

describe('schema/version', () => {
  const withVersion = (v: string) => BASE.replace('bizflow: 1', `bizflow: ${v}`);

  it('stays quiet on bizflow: 1 (in any integer spelling)', () => {
    assert.deepEqual(only('schema/version', BASE), []);
    assert.deepEqual(only('schema/version', withVersion('0x1')), []);
  });

  it('fires on another version, anchored on the bizflow key', () => {
    const [f, ...rest] = only('schema/version', withVersion('2'));
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'bizflow');
    assert.equal(f.line, 1);
    assert.equal(f.column, 1);
    assert.equal(f.message, 'Unsupported format version "2": this BizFlow reads version 1. Write "bizflow: 1".');
    const [z] = only('schema/version', withVersion('2'), { locale: 'zh-CN' });
    assert.equal(z.message, '不支持的格式版本“2”：当前 BizFlow 只支持版本 1。请写成“bizflow: 1”。');
  });

  it('fires on the text "1", on 1.0, on no value and on a list', () => {
    assert.match(only('schema/version', withVersion('"1"'))[0].message, /must be the number 1, not the text "1": remove the quotes/);
    assert.equal(only('schema/version', withVersion('1.0')).length, 1);
    assert.match(only('schema/version', withVersion(''))[0].message, /"bizflow" has no value/);
    assert.match(only('schema/version', withVersion('[1]'))[0].message, /must be the number 1, but it is a list/);
  });

  it('fires at the document start when the key is missing: an empty span where the first key begins', () => {
    const text = '# a comment first\n' + BASE.replace('bizflow: 1\n', '');
    const [f] = only('schema/version', text);
    assert.equal(f.text, '');
    assert.equal(f.line, 2);
    assert.equal(f.column, 1);
    assert.equal(f.message, 'The format version is missing: add "bizflow: 1" as the first line of the file.');
    // no schema/required for bizflow: the version rule owns the key
    assert.deepEqual(only('schema/required', text), []);
  });

  it('fires once on an empty file, and on a document that is not a map, without crashing anything', () => {
    for (const text of ['', '# only a comment\n', '~\n']) {
      const all = lint(text);
      assert.deepEqual(all.map((f) => f.code), ['schema/version'], JSON.stringify(text));
      assert.equal(all[0].d.span.start, 0);
      assert.match(all[0].message, /The file is empty/);
    }
    const [z] = only('schema/version', '', { locale: 'zh-CN' });
    assert.match(z.message, /^文件为空。BizFlow 文件以“bizflow: 1”开头/);
    const list = only('schema/version', '- a\n- b\n');
    assert.equal(list.length, 1);
    assert.match(list[0].message, /This is not a BizFlow file/);
  });

  it('says nothing when the parser gave up (yaml/syntax says why)', () => {
    const deep = '['.repeat(1000) + ']'.repeat(1000);
    assert.deepEqual(only('schema/version', deep), []);
  });
});
