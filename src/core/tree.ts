/**
 * The data behind the "Roles" and "Requirements" tree views, built from a
 * model and its diagnostics (pure: no editor dependency, no texts to
 * translate; the extension turns nodes into tree items).
 *
 * Every node has an `id` that depends only on what it stands for (role id,
 * step id, requirement id, …), never on offsets, so the tree keeps its
 * expansion state while the user types. Nodes that stand for something in the
 * file carry a `span` to reveal (the defining key, or the reference).
 */
import { pushTo } from './collections';
import type { Model, Priority, Requirement, Status, Step, StepType } from './model';
import { PRIORITIES, STATUSES } from './model';
import { conflictKey, conflictLevel as levelOf, countConflicts, isConflictDiagnostic, type ConflictCounts, type ConflictLevel } from './conflict-count';
import type { Diagnostic, Severity, Span } from './types';
import { computeImpact, type RoleImpact } from './review/impact';
import { agreements, type AgreementState } from './review/read';
import { decisionsAgainst, decisionsBy, type Decision } from './decisions';

export type { ConflictLevel } from './conflict-count';
import type { RequirementGrouping } from './tree-groupings';
export { REQUIREMENT_GROUPINGS, type RequirementGrouping } from './tree-groupings';

/** One conflict diagnostic as the tree shows it. */
export interface ConflictInfo {
  /** Identity of the conflict: both sides of a contradiction share it (one count in the badge). */
  key: string;
  code: string;
  severity: Severity;
  message: string;
  /** The explanation behind the short message (the tooltip shows it). */
  detail?: string;
  span: Span;
  requirements: string[];
  steps: string[];
  /** The burdened role (`conflict/unagreed-burden`). */
  role?: string;
}

export type { Decision } from './decisions';

/** What the tree shows of a requirement, wherever it appears. */
export interface RequirementSummary {
  reqId: string;
  title?: string;
  priority?: Priority;
  status: Status;
  live: boolean;
  /** The `from` role id as written. */
  from?: string;
  /** Display name of the `from` role (when it is defined). */
  fromName?: string;
  /** The `from` role is defined under `roles:`. */
  fromKnown: boolean;
  /** The requirement's key. */
  span: Span;
  /** Conflicts this requirement takes part in, one per distinct conflict (its own side first). */
  conflicts: ConflictInfo[];
  /** Recorded decisions against it: live requirements that list it under `overrides`. */
  overriddenBy: Decision[];
  /** Recorded decisions for it: the requirements it `overrides`. */
  overrides: Decision[];
  /** Highest severity of those conflicts. */
  level?: ConflictLevel;
}

// ---------------------------------------------------------------------------
// roles view

export type RoleSection = 'steps' | 'asked' | 'burden' | 'changes' | 'needs';
export const ROLE_SECTIONS: readonly RoleSection[] = ['steps', 'asked', 'burden', 'changes', 'needs'];

export interface RoleNode {
  kind: 'role';
  id: string;
  roleId: string;
  name?: string;
  department?: string;
  concerns: string[];
  span: Span;
  /** Requirements that change this role's work without its sign-off. */
  unagreed: number;
  /** Data the role (or a step of its lane) needs that nobody produces. */
  missingData: number;
  /** Highest level of the conflicts that touch this role's lane or name it. */
  level?: ConflictLevel;
  /** Non-empty sections only, in the order of ROLE_SECTIONS. */
  children: RoleSectionNode[];
}

export interface RoleSectionNode {
  kind: 'section';
  id: string;
  roleId: string;
  section: RoleSection;
  children: RoleChildNode[];
}

export type RoleChildNode = StepNode | AskedNode | BurdenNode | ChangeNode | NeedNode;

/**
 * One line of "What changes" for a role (its impact, review/impact.ts): a step
 * added to or removed from its lane, an attribute of a step of its lane
 * changed (today → after, `contested` when requirements disagree), data asked
 * of it, or a requirement waiting for its agreement.
 */
