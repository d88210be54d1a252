import { defineRule } from '../rule';
import { schemaFindings } from '../schema';

/** Reports what the shared schema walk (`schemaFindings` in ../schema.ts) found for this code. */
export default defineRule({
  code: 'schema/required',
  defaultSeverity: 'error',
  description: {
    en: 'A required key is missing (anchored on the key of the map that lacks it).',
    zh: '缺少必填键（标注在缺少该键的映射的键上）。',
  },
  run(ctx) {
    for (const f of schemaFindings(ctx.model)['schema/required']) {
      ctx.report({ span: f.span, message: ctx.t(f.message), data: f.data && { ...f.data } });
    }
  },
});
