import type { Texts } from '../i18n';
import { defineRule, type Rule } from '../rule';
import type { Severity } from '../types';
import type { SchemaCode } from '../schema';

/** A rule that reports what the shared schema walk (`ctx.facts.schema`, ../schema/walk.ts) found for its code. */
export function schemaRule(code: SchemaCode, defaultSeverity: Severity, description: Texts): Rule {
  return defineRule({
    code,
    defaultSeverity,
    description,
    run(ctx) {
      for (const f of ctx.facts.schema[code]) {
        ctx.report({ span: f.span, message: ctx.t(f.message), data: f.data && { ...f.data } });
      }
    },
  });
}
