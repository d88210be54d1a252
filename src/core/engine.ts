/**
 * analyze(): text in, diagnostics out. Each rule runs behind its own
 * try/catch, so one broken rule never hides the others.
 */
import { resolveSeverity, type SeverityConfig } from './config';
import { AnalysisFacts } from './facts';
import { pick, q, type Texts } from './i18n';
import { applyEdits, editsOverlap, normalizeEdits } from './edits';
import { buildModel, type Model } from './model';
import { parseText, type ParsedFile } from './parse';
import { formatMessage, type ReportData, type Rule, type RuleContext } from './rule';
import { RULES } from './rules/index';
import type { Diagnostic, Locale, Severity } from './types';

export interface AnalyzeOptions {
  locale?: Locale;
  /** Severity layers from the lowest priority to the highest (workspace rc, then editor settings). The file's own `rules:` always comes last. */
  config?: readonly SeverityConfig[];
  /** Rules to run (defaults to the whole catalogue); used by tests and tools. */
  rules?: readonly Rule[];
  /**
   * Keep the findings that a typing mistake of form causes (see
   * `suppressFollowOn`); tools that study the raw output set it.
   */
  keepFollowOn?: boolean;
  /** Called with each reported diagnostic and the message id and placeholder values it was formatted from (for tests). */
  onReport?: (diagnostic: Diagnostic, message: ReportedMessage) => void;
}

/** The message id and placeholder values a diagnostic (and each of its related items) was formatted from. */
export interface ReportedMessage {
  messageId: string;
  data: ReportData | undefined;
  related: { messageId: string; data: ReportData | undefined }[];
}

export interface AnalysisResult {
  parsed: ParsedFile;
  model: Model;
  diagnostics: Diagnostic[];
}

/** Code of the diagnostic emitted when a rule itself fails. */
export const INTERNAL_ERROR = 'bizflow/internal-error';

/** The severity layer defined inside the file (`rules:`), with only valid entries. */
export function fileSeverityLayer(model: Model): SeverityConfig {
  const rules: Record<string, Severity | 'off'> = {};
  for (const r of model.rules) {
    if (r.setting === 'off' || r.setting === 'info' || r.setting === 'warning' || r.setting === 'error') {
      rules[r.code] = r.setting;
    }
  }
  return { rules };
}

/**
 * The facts object of one analysis of `model` (see `facts.ts`). `analyzeModel`
 * creates one per call; code that reads the same facts outside a rule creates
 * its own.
 */
export function createFacts(model: Model): AnalysisFacts {
  return new AnalysisFacts(
    model,
    RULES.map((r) => r.code),
  );
}

