/**
 * Behaviour behind survivors of the `rules-other` mutation part (run measured 7 Dec, 22:21-22:58 UTC) in
 * yaml-full-width, yaml-indentation, yaml-syntax and yaml-tab that the rules' own tests did not pin down: the
 * diagnostics' `data` (what a code action or a tool reads), the indentation message for the keys of `process:` and
 * for a line that belongs to no item, the general words for a parser error the rule has no plain words for, and
 * `repeatedYamlDirective` line by line (BOM, blank, comment, `%TAG`, content and `---` lines). Each test here was
 * checked by hand against the mutants it names (mutant applied to the source, this file failing, source restored).
 * The survivors that no input can tell apart are listed, with the reason, in docs/mutation-notes/roa.md.
 */
import { strict as assert } from 'assert';
import { analyzeModel, type ReportedMessage } from '../../../src/core/engine';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import yamlSyntax, { repeatedYamlDirective } from '../../../src/core/rules/yaml-syntax';
import type { Diagnostic } from '../../../src/core/types';
import { lint } from '../helpers';

/** A file head whose last line is `    name: 销售` (line 6), inside the role `sales`. */
const HEAD = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  sales:\n    name: 销售\n';

/** The findings of the yaml/* rules: code, text, line, column, severity, message id, data, diagnostic data. */
const yamlFindings = (text: string, locale?: 'zh-CN') =>
  lint(text, locale ? { locale } : {})
    .filter((f) => f.code.startsWith('yaml/') || f.code === 'bizflow/internal-error')
    .map((f) => [f.code, f.text, f.line, f.column, f.severity, f.messageId, f.data, f.d.data]);

describe('yaml/full-width: the diagnostic data names the mistake', () => {
  /** yaml-full-width.ts:51 (`diagnosticData: { mistake, key }` → `{}`). */
  it('a full-width colon: { mistake: fullWidthColon, key }', () => {
    assert.deepEqual(yamlFindings('bizflow: 1\nprocess:\n  name：P\n'), [
      ['yaml/full-width', '：', 3, 7, 'error', 'colon', { key: 'name' }, { mistake: 'fullWidthColon', key: 'name' }],
    ]);
  });

  /** yaml-full-width.ts:59 (`diagnosticData: { mistake, key }` → `{}`), for a list of ids and a list of free text. */
  it('a full-width comma: { mistake: fullWidthComma, key }, an error between ids, a hint between words', () => {
    assert.deepEqual(yamlFindings(HEAD + '    concerns: [a，b]\n'), [
      ['yaml/full-width', '，', 7, 17, 'error', 'comma', { key: 'concerns' }, { mistake: 'fullWidthComma', key: 'concerns' }],
    ]);
    assert.deepEqual(yamlFindings(HEAD + '    concerns: [快，准]\n'), [
      ['yaml/full-width', '，', 7, 17, 'info', 'commaText', { key: 'concerns' }, { mistake: 'fullWidthComma', key: 'concerns' }],
    ]);
  });

  /** yaml-full-width.ts:63 (`diagnosticData: { mistake }` → `{}`). */
  it('a full-width dash: { mistake: fullWidthDash }', () => {
    assert.deepEqual(yamlFindings(HEAD + '    concerns:\n      － 快\n'), [
      ['yaml/full-width', '－', 8, 7, 'error', 'dash', undefined, { mistake: 'fullWidthDash' }],
    ]);
  });

  /** yaml-full-width.ts:66 (`diagnosticData: { mistake, expected }` → `{}`). */
  it('a full-width space in the indentation: { mistake: fullWidthSpace, expected }', () => {
    assert.deepEqual(yamlFindings(HEAD + '\u3000  concerns: x\n'), [
      ['yaml/full-width', '\u3000  ', 7, 1, 'error', 'space', { expected: 4 }, { mistake: 'fullWidthSpace', expected: 4 }],
    ]);
  });
});

describe('yaml/tab: the diagnostic data names the mistake', () => {
  /** yaml-tab.ts:31 (`diagnosticData: { mistake: 'tab', expected }` → `{}`, `'tab'` → `""`). */
  it('a tab in the indentation: { mistake: tab, expected }', () => {
    assert.deepEqual(yamlFindings(HEAD + '  ops:\n\tname: O\n'), [
      ['yaml/tab', '\t', 8, 1, 'error', 'tab', { expected: 4 }, { mistake: 'tab', expected: 4 }],
    ]);
  });
});

