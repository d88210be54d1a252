import { schemaRule } from './schema-rule';

/** Reports what the shared schema walk found for `schema/type`. */
export default schemaRule('schema/type', 'error', {
  en: 'A value has the wrong type (e.g. a single value where a list is expected).',
  zh: '值的类型不对（例如应为列表却写了单个值）。',
});
