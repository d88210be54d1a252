/**
 * The review pack's model: everything a stakeholder who never opens VS Code
 * needs to read and sign a process file, computed once from the analysis and
 * rendered by pack-html.ts, pack-md.ts and (Node) src/node/review-xlsx.ts.
 * Pure: ids, names and values only; the renderers word it.
 *
 * * `process`: the summary (name, owner, description, counts).
 * * `roles`: one section per role (all, or the one asked for): its lane today
 *   and after the requirements, its impact (core/review/impact.ts), what it is
 *   asked to agree to, and its conflicts with both sides and who decides.
 * * `requirements`: every requirement with its acceptance criteria, `source`,
 *   affected roles, where each affected role stands, and its conflicts.
 * * `decisions`: the decision log (`overrides`, `decidedBy`); a decision made
 *   by the role whose own requirement wins is flagged (`selfFavour`).
 * * `signOff`: one row per live requirement and affected role (not the role
 *   that asked): the rows a returned sign-off sheet fills in.
 * * `diagrams`: the swimlane today and after the requirements, as Mermaid
 *   text from toMermaid over a view of the model: today leaves out the steps
 *   live requirements add (their predecessors lead to their successors), after
 *   marks added steps, draws removed ones dashed and marks contested points as
 *   conflicts (never picking a side: a contested removal is not drawn removed).
 */
import { stepsNamed } from '../conflicts';
import { toMermaid } from '../mermaid';
import type { Model, Priority, Requirement, Status, StepType } from '../model';
import type { Diagnostic, Locale } from '../types';
import { fingerprintOf } from './fingerprint';
import { afterFlow } from './after';
import { todayView } from './today';
import { computeImpact, type ConflictEntry, type Impact, type RoleImpact, type StepFate, type StepState } from './impact';
import { agreements, readDescription, readSource, type AgreementState, type SourceInfo } from './read';

export interface PackOptions {
  /** Only this role's section and sign-off rows (the summary, requirements and decisions stay whole). */
  role?: string;
  locale?: Locale;
}

export interface PackProcess {
  name: string;
  id?: string;
  owner?: string;
  description?: string;
  roles: number;
  steps: number;
  requirements: number;
  live: number;
  /** Open conflicts (one per conflict, both sides of a contradiction counted once). */
  conflicts: number;
  /** Sign-off rows still waiting (not agreed to the current version). */
  pending: number;
}

export interface AttributeAfter {
  name: string;
  today?: string;
  /** The value after the requirements; absent when contested. */
  after?: string;
  /** The values asked, when contested. */
  contested?: string[];
  /** Requirements asking for a change of this attribute. */
  requirements: string[];
}

export interface LaneStep {
  id: string;
  name: string;
  type: StepType;
  fate: StepFate;
  /** Live requirements adding or removing it. */
  by: string[];
  /** Its attributes today and after (changed ones carry the asks). */
  attributes: AttributeAfter[];
}

export interface PackSide {
  /** The role on this side. */
  role?: string;
  /** Its requirement, when it asked for something (absent for the role that bears the change). */
  requirement?: string;
}

export interface PackConflict {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  requirements: string[];
  steps: string[];
  sides: PackSide[];
  /** Who decides: a `decidedBy` of the requirements involved, else the process owner. */
  decider?: string;
  deciderFrom: 'decidedBy' | 'owner' | 'none';
  /** The one who decides is itself a party to the conflict. */
  deciderIsParty: boolean;
}

export interface PackAsk {
  requirement: string;
  title?: string;
  from?: string;
  priority?: Priority;
  status: Status;
  /** What it asks of this lane: `adds`, `sets`, `removes`, or `steps` (named only). */
  asks: string[];
  state: AgreementState;
  fingerprint: string;
}

export interface RolePack {
  id: string;
  name: string;
  department?: string;
  concerns: string[];
  lane: LaneStep[];
  impact: RoleImpact;
  /** Live requirements of other roles touching its lane, with where it stands. */
  asks: PackAsk[];
  conflicts: PackConflict[];
}

export interface RoleStanding {
  role: string;
  state: AgreementState;
  on?: string;
  note?: string;
}

