import type { Texts } from '../i18n';
import { defineRule, type Report, type Rule } from '../rule';
import type { Severity } from '../types';
import type { SchemaCode } from '../schema';

export interface SchemaRuleMeta<C extends SchemaCode> {
  code: C;
  severity: Severity;
  shownOn: string;
  description: Texts;
  fixable: boolean;
}

/**
 * A rule that reports what the shared schema walk (`ctx.facts.schema`,
 * ../schema/walk.ts) found for its code. The walk words its findings itself (from
 * the format table: the key, the expected type, the allowed words), so the
 * rule's one message is that sentence.
 */
export function schemaRule<const C extends SchemaCode>(m: SchemaRuleMeta<C>): Rule<C> {
  return defineRule({
    code: m.code,
    meta: {
      severity: m.severity,
      shownOn: m.shownOn,
      docs: { description: m.description },
      fixable: m.fixable,
      messages: {
        finding: { en: '{{finding}}', zh: '{{finding}}' },
      },
    },
    run(ctx) {
      for (const f of ctx.facts.schema[m.code]) {
        ctx.report({
          span: f.span,
          messageId: 'finding',
          data: { finding: ctx.t(f.message) },
          // the walk's data is SchemaData for every schema code (see DiagnosticDataByCode)
          diagnosticData: f.data && ({ ...f.data } as Report<C>['diagnosticData']),
        });
      }
    },
  });
}
