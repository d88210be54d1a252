import { schemaRule } from './schema-rule';

/** Reports what the shared schema walk found for `schema/unknown-key`. */
export default schemaRule({
  code: 'schema/unknown-key',
  severity: 'warning',
  shownOn: 'the key',
  description: {
    en: 'A key the format does not know (the nearest known key is suggested).',
    zh: '格式中不存在的键（会提示最接近的已知键）。',
  },
  fixable: true,
});
