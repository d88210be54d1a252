/**
 * Diff by role between two analyses of a process (an older and a newer
 * version): for each role, the steps added to, removed from or changed in its
 * lane, the requirements that concern it added, removed, changed (their
 * fingerprint) or with a new status, the conflicts it is party to opened or
 * resolved, and the agreements gained or lost (stale, withdrawn, objected).
 * Pure; ids and values only (spans would point into two different texts).
 */
import { stepsNamed } from '../conflicts';
import type { Model, Requirement, Status } from '../model';
import { canonicalFields, canonicalJson, fingerprintOf } from './fingerprint';
import { conflictEntries, type ConflictEntry, type ImpactInput } from './impact';
import { agreements, type AgreementState } from './read';

export const STEP_DIFF_FIELDS = ['name', 'type', 'role', 'attributes', 'needs', 'produces', 'next'] as const;

export interface StepDiff {
  step: string;
  change: 'added' | 'removed' | 'changed';
  /** `changed`: the fields that differ. */
  fields?: string[];
  /** The lane before and after (when it moved, it shows in both roles). */
  roleBefore?: string;
  roleAfter?: string;
}

export interface RequirementDiff {
  requirement: string;
  change: 'added' | 'removed' | 'status' | 'changed';
  /** `status`: the status before and after. */
  statusBefore?: Status;
  statusAfter?: Status;
  /** `changed`: the fingerprints before and after (what a role signs changed). */
  fingerprintBefore?: string;
  fingerprintAfter?: string;
}

export interface ConflictDiff {
  change: 'opened' | 'resolved';
  code: string;
  severity: ConflictEntry['severity'];
  /** The message of the version where the conflict exists. */
  message: string;
  requirements: string[];
  steps: string[];
}

export type AgreementChange = 'gained' | 'stale' | 'withdrawn' | 'objected' | 'question';

export interface AgreementDiff {
  requirement: string;
  change: AgreementChange;
  before: AgreementState;
  after: AgreementState;
}

export interface RoleDiff {
  role: string;
  steps: StepDiff[];
  requirements: RequirementDiff[];
  conflicts: ConflictDiff[];
  agreements: AgreementDiff[];
}

export interface ProcessDiff {
  roles: RoleDiff[];
}

function laneOf(model: Model, step: string): string | undefined {
  return model.steps.byId.get(step)?.role?.id;
}

function stepFields(model: Model, id: string): Record<string, string> {
  const step = model.steps.byId.get(id)!;
  const c = canonicalFields(model, step.node, STEP_DIFF_FIELDS);
  const out: Record<string, string> = {};
  for (const f of STEP_DIFF_FIELDS) out[f] = f in c ? canonicalJson(c[f]) : '';
  return out;
}

function conflictKey(c: ConflictEntry): string {
  return `${c.code}|${[...c.requirements].sort().join(',')}|${[...c.steps].sort().join(',')}|${[...c.roles].sort().join(',')}`;
}

function partyTo(model: Model, c: ConflictEntry, role: string): boolean {
  return (
    c.roles.includes(role) ||
    c.steps.some((s) => laneOf(model, s) === role) ||
    c.requirements.some((id) => model.requirements.byId.get(id)?.from?.id === role)
  );
}

function agreementChange(before: AgreementState, after: AgreementState): AgreementChange | undefined {
  if (before === after) return undefined;
  if (after === 'agreed') return 'gained';
  if (after === 'object') return 'objected';
  if (after === 'question') return 'question';
  if (before === 'agreed') return after === 'stale' ? 'stale' : 'withdrawn';
  return undefined;
}

/** The steps added, removed and changed (the fields that differ) from model `a` to model `b`: `b`'s order, then `a`'s removed steps. */
export function diffSteps(a: Model, b: Model): StepDiff[] {
  const out: StepDiff[] = [];
  for (const s of b.steps.list) {
    if (!a.steps.byId.has(s.id)) {
      out.push({ step: s.id, change: 'added', roleAfter: s.role?.id });
      continue;
    }
    const fa = stepFields(a, s.id);
    const fb = stepFields(b, s.id);
    const fields = STEP_DIFF_FIELDS.filter((f) => fa[f] !== fb[f]);
    if (fields.length) out.push({ step: s.id, change: 'changed', fields, roleBefore: laneOf(a, s.id), roleAfter: s.role?.id });
  }
  for (const s of a.steps.list) if (!b.steps.byId.has(s.id)) out.push({ step: s.id, change: 'removed', roleBefore: s.role?.id });
  return out;
}

