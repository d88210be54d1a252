/**
 * The contract every rule implements, and the context it runs in.
 *
 * A rule declares everything about itself in one place, like eslint's
 * `lib/rules/*` meta: its code, default severity, where its finding is shown,
 * its documentation, whether quick fixes exist, and its messages, as
 * templates with named placeholders (`'Unknown role "{{role}}".'`) in English
 * and Chinese. The engine formats a message for the chosen locale; rules
 * report a message id and the placeholder values.
 */
import type { AnalysisFacts } from './facts';
import type { StepGraph } from './graph';
import { pick, type Texts } from './i18n';
import type { Model } from './model';
import type { DiagnosticDataByCode, Locale, Severity, Span } from './types';

/** Messages of a rule: id to English and Chinese templates. */
export type Messages = Record<string, Texts>;

/** Placeholder values of a report: any strings or numbers the templates name. */
export type ReportData = Record<string, string | number>;

/** A message by id with its placeholder values (a test checks every placeholder is given, over a corpus). */
export interface MessageRef<Ms extends Messages> {
  messageId: keyof Ms & string;
  data?: ReportData;
}

export interface RuleMeta<Ms extends Messages = Messages> {
  /** Default severity (the configured one wins). */
  readonly severity: Severity;
  /** Where the finding is anchored, in the words of the docs table ("the reference", "`steps` key"). */
  readonly shownOn: string;
  readonly docs: {
    /** One line for documentation, SARIF rule metadata, completion and hovers. */
    readonly description: Texts;
    /** For rules whose default depends on the case: the docs' wording of it (e.g. "error if both are `must`, else warning"). */
    readonly severity?: string;
  };
  /** Whether the editor / fixes offer a quick fix for some of its findings. */
  readonly fixable: boolean;
  readonly messages: Ms;
}

export type RelatedReport<Ms extends Messages> = MessageRef<Ms> & { span: Span };

export type Report<C extends string = string, Ms extends Messages = Messages> = MessageRef<Ms> & {
  span: Span;
  /** Severity for this occurrence when the user has not configured one (for rules whose default depends on the case). */
  severity?: Severity;
  related?: RelatedReport<Ms>[];
  /**
   * The explanation behind a short message (the situation today, why it
   * matters, the full how-to): shown in hover cards, not in the one- or
   * two-line message (issue 11 item 6).
   */
  detail?: MessageRef<Ms>;
  /** Facts for clients (quick fixes, the preview, the tree): the diagnostic's `data`. */
  diagnosticData?: C extends keyof DiagnosticDataByCode ? DiagnosticDataByCode[C] : never;
};

export interface RuleContext<C extends string = string, Ms extends Messages = Messages> {
  readonly model: Model;
  readonly text: string;
  readonly locale: Locale;
  /** Picks the text of the current locale: for the shared phrase helpers (conflicts.ts, …); a rule's own wording is in its `meta.messages`. */
  t(texts: Texts): string;
  t(en: string, zh: string): string;
  /** Quotes an id or name in the current locale's style (for the shared phrase helpers; templates write their quotes). */
  q(s: string): string;
  /** One of the rule's messages, formatted for the locale: for a phrase that goes into another message's placeholder. */
  format(ref: MessageRef<Ms>): string;
  /** Shared facts, computed on first use and reused by every rule. */
  readonly graph: StepGraph;
  /** The facts of this analysis (schema walk, YAML tree, indexes …), computed on first use and shared by every rule. */
  readonly facts: AnalysisFacts;
  report(r: Report<C, Ms>): void;
}

/** A rule as the engine and the tools see it. */
export interface Rule<C extends string = string> {
  /** Stable code, e.g. `ref/unknown-role`. */
  readonly code: C;
  readonly meta: RuleMeta;
  /** Same as `meta.severity` (kept for readers of the catalogue). */
  readonly defaultSeverity: Severity;
  /** Same as `meta.docs.description`. */
  readonly description: Texts;
  run(ctx: RuleContext<C>): void;
}

export interface RuleDefinition<C extends string, Ms extends Messages> {
  readonly code: C;
  readonly meta: RuleMeta<Ms>;
  run(ctx: RuleContext<C, Ms>): void;
}

export function defineRule<const C extends string, const Ms extends Messages>(def: RuleDefinition<C, Ms>): Rule<C> {
  return {
    code: def.code,
    meta: def.meta,
    defaultSeverity: def.meta.severity,
    description: def.meta.docs.description,
    run: def.run as Rule<C>['run'],
  };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The placeholder names a template uses, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Fills `{{name}}` placeholders from `data` in one pass (values are not scanned again); an unknown name stays as written. */
export function formatTemplate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** A rule's message `messageId`, formatted for `locale`. */
export function formatMessage(
  meta: RuleMeta,
  locale: Locale,
  messageId: string,
  data: Readonly<Record<string, string | number>> | undefined,
): string {
  const texts = meta.messages[messageId];
  if (!texts) throw new Error(`unknown message id ${messageId}`);
  return formatTemplate(pick(locale, texts), data);
}

/** `"pick" (拣货)` / `“pick”（拣货）`: the quoted id, with the display name when it has a different one. */
export function idWithName(ctx: Pick<RuleContext, 't' | 'q'>, id: string, name: string | undefined): string {
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
