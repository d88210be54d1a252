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

/**
 * Data a client (CLI, editor quick fixes, the preview, the tree) can use to
 * act on a diagnostic, as readers see it on any diagnostic. What each rule
 * writes is typed per code in `DiagnosticDataByCode`.
 */
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
  /** Rule specific extra facts (see `DiagnosticDataByCode`). */
  [key: string]: unknown;
}

/** `ref/unknown-*`: the unknown id, the nearest defined one, and what kind of id it is. */
export interface UnknownRefData {
  name: string;
  suggestion: string | undefined;
  kind: 'role' | 'step' | 'data' | 'requirement';
}

/** What the schema walk attaches (see schema.ts): the key or value, the expected shape, the allowed words. */
export interface SchemaData extends DiagnosticData {
  expected?: string;
  key?: string;
  allowed?: string[];
}

/** A conflict between two requirements (`requirements[0]` is where it is shown, `other` the other side). */
export interface RequirementPairData {
  steps: string[];
  requirements: string[];
  other: string;
  /** Conflict findings shown once per entry, with more than one other side: those listed there (the first `MAX_OTHER_SIDES`), `other` first. */
  others?: string[];
}

/** A typing mistake of form (`mistakes.ts`): its kind, and the indentation the line has and should have. */
export interface MistakeData {
  mistake: string;
  actual?: number;
  expected?: number;
  key?: string;
}

/** The `data` of each rule's diagnostics, by rule code (checked against the catalogue in rules/index.ts). */
export interface DiagnosticDataByCode {
  'yaml/syntax': { yamlCode: string; name?: string };
  'yaml/duplicate-key': { name: string };
  'yaml/tab': MistakeData;
  'yaml/full-width': MistakeData;
  'yaml/indentation': MistakeData;
  'schema/version': { expected: 1 };
  'schema/required': SchemaData;
  'schema/type': SchemaData;
  'schema/enum': SchemaData;
  'schema/unknown-key': SchemaData;
  'schema/misplaced-key': MistakeData & { name?: string };
  'schema/id': SchemaData;
  'ref/unknown-role': UnknownRefData & { kind: 'role' };
  'ref/unknown-step': UnknownRefData & { kind: 'step' };
  'ref/unknown-requirement': UnknownRefData & { kind: 'requirement' };
  'ref/unknown-data': UnknownRefData & { kind: 'data' };
  'flow/no-start': never;
  'flow/no-end': never;
  'flow/unreachable': { steps: string[] };
  'flow/dead-end': { steps: string[] };
  'flow/no-path-to-end': { steps: string[] };
  'flow/decision-branches': { steps: string[]; branches: number };
  'flow/end-has-next': { steps: string[] };
  'role/unused': { name: string; roles: string[] };
  'data/not-produced': { name: string; steps: string[] } | { name: string; roles: string[] };
  'data/used-before-produced': { name: string; steps: string[] };
  'data/unused': { name: string; steps: string[] };
  'handoff/no-data': { steps: string[]; roles: string[] };
  'req/no-acceptance': { requirements: string[] };
  'req/untraced': { requirements: string[] };
  'req/depends-cycle': { requirements: string[] };
  'conflict/contradiction': RequirementPairData;
  'conflict/removed-step': RequirementPairData;
  /** `role`: the burdened lane's role; `roles`: it and the asking role. */
  'conflict/unagreed-burden': { steps: string[]; requirements: string[]; role: string; roles: string[] };
  'conflict/depends-rejected': RequirementPairData;
  'conflict/priority-inversion': RequirementPairData;
  /** `role`: the role whose agreement is stale; `recorded` / `current`: the fingerprint it signed and today's. */
  'review/stale-agreement': { steps: string[]; requirements: string[]; role: string; roles: string[]; recorded: string; current: string };
  /** `role`: the role that objects or asks; `verdict`: which. */
  'review/objection': { steps: string[]; requirements: string[]; role: string; roles: string[]; verdict: 'object' | 'question' };
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInfo[];
  /** The explanation behind a short message (the hover cards show it); absent for most rules. */
  detail?: string;
  data?: DiagnosticData;
}

/** 1-based line/column position, as ESLint and SARIF use. */
export interface LineCol {
  line: number;
  column: number;
}
