import { defineRule } from '../rule';
import { schemaFindings } from '../schema';

/** Reports what the shared schema walk (`schemaFindings` in ../schema.ts) found for this code. */
export default defineRule({
  code: 'schema/type',
  defaultSeverity: 'error',
  description: {
    en: 'A value has the wrong type (e.g. a single value where a list is expected).',
    zh: '值的类型不对（例如应为列表却写了单个值）。',
  },
  run(ctx) {
    for (const f of schemaFindings(ctx.model)['schema/type']) {
      ctx.report({ span: f.span, message: ctx.t(f.message), data: f.data && { ...f.data } });
    }
  },
});
