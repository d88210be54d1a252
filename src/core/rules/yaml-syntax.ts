import type { Texts } from '../i18n';
import type { Span } from '../types';
import { defineRule } from '../rule';

const ALIAS_PROPS: Texts = { en: 'an alias (*name) cannot have an anchor or a tag', zh: '别名（*名称）不能带锚点或标签' };

/** Plain words for the yaml parser's error codes (and our own BIZFLOW_* ones). */
const EXPLAIN: Record<string, Texts> = {
  BAD_INDENT: {
    en: 'the indentation is wrong here: entries of one map or list must start in the same column, and a value nested under a key must be indented more than the key',
    zh: '此处缩进有误：同一映射或列表的各项必须从同一列开始，键下面嵌套的值必须比键缩进更多',
  },
  TAB_AS_INDENT: {
    en: 'a tab is used for indentation; YAML only allows spaces',
    zh: '使用了制表符（Tab）缩进；YAML 只允许用空格缩进',
  },
  MISSING_CHAR: {
    en: 'a closing character is missing (a quote, "]" or "}")',
    zh: '缺少结束符号（引号、“]”或“}”）',
  },
  UNEXPECTED_TOKEN: {
    en: 'unexpected text here; check the indentation and the ":" and "-" of the lines around it',
    zh: '此处出现了意外的内容；请检查附近各行的缩进以及“:”和“-”',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    en: 'a key is followed by another "key: value" on the same line, or a line is indented as if it belonged to the line above; put each key on its own line',
    zh: '同一行的键后面又跟了“键: 值”，或某行缩进得像是属于上一行；请每个键单独写一行',
  },
  MULTILINE_IMPLICIT_KEY: {
    en: 'a key must fit on one line; a ":" is probably missing (or has no space after it) on this line or the line above',
    zh: '键必须写在一行内；此行或上一行可能缺少“:”（或“:”后面缺少空格）',
  },
  BAD_ALIAS: ALIAS_PROPS,
  ALIAS_PROPS,
  MULTIPLE_DOCS: {
    en: 'the file contains more than one YAML document ("---"); a BizFlow file is a single document',
    zh: '文件包含多个 YAML 文档（“---”）；BizFlow 文件只能有一个文档',
  },
  BAD_DQ_ESCAPE: {
    en: 'invalid escape sequence in a double-quoted text; write "\\\\" for a backslash, or use single quotes',
    zh: '双引号文本中有无效的转义序列；反斜杠请写成“\\\\”，或改用单引号',
  },
  BLOCK_IN_FLOW: {
    en: 'an indented (block) list or map cannot be written inside [ ] or { }',
    zh: '[ ] 或 { } 内不能写缩进形式（块形式）的列表或映射',
  },
  BAD_SCALAR_START: {
    en: 'a plain value cannot start with this character (such as @, ` or %); put the value in quotes',
    zh: '不加引号的值不能以此字符开头（如 @、` 或 %）；请给值加上引号',
  },
  KEY_OVER_1024_CHARS: { en: 'a key is longer than 1024 characters', zh: '键的长度超过 1024 个字符' },
  MULTIPLE_ANCHORS: { en: 'a value has more than one anchor (&name)', zh: '一个值带了多个锚点（&名称）' },
  MULTIPLE_TAGS: { en: 'a value has more than one tag (!tag)', zh: '一个值带了多个标签（!标签）' },
  BAD_PROP_ORDER: { en: 'anchors and tags must come before the value', zh: '锚点和标签必须写在值的前面' },
  TAG_RESOLVE_FAILED: { en: 'unknown or invalid tag (!tag)', zh: '未知或无效的标签（!标签）' },
  BAD_DIRECTIVE: { en: 'invalid directive line (starting with %)', zh: '无效的指令行（以 % 开头）' },
  NON_STRING_KEY: { en: 'a key must be plain text', zh: '键必须是普通文本' },
  BAD_COLLECTION_TYPE: { en: 'a tag does not fit this kind of value', zh: '标签与此类值不匹配' },
  DUPLICATE_KEY: { en: 'a key repeats in one map', zh: '同一映射中的键重复' },
  RESOURCE_EXHAUSTION: {
    en: 'aliases expand to too much data (this looks like an alias bomb)',
    zh: '别名展开后数据量过大（疑似“别名炸弹”）',
  },
  IMPOSSIBLE: { en: 'the YAML parser reached an internal error', zh: 'YAML 解析器内部出错' },
  BIZFLOW_TOO_DEEP: {
    en: 'the document nests too deeply to be a BizFlow file, so it was not analysed',
    zh: '文档嵌套层级过深，不可能是 BizFlow 文件，因此未作分析',
  },
  BIZFLOW_PARSER_FAILED: { en: 'the YAML parser failed on this file', zh: 'YAML 解析器无法处理此文件' },
};