export interface RequirementRow {
  id: string;
  title?: string;
  description?: string;
  from?: string;
  priority?: Priority;
  status: Status;
  live: boolean;
  /** Steps it names (`steps`, `sets`, `adds`, `removes`). */
  steps: string[];
  /** Roles whose lanes hold those steps, other than `from`. */
  affectedRoles: string[];
  /** Where every affected role (and every role that gave a verdict) stands. */
  standings: RoleStanding[];
  agreed: string[];
  pending: string[];
  /** Open conflicts it is part of: `code` and the other requirements. */
  conflicts: { code: string; with: string[] }[];
  acceptance: string[];
  source?: Omit<SourceInfo, 'span'>;
  rationale?: string;
  depends: string[];
  overrides: string[];
  decidedBy?: string;
  fingerprint: string;
}

export interface DecisionEntry {
  requirement: string;
  from?: string;
  overrides: string[];
  decidedBy?: string;
  /** `decidedBy`, else the process owner (who should have decided). */
  decider?: string;
  rationale?: string;
  /** The decision was made by the role whose own requirement wins. */
  selfFavour: boolean;
  /** No `decidedBy` recorded. */
  unrecorded: boolean;
}

export interface SignOffRow {
  role: string;
  requirement: string;
  title?: string;
  priority?: Priority;
  from?: string;
  /** Today's fingerprint: what the role signs. */
  fingerprint: string;
  state: AgreementState;
  /** The last verdict on record (with `stale`: an agree given to an earlier version). */
  on?: string;
  note?: string;
}

export interface ReviewPack {
  locale: Locale;
  process: PackProcess;
  /** Role ids in `roles:` order with their display names. */
  roleNames: { id: string; name: string }[];
  stepNames: { id: string; name: string; role?: string }[];
  roles: RolePack[];
  requirements: RequirementRow[];
  decisions: DecisionEntry[];
  signOff: SignOffRow[];
  diagrams: PackDiagrams;
  /** Whether the file had YAML errors (the pack is then partial). */
  syntaxErrors: boolean;
}

export interface PackDiagrams {
  today: string;
  after: string;
  /** The after picture in each role's view (its lane and the neighbouring steps), for the role sections that have steps. */
  roles: { role: string; text: string }[];
}

export interface PackInput {
  model: Model;
  diagnostics: readonly Diagnostic[];
}

function display(name: string | undefined, id: string): string {
  const n = name?.trim();
  return n ? n : id;
}

/** A step's lane role if it is a known role. */
function roleOfStep(model: Model, id: string): string | undefined {
  const r = model.steps.byId.get(id)?.role?.id;
  return r !== undefined && model.roles.byId.has(r) ? r : undefined;
}

/** Roles whose lanes a requirement's named steps are in, in `roles:` order, without its own `from`. */
export function affectedRoles(model: Model, req: Requirement): string[] {
  const set = new Set<string>();
  for (const s of stepsNamed(req)) {
    const r = roleOfStep(model, s);
    if (r !== undefined && r !== req.from?.id) set.add(r);
  }
  return model.roles.list.map((r) => r.id).filter((id) => set.has(id));
}

function packConflict(model: Model, c: ConflictEntry): PackConflict {
  const sides: PackSide[] = [];
  const parties = new Set<string>();
  for (const id of c.requirements) {
    const from = model.requirements.byId.get(id)?.from?.id;
    sides.push({ role: from, requirement: id });
    if (from) parties.add(from);
  }
  for (const r of c.roles) {
    if (parties.has(r)) continue;
    parties.add(r);
    sides.push({ role: r });
  }
  const viaDecidedBy = c.requirements.some((id) => model.requirements.byId.get(id)?.decidedBy?.id !== undefined);
  const deciderFrom = c.decider === undefined ? 'none' : viaDecidedBy ? 'decidedBy' : 'owner';
  return {
    code: c.code,
    severity: c.severity,
    message: c.message,
    requirements: c.requirements,
    steps: c.steps,
    sides,
    decider: c.decider,
    deciderFrom,
    deciderIsParty: c.decider !== undefined && parties.has(c.decider),
  };
}

