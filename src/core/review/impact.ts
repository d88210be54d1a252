/**
 * Role impact, "what changes for you": what the live requirements change in
 * each role's lane, computed from the model and the analysis' diagnostics.
 * Pure, and only ids, values and offsets: the clients word it.
 *
 * Today and after:
 * * `steps:` is the to-be process; a step that a live requirement `adds` is
 *   not there today, a step that one `removes` is gone after (the flow then
 *   passes from its predecessors straight to its successors).
 * * A step's attribute is its `attributes` value today and the `sets` value
 *   of the live requirements after.
 * * Where live requirements disagree (different values for one attribute, or
 *   one removes a step another names) and no `overrides` settles it, the point
 *   is *contested*: the after view keeps today's state for it, marks it, and
 *   never picks a side. With `overrides`, the requirement that overrides every
 *   other side wins.
 * * A step is manual when one of its attributes says so: a value with the word
 *   `manual` (`manual`, `manual-review`) or 人工 / 手工 / 手动.
 */
import { pushTo } from '../collections';
import { decided, stepsNamed } from '../conflicts';
import { createFacts } from '../engine';
import type { Model, Priority, Requirement, Status, Step } from '../model';
import type { Diagnostic, Span } from '../types';
import { agreements, type AgreementState } from './read';
import { fingerprintOf } from './fingerprint';

/** A live requirement asking for something, and where it asks. */
export interface Ask {
  requirement: string;
  from?: string;
  priority?: Priority;
  status: Status;
  /** The entry in the requirement (`adds`/`removes` item, `sets` pair). */
  span: Span;
}

export interface ValueAsk extends Ask {
  value: string;
}

export type StepFate = 'kept' | 'added' | 'removed' | 'contested';

export interface StepChange {
  step: string;
  /** The step's key. */
  span: Span;
  /** Requirements adding (for an added step) or removing it. */
  by: Ask[];
  /** Requirements on the other side (they remove an added step, or name a removed one) with no decision. */
  against: Ask[];
  contested: boolean;
}

export type AfterValue = { kind: 'value'; value: string; requirement: string } | { kind: 'contested'; values: string[] };

export interface AttributeChange {
  step: string;
  attribute: string;
  /** Today's value (`attributes`), absent when the step has none. */
  today?: string;
  asks: ValueAsk[];
  after: AfterValue;
}

export interface DataDuty {
  data: string;
  /** The added step of this lane that produces or needs it. */
  step: string;
  requirements: string[];
  /** For data asked of this lane: the added step of another lane that needs it. */
  to?: { step: string; role?: string };
}

export type HandoffChange = 'added' | 'removed' | 'unchanged';

export interface Handoff {
  from: string;
  to: string;
  fromRole: string;
  toRole: string;
  change: HandoffChange;
  /** One end is a contested step. */
  contested: boolean;
}

export interface LedgerCounts {
  steps: number;
  decisions: number;
  handoffs: number;
  manual: number;
}

export interface Ledger {
  before: LedgerCounts;
  /** Only the uncontested changes applied. */
  after: LedgerCounts;
  /** Points of this lane whose after depends on an open contest (steps and attributes). */
  contested: number;
}

export interface ConflictEntry {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  /** Every diagnostic of this conflict (both sides of a contradiction). */
  spans: Span[];
  requirements: string[];
  steps: string[];
  /** Roles the diagnostic names (`data.roles`). */
  roles: string[];
  /** Who decides: a `decidedBy` of the requirements involved, else the process owner. */
  decider?: string;
}

export interface AgreementEntry {
  requirement: string;
  from?: string;
  priority?: Priority;
  status: Status;
  /** What the requirement asks of this lane. */
  asks: ('adds' | 'sets' | 'removes')[];
  state: AgreementState;
  /** Today's fingerprint (what the role would sign). */
  fingerprint: string;
  /** The key of the requirement. */
  span: Span;
}

export interface RoleImpact {
  role: string;
  stepsAdded: StepChange[];
  stepsRemoved: StepChange[];
  stepsChanged: AttributeChange[];
  provides: DataDuty[];
  needs: DataDuty[];
  handoffsIn: Handoff[];
  handoffsOut: Handoff[];
  ledger: Ledger;
  conflicts: ConflictEntry[];
  /** Live requirements of other roles that ask something of this lane, with where the role stands. */
  agreements: AgreementEntry[];
  /** Those of `agreements` that wait for this role (state other than `agreed`). */
  pending: string[];
}