export function analyzeModel(model: Model, options: AnalyzeOptions = {}): Diagnostic[] {
  const steps = analysisSteps(model, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `analyzeModel` one rule at a time: yields the code of each rule after it
 * ran and returns the diagnostics. Lets a caller interleave analyses (the
 * tests check that interleaved analyses give the same results as sequential
 * ones: no state is shared between analyses).
 */
export function* analysisSteps(model: Model, options: AnalyzeOptions = {}): Generator<string, Diagnostic[], void> {
  const locale = options.locale ?? 'en';
  const layers = [...(options.config ?? []), fileSeverityLayer(model)];
  const text = model.parsed.text;
  const out: Diagnostic[] = [];
  const facts = createFacts(model);
  // shared by every rule's context
  const t = (texts: Texts | string, zh?: string) => (typeof texts === 'string' ? pick(locale, texts, zh!) : pick(locale, texts));
  const quote = (s: string) => q(locale, s);
  for (const rule of options.rules ?? RULES) {
    const collected: Diagnostic[] = [];
    // the configured severity for each severity the rule reports with, resolved once
    const severities: Partial<Record<Severity, Severity | null>> = {};
    const format = (messageId: string, data: ReportData | undefined) => formatMessage(rule.meta, locale, messageId, data);
    const ctx: RuleContext = {
      model,
      text,
      locale,
      t,
      q: quote,
      format: (m) => format(m.messageId, m.data),
      facts,
      get graph() {
        return facts.graph;
      },
      report(r) {
        const reported = r.severity ?? rule.defaultSeverity;
        let severity = severities[reported];
        if (severity === undefined) severity = severities[reported] = resolveSeverity(rule.code, reported, layers) ?? null;
        if (!severity) return;
        const start = Math.max(0, Math.min(r.span.start, text.length));
        const end = Math.max(start, Math.min(r.span.end, text.length));
        const d: Diagnostic = { code: rule.code, severity, message: format(r.messageId, r.data), span: { start, end } };
        if (r.related && r.related.length) d.related = r.related.map((x) => ({ span: x.span, message: format(x.messageId, x.data) }));
        if (r.diagnosticData) d.data = r.diagnosticData;
        if (options.onReport) {
          const related = (r.related ?? []).map((x) => ({ messageId: x.messageId, data: x.data }));
          options.onReport(d, { messageId: r.messageId, data: r.data, related });
        }
        collected.push(d);
      },
    };
    try {
      rule.run(ctx);
      for (let i = 0; i < collected.length; i++) out.push(collected[i]);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      out.push({
        code: INTERNAL_ERROR,
        severity: 'warning',
        message: pick(
          locale,
          `BizFlow rule ${rule.code} failed on this file and was skipped (${detail}). Please report this.`,
          `BizFlow 规则 ${rule.code} 在此文件上出错，已跳过（${detail}）。请反馈此问题。`,
        ),
        span: { start: 0, end: Math.min(text.length, 1) },
      });
    }
    yield rule.code;
  }
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return options.keepFollowOn ? out : suppressFollowOn(out, facts, options);
}

/** The rules that report typing mistakes of form (`mistakes.ts`). */
export const MISTAKE_CODES: ReadonlySet<string> = new Set(['yaml/tab', 'yaml/full-width', 'yaml/indentation', 'schema/misplaced-key']);

/**
 * While a typing mistake of form stands (a tab, a full-width colon, a line
 * indented one step off …), the findings it causes are not shown: a finding
 * is kept only when the text with the mistakes' own fixes applied gives the
 * same finding (same code, message and place). So one keystroke gives one
 * finding that names its cause, not twenty that describe its effects; the
 * findings that do not depend on the mistake stay. Costs a second analysis,
 * only while a mistake is reported.
 */
function suppressFollowOn(out: Diagnostic[], facts: AnalysisFacts, options: AnalyzeOptions): Diagnostic[] {
  const reported = out.filter((d) => MISTAKE_CODES.has(d.code));
  if (!reported.length) return out;
  const at = new Set(reported.map((d) => `${d.span.start}:${d.span.end}`));
  const edits = normalizeEdits(facts.mistakes.filter((m) => at.has(`${m.span.start}:${m.span.end}`)).flatMap((m) => m.fix));
  if (!edits.length || editsOverlap(edits)) return out;
  const mended = applyEdits(facts.model.parsed.text, edits);
  const again = analyzeModel(buildModel(parseText(mended)), { ...options, onReport: undefined, keepFollowOn: true });
  // an offset of the text → the same place in the mended text
  const map = (o: number) => {
    let delta = 0;
    for (const e of edits) {
      if (e.span.end <= o && !(e.span.start === e.span.end && e.span.start === o)) delta += e.newText.length - (e.span.end - e.span.start);
      else if (e.span.start < o) return e.span.start + delta;
      else break;
    }
    return o + delta;
  };
  const keyOf = (d: Diagnostic, s: number, e: number) => `${d.code}\0${s}\0${e}\0${d.message}`;
  const stands = new Set(again.map((d) => keyOf(d, d.span.start, d.span.end)));
  return out.filter((d) => MISTAKE_CODES.has(d.code) || stands.has(keyOf(d, map(d.span.start), map(d.span.end))));
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const parsed = parseText(text);
  const model = buildModel(parsed);
  const diagnostics = analyzeModel(model, options);
  return { parsed, model, diagnostics };
}