function laneOf(model: Model, role: string, states: Map<string, StepState>, impact: RoleImpact): LaneStep[] {
  const out: LaneStep[] = [];
  const byAdd = new Map<string, string[]>();
  for (const c of [...impact.stepsAdded, ...impact.stepsRemoved]) byAdd.set(c.step, c.by.map((a) => a.requirement));
  for (const s of model.steps.list) {
    if (s.role?.id !== role) continue;
    const st = states.get(s.id)!;
    const attributes: AttributeAfter[] = s.attributes.map((a) => ({ name: a.name, today: a.value, after: a.value, requirements: [] }));
    for (const c of impact.stepsChanged.filter((x) => x.step === s.id)) {
      let a = attributes.find((x) => x.name === c.attribute);
      if (!a) attributes.push((a = { name: c.attribute, requirements: [] }));
      a.requirements = c.asks.map((x) => x.requirement);
      if (c.after.kind === 'value') a.after = c.after.value;
      else {
        a.after = undefined;
        a.contested = c.after.values;
      }
    }
    out.push({ id: s.id, name: display(s.name, s.id), type: s.type, fate: st.fate, by: byAdd.get(s.id) ?? [], attributes });
  }
  return out;
}

/** The review pack of an analysed file. */
export function buildPack(input: PackInput, options: PackOptions = {}): ReviewPack {
  const { model, diagnostics } = input;
  const locale = options.locale ?? 'en';
  const all = computeImpact(input);
  const states = new Map(all.steps.map((s) => [s.step, s]));
  const roleIds = model.roles.list.map((r) => r.id);
  const wanted = options.role !== undefined && model.roles.byId.has(options.role) ? [options.role] : roleIds;

  // requirements
  const openConflicts = new Map<string, { code: string; with: string[] }[]>();
  const conflictList = uniqueConflicts(all.roles);
  for (const c of conflictList) {
    for (const id of c.requirements) {
      const l = openConflicts.get(id) ?? [];
      l.push({ code: c.code, with: c.requirements.filter((x) => x !== id) });
      openConflicts.set(id, l);
    }
  }
  const requirements: RequirementRow[] = [];
  const signOff: SignOffRow[] = [];
  for (const r of model.requirements.list) {
    const affected = affectedRoles(model, r);
    const ag = agreements(model, r);
    const standingRoles = [...affected];
    for (const role of ag.keys()) if (!standingRoles.includes(role) && model.roles.byId.has(role)) standingRoles.push(role);
    const standings: RoleStanding[] = standingRoles.map((role) => {
      const a = ag.get(role);
      return { role, state: a?.state ?? 'none', on: a?.review?.on, note: a?.review?.note };
    });
    const fp = fingerprintOf(model, r).fingerprint;
    const src = readSource(model, r);
    const source = src ? { who: src.who, said: src.said, channel: src.channel, on: src.on } : undefined;
    requirements.push({
      id: r.id,
      title: r.title,
      description: readDescription(model, r),
      from: r.from?.id,
      priority: r.priority,
      status: r.status,
      live: r.live,
      steps: stepsNamed(r),
      affectedRoles: affected,
      standings,
      agreed: standings.filter((s) => s.state === 'agreed').map((s) => s.role),
      pending: affected.filter((role) => (ag.get(role)?.state ?? 'none') !== 'agreed'),
      conflicts: openConflicts.get(r.id) ?? [],
      acceptance: r.acceptance,
      source: source && Object.values(source).some((v) => v !== undefined) ? source : undefined,
      rationale: r.rationale,
      depends: r.depends.map((x) => x.id),
      overrides: r.overrides.map((x) => x.id),
      decidedBy: r.decidedBy?.id,
      fingerprint: fp,
    });
    if (!r.live) continue;
    for (const role of affected) {
      if (!wanted.includes(role)) continue;
      const a = ag.get(role);
      signOff.push({
        role,
        requirement: r.id,
        title: r.title,
        priority: r.priority,
        from: r.from?.id,
        fingerprint: fp,
        state: a?.state ?? 'none',
        on: a?.review?.on,
        note: a?.review?.note,
      });
    }
  }

  // decisions
  const decisions: DecisionEntry[] = [];
  for (const r of model.requirements.list) {
    if (!r.overrides.length) continue;
    const decidedBy = r.decidedBy?.id;
    const decider = decidedBy ?? model.process?.owner?.id;
    decisions.push({
      requirement: r.id,
      from: r.from?.id,
      overrides: r.overrides.map((x) => x.id),
      decidedBy,
      decider,
      rationale: r.rationale,
      selfFavour: decidedBy !== undefined && decidedBy === r.from?.id,
      unrecorded: decidedBy === undefined,
    });
  }

  // roles
  const roles: RolePack[] = [];
  for (const id of wanted) {
    const role = model.roles.byId.get(id)!;
    const impact = all.roles.find((x) => x.role === id)!;
    const asks: PackAsk[] = [];
    for (const r of model.requirements.list) {
      if (!r.live || r.from?.id === id) continue;
      const what: string[] = [];
      const inLane = (s: string) => roleOfStep(model, s) === id;
      if (r.adds.some((x) => inLane(x.id))) what.push('adds');
      if (r.sets.some((x) => x.step && inLane(x.step.id))) what.push('sets');
      if (r.removes.some((x) => inLane(x.id))) what.push('removes');
      if (!what.length && r.steps.some((x) => inLane(x.id))) what.push('steps');
      if (!what.length) continue;
      asks.push({
        requirement: r.id,
        title: r.title,
        from: r.from?.id,
        priority: r.priority,
        status: r.status,
        asks: what,
        state: agreements(model, r).get(id)?.state ?? 'none',
        fingerprint: fingerprintOf(model, r).fingerprint,
      });
    }
    roles.push({
      id,
      name: display(role.name, id),
      department: role.department,
      concerns: role.concerns,
      lane: laneOf(model, id, states, impact),
      impact,
      asks,
      conflicts: impact.conflicts.map((c) => packConflict(model, c)),
    });
  }

  const allSignOff = model.requirements.list
    .filter((r) => r.live)
    .flatMap((r) => affectedRoles(model, r).map((role) => agreements(model, r).get(role)?.state ?? 'none'));
  return {
    locale,
    process: {
      name: display(model.process?.name, model.process?.id ?? ''),
      id: model.process?.id,
      owner: model.process?.owner?.id,
      description: model.process?.description,
      roles: model.roles.list.length,
      steps: model.steps.list.length,
      requirements: model.requirements.list.length,
      live: model.requirements.list.filter((r) => r.live).length,
      conflicts: conflictList.length,
      pending: allSignOff.filter((s) => s !== 'agreed').length,
    },
    roleNames: model.roles.list.map((r) => ({ id: r.id, name: display(r.name, r.id) })),
    stepNames: model.steps.list.map((s) => ({ id: s.id, name: display(s.name, s.id), role: s.role?.id })),
    roles,
    requirements,
    decisions,
    signOff,
    diagrams: packDiagrams(model, diagnostics, all, wanted, locale),
    syntaxErrors: model.parsed.errors.length > 0,
  };
}