export interface StepState {
  step: string;
  role?: string;
  fate: StepFate;
  /** Present today (not added by a live requirement). */
  today: boolean;
  /** Present after (contested steps count as present, as today). */
  after: boolean;
  manualToday: boolean;
  manualAfter: boolean | 'contested';
}

export interface Impact {
  roles: RoleImpact[];
  steps: StepState[];
}

export interface ImpactInput {
  model: Model;
  diagnostics: readonly Diagnostic[];
}

const MANUAL = /(^|[^a-z])manual([^a-z]|$)|人工|手工|手动/i;

/** Whether the requirements change nothing in this role's work. */
export function unchanged(r: RoleImpact): boolean {
  return (
    !r.stepsAdded.length &&
    !r.stepsRemoved.length &&
    !r.stepsChanged.length &&
    !r.provides.length &&
    !r.needs.length &&
    ![...r.handoffsIn, ...r.handoffsOut].some((h) => h.change !== 'unchanged')
  );
}

export function isManualValue(value: string): boolean {
  return MANUAL.test(value);
}

function askOf(r: Requirement, span: Span): Ask {
  return { requirement: r.id, from: r.from?.id, priority: r.priority, status: r.status, span };
}

/** The requirement among `asks` that overrides every other one, if any. */
function winner<T extends Ask>(model: Model, asks: T[], others: Ask[]): T | undefined {
  for (const a of asks) {
    const ra = model.requirements.byId.get(a.requirement)!;
    if (others.every((o) => o.requirement === a.requirement || ra.overrides.some((x) => x.id === o.requirement))) return a;
  }
  return undefined;
}