export type ChangeNode = {
  kind: 'change';
  id: string;
  roleId: string;
  /** Where the change is asked (the requirement's entry), or the requirement's key. */
  span: Span;
} & (
  | { change: 'added' | 'removed'; stepId: string; stepName?: string; requirements: string[]; contested: boolean }
  | { change: 'changed'; stepId: string; stepName?: string; attribute: string; today?: string; after: string[]; contested: boolean; requirements: string[] }
  | { change: 'data'; dataId: string; stepId: string; requirements: string[] }
  | { change: 'pending'; requirement: string; title?: string; state: AgreementState }
);

export interface StepNode {
  kind: 'step';
  id: string;
  stepId: string;
  name?: string;
  type: StepType;
  span: Span;
  /** Distinct conflicts whose `data.steps` name this step. */
  conflictCount: number;
  level?: ConflictLevel;
}

export interface AskedNode {
  kind: 'asked';
  id: string;
  roleId: string;
  req: RequirementSummary;
  span: Span;
}

export interface BurdenChange {
  how: 'adds' | 'sets' | 'removes';
  stepId: string;
  /** `sets` only: the key as written and the value. */
  key?: string;
  value?: string;
  /** The entry in the requirement. */
  span: Span;
}

export interface BurdenNode {
  kind: 'burden';
  id: string;
  roleId: string;
  req: RequirementSummary;
  /** What the requirement changes in this role's lane. */
  changes: BurdenChange[];
  /** The role is in the requirement's `agreed` list. */
  agreed: boolean;
  span: Span;
}

export interface NeedNode {
  kind: 'need';
  id: string;
  roleId: string;
  dataId: string;
  /** Display name from the data dictionary. */
  name?: string;
  /** Some step produces it. */
  produced: boolean;
  /** Declared `external: true` (needs no producer). */
  external: boolean;
  /** `data:` is present and declares it (always true without a dictionary). */
  declared: boolean;
  /** Nobody produces it and it is not external: the role cannot get it. */
  missing: boolean;
  /** The reference in the role's `needs`. */
  span: Span;
  /** The data dictionary entry's key, when there is one. */
  definitionSpan?: Span;
}

// ---------------------------------------------------------------------------
// requirements view

export interface RequirementGroupNode {
  kind: 'group';
  id: string;
  grouping: RequirementGrouping;
  /** The status / priority word, or the role id; `''` for "none". */
  key: string;
  /** Role grouping: the role's display name, and whether it is defined (true for the "no role" group). */
  name?: string;
  known: boolean;
  /**
   * Distinct conflicts of the group's requirements not already counted in an
   * earlier group: a conflict between requirements of two groups counts once,
   * in the first, so the groups' counts add up to the badge.
   */
  conflictCount: number;
  /** Distinct conflicts of the group's requirements, including those counted in an earlier group. */
  conflictsInvolved: number;
  level?: ConflictLevel;
  children: RequirementNode[];
}

export interface RequirementNode {
  kind: 'requirement';
  id: string;
  req: RequirementSummary;
  span: Span;
  children: ConflictNode[];
}

export interface ConflictNode {
  kind: 'conflict';
  id: string;
  reqId: string;
  conflict: ConflictInfo;
  span: Span;
}

export type TreeNode = RoleNode | RoleSectionNode | RoleChildNode | RequirementGroupNode | RequirementNode | ConflictNode;

// ---------------------------------------------------------------------------
// conflicts

export { conflictKey, isConflictDiagnostic } from './conflict-count';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export interface ConflictIndex {
  all: ConflictInfo[];
  /** Per requirement id: its distinct conflicts, the side reported in it preferred. */
  byRequirement: Map<string, ConflictInfo[]>;
  /** Per step id: distinct conflict keys whose `data.steps` name it, with the highest level. */
  byStep: Map<string, { keys: Set<string>; level: ConflictLevel }>;
  /** Per role id: highest level of conflicts naming the role (`data.role`/`data.roles`) or touching its lane. */
  byRole: Map<string, ConflictLevel>;
  /** Distinct conflicts of the file by level (core `countConflicts`: the badge, the CLI summary). */
  counts: ConflictCounts;
}

const higher = (a: ConflictLevel | undefined, b: ConflictLevel): ConflictLevel => (a === 'error' || b === 'error' ? 'error' : 'warning');

