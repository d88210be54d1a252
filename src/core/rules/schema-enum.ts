import { schemaRule } from './schema-rule';

/** Reports what the shared schema walk found for `schema/enum`. */
export default schemaRule({
  code: 'schema/enum',
  severity: 'error',
  shownOn: 'the value',
  description: {
    en: 'A value is not one of the allowed words (step type, priority, status, severity).',
    zh: '值不是允许的取值之一（步骤类型、优先级、状态、规则级别）。',
  },
  fixable: true,
});
