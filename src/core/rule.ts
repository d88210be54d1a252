/** The contract every rule implements, and the context it runs in. */
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

/** Anchor of a rule's section in docs/rules.md: `ref/unknown-role` → `ref-unknown-role`. */
export function ruleDocAnchor(code: string): string {
  return code.replace(/[^a-z0-9]+/g, '-');
}

/**
 * Link to a rule's section of the rules documentation at `rulesDoc`, the URI
 * of a docs/rules.md. BizFlow has no public web home, so there is no default:
 * the editor links to the copy shipped inside the extension, and SARIF omits
 * `helpUri`.
 */
export function ruleDocUrl(code: string, rulesDoc: string): string {
  return `${rulesDoc}#${ruleDocAnchor(code)}`;
}