export function indexConflicts(model: Model, diagnostics: readonly Diagnostic[]): ConflictIndex {
  const all: ConflictInfo[] = [];
  for (const d of diagnostics) {
    if (!isConflictDiagnostic(d)) continue;
    let requirements = strings(d.data?.requirements);
    if (!requirements.length) {
      // fall back to the requirement the diagnostic sits in
      const holder = model.requirements.list.find((r) => contains(r.span, d.span));
      if (holder) requirements = [holder.id];
    }
    const role = typeof d.data?.role === 'string' ? d.data.role : undefined;
    all.push({
      key: conflictKey(d),
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.detail !== undefined ? { detail: d.detail } : {}),
      span: d.span,
      requirements,
      steps: strings(d.data?.steps),
      // absent, not `undefined`, when none: the roles tree travels from the worker as JSON (tree-pack.ts)
      ...(role !== undefined ? { role } : {}),
    });
  }

  const byRequirement = new Map<string, ConflictInfo[]>();
  for (const r of model.requirements.list) {
    const mine = all.filter((c) => c.requirements.includes(r.id));
    if (!mine.length) continue;
    // one per distinct conflict, preferring the side reported inside this requirement
    const chosen = new Map<string, ConflictInfo>();
    const order: string[] = [];
    for (const c of mine) {
      const prev = chosen.get(c.key);
      if (!prev) {
        chosen.set(c.key, c);
        order.push(c.key);
      } else if (!contains(r.span, prev.span) && contains(r.span, c.span)) {
        chosen.set(c.key, c);
      }
    }
    const list = order.map((k) => chosen.get(k)!);
    // own side first, then the others, each in document order
    const own = (c: ConflictInfo) => (contains(r.span, c.span) ? 0 : 1);
    list.sort((a, b) => own(a) - own(b) || a.span.start - b.span.start);
    byRequirement.set(r.id, list);
  }

  const byStep = new Map<string, { keys: Set<string>; level: ConflictLevel }>();
  const byRole = new Map<string, ConflictLevel>();
  for (const c of all) {
    const level = levelOf(c.severity);
    for (const s of c.steps) {
      const e = byStep.get(s);
      if (e) {
        e.keys.add(c.key);
        e.level = higher(e.level, level);
      } else byStep.set(s, { keys: new Set([c.key]), level });
      const lane = model.steps.byId.get(s)?.role?.id;
      if (lane !== undefined && model.roles.byId.has(lane)) byRole.set(lane, higher(byRole.get(lane), level));
    }
  }
  return { all, byRequirement, byStep, byRole, counts: countConflicts(diagnostics) };
}

// ---------------------------------------------------------------------------
// builders