/** Every step's fate and every attribute change, for the whole file. */
function fates(model: Model): { steps: Map<string, StepState & { change?: StepChange }>; attributes: AttributeChange[] } {
  const live = model.requirements.list.filter((r) => r.live);
  const adders = new Map<string, Ask[]>();
  const removers = new Map<string, Ask[]>();
  const namers = new Map<string, Ask[]>();
  const push = (m: Map<string, Ask[]>, k: string, a: Ask) => {
    const l = m.get(k);
    if (l) {
      if (!l.some((x) => x.requirement === a.requirement)) l.push(a);
    } else m.set(k, [a]);
  };
  for (const r of live) {
    for (const x of r.adds) push(adders, x.id, askOf(r, x.span));
    for (const x of r.removes) push(removers, x.id, askOf(r, x.span));
    const removed = new Set(r.removes.map((x) => x.id));
    for (const id of stepsNamed(r)) {
      if (removed.has(id)) continue;
      const where = r.adds.find((x) => x.id === id) ?? r.steps.find((x) => x.id === id) ?? r.sets.find((x) => x.step?.id === id)?.step;
      push(namers, id, askOf(r, where!.span));
    }
  }

  const facts = createFacts(model);
  const steps = new Map<string, StepState & { change?: StepChange }>();
  const attributes: AttributeChange[] = [];
  for (const s of model.steps.list) {
    const added = adders.get(s.id) ?? [];
    const removing = removers.get(s.id) ?? [];
    const keeping = (namers.get(s.id) ?? []).filter((k) => !removing.some((r) => r.requirement === k.requirement));
    let fate: StepFate = added.length ? 'added' : 'kept';
    let change: StepChange | undefined;
    if (removing.length) {
      const undecided = keeping.filter((k) =>
        removing.some((r) => !decided(facts, model.requirements.byId.get(r.requirement)!, model.requirements.byId.get(k.requirement)!)),
      );
      const removerWins = !keeping.length || !!winner(model, removing, keeping);
      const keeperWins = keeping.length > 0 && removing.every((r) => keeping.some((k) => model.requirements.byId.get(k.requirement)!.overrides.some((o) => o.id === r.requirement)));
      if (removerWins) fate = 'removed';
      else if (!keeperWins) fate = 'contested';
      change = { step: s.id, span: s.keySpan, by: removing, against: undecided, contested: fate === 'contested' };
    }
    if (fate === 'added' || (fate === 'contested' && added.length)) {
      change = { step: s.id, span: s.keySpan, by: added, against: removing, contested: fate === 'contested' };
    }
    const today = !added.length;
    const after = fate !== 'removed';
    steps.set(s.id, { step: s.id, role: s.role?.id, fate, today, after, manualToday: false, manualAfter: false, change });
  }

  // attribute changes, grouped by step and attribute
  const byKey = new Map<string, { step: Step; attribute: string; asks: ValueAsk[] }>();
  for (const r of live) {
    for (const e of r.sets) {
      if (!e.step) continue;
      const step = model.steps.byId.get(e.step.id);
      if (!step) continue;
      const k = `${step.id}\u0000${e.attribute}`;
      let g = byKey.get(k);
      if (!g) byKey.set(k, (g = { step, attribute: e.attribute, asks: [] }));
      if (!g.asks.some((a) => a.requirement === r.id)) g.asks.push({ ...askOf(r, e.entrySpan), value: e.value });
    }
  }
  for (const g of byKey.values()) {
    const today = g.step.attributes.find((a) => a.name === g.attribute)?.value;
    const values = [...new Set(g.asks.map((a) => a.value))];
    let after: AfterValue;
    if (values.length === 1) after = { kind: 'value', value: values[0], requirement: g.asks[0].requirement };
    else {
      const overrides = (a: string, b: string) => model.requirements.byId.get(a)!.overrides.some((o) => o.id === b);
      const w = g.asks.find((a) => g.asks.every((o) => o.value === a.value || overrides(a.requirement, o.requirement)));
      after = w ? { kind: 'value', value: w.value, requirement: w.requirement } : { kind: 'contested', values };
    }
    if (after.kind === 'value' && after.value === today) continue;
    attributes.push({ step: g.step.id, attribute: g.attribute, today, asks: g.asks, after });
  }

  // manual today / after (the attribute changes by step, looked up once: linear in steps + changes)
  const changesByStep = new Map<string, typeof attributes>();
  for (const c of attributes) pushTo(changesByStep, c.step, c);
  for (const s of model.steps.list) {
    const st = steps.get(s.id)!;
    st.manualToday = s.attributes.some((a) => isManualValue(a.value));
    const changes = changesByStep.get(s.id) ?? [];
    const afterValues: (string | string[])[] = s.attributes
      .filter((a) => !changes.some((c) => c.attribute === a.name))
      .map((a) => a.value);
    for (const c of changes) afterValues.push(c.after.kind === 'value' ? c.after.value : c.after.values);
    if (afterValues.some((v) => typeof v === 'string' && isManualValue(v))) st.manualAfter = true;
    else if (afterValues.some((v) => Array.isArray(v) && v.some(isManualValue))) st.manualAfter = 'contested';
    else st.manualAfter = false;
  }
  return { steps, attributes };
}

interface Edge {
  from: string;
  to: string;
}

/** `next` edges between defined steps, with the given steps bypassed (their predecessors lead to their successors). */
function edges(model: Model, present: (id: string) => boolean): Edge[] {
  const out = new Map<string, Edge>();
  const succ = (id: string) => model.steps.byId.get(id)?.next.map((e) => e.target.id).filter((t) => model.steps.byId.has(t)) ?? [];
  for (const s of model.steps.list) {
    if (!present(s.id)) continue;
    // follow bypassed steps, bounded by the number of steps
    const seen = new Set<string>();
    const queue = succ(s.id);
    while (queue.length) {
      const t = queue.shift()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (present(t)) out.set(`${s.id}\u0000${t}`, { from: s.id, to: t });
      else queue.push(...succ(t));
    }
  }
  return [...out.values()];
}

function conflictKey(d: Diagnostic): string {
  const reqs = [...(d.data?.requirements ?? [])].sort();
  const steps = [...(d.data?.steps ?? [])].sort();
  return `${d.code}|${reqs.join(',')}|${steps.join(',')}|${String(d.data?.role ?? '')}`;
}

