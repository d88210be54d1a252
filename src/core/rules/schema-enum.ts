import { schemaRule } from './schema-rule';

/** Reports, by message id, what the shared schema walk found for `schema/enum`. */
export default schemaRule({
  code: 'schema/enum',
  severity: 'error',
  shownOn: 'the value',
  description: {
    en: 'A value is not one of the allowed words (step type, priority, status, severity).',
    zh: '值不是允许的取值之一（步骤类型、优先级、状态、规则级别）。',
  },
  fixable: true,
  messages: {
    notAllowed: {
      en: '{{what}} is "{{value}}", which is not allowed. Use one of: {{allowed}}.',
      zh: '{{what}}的值“{{value}}”无效。可选值：{{allowed}}。',
    },
    notAllowedSuggest: {
      en: '{{what}} is "{{value}}", which is not allowed. Use one of: {{allowed}}. Did you mean "{{suggestion}}"?',
      zh: '{{what}}的值“{{value}}”无效。可选值：{{allowed}}。是否想写“{{suggestion}}”？',
    },
  },
});