/** Node ids are paths of `/`-separated, escaped segments. */
function nid(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

function summarize(model: Model, r: Requirement, conflicts: ConflictIndex): RequirementSummary {
  const list = conflicts.byRequirement.get(r.id) ?? [];
  let level: ConflictLevel | undefined;
  for (const c of list) level = higher(level, levelOf(c.severity));
  const from = r.from?.id;
  const role = from !== undefined ? model.roles.byId.get(from) : undefined;
  const s: RequirementSummary = {
    reqId: r.id,
    status: r.status,
    live: r.live,
    fromKnown: !!role,
    span: r.keySpan,
    conflicts: list,
    overriddenBy: decisionsAgainst(model, r),
    overrides: decisionsBy(model, r),
  };
  if (r.title !== undefined) s.title = r.title;
  if (r.priority !== undefined) s.priority = r.priority;
  if (from !== undefined) s.from = from;
  if (role?.name !== undefined) s.fromName = role.name;
  if (level) s.level = level;
  return s;
}

export interface TreeData {
  roles: RoleNode[];
  requirements: RequirementGroupNode[];
  conflicts: ConflictIndex;
}

/** Both trees of a file. */
export function buildTree(model: Model, diagnostics: readonly Diagnostic[], grouping: RequirementGrouping = 'status'): TreeData {
  const conflicts = indexConflicts(model, diagnostics);
  return {
    roles: buildRoleTree(model, diagnostics, conflicts),
    requirements: buildRequirementTree(model, diagnostics, grouping, conflicts),
    conflicts,
  };
}

/** The "What changes" lines of a role, from its impact. */
function changeNodes(model: Model, base: string, impact: RoleImpact | undefined): ChangeNode[] {
  if (!impact) return [];
  const out: ChangeNode[] = [];
  const role = impact.role;
  const name = (id: string) => model.steps.byId.get(id)?.name;
  const withName = (n: ChangeNode, id: string): ChangeNode => {
    const nm = name(id);
    if (nm !== undefined) (n as { stepName?: string }).stepName = nm;
    return n;
  };
  const spanOf = (asks: { span: Span }[], stepId: string) => asks[0]?.span ?? model.steps.byId.get(stepId)?.keySpan ?? { start: 0, end: 0 };
  for (const [change, list] of [
    ['added', impact.stepsAdded],
    ['removed', impact.stepsRemoved],
  ] as const) {
    for (const c of list) {
      out.push(
        withName(
          { kind: 'change', id: `${base}/changes/${change}/${nid(c.step)}`, roleId: role, span: spanOf(c.by, c.step), change, stepId: c.step, requirements: c.by.map((a) => a.requirement), contested: c.contested },
          c.step,
        ),
      );
    }
  }
  for (const c of impact.stepsChanged) {
    const n: ChangeNode = withName(
      {
        kind: 'change',
        id: `${base}/changes/changed/${nid(c.step)}/${nid(c.attribute)}`,
        roleId: role,
        span: spanOf(c.asks, c.step),
        change: 'changed',
        stepId: c.step,
        attribute: c.attribute,
        after: c.after.kind === 'value' ? [c.after.value] : c.after.values,
        contested: c.after.kind === 'contested',
        requirements: c.asks.map((a) => a.requirement),
      },
      c.step,
    );
    if (c.today !== undefined) (n as { today?: string }).today = c.today;
    out.push(n);
  }
  const seenData = new Set<string>();
  for (const d of impact.provides) {
    if (seenData.has(d.data)) continue;
    seenData.add(d.data);
    const req = d.requirements[0] !== undefined ? model.requirements.byId.get(d.requirements[0]) : undefined;
    out.push({
      kind: 'change',
      id: `${base}/changes/data/${nid(d.data)}`,
      roleId: role,
      span: req?.keySpan ?? model.steps.byId.get(d.step)?.keySpan ?? { start: 0, end: 0 },
      change: 'data',
      dataId: d.data,
      stepId: d.step,
      requirements: d.requirements,
    });
  }
  for (const a of impact.agreements) {
    if (a.state === 'agreed') continue;
    const n: ChangeNode = { kind: 'change', id: `${base}/changes/pending/${nid(a.requirement)}`, roleId: role, span: a.span, change: 'pending', requirement: a.requirement, state: a.state };
    const title = model.requirements.byId.get(a.requirement)?.title;
    if (title !== undefined) n.title = title;
    out.push(n);
  }
  return out;
}

/** The "Roles" tree: one node per role in document order. */
export function buildRoleTree(model: Model, diagnostics: readonly Diagnostic[], conflicts = indexConflicts(model, diagnostics)): RoleNode[] {
  const produced = new Set<string>();
  for (const s of model.steps.list) for (const p of s.produces) produced.add(p.id);
  const summaries = new Map<string, RequirementSummary>();
  const summary = (r: Requirement) => {
    let s = summaries.get(r.id);
    if (!s) summaries.set(r.id, (s = summarize(model, r, conflicts)));
    return s;
  };
  const laneOf = (stepId: string) => model.steps.byId.get(stepId)?.role?.id;
  const impactOf = new Map(computeImpact({ model, diagnostics }).roles.map((r) => [r.role, r]));
  // what each role's sections list, gathered in one pass over the steps, the requirements and the conflicts
  // (not one pass per role: a process has roughly one role per fifteen steps, so that would be quadratic)
  const stepsOf = new Map<string, Step[]>();
  for (const st of model.steps.list) pushTo(stepsOf, st.role?.id, st);
  const askedOf = new Map<string, Requirement[]>();
  for (const r of model.requirements.list) pushTo(askedOf, r.from?.id, r);
  const burdenOf = new Map<string, { r: Requirement; changes: BurdenChange[] }[]>();
  for (const r of model.requirements.list) {
    // a rejected requirement changes nobody's work; the asker's own lane is no burden
    if (!r.live) continue;
    const byLane = new Map<string, BurdenChange[]>();
    const put = (stepId: string, c: BurdenChange) => {
      const lane = laneOf(stepId);
      if (lane !== undefined && lane !== r.from?.id) pushTo(byLane, lane, c);
    };
    for (const a of r.adds) put(a.id, { how: 'adds', stepId: a.id, span: a.span });
    for (const st of r.sets) if (st.step) put(st.step.id, { how: 'sets', stepId: st.step.id, key: st.key, value: st.value, span: st.entrySpan });
    for (const rm of r.removes) put(rm.id, { how: 'removes', stepId: rm.id, span: rm.span });
    for (const [lane, changes] of byLane) pushTo(burdenOf, lane, { r, changes });
  }
  const conflictLevelOf = new Map<string, ConflictLevel>();
  for (const c of conflicts.all) if (c.role !== undefined) conflictLevelOf.set(c.role, higher(conflictLevelOf.get(c.role), levelOf(c.severity)));

  return model.roles.list.map((role) => {
    const base = nid('role', role.id);

    const steps: StepNode[] = (stepsOf.get(role.id) ?? []).map((s) => {
        const c = conflicts.byStep.get(s.id);
        const n: StepNode = {
          kind: 'step',
          id: `${base}/steps/${nid(s.id)}`,
          stepId: s.id,
          type: s.type,
          span: s.keySpan,
          conflictCount: c?.keys.size ?? 0,
        };
        if (s.name !== undefined) n.name = s.name;
        if (c) n.level = c.level;
        return n;
      });

    const asked: AskedNode[] = (askedOf.get(role.id) ?? []).map((r) => ({ kind: 'asked', id: `${base}/asked/${nid(r.id)}`, roleId: role.id, req: summary(r), span: r.keySpan }));

    const burden: BurdenNode[] = [];
    for (const { r, changes } of burdenOf.get(role.id) ?? []) {
      changes.sort((x, y) => x.span.start - y.span.start);
      burden.push({
        kind: 'burden',
        id: `${base}/burden/${nid(r.id)}`,
        roleId: role.id,
        req: summary(r),
        changes,
        // only a live agreement counts (a stale one, an objection or a question does not)
        agreed: agreements(model, r).get(role.id)?.state === 'agreed',
        span: r.keySpan,
      });
    }

    const needs: NeedNode[] = [];
    const seen = new Set<string>();
    for (const ref of role.needs) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      const item = model.data?.byId.get(ref.id);
      const declared = !model.data || !!item;
      const external = !!item?.external;
      const isProduced = produced.has(ref.id);
      const n: NeedNode = {
        kind: 'need',
        id: `${base}/needs/${nid(ref.id)}`,
        roleId: role.id,
        dataId: ref.id,
        produced: isProduced,
        external,
        declared,
        missing: !isProduced && !external,
        span: ref.span,
      };
      if (item?.name !== undefined) n.name = item.name;
      if (item) n.definitionSpan = item.keySpan;
      needs.push(n);
    }

    const changes = changeNodes(model, base, impactOf.get(role.id));

    const sections: Record<RoleSection, RoleChildNode[]> = { steps, asked, burden, changes, needs };
    const children: RoleSectionNode[] = [];
    for (const section of ROLE_SECTIONS) {
      const list = sections[section];
      if (list.length) children.push({ kind: 'section', id: `${base}/${section}`, roleId: role.id, section, children: list });
    }

    let level = conflicts.byRole.get(role.id);
    const own = conflictLevelOf.get(role.id);
    if (own) level = higher(level, own);
    const node: RoleNode = {
      kind: 'role',
      id: base,
      roleId: role.id,
      concerns: role.concerns,
      span: role.keySpan,
      unagreed: burden.filter((b) => !b.agreed).length,
      missingData: needs.filter((n) => n.missing).length,
      children,
    };
    if (role.name !== undefined) node.name = role.name;
    if (role.department !== undefined) node.department = role.department;
    if (level) node.level = level;
    return node;
  });
}

