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
  /** Findings kept before the summary finding (`MAX_FINDINGS` by default; for tests). */
  maxFindings?: number;
}

/** The message id and placeholder values a diagnostic (and each of its related items) was formatted from. */
export interface ReportedMessage {
  messageId: string;
  data: ReportData | undefined;
  related: { messageId: string; data: ReportData | undefined }[];
  detail?: { messageId: string; data: ReportData | undefined };
}

export interface AnalysisResult {
  parsed: ParsedFile;
  model: Model;
  diagnostics: Diagnostic[];
}

/** Code of the diagnostic emitted when a rule itself fails. */
export const INTERNAL_ERROR = 'bizflow/internal-error';

/** Code of the one summary finding that stands for the findings over `MAX_FINDINGS`. */
export const TOO_MANY_FINDINGS = 'bizflow/too-many-findings';

/**
 * Findings kept per file: the first ones in the catalogue's order (syntax and
 * schema first, conflicts last); the rest are only counted, per rule, in one
 * summary finding. Keeps the output, and the work of formatting it, bounded
 * whatever the file (issue 12).
 */
export const MAX_FINDINGS = 1000;

/** The severity layer defined inside the file (`rules:`), with only valid entries (keyed by user text: no prototype). */
export function fileSeverityLayer(model: Model): SeverityConfig {
  const rules: Record<string, Severity | 'off'> = Object.create(null) as Record<string, Severity | 'off'>;
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
  const cap = options.maxFindings ?? MAX_FINDINGS;
  /** Findings over the cap, by rule code, and the highest severity among them. */
  const dropped = new Map<string, number>();
  let droppedSeverity: Severity = 'info';
  for (const rule of options.rules ?? RULES) {
    const collected: Diagnostic[] = [];
    /** Spans this rule reported on: a node reached again through an alias is one finding, not one per alias. */
    const reportedAt = new Set<string>();
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
        const at = `${start}:${end}`;
        if (reportedAt.has(at)) return;
        reportedAt.add(at);
        if (out.length + collected.length >= cap) {
          dropped.set(rule.code, (dropped.get(rule.code) ?? 0) + 1);
          if (severity === 'error' || (severity === 'warning' && droppedSeverity === 'info')) droppedSeverity = severity;
          return;
        }
        const d: Diagnostic = { code: rule.code, severity, message: format(r.messageId, r.data), span: { start, end } };
        if (r.related && r.related.length) d.related = r.related.map((x) => ({ span: x.span, message: format(x.messageId, x.data) }));
        if (r.detail) d.detail = format(r.detail.messageId, r.detail.data);
        if (r.diagnosticData) d.data = r.diagnosticData;
        if (options.onReport) {
          const related = (r.related ?? []).map((x) => ({ messageId: x.messageId, data: x.data }));
          const reported: ReportedMessage = { messageId: r.messageId, data: r.data, related };
          if (r.detail) reported.detail = { messageId: r.detail.messageId, data: r.detail.data };
          options.onReport(d, reported);
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
  if (dropped.size) out.push(tooManyFindings(locale, dropped, droppedSeverity, text));
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

/** The summary finding for the findings over the cap: how many, from which rules, with the highest severity among them. */
function tooManyFindings(locale: Locale, dropped: ReadonlyMap<string, number>, severity: Severity, text: string): Diagnostic {
  let total = 0;
  for (const n of dropped.values()) total += n;
  const by = [...dropped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${code} ${n}`);
  return {
    code: TOO_MANY_FINDINGS,
    // the highest severity it stands for, so an error over the cap still fails the lint
    severity,
    message: pick(
      locale,
      `This file has too many problems to show: ${total} more ${total === 1 ? 'finding is' : 'findings are'} not shown (${by.join(', ')}). Fix the ones shown first.`,
      `此文件的问题过多：另有 ${total} 条未显示（${by.join('，')}）。请先修正已显示的问题。`,
    ),
    span: { start: 0, end: Math.min(text.length, 1) },
    data: { dropped: Object.fromEntries(dropped) },
  };
}

export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const parsed = parseText(text);
  const model = buildModel(parsed);
  const diagnostics = analyzeModel(model, options);
  return { parsed, model, diagnostics };
}
