import { schemaRule } from './schema-rule';

/** Reports what the shared schema walk found for `schema/required`. */
export default schemaRule({
  code: 'schema/required',
  severity: 'error',
  shownOn: 'the key of the map missing it',
  description: {
    en: 'A required key is missing (anchored on the key of the map that lacks it).',
    zh: '缺少必填键（标注在缺少该键的映射的键上）。',
  },
  fixable: false,
});