function uniqueConflicts(roles: RoleImpact[]): ConflictEntry[] {
  const seen = new Map<string, ConflictEntry>();
  for (const r of roles) {
    for (const c of r.conflicts) {
      const k = `${c.code}|${[...c.requirements].sort().join(',')}|${[...c.steps].sort().join(',')}|${[...c.roles].sort().join(',')}`;
      if (!seen.has(k)) seen.set(k, c);
    }
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------
// diagrams: today and after, as views of the model drawn by toMermaid

function packDiagrams(model: Model, diagnostics: readonly Diagnostic[], impact: Impact, wanted: string[], locale: Locale): PackDiagrams {
  // today: the steps added by live requirements left out (core/review/today.ts, the preview's "Today" too)
  const today = toMermaid(todayView(model, impact).model, [], { locale }).text;
  // after: the added steps marked, the removed ones dashed, the changed ones marked, the contested points marked as conflicts (core/review/after.ts)
  const flow = afterFlow(impact, diagnostics);
  const changes = { added: flow.added, removed: flow.removed, changed: flow.changedSteps };
  const after = toMermaid(model, flow.marks, { changes, locale }).text;
  const laned = wanted.filter((r) => model.steps.list.some((s) => s.role?.id === r));
  return { today, after, roles: laned.map((role) => ({ role, text: toMermaid(model, flow.marks, { role, changes, locale }).text })) };
}