describe('yaml/indentation: the owner of the line', () => {
  /**
   * yaml-indentation.ts:40 (`m.owner.kind === 'process'` → `false`, `'process'` → `""`), :41 (`'the process'` →
   * `""`, `'流程（process）'` → `""`), :37 (`diagnosticData` → `{}`): a key of `process:` indented one space too
   * far is "the keys of the process", in both languages.
   */
  it('a key of `process:` indented too far: indentIn, owner "the process" / "流程（process）"', () => {
    const text = 'bizflow: 1\nprocess:\n  name: P\n   description: x\n';
    const data = { mistake: 'indent', actual: 3, expected: 2, key: 'description' };
    assert.deepEqual(yamlFindings(text), [
      ['yaml/indentation', '   ', 4, 1, 'error', 'indentIn', { actual: 3, expected: 2, owner: 'the process' }, data],
    ]);
    assert.deepEqual(yamlFindings(text, 'zh-CN'), [
      ['yaml/indentation', '   ', 4, 1, 'error', 'indentIn', { actual: 3, expected: 2, owner: '流程（process）' }, data],
    ]);
  });

  /** yaml-indentation.ts:44 (the `else` block, the report without an owner → `{}`). */
  it('a top-level key indented under another: indent, with no owner', () => {
    assert.deepEqual(yamlFindings('bizflow: 1\n  process:\n  name: P\n'), [
      ['yaml/indentation', '  ', 2, 1, 'error', 'indent', { actual: 2, expected: 0 }, { mistake: 'indent', actual: 2, expected: 0, key: 'process' }],
    ]);
  });
});

describe('yaml/syntax: the diagnostic data and the general words', () => {
  /** yaml-syntax.ts:148 (`diagnosticData: { yamlCode: 'BIZFLOW_UNKNOWN_ALIAS', name }` → `{}`, the code → `""`). */
  it('an alias to no anchor: { yamlCode: BIZFLOW_UNKNOWN_ALIAS, name }', () => {
    const text = HEAD + 'steps:\n  s1: { name: a, type: start, role: sales, next: *nope }\n';
    assert.deepEqual(yamlFindings(text), [
      ['yaml/syntax', '*nope', 8, 50, 'error', 'unknownAlias', { name: 'nope' }, { yamlCode: 'BIZFLOW_UNKNOWN_ALIAS', name: 'nope' }],
    ]);
  });

  /**
   * yaml-syntax.ts:138 (`diagnosticData: { yamlCode: 'BIZFLOW_REPEATED_YAML_DIRECTIVE' }` → `{}`, the code → `""`);
   * yaml-syntax.ts:78 (the BOM test → `false`): after a byte order mark the first line is still a directive.
   */
  it('a repeated %YAML directive: { yamlCode: BIZFLOW_REPEATED_YAML_DIRECTIVE }, after a byte order mark too', () => {
    const expected = [['yaml/syntax', '%YAML', 2, 1, 'error', 'repeatedDirective', undefined, { yamlCode: 'BIZFLOW_REPEATED_YAML_DIRECTIVE' }]];
    assert.deepEqual(yamlFindings('%YAML 1.2\n%YAML 1.2\n---\n' + HEAD), expected);
    assert.deepEqual(yamlFindings('\uFEFF%YAML 1.2\n%YAML 1.2\n---\n' + HEAD), expected);
  });

  /**
   * yaml-syntax.ts:125 (the fallback `{ en: 'this is not valid YAML', zh: … }` → `{}`, either text → `""`): a parser
   * error code the rule has no plain words for (a later yaml package may add one) is explained in general words.
   */
  it('a parser error code with no plain words: "this is not valid YAML" / "此处不是有效的 YAML"', () => {
    const run = (locale: 'en' | 'zh-CN') => {
      const parsed = parseText(HEAD);
      parsed.errors.push({ code: 'SOME_NEW_CODE', message: 'Something new', span: { start: 0, end: 7 } });
      const messages = new Map<Diagnostic, ReportedMessage>();
      const found = analyzeModel(buildModel(parsed), { locale, rules: [yamlSyntax], onReport: (d, m) => messages.set(d, m) });
      return found.map((d) => [d.code, d.span, d.message, messages.get(d)?.messageId, messages.get(d)?.data, d.data]);
    };
    assert.deepEqual(run('en'), [
      [
        'yaml/syntax',
        { start: 0, end: 7 },
        'YAML syntax error: this is not valid YAML. (Parser: Something new)',
        'syntax',
        { explanation: 'this is not valid YAML', parser: 'Something new' },
        { yamlCode: 'SOME_NEW_CODE' },
      ],
    ]);
    assert.deepEqual(run('zh-CN'), [
      [
        'yaml/syntax',
        { start: 0, end: 7 },
        'YAML 语法错误：此处不是有效的 YAML。（解析器原文：Something new）',
        'syntax',
        { explanation: '此处不是有效的 YAML', parser: 'Something new' },
        { yamlCode: 'SOME_NEW_CODE' },
      ],
    ]);
  });
});

