import { defineRule } from '../rule';
import { schemaFindings } from '../schema';

/** Reports what the shared schema walk (`schemaFindings` in ../schema.ts) found for this code. */
export default defineRule({
  code: 'schema/id',
  defaultSeverity: 'error',
  description: {
    en: 'An id (a key under roles, data, steps or requirements), an attribute name or a `sets` key is not valid: ids start with a Latin letter and contain only letters, digits, `_` and `-`.',
    zh: 'id（roles、data、steps、requirements 下的键）、属性名或 `sets` 的键无效：id 必须以英文字母开头，只含字母、数字、`_` 和 `-`。',
  },
  run(ctx) {
    for (const f of schemaFindings(ctx.model)['schema/id']) {
      ctx.report({ span: f.span, message: ctx.t(f.message), data: f.data && { ...f.data } });
    }
  },
});