/** Changes per role from `before` to `after` (one role with `options.role`). */
export function diffAnalyses(before: ImpactInput, after: ImpactInput, options: { role?: string } = {}): ProcessDiff {
  const a = before.model;
  const b = after.model;
  const roleIds =
    options.role !== undefined ? [options.role] : [...new Set([...b.roles.byId.keys(), ...a.roles.byId.keys()])];

  // steps, once for all roles
  const stepDiffs = diffSteps(a, b);

  const conflictsA = conflictEntries(a, before.diagnostics);
  const conflictsB = conflictEntries(b, after.diagnostics);
  const keysA = new Set(conflictsA.map(conflictKey));
  const keysB = new Set(conflictsB.map(conflictKey));
  const opened = conflictsB.filter((c) => !keysA.has(conflictKey(c)));
  const resolved = conflictsA.filter((c) => !keysB.has(conflictKey(c)));
  // each requirement with its older version, if any
  const pairs = b.requirements.list.map((r) => [r, a.requirements.byId.get(r.id)] as const);

  const fp = new Map<Requirement, string>();
  const fingerprint = (m: Model, r: Requirement) => {
    let f = fp.get(r);
    if (f === undefined) fp.set(r, (f = fingerprintOf(m, r).fingerprint));
    return f;
  };

  // each requirement's agreements and the lanes of the steps it names, once for all roles (a file with hundreds of
  // roles and requirements: the fingerprints behind the agreements were computed per role and requirement)
  const agreed = new Map<Requirement, ReturnType<typeof agreements>>();
  const agreementsOf = (m: Model, r: Requirement) => {
    let x = agreed.get(r);
    if (x === undefined) agreed.set(r, (x = agreements(m, r)));
    return x;
  };
  /** The roles a requirement concerns: the one that asked, those whose lanes have a step it names, those whose word it records. */
  const concerned = new Map<Requirement, Set<string | undefined>>();
  const concernsOf = (m: Model, r: Requirement) => {
    let x = concerned.get(r);
    if (x === undefined) concerned.set(r, (x = new Set([r.from?.id, ...stepsNamed(r).map((s) => laneOf(m, s)), ...agreementsOf(m, r).keys()])));
    return x;
  };
  const concerns = (m: Model, r: Requirement, role: string) => concernsOf(m, r).has(role);

  const roles: RoleDiff[] = [];
  for (const role of roleIds) {
    const steps = stepDiffs.filter((d) => d.roleBefore === role || d.roleAfter === role);

    const requirements: RequirementDiff[] = [];
    for (const [r, old] of pairs) {
      if (!old) {
        if (concerns(b, r, role)) requirements.push({ requirement: r.id, change: 'added' });
        continue;
      }
      if (!concerns(b, r, role) && !concerns(a, old, role)) continue;
      if (old.status !== r.status) requirements.push({ requirement: r.id, change: 'status', statusBefore: old.status, statusAfter: r.status });
      const [fa, fb] = [fingerprint(a, old), fingerprint(b, r)];
      if (fa !== fb) requirements.push({ requirement: r.id, change: 'changed', fingerprintBefore: fa, fingerprintAfter: fb });
    }
    for (const r of a.requirements.list) {
      if (!b.requirements.byId.has(r.id) && concerns(a, r, role)) requirements.push({ requirement: r.id, change: 'removed' });
    }

    const conflicts: ConflictDiff[] = [];
    const entry = (change: ConflictDiff['change'], c: ConflictEntry): ConflictDiff => ({
      change,
      code: c.code,
      severity: c.severity,
      message: c.message,
      requirements: c.requirements,
      steps: c.steps,
    });
    for (const c of opened) if (partyTo(b, c, role)) conflicts.push(entry('opened', c));
    for (const c of resolved) if (partyTo(a, c, role)) conflicts.push(entry('resolved', c));

    const agreementDiffs: AgreementDiff[] = [];
    for (const [r, old] of pairs) {
      const stateA = old ? (agreementsOf(a, old).get(role)?.state ?? 'none') : 'none';
      const stateB = agreementsOf(b, r).get(role)?.state ?? 'none';
      const change = agreementChange(stateA, stateB);
      if (change) agreementDiffs.push({ requirement: r.id, change, before: stateA, after: stateB });
    }
    roles.push({ role, steps, requirements, conflicts, agreements: agreementDiffs });
  }
  return { roles };
}
