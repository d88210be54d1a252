import { defineRule } from '../rule';
import { schemaFindings } from '../schema';

/** Reports what the shared schema walk (`schemaFindings` in ../schema.ts) found for this code. */
export default defineRule({
  code: 'schema/unknown-key',
  defaultSeverity: 'warning',
  description: {
    en: 'A key the format does not know (the nearest known key is suggested).',
    zh: '格式中不存在的键（会提示最接近的已知键）。',
  },
  run(ctx) {
    for (const f of schemaFindings(ctx.model)['schema/unknown-key']) {
      ctx.report({ span: f.span, message: ctx.t(f.message), data: f.data && { ...f.data } });
    }
  },
});
