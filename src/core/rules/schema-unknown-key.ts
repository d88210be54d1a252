import { schemaRule } from './schema-rule';

/** Reports, by message id, what the shared schema walk found for `schema/unknown-key`. */
export default schemaRule({
  code: 'schema/unknown-key',
  severity: 'warning',
  shownOn: 'the key',
  description: {
    en: 'A key the format does not know (the nearest known key is suggested).',
    zh: '格式中不存在的键（会提示最接近的已知键）。',
  },
  fixable: true,
  messages: {
    unknownTopKey: {
      en: 'Unknown top-level key "{{key}}". Keys allowed here: {{allowed}}.',
      zh: '未知的顶层键“{{key}}”。此处可用的键：{{allowed}}。',
    },
    unknownTopKeySuggest: {
      en: 'Unknown top-level key "{{key}}". Did you mean "{{suggestion}}"?',
      zh: '未知的顶层键“{{key}}”。是否想写“{{suggestion}}”？',
    },
    unknownKey: {
      en: 'Unknown key "{{key}}" {{where}}. Keys allowed here: {{allowed}}.',
      zh: '{{where}}有未知键“{{key}}”。此处可用的键：{{allowed}}。',
    },
    unknownKeySuggest: {
      en: 'Unknown key "{{key}}" {{where}}. Did you mean "{{suggestion}}"?',
      zh: '{{where}}有未知键“{{key}}”。是否想写“{{suggestion}}”？',
    },
    unknownRule: {
      en: 'Unknown rule "{{key}}" in "rules". Rule codes look like "flow/unreachable"; see the rule catalogue.',
      zh: '“rules”中有未知规则“{{key}}”。规则代码形如“flow/unreachable”，请查阅规则列表。',
    },
    unknownRuleSuggest: {
      en: 'Unknown rule "{{key}}" in "rules". Did you mean "{{suggestion}}"?',
      zh: '“rules”中有未知规则“{{key}}”。是否想写“{{suggestion}}”？',
    },
  },
});
