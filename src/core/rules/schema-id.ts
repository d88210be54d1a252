import { schemaRule } from './schema-rule';

/** Reports, by message id, what the shared schema walk found for `schema/id`. */
export default schemaRule({
  code: 'schema/id',
  severity: 'error',
  shownOn: 'the key',
  description: {
    en: 'An id (a key under roles, data, steps or requirements), an attribute name or a `sets` key is not valid: ids start with a Latin letter and contain only letters, digits, `_` and `-`.',
    zh: 'id（roles、data、steps、requirements 下的键）、属性名或 `sets` 的键无效：id 必须以英文字母开头，只含字母、数字、`_` 和 `-`。',
  },
  fixable: true,
  messages: {
    itemKeyNotPlain: {
      en: 'A {{item}} needs a plain id as its key (letters, digits, "_" and "-", starting with a letter).',
      zh: '{{item}}的键必须是简单的 id（字母、数字、“_”和“-”，以字母开头）。',
    },
    setsKeyNotPlain: {
      en: 'A "sets" key must be written "<step-id>.<attribute>".',
      zh: '“sets”的键必须写成“<步骤 id>.<属性>”。',
    },
    attributeKeyNotPlain: {
      en: 'An attribute needs a plain name as its key.',
      zh: '属性的键必须是简单的名称。',
    },
    badId: {
      en: '{{what}} "{{id}}" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-".',
      zh: '{{what}}“{{id}}”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。',
    },
    badIdSuggest: {
      en: '{{what}} "{{id}}" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-". Did you mean "{{suggestion}}"?',
      zh: '{{what}}“{{id}}”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。是否想写“{{suggestion}}”？',
    },
    badIdNonAscii: {
      en: '{{what}} "{{id}}" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-". Use a short Latin id as the key and put "{{id}}" in "name".',
      zh: '{{what}}“{{id}}”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。请改用简短的英文 id 作为键，把“{{id}}”写在“name”中。',
    },
    setsKeyNoDot: {
      en: 'Key "{{key}}" in "sets" of requirement "{{requirement}}" is not valid: it has no dot; write "<step-id>.<attribute>", e.g. "{{example}}".',
      zh: '需求“{{requirement}}”的“sets”中键“{{key}}”无效：缺少点号；请写成“<步骤 id>.<属性>”，如“{{example}}”。',
    },
    setsKeyBadParts: {
      en: 'Key "{{key}}" in "sets" of requirement "{{requirement}}" is not valid: both the step id and the attribute name must start with a Latin letter and contain only letters, digits, "_" and "-", separated by one dot.',
      zh: '需求“{{requirement}}”的“sets”中键“{{key}}”无效：步骤 id 和属性名都必须以英文字母开头，只含字母、数字、“_”和“-”，中间用一个点号分隔。',
    },
  },
});
