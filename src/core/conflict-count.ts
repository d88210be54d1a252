/**
 * What "a conflict" is, for every count BizFlow shows (the activity badge, the
 * Requirements tree, the preview and the CLI summary): one clash on one point.
 *
 * A clash between requirements (a contradiction, a removed step, a rejected or
 * weaker dependency) is reported once in each requirement that takes part, but
 * it is one conflict: its identity is the rule, the pair (or set) of
 * requirements and the point (the steps) they clash on. A clash between a
 * requirement and a role (`conflict/unagreed-burden`) is one conflict per
 * entry that causes it.
 *
 * Pure: reads only the diagnostics (`code`, `data.requirements`, `data.steps`, span).
 */
import type { Diagnostic, Severity } from './types';

export type ConflictLevel = 'error' | 'warning';

export function isConflictDiagnostic(d: Diagnostic): boolean {
  return typeof d.code === 'string' && d.code.startsWith('conflict/');
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Identity of a conflict: both sides of a clash between requirements share it. */
export function conflictKey(d: Diagnostic): string {
  const reqs = strings(d.data?.requirements);
  const steps = strings(d.data?.steps);
  if (reqs.length >= 2) return `${d.code}|${[...new Set(reqs)].sort().join(',')}|${[...new Set(steps)].sort().join(',')}`;
  return `${d.code}@${d.span.start}-${d.span.end}`;
}

export const conflictLevel = (s: Severity): ConflictLevel => (s === 'error' ? 'error' : 'warning');

export interface ConflictCounts {
  error: number;
  warning: number;
  total: number;
}

/** Distinct conflicts among the diagnostics, each at the highest level any of its sides is reported with. */
export function countConflicts(diagnostics: readonly Diagnostic[]): ConflictCounts {
  const distinct = new Map<string, ConflictLevel>();
  for (const d of diagnostics) {
    if (!isConflictDiagnostic(d)) continue;
    const k = conflictKey(d);
    if (distinct.get(k) !== 'error') distinct.set(k, conflictLevel(d.severity));
  }
  const counts: ConflictCounts = { error: 0, warning: 0, total: 0 };
  for (const level of distinct.values()) {
    counts[level]++;
    counts.total++;
  }
  return counts;
}