/** The "Requirements" tree: groups (non-empty only, in a fixed order) of requirements in document order. */
export function buildRequirementTree(
  model: Model,
  diagnostics: readonly Diagnostic[],
  grouping: RequirementGrouping,
  conflicts = indexConflicts(model, diagnostics),
): RequirementGroupNode[] {
  const groups = new Map<string, RequirementNode[]>();
  const keyOf = (r: Requirement): string => {
    if (grouping === 'status') return r.status;
    if (grouping === 'priority') return r.priority ?? '';
    return r.from?.id ?? '';
  };
  for (const r of model.requirements.list) {
    const req = summarize(model, r, conflicts);
    const id = nid('req', r.id);
    // ids of conflict children: the conflict's identity as seen from this requirement, numbered when repeated
    const used = new Map<string, number>();
    const children: ConflictNode[] = req.conflicts.map((c) => {
      const others = c.requirements.filter((x) => x !== r.id).join(',');
      const base = nid(c.code, others || '-', c.steps.join(',') || '-');
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      return { kind: 'conflict', id: `${id}/${n ? `${base}/${n}` : base}`, reqId: r.id, conflict: c, span: c.span };
    });
    const k = keyOf(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push({ kind: 'requirement', id, req, span: r.keySpan, children });
  }

  let order: string[];
  if (grouping === 'status') order = [...STATUSES];
  else if (grouping === 'priority') order = [...PRIORITIES, ''];
  else {
    // defined roles in document order, then unknown `from` ids in order of appearance, then "no role"
    order = model.roles.list.map((r) => r.id);
    for (const k of groups.keys()) if (k !== '' && !order.includes(k)) order.push(k);
    order.push('');
  }

  const out: RequirementGroupNode[] = [];
  const counted = new Set<string>();
  for (const key of order) {
    const children = groups.get(key);
    if (!children?.length) continue;
    const keys = new Map<string, ConflictLevel>();
    for (const c of children) for (const x of c.req.conflicts) keys.set(x.key, higher(keys.get(x.key), levelOf(x.severity)));
    let level: ConflictLevel | undefined;
    for (const l of keys.values()) level = higher(level, l);
    const role = grouping === 'role' ? model.roles.byId.get(key) : undefined;
    const node: RequirementGroupNode = {
      kind: 'group',
      id: nid('group', grouping, key || '-'),
      grouping,
      key,
      known: grouping !== 'role' || key === '' || !!role,
      conflictCount: [...keys.keys()].filter((k) => !counted.has(k)).length,
      conflictsInvolved: keys.size,
      children,
    };
    if (role?.name !== undefined) node.name = role.name;
    if (level) node.level = level;
    for (const k of keys.keys()) counted.add(k);
    out.push(node);
  }
  return out;
}

/** Finds a node by id in a tree (depth first). */
export function findNode(roots: readonly TreeNode[], id: string): TreeNode | undefined {
  for (const n of roots) {
    if (n.id === id) return n;
    const hit = findNode(childrenOf(n), id);
    if (hit) return hit;
  }
  return undefined;
}

export function childrenOf(n: TreeNode): readonly TreeNode[] {
  switch (n.kind) {
    case 'role':
    case 'section':
    case 'group':
    case 'requirement':
      return n.children;
    default:
      return [];
  }
}

/** The id of a node's parent, derived from the ids (roots have none). */
export function parentId(roots: readonly TreeNode[], node: TreeNode): string | undefined {
  const walk = (list: readonly TreeNode[], parent: TreeNode | undefined): TreeNode | undefined | null => {
    for (const n of list) {
      if (n === node || n.id === node.id) return parent ?? null;
      const hit = walk(childrenOf(n), n);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  const p = walk(roots, undefined);
  return p ? p.id : undefined;
}
