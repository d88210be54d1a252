import { schemaRule } from './schema-rule';

/** Reports what the shared schema walk found for `schema/type`. */
export default schemaRule({
  code: 'schema/type',
  severity: 'error',
  shownOn: 'the value',
  description: {
    en: 'A value has the wrong type (e.g. a single value where a list is expected).',
    zh: '值的类型不对（例如应为列表却写了单个值）。',
  },
  fixable: true,
});