/** Conflict diagnostics (`conflict/*`), one entry per conflict (both sides of a contradiction are one). */
export function conflictEntries(model: Model, diagnostics: readonly Diagnostic[]): ConflictEntry[] {
  const byKey = new Map<string, ConflictEntry>();
  for (const d of diagnostics) {
    if (!d.code.startsWith('conflict/')) continue;
    const k = conflictKey(d);
    const e = byKey.get(k);
    if (e) {
      e.spans.push(d.span);
      continue;
    }
    const requirements = [...(d.data?.requirements ?? [])];
    const decider =
      requirements.map((id) => model.requirements.byId.get(id)?.decidedBy?.id).find((x) => x !== undefined) ?? model.process?.owner?.id;
    byKey.set(k, {
      code: d.code,
      severity: d.severity,
      message: d.message,
      spans: [d.span],
      requirements,
      steps: [...(d.data?.steps ?? [])],
      roles: [...((d.data?.roles as string[] | undefined) ?? [])],
      decider,
    });
  }
  return [...byKey.values()];
}

function ledgerOf(laneSteps: readonly Step[], states: Map<string, StepState>, handoffs: Handoff[], when: 'before' | 'after'): LedgerCounts {
  let steps = 0;
  let decisions = 0;
  let manual = 0;
  for (const s of laneSteps) {
    const st = states.get(s.id)!;
    const present = when === 'before' ? st.today : st.fate === 'contested' ? st.today : st.after;
    if (!present) continue;
    steps++;
    if (s.type === 'decision') decisions++;
    if (when === 'before' ? st.manualToday : st.manualAfter === true) manual++;
  }
  const h = handoffs.filter((x) => (when === 'before' ? x.change !== 'added' : x.change !== 'removed') && !(when === 'after' && x.contested && x.change === 'added'));
  return { steps, decisions, handoffs: h.length, manual };
}

