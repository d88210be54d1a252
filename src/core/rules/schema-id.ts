import { schemaRule } from './schema-rule';

/** Reports what the shared schema walk found for `schema/id`. */
export default schemaRule({
  code: 'schema/id',
  severity: 'error',
  shownOn: 'the key',
  description: {
    en: 'An id (a key under roles, data, steps or requirements), an attribute name or a `sets` key is not valid: ids start with a Latin letter and contain only letters, digits, `_` and `-`.',
    zh: 'id（roles、data、steps、requirements 下的键）、属性名或 `sets` 的键无效：id 必须以英文字母开头，只含字母、数字、`_` 和 `-`。',
  },
  fixable: true,
});
