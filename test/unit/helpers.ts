/** Test helpers: analyse a snippet and read diagnostics back as text + code. */
import { strict as assert } from 'assert';
import { analyze, type AnalyzeOptions, type ReportedMessage } from '../../src/core/engine';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { LineIndex } from '../../src/core/positions';
import { buildSymbolIndex } from '../../src/core/symbols';
import type { Diagnostic } from '../../src/core/types';

export interface Found {
  code: string;
  severity: string;
  /** The text the diagnostic's span covers. */
  text: string;
  /** 1-based line of the span start. */
  line: number;
  /** 1-based column of the span start. */
  column: number;
  message: string;
  /** The rule's message id and placeholder values (assert these; wording is checked once, in rules/messages.test.ts). */
  messageId: string;
  data: Record<string, string | number> | undefined;
  /** The placeholder values of the finding's explanation (hover, related information), when it has one. */
  detail: Record<string, string | number> | undefined;
  d: Diagnostic;
}

export function lint(text: string, options: AnalyzeOptions = {}): Found[] {
  const messages = new Map<Diagnostic, ReportedMessage>();
  const { diagnostics } = analyze(text, {
    ...options,
    onReport: (d, m) => {
      messages.set(d, m);
      options.onReport?.(d, m);
    },
  });
  const idx = new LineIndex(text);
  return diagnostics.map((d) => {
    const p = idx.oneBased(d.span);
    return {
      code: d.code,
      severity: d.severity,
      text: text.slice(d.span.start, d.span.end),
      line: p.line,
      column: p.column,
      message: d.message,
      messageId: messages.get(d)?.messageId ?? '',
      data: messages.get(d)?.data,
      detail: messages.get(d)?.detail?.data,
      d,
    };
  });
}

/** Diagnostics of one code only. */
export function only(code: string, text: string, options: AnalyzeOptions = {}): Found[] {
  return lint(text, options).filter((f) => f.code === code);
}

/** Removes the common indentation of a template literal (so tests can indent YAML). */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  let s = strings.reduce((acc, str, i) => acc + str + (i < values.length ? String(values[i]) : ''), '');
  s = s.replace(/^\n/, '');
  const lines = s.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n').replace(/[ \t]+$/, '');
}

/** The head of a file whose steps a test writes: one role `sales`; `steps:` is line 7, the first step id line 8. */
export const STEPS_HEAD = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  sales:\n    name: 销售\nsteps:\n';
/** A file whose `steps:` holds `steps` (written unindented); the first step id is on line 8. */
export const stepsFile = (steps: string): string => STEPS_HEAD + steps.split('\n').map((l) => (l ? '  ' + l : l)).join('\n');

/** A minimal valid file; `extra` is appended (top-level keys). */
export const BASE = `bizflow: 1
process:
  name: P
roles:
  sales:
    name: 销售
steps:
  s1:
    name: Start
    type: start
    role: sales
    next: e1
  e1:
    name: End
    type: end
`;

/** The model of `text` and its symbol index (the rename and symbol tests). */
export function symbolSetup(text: string) {
  const model = buildModel(parseText(text));
  return { model, index: buildSymbolIndex(model) };
}

/** Offset of the n-th (0-based) occurrence of `needle` in `text`, plus `delta`. */
export function nthOffset(text: string, needle: string, n = 0, delta = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${n} not in text`);
  }
  return i + delta;
}
