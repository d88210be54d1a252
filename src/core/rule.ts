/** The contract every rule implements, and the context it runs in. */
import type { AnalysisFacts } from './facts';
import type { StepGraph } from './graph';
import type { Texts } from './i18n';
import type { Model } from './model';
import type { DiagnosticData, Locale, RelatedInfo, Severity, Span } from './types';

export interface Report {
  span: Span;
  message: string;
  /** Severity for this occurrence when the user has not configured one (for rules whose default depends on the case). */
  severity?: Severity;
  related?: RelatedInfo[];
  data?: DiagnosticData;
}

export interface RuleContext {
  readonly model: Model;
  readonly text: string;
  readonly locale: Locale;
  /** Picks the text of the current locale: `t(en, zh)`, or `t({ en, zh })`. */
  t(texts: Texts): string;
  t(en: string, zh: string): string;
  /** Quotes an id or name in the current locale's style. */
  q(s: string): string;
  /** Shared facts, computed on first use and reused by every rule. */
  readonly graph: StepGraph;
  /** The facts of this analysis (schema walk, YAML tree, indexes …), computed on first use and shared by every rule. */
  readonly facts: AnalysisFacts;
  report(r: Report): void;
}

export interface Rule {
  /** Stable code, e.g. `ref/unknown-role`. */
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for documentation, SARIF rule metadata and hovers. */
  readonly description: Texts;
  run(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** `"pick" (拣货)` / `“pick”（拣货）`: the quoted id, with the display name when it has a different one. */
export function idWithName(ctx: RuleContext, id: string, name: string | undefined): string {
  if (!name || name === id) return ctx.q(id);
  return ctx.t(`${ctx.q(id)} (${name})`, `${ctx.q(id)}（${name}）`);
}

/** Link to a rule's documentation (used by the editor and SARIF). */
export function ruleDocUrl(code: string): string {
  return `https://github.com/bizflow/bizflow/blob/main/docs/rules.md#${code.replace(/[^a-z0-9]+/g, '-')}`;
}