/** What the live requirements change for each role (or one role). */
export function computeImpact(input: ImpactInput, options: { role?: string } = {}): Impact {
  const { model, diagnostics } = input;
  const { steps: states, attributes } = fates(model);
  const roleOf = (id: string) => model.steps.byId.get(id)?.role?.id;
  const known = (r: string | undefined): r is string => r !== undefined && model.roles.byId.has(r);

  const before = edges(model, (id) => states.get(id)!.today);
  const after = edges(model, (id) => states.get(id)!.after);
  const key = (e: Edge) => `${e.from}\u0000${e.to}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const allHandoffs: Handoff[] = [];
  const pushHandoff = (e: Edge, change: HandoffChange) => {
    const fr = roleOf(e.from);
    const tr = roleOf(e.to);
    if (!known(fr) || !known(tr) || fr === tr) return;
    const contested = states.get(e.from)!.fate === 'contested' || states.get(e.to)!.fate === 'contested';
    allHandoffs.push({ from: e.from, to: e.to, fromRole: fr, toRole: tr, change, contested });
  };
  for (const e of before) pushHandoff(e, afterKeys.has(key(e)) ? 'unchanged' : 'removed');
  for (const e of after) if (!beforeKeys.has(key(e))) pushHandoff(e, 'added');

  const conflicts = conflictEntries(model, diagnostics);
  const live = model.requirements.list.filter((r) => r.live);
  const roles = options.role !== undefined ? [options.role] : [...model.roles.byId.keys()];
  const out: RoleImpact[] = [];
  // the steps that produce each data item today, in document order (one lookup per need, not a scan of the steps)
  const producersToday = new Map<string, Step[]>();
  for (const p of model.steps.list) {
    if (!states.get(p.id)!.today) continue;
    for (const x of p.produces) {
      const l = producersToday.get(x.id);
      if (!l) producersToday.set(x.id, [p]);
      else if (l[l.length - 1] !== p) l.push(p);
    }
  }
  // each role's share of the steps, changes, hand-offs, conflicts and asks, gathered in one pass each (not
  // one pass per role: a process has roughly one role per fifteen steps, so that would be quadratic)
  const stepsOf = new Map<string, Step[]>();
  for (const s of model.steps.list) pushTo(stepsOf, s.role?.id, s);
  const addedSteps = model.steps.list.filter((s) => !states.get(s.id)!.today && states.get(s.id)!.change);
  const attributesOf = new Map<string, typeof attributes>();
  for (const c of attributes) pushTo(attributesOf, roleOf(c.step), c);
  const handoffsTo = new Map<string, Handoff[]>();
  const handoffsFrom = new Map<string, Handoff[]>();
  for (const h of allHandoffs) {
    pushTo(handoffsTo, h.toRole, h);
    pushTo(handoffsFrom, h.fromRole, h);
  }
  const conflictsOf = new Map<string, typeof conflicts>();
  for (const c of conflicts) {
    const involved = new Set<string>(c.roles);
    for (const st of c.steps) {
      const lane = roleOf(st);
      if (lane !== undefined) involved.add(lane);
    }
    for (const id of c.requirements) {
      const from = model.requirements.byId.get(id)?.from?.id;
      if (from !== undefined) involved.add(from);
    }
    for (const r of involved) pushTo(conflictsOf, r, c);
  }
  const asksOf = new Map<string, { r: Requirement; asks: AgreementEntry['asks'] }[]>();
  for (const r of live) {
    const byLane = new Map<string, Set<'adds' | 'sets' | 'removes'>>();
    const put = (stepId: string | undefined, how: 'adds' | 'sets' | 'removes') => {
      const lane = stepId === undefined ? undefined : roleOf(stepId);
      if (lane === undefined || lane === r.from?.id) return;
      let set = byLane.get(lane);
      if (!set) byLane.set(lane, (set = new Set()));
      set.add(how);
    };
    for (const x of r.adds) put(x.id, 'adds');
    for (const x of r.sets) put(x.step?.id, 'sets');
    for (const x of r.removes) put(x.id, 'removes');
    for (const [lane, hows] of byLane) pushTo(asksOf, lane, { r, asks: (['adds', 'sets', 'removes'] as const).filter((h) => hows.has(h)) });
  }

  for (const role of roles) {
    const inLane = (id: string) => roleOf(id) === role;
    const laneSteps = stepsOf.get(role) ?? [];
    const stepsAdded: StepChange[] = [];
    const stepsRemoved: StepChange[] = [];
    for (const s of laneSteps) {
      const st = states.get(s.id)!;
      if (!st.change) continue;
      if (!st.today) stepsAdded.push(st.change);
      else stepsRemoved.push(st.change);
    }
    const stepsChanged = attributesOf.get(role) ?? [];

    const provides: DataDuty[] = [];
    const needs: DataDuty[] = [];
    const reqsOf = (c: StepChange) => c.by.map((a) => a.requirement);
    for (const c of stepsAdded) {
      const s = model.steps.byId.get(c.step)!;
      for (const d of s.produces) provides.push({ data: d.id, step: s.id, requirements: reqsOf(c) });
      for (const d of s.needs) needs.push({ data: d.id, step: s.id, requirements: reqsOf(c) });
    }
    // data that a step added to another lane needs, and that only this lane produces today
    for (const s of addedSteps) {
      const st = states.get(s.id)!;
      if (!st.change || inLane(s.id)) continue;
      for (const d of s.needs) {
        const producers = producersToday.get(d.id) ?? [];
        if (!producers.length || !producers.every((p) => inLane(p.id))) continue;
        provides.push({ data: d.id, step: producers[0].id, requirements: reqsOf(st.change), to: { step: s.id, role: roleOf(s.id) } });
      }
    }

    const handoffsIn = handoffsTo.get(role) ?? [];
    const handoffsOut = handoffsFrom.get(role) ?? [];
    const mine = [...handoffsIn, ...handoffsOut];
    const contested =
      stepsAdded.filter((c) => c.contested).length + stepsRemoved.filter((c) => c.contested).length + stepsChanged.filter((c) => c.after.kind === 'contested').length;
    const ledger: Ledger = {
      before: ledgerOf(laneSteps, states, mine, 'before'),
      after: ledgerOf(laneSteps, states, mine, 'after'),
      contested,
    };

    const myConflicts = conflictsOf.get(role) ?? [];

    const agreementsOut: AgreementEntry[] = [];
    for (const { r, asks } of asksOf.get(role) ?? []) {
      const state = agreements(model, r).get(role)?.state ?? 'none';
      agreementsOut.push({
        requirement: r.id,
        from: r.from?.id,
        priority: r.priority,
        status: r.status,
        asks,
        state,
        fingerprint: fingerprintOf(model, r).fingerprint,
        span: r.keySpan,
      });
    }

    out.push({
      role,
      stepsAdded,
      stepsRemoved,
      stepsChanged,
      provides,
      needs,
      handoffsIn,
      handoffsOut,
      ledger,
      conflicts: myConflicts,
      agreements: agreementsOut,
      pending: agreementsOut.filter((a) => a.state !== 'agreed').map((a) => a.requirement),
    });
  }
  const steps = [...states.values()].map(({ change: _c, ...s }) => s);
  return { roles: out, steps };
}