describe('repeatedYamlDirective: the directive lines, line by line', () => {
  /** The repeated directive as [line (1-based), column (1-based), text], or undefined. */
  const repeated = (text: string) => {
    const span = repeatedYamlDirective(text);
    if (!span) return undefined;
    const before = text.slice(0, span.start).split('\n');
    return [before.length, before[before.length - 1].length + 1, text.slice(span.start, span.end)];
  };

  it('the second %YAML line is the repeated one', () => {
    assert.deepEqual(repeated('%YAML 1.2\n%YAML 1.2\n---\na: 1\n'), [2, 1, '%YAML']);
  });

  /** yaml-syntax.ts:78 (`text.charCodeAt(0) === 0xfeff` → `false`): a byte order mark is skipped. */
  it('after a byte order mark', () => {
    assert.deepEqual(repeated('\uFEFF%YAML 1.2\n%YAML 1.2\n---\n'), [2, 1, '%YAML']);
  });

  /** yaml-syntax.ts:81 (`nl < 0` → `nl <= 0`): an empty first line is a line, not the whole text. */
  it('after an empty first line', () => {
    assert.deepEqual(repeated('\n%YAML 1.2\n%YAML 1.2\n---\n'), [3, 1, '%YAML']);
  });

  /**
   * yaml-syntax.ts:82 (`|| ' '` → `|| ""`, `||` → `&&`): `%YAML` at the very end of the text (nothing after it) is a
   * directive.
   */
  it('a %YAML at the very end of the text', () => {
    assert.deepEqual(repeated('%YAML 1.2\n%YAML'), [2, 1, '%YAML']);
  });

  /**
   * yaml-syntax.ts:82 (`text.charAt(i + 5) || ' '` → `&&`, `text.charAt(i + 5)` → `text`, `i + 5` → `i - 5`): `%YAMLX`
   * (no white space after the name) is another directive, not a second %YAML.
   */
  it('`%YAMLX` is not a %YAML directive', () => {
    assert.equal(repeated('%YAML 1.2\n%YAMLX 1.2\n---\n'), undefined);
  });

  /**
   * yaml-syntax.ts:82 (`&&` → `||`, `'%YAML'` → `""`): a comment line with a space at its sixth character is not a
   * directive.
   */
  it('a comment line is not a directive', () => {
    assert.equal(repeated('%YAML 1.2\n# a b c\n---\n'), undefined);
  });

  /**
   * yaml-syntax.ts:85 (`text.startsWith('---', i)` → `true`, `'---'` → `""`); :87 (the whole content test → `true`;
   * `text.charAt(i) !== '#'` → `true`, → `=== '#'`, `text.charAt(i)` → `text`, `'#'` → `""`; the first two tests →
   * `true`, `&&` → `||` between them; `(A && B) && C` → `(A && B) || C`): a comment line between the directives does
   * not end them.
   */
  it('a comment line between the directives does not end them', () => {
    assert.deepEqual(repeated('%YAML 1.2\n# note\n%YAML 1.2\n---\n'), [3, 1, '%YAML']);
  });

  /**
   * yaml-syntax.ts:87 (`text.charAt(i) !== '%'` → `true`, → `=== '%'`, `text.charAt(i)` → `text`, `'%'` → `""`; the
   * first two tests → `true`, `&&` → `||` between them; `(A && B) || C`; the whole test → `true`): another directive
   * (`%TAG`) between them does not end them.
   */
  it('a %TAG directive between the directives does not end them', () => {
    assert.deepEqual(repeated('%YAML 1.2\n%TAG !e! tag:example.com,2000:\n%YAML 1.2\n---\n'), [3, 1, '%YAML']);
  });

  /**
   * yaml-syntax.ts:87 (`text.slice(i, end).trim() !== ''` → `true`, → `=== ''`, `.trim()` dropped, `text.slice(i,
   * end)` → `text`, `''` → another string; `(A && B) || C`; the whole test → `true`): empty lines, lines of spaces and
   * CRLF line breaks between them do not end them.
   */
  it('blank lines (empty, spaces, a CR) between the directives do not end them', () => {
    assert.deepEqual(repeated('%YAML 1.2\n\n   \n%YAML 1.2\n---\n'), [4, 1, '%YAML']);
    assert.deepEqual(repeated('%YAML 1.2\r\n\r\n%YAML 1.2\r\n---\r\n'), [3, 1, '%YAML']);
  });

  /**
   * yaml-syntax.ts:87 (the whole test → `false`, `text.slice(i, end).trim() !== ''` → `=== ''`, `text.charAt(i) !==
   * '%'` → `=== '%'`, the block `return undefined` → `{}`): a content line ends the directives; a `%YAML` after it is
   * not a directive.
   */
  it('a content line ends the directives', () => {
    assert.equal(repeated('%YAML 1.2\nname: x\n%YAML 1.2\n'), undefined);
  });

  /** yaml-syntax.ts:85 (the block `return undefined` → `{}`): `---` ends the directives. */
  it('`---` ends the directives', () => {
    assert.equal(repeated('%YAML 1.2\n---\n%YAML 1.2\n'), undefined);
  });
});