/**
 * A second `%YAML` directive before the document starts: YAML forbids it, the
 * yaml package accepts it. One pass over the directive lines only.
 */
export function repeatedYamlDirective(text: string): Span | undefined {
  let seen = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    if (text.startsWith('%YAML', i) && /\s/.test(text.charAt(i + 5) || ' ')) {
      if (seen) return { start: i, end: i + 5 };
      seen = true;
    } else if (text.startsWith('---', i)) {
      return undefined;
    } else if (text.charAt(i) !== '%' && text.charAt(i) !== '#' && text.slice(i, end).trim() !== '') {
      return undefined; // content: the directives are over
    }
    i = end + 1;
  }
  return undefined;
}

export default defineRule({
  code: 'yaml/syntax',
  meta: {
    severity: 'error',
    shownOn: 'the error span',
    docs: {
      description: {
        en: 'The text is not valid YAML (or uses an alias with no anchor).',
        zh: '文本不是有效的 YAML（或使用了没有对应锚点的别名）。',
      },
    },
    fixable: false,
    messages: {
      syntax: {
        en: 'YAML syntax error: {{explanation}}. (Parser: {{parser}})',
        zh: 'YAML 语法错误：{{explanation}}。（解析器原文：{{parser}}）',
      },
      repeatedDirective: {
        en: 'YAML syntax error: the "%YAML" directive may appear only once; remove this line.',
        zh: 'YAML 语法错误：“%YAML”指令只能出现一次；请删除此行。',
      },
      unknownAlias: {
        en: 'YAML syntax error: the alias "*{{name}}" names no anchor; define "&{{name}}" before it, or write the value itself.',
        zh: 'YAML 语法错误：别名“*{{name}}”没有对应的锚点；请在它之前定义“&{{name}}”，或直接写出值。',
      },
    },
  },
  run(ctx) {
    const { parsed } = ctx.model;
    for (const e of parsed.errors) {
      const plain = EXPLAIN[e.code] ?? { en: 'this is not valid YAML', zh: '此处不是有效的 YAML' };
      ctx.report({
        span: e.span,
        messageId: 'syntax',
        data: { explanation: ctx.t(plain), parser: e.message },
        diagnosticData: { yamlCode: e.code },
      });
    }
    const repeated = repeatedYamlDirective(ctx.text);
    if (repeated) {
      ctx.report({
        span: repeated,
        messageId: 'repeatedDirective',
        diagnosticData: { yamlCode: 'BIZFLOW_REPEATED_YAML_DIRECTIVE' },
      });
    }
    // The yaml package accepts an alias to an undefined anchor and only fails
    // when converting to plain data; BizFlow reads it as nothing, so say so.
    for (const a of ctx.facts.yamlTree.unresolvedAliases) {
      ctx.report({
        span: a.span,
        messageId: 'unknownAlias',
        data: { name: a.name },
        diagnosticData: { yamlCode: 'BIZFLOW_UNKNOWN_ALIAS', name: a.name },
      });
    }
  },
});
