/**
 * Core types shared by every part of BizFlow. The core speaks in offsets
 * (UTF-16 code-unit indices into the document text, as JavaScript strings
 * are); converting to lines and columns happens once, at the edge.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'en' | 'zh-CN';

/** A half-open range of offsets [start, end) into the document text. */
export interface Span {
  start: number;
  end: number;
}

export interface RelatedInfo {
  message: string;
  span: Span;
}

/** Data a client (CLI, editor quick fixes) can use to act on a diagnostic. */
export interface DiagnosticData {
  /** Nearest valid name for a typo (unknown reference or unknown key). */
  suggestion?: string;
  /** The id that was not found / the key that is unknown. */
  name?: string;
  /** Steps this diagnostic is about (used by the preview to colour nodes). */
  steps?: string[];
  /** Requirements this diagnostic is about. */
  requirements?: string[];
  /** Roles this diagnostic is about. */
  roles?: string[];
  /** Rule specific extra facts (e.g. the burdened role for unagreed-burden). */
  [key: string]: unknown;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  data?: DiagnosticData;
}

/** 1-based line/column position, as ESLint and SARIF use. */
export interface LineCol {
  line: number;
  column: number;
}
