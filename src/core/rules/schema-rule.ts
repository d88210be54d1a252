import { pick, type Texts } from '../i18n';
import { defineRule, type Report, type ReportData, type Rule } from '../rule';
import type { Severity } from '../types';
import type { SchemaCode, SchemaMessageIds, SchemaWords } from '../schema';

export interface SchemaRuleMeta<C extends SchemaCode> {
  code: C;
  severity: Severity;
  shownOn: string;
  description: Texts;
  fixable: boolean;
  /** A template for every message id the schema walk reports for this code (the compiler checks none is missing). */
  messages: { readonly [K in SchemaMessageIds[C]]: Texts };
}

/**
 * A rule that reports what the shared schema walk (`ctx.facts.schema`,
 * ../schema/walk.ts) found for its code. The walk checks the document once
 * for every schema code and names what it found by message id with the
 * placeholder values (the key, the expected type, the allowed words, in
 * both languages); the rule declares the templates and picks the locale's
 * words.
 */
export function schemaRule<const C extends SchemaCode>(m: SchemaRuleMeta<C>): Rule<C> {
  return defineRule({
    code: m.code,
    meta: {
      severity: m.severity,
      shownOn: m.shownOn,
      docs: { description: m.description },
      fixable: m.fixable,
      messages: m.messages as Record<SchemaMessageIds[C], Texts>,
    },
    run(ctx) {
      for (const f of ctx.facts.schema[m.code]) {
        ctx.report({
          span: f.span,
          messageId: f.messageId,
          ...(f.words ? { data: localWords(f.words, ctx.locale) } : {}),
          // the walk's data is SchemaData for every schema code (see DiagnosticDataByCode)
          diagnosticData: f.data && ({ ...f.data } as Report<C>['diagnosticData']),
        });
      }
    },
  });
}

/** The placeholder values in one locale. */
function localWords(words: SchemaWords, locale: Parameters<typeof pick>[0]): ReportData {
  const out: ReportData = {};
  for (const k of Object.keys(words)) {
    const w = words[k];
    out[k] = typeof w === 'string' ? w : pick(locale, w);
  }
  return out;
}
