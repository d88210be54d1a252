import { defineRule } from '../rule';
import { schemaFindings } from '../schema';

/** Reports what the shared schema walk (`schemaFindings` in ../schema.ts) found for this code. */
export default defineRule({
  code: 'schema/enum',
  defaultSeverity: 'error',
  description: {
    en: 'A value is not one of the allowed words (step type, priority, status, severity).',
    zh: '值不是允许的取值之一（步骤类型、优先级、状态、规则级别）。',
  },
  run(ctx) {
    for (const f of schemaFindings(ctx.model)['schema/enum']) {
      ctx.report({ span: f.span, message: ctx.t(f.message), data: f.data && { ...f.data } });
    }
  },
});
