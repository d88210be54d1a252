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
  return conflictKeys(d)[0];
}

/**
 * Identities of the conflicts one diagnostic stands for. A conflict finding is
 * shown once per entry and names every other side it clashes with there
 * (`data.others`, up to a bound): one conflict per pair of requirements on the
 * point, so a three-way contradiction is three conflicts however it is shown.
 */
export function conflictKeys(d: Diagnostic): string[] {
  const reqs = strings(d.data?.requirements);
  const steps = [...new Set(strings(d.data?.steps))].sort().join(',');
  if (reqs.length < 2) return [`${d.code}@${d.span.start}-${d.span.end}`];
  const others = strings(d.data?.others);
  const pairs = others.length ? others.map((o) => [reqs[0], o]) : [reqs];
  return pairs.map((p) => `${d.code}|${[...new Set(p)].sort().join(',')}|${steps}`);
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
    for (const k of conflictKeys(d)) if (distinct.get(k) !== 'error') distinct.set(k, conflictLevel(d.severity));
  }
  const counts: ConflictCounts = { error: 0, warning: 0, total: 0 };
  for (const level of distinct.values()) {
    counts[level]++;
    counts.total++;
  }
  return counts;
}
