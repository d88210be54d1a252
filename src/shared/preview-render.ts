/**
 * Pure logic of the preview (no `vscode` import, unit-tested): turns an
 * analysis into what the webview draws, finds the steps under the cursor,
 * and picks export file names. Its options and results are plain data
 * (structured-cloneable): the analysis worker prepares a render from the
 * analysis it keeps (the `render` and `highlight` queries,
 * ./preview-queries.ts), the extension host only when there is no worker.
 */
import { LineIndex } from '../core/positions';
import { toMermaid } from '../core/mermaid';
import { conflictKeys, conflictLevel, countConflicts, isConflictDiagnostic } from '../core/conflict-count';
import { stepsNamed } from '../core/conflicts';
import { decision, decisionSentence, type Decision } from '../core/decisions';
import type { AnalysisResult } from '../core/engine';
import type { Model, Step, Role, Section } from '../core/model';
import type { Diagnostic, Locale, Span } from '../core/types';
import { afterFlow } from '../core/review/after';
import { diffView } from '../core/review/diff-view';
import { todayView } from '../core/review/today';
import { computeImpact } from '../core/review/impact';
import { isProblemCode } from './preview-overlays';
import type {
  ConflictLevel,
  PreviewMode,
  StepChangeKind,
  PreviewDiagnostic,
  PreviewLane,
  PreviewProblem,
  PreviewStep,
  RenderModel,
  TooLarge,
} from './protocol';

/** Beyond these the diagram is not drawn; the preview offers the role view instead. */
export const PREVIEW_LIMITS = {
  /** Mermaid text length (the webview raises Mermaid's `maxTextSize` above this). */
  maxTextLength: 400_000,
  /** Arrows (Mermaid's `maxEdges` is raised above this). */
  maxEdges: 3_000,
  /** Step nodes. */
  maxNodes: 1_500,
};

export interface RenderOptions {
  role?: string;
  onlyConflictLanes?: boolean;
  /** Flow direction (`bizflow.preview.direction`); default `LR`. */
  direction?: 'LR' | 'TB';
  /** Language of the words BizFlow adds to the diagram (the "unassigned" band); default `en`. */
  locale?: Locale;
  /** Shown as the title when the process has no name. */
  fileName: string;
  /** What the picture shows; default `written` (the file as written). `diff` needs `diff`. */
  mode?: PreviewMode;
  /** The older version a diff compares with (the "BizFlow: Compare with…" command), and its name. */
  diff?: { before: AnalysisResult; label: string };
  limits?: typeof PREVIEW_LIMITS;
  /**
   * Localised notices, as templates whose `{0}`, `{1}`… the render fills (`fillTemplate`): plain strings,
   * so the options cross to the worker (the host localises them with the placeholders kept).
   */
  texts?: RenderTexts;
}

export interface RenderTexts {
  noConflicts?: string;
  /** `{0}`: the role asked for. */
  unknownRole?: string;
  /** The `after` view of a role, first line: `{0}`: its label. */
  roleChanges?: string;
  /** Second line: `{0}` added, `{1}` removed, `{2}` changed, `{3}` contested. */
  roleChangeCounts?: string;
  /** The only line when nothing changes for the role (`{0}`: its label); without it, the two lines with zeros. */
  roleNoChange?: string;
  /** The `diff` view's notice: `{0}`: the other version's name. */
  diffShown?: string;
  /** The `today` view's notice: `{0}`: the steps not drawn (added by a requirement), as a list of names. */
  todayLeftOut?: string;
}

/** `template` with `{0}`, `{1}`… replaced by `args` (in one pass: an argument's own braces stay as written). */
export function fillTemplate(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** How each step changes in the `after` / `diff` view, and the Mermaid `changes` to draw. */
interface ChangeView {
  mode: PreviewMode;
  /** The model drawn (the diff's merged model, today's model), else the file's. */
  model: Model;
  changes?: { added: readonly string[]; removed: readonly string[]; changed?: readonly string[] };
  /** Diagnostics to mark in the text besides the file's (the contested points). */
  marks: Diagnostic[];
  byStep: Map<string, { kind: StepChangeKind; fields?: string[] }>;
  notices: string[];
  roleChanges?: string[];
}

/** How many left-out step names the `today` notice lists before "+N". */
const TODAY_NAMES = 5;

/**
 * The `today` view (core/review/today.ts) and the `after` view
 * (core/review/after.ts), the same pictures as the review pack's, or the
 * `diff` view (core/review/diff-view.ts); else the file as written.
 */
function changeView(result: AnalysisResult, options: RenderOptions, role: string | undefined): ChangeView {
  const full = result.model;
  const byStep = new Map<string, { kind: StepChangeKind; fields?: string[] }>();
  if (options.mode === 'diff' && options.diff) {
    const v = diffView(options.diff.before.model, full);
    for (const d of v.steps) byStep.set(d.step, d.change === 'changed' ? { kind: 'changed', fields: d.fields ?? [] } : { kind: d.change });
    const notice = fillTemplate(options.texts?.diffShown ?? 'Changes since {0}: added steps marked +, removed ones dashed, changed ones Δ.', options.diff.label);
    return { mode: 'diff', model: v.model, changes: v.changes, marks: [], byStep, notices: [notice] };
  }
  if (options.mode === 'today') {
    const t = todayView(full, computeImpact(result));
    const names = t.leftOut.slice(0, TODAY_NAMES).map((id) => labelOf(full.steps.byId.get(id)?.name, id));
    if (t.leftOut.length > TODAY_NAMES) names.push(`+${t.leftOut.length - TODAY_NAMES}`);
    const list = names.join(', ');
    const notices = t.leftOut.length ? [fillTemplate(options.texts?.todayLeftOut ?? 'Today: not drawn yet (a requirement adds them): {0}.', list)] : [];
    return { mode: 'today', model: t.model, marks: [], byStep, notices };
  }
  if (options.mode !== 'after') return { mode: 'written', model: full, marks: [], byStep, notices: [] };
  const impact = computeImpact(result);
  const flow = afterFlow(impact, result.diagnostics);
  for (const id of flow.added) byStep.set(id, { kind: 'added' });
  for (const id of flow.removed) byStep.set(id, { kind: 'removed' });
  for (const [id, changes] of flow.changed) if (!byStep.has(id)) byStep.set(id, { kind: 'changed', fields: changes.map((c) => c.attribute) });
  for (const id of flow.contested) {
    const fields = (flow.changed.get(id) ?? []).filter((c) => c.after.kind === 'contested').map((c) => c.attribute);
    byStep.set(id, { kind: 'contested', ...(fields.length ? { fields } : {}) });
  }
  const view: ChangeView = { mode: 'after', model: full, changes: { added: flow.added, removed: flow.removed, changed: flow.changedSteps }, marks: flow.marks.filter((d) => d.code === 'conflict/contested'), byStep, notices: [] };
  const mine = role !== undefined ? impact.roles.find((r) => r.role === role) : undefined;
  if (mine) {
    const counts = {
      added: mine.stepsAdded.filter((c) => !c.contested).length,
      removed: mine.stepsRemoved.filter((c) => !c.contested).length,
      changed: mine.stepsChanged.filter((c) => c.after.kind === 'value').length,
      contested: mine.ledger.contested,
    };
    const label = labelOf(full.roles.byId.get(mine.role)?.name, mine.role);
    view.roleChanges = roleChangeLines(label, counts, options.texts);
    view.notices.push(view.roleChanges.join(' '));
  }
  return view;
}

/** The `after` view's lines for a role (its label; its counts), in the texts' language (English without them). */
function roleChangeLines(label: string, c: { added: number; removed: number; changed: number; contested: number }, texts: RenderTexts | undefined): string[] {
  if (texts?.roleNoChange !== undefined && c.added + c.removed + c.changed + c.contested === 0) return [fillTemplate(texts.roleNoChange, label)];
  return [
    fillTemplate(texts?.roleChanges ?? 'What changes for {0} after the requirements:', label),
    fillTemplate(texts?.roleChangeCounts ?? '{0} step(s) added, {1} removed, {2} changed, {3} contested', c.added, c.removed, c.changed, c.contested),
  ];
}

export const isConflict = isConflictDiagnostic;

function within(offset: number, span: Span): boolean {
  return offset >= span.start && offset <= span.end;
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The steps a diagnostic is about: its `data.steps`, else the step whose definition holds its span. */
export function stepsOfDiagnostic(model: Model, d: Diagnostic): string[] {
  const ids = d.data?.steps;
  if (Array.isArray(ids)) {
    return [...new Set(ids.filter((id): id is string => typeof id === 'string' && model.steps.byId.has(id)))];
  }
  for (const s of model.steps.list) {
    if (contains(s.span, d.span)) return [s.id];
  }
  return [];
}

/**
 * Identities of the conflicts a diagnostic stands for (core `conflictKeys`:
 * one per pair of requirements on the point), here on the steps it touches.
 */
export function conflictKeysOn(d: Diagnostic, steps: string[]): string[] {
  return conflictKeys({ ...d, data: { ...d.data, steps } });
}

export interface StepConflicts {
  level?: ConflictLevel;
  count: number;
  diagnostics: Diagnostic[];
  /** Problems drawn on the step (`isProblemCode`): highest level and how many. */
  problem?: { level: ConflictLevel; count: number };
  /** Decided conflicts on the step. */
  decided?: number;
  /** Those decisions: which requirement overrides which. */
  decisions?: Array<{ winner: string; loser: string }>;
}

export interface ConflictSummary {
  byStep: Map<string, StepConflicts>;
  /** Distinct conflicts of the file, by level (src/core/conflict-count.ts: the one definition of "a conflict"). */
  counts: { error: number; warning: number };
  /** Decided conflicts of the file: pairs of live requirements where one `overrides` the other. */
  decided: number;
  /** Roles of the steps in a conflict. */
  roles: Set<string>;
}

/**
 * The recorded decisions of a model: each pair of live requirements where
 * one lists the other under `overrides`, with the steps both name (where
 * they clash). A decided pair raises no conflict diagnostic; the preview
 * draws it as decided.
 */
export function decisionsOf(model: Model): Array<{ winner: string; loser: string; steps: string[] }> {
  const out: Array<{ winner: string; loser: string; steps: string[] }> = [];
  const seen = new Set<string>();
  for (const w of model.requirements.list) {
    if (!w.live) continue;
    for (const o of w.overrides) {
      const l = model.requirements.byId.get(o.id);
      if (!l || l === w || !l.live) continue;
      const key = [w.id, l.id].sort().join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      const theirs = new Set(stepsNamed(l));
      const steps = stepsNamed(w).filter((id) => theirs.has(id) && model.steps.byId.has(id));
      out.push({ winner: w.id, loser: l.id, steps });
    }
  }
  return out;
}

/** "REQ-002 overridden by REQ-001, decided by 总监" as plain text (core `decisionSentence`, without Markdown code marks). */
export function decisionText(model: Model, winner: string, loser: string, locale: Locale): string {
  const w = model.requirements.byId.get(winner);
  const d: Decision = w ? decision(model, w, loser) : { winner, loser };
  return decisionSentence(d, locale).replace(/`/g, '');
}

/** Diagnostics, conflicts, problems and decisions by step. */
export function summarize(model: Model, diagnostics: readonly Diagnostic[]): ConflictSummary {
  const byStep = new Map<string, StepConflicts>();
  const keysByStep = new Map<string, Set<string>>();
  const roles = new Set<string>();
  const entry = (id: string) => {
    let e = byStep.get(id);
    if (!e) byStep.set(id, (e = { count: 0, diagnostics: [] }));
    return e;
  };
  for (const d of diagnostics) {
    const steps = stepsOfDiagnostic(model, d);
    for (const id of steps) entry(id).diagnostics.push(d);
    if (isProblemCode(d.code) && (d.severity === 'error' || d.severity === 'warning')) {
      for (const id of steps) {
        const e = entry(id);
        const level = conflictLevel(d.severity);
        e.problem = { level: e.problem?.level === 'error' ? 'error' : level, count: (e.problem?.count ?? 0) + 1 };
      }
    }
    if (!isConflict(d)) continue;
    const level = conflictLevel(d.severity);
    const keys = conflictKeysOn(d, steps);
    for (const id of steps) {
      const e = entry(id);
      if (e.level !== 'error') e.level = level;
      let stepKeys = keysByStep.get(id);
      if (!stepKeys) keysByStep.set(id, (stepKeys = new Set()));
      for (const key of keys) stepKeys.add(key);
      e.count = stepKeys.size;
      const role = model.steps.byId.get(id)?.role?.id;
      if (role !== undefined && model.roles.byId.has(role)) roles.add(role);
    }
  }
  const { error, warning } = countConflicts(diagnostics);
  const decisions = decisionsOf(model);
  for (const d of decisions) {
    for (const id of d.steps) {
      const e = entry(id);
      e.decided = (e.decided ?? 0) + 1;
      (e.decisions ??= []).push({ winner: d.winner, loser: d.loser });
    }
  }
  return { byStep, counts: { error, warning }, decided: decisions.length, roles };
}

/**
 * The model restricted to the lanes of `roles`, plus the lane-less steps
 * directly connected to them (start/end steps usually have no role).
 * Steps are re-indexed, as `toMermaid` expects.
 */
export function restrictToRoles(model: Model, roles: ReadonlySet<string>): Model {
  const inLane = (s: Step) => s.role !== undefined && model.roles.byId.has(s.role.id);
  const keep = new Set<string>();
  for (const s of model.steps.list) if (inLane(s) && roles.has(s.role!.id)) keep.add(s.id);
  const kept = new Set(keep);
  for (const s of model.steps.list) {
    if (inLane(s) || keep.has(s.id)) continue;
    const linked = s.next.some((e) => kept.has(e.target.id)) || model.steps.list.some((o) => kept.has(o.id) && o.next.some((e) => e.target.id === s.id));
    if (linked) keep.add(s.id);
  }
  const list: Step[] = [];
  const byId = new Map<string, Step>();
  for (const s of model.steps.list) {
    if (!keep.has(s.id)) continue;
    const copy: Step = { ...s, index: list.length };
    list.push(copy);
    byId.set(copy.id, copy);
  }
  const roleList = model.roles.list.filter((r) => roles.has(r.id));
  const rolesSection: Section<Role> = { keySpan: model.roles.keySpan, list: roleList, byId: new Map(roleList.map((r) => [r.id, r])) };
  return { ...model, steps: { keySpan: model.steps.keySpan, list, byId }, roles: rolesSection };
}

function labelOf(name: string | undefined, id: string): string {
  return name !== undefined && name.trim() !== '' ? name : id;
}

function countEdges(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (/ (-->|-\.->)/.test(line)) n++;
  return n;
}

export function syntaxProblems(result: AnalysisResult, index: LineIndex): PreviewProblem[] {
  return result.diagnostics
    .filter((d) => d.code === 'yaml/syntax')
    .map((d) => {
      const p = index.oneBased(d.span);
      return { message: d.message, line: p.line, column: p.column };
    });
}

/**
 * A render model and what the webview may ask for later about it (from the same analysis and view), as
 * plain data: it crosses from the analysis worker.
 */
export interface RenderParts {
  model: RenderModel;
  /**
   * The diagnostics of each drawn step that has some, for its hover tooltip (`diagnosticsOfStep`).
   */
  stepDiagnostics: Map<string, PreviewDiagnostic[]>;
}

/** The diagnostics of a drawn step (`[]`: none), `undefined` for a step not drawn. */
export function diagnosticsOfStep(parts: RenderParts, stepId: string): PreviewDiagnostic[] | undefined {
  return parts.stepDiagnostics.get(stepId) ?? (parts.model.steps.some((s) => s.id === stepId) ? [] : undefined);
}

/** Builds everything the webview needs to draw the diagram of an analysis. Never throws on any model. */
export function buildRenderModel(result: AnalysisResult, index: LineIndex, options: RenderOptions): RenderModel {
  return prepareRender(result, index, options).model;
}

/** `buildRenderModel`, plus the step details the webview may ask for afterwards. Never throws on any model. */
export function prepareRender(result: AnalysisResult, index: LineIndex, options: RenderOptions): RenderParts {
  const limits = options.limits ?? PREVIEW_LIMITS;
  const full = result.model;
  const diagnostics = result.diagnostics;
  const summary = summarize(full, diagnostics);
  const notices: string[] = [];

  let role = options.role;
  if (role !== undefined && !full.roles.byId.has(role)) {
    notices.push(fillTemplate(options.texts?.unknownRole ?? 'Role "{0}" is not defined: showing all roles.', role));
    role = undefined;
  }
  const view = changeView(result, options, role);
  // today: the steps that exist today (their conflicts and problems still drawn: they are about the requirements)
  let drawn = view.mode === 'today' ? view.model : full;
  const onlyConflictLanes = !!options.onlyConflictLanes;
  if (onlyConflictLanes && role === undefined) {
    if (summary.roles.size > 0) drawn = restrictToRoles(drawn, summary.roles);
    else notices.push(options.texts?.noConflicts ?? 'No step is in a conflict: showing all lanes.');
  }
  if (view.mode === 'diff') drawn = view.model;
  notices.push(...view.notices);
  const m = toMermaid(drawn, view.marks.length ? [...diagnostics, ...view.marks] : diagnostics, {
    role,
    direction: options.direction === 'TB' ? 'TB' : 'LR',
    locale: options.locale ?? 'en',
    ...(view.changes ? { changes: view.changes } : {}),
  });
  if (m.warnings) notices.push(...m.warnings);

  const steps: PreviewStep[] = [];
  for (const [id, nodeId] of m.nodeIds) {
    const s = view.model.steps.byId.get(id);
    if (!s) continue;
    const c = summary.byStep.get(id);
    const step: PreviewStep = {
      id,
      label: labelOf(s.name, s.id),
      kind: s.type,
      nodeId,
      conflictCount: c?.count ?? 0,
    };
    if (s.role !== undefined) step.role = s.role.id;
    if (c?.level) step.conflict = c.level;
    if (c?.diagnostics.length) step.diagnosticCount = c.diagnostics.length;
    if (c?.problem) step.problem = c.problem;
    if (c?.decided) step.decided = c.decided;
    const change = view.byStep.get(id);
    if (change) step.change = { kind: change.kind, ...(change.fields?.length ? { fields: change.fields } : {}) };
    if (c?.decisions?.length) step.decisions = c.decisions.map((d) => decisionText(full, d.winner, d.loser, options.locale ?? 'en'));
    steps.push(step);
  }
  const lanes: PreviewLane[] = [];
  for (const [roleId, laneId] of m.laneIds) {
    const r = view.model.roles.byId.get(roleId);
    lanes.push({ roleId, laneId, label: labelOf(r?.name, roleId), conflict: summary.roles.has(roleId) });
  }
  if (m.unassignedLane) {
    // steps with no role or an unknown one: their own labelled band (toMermaid writes it last)
    lanes.push({ roleId: '', laneId: m.unassignedLane, label: options.locale === 'zh-CN' ? '未分配' : 'unassigned', conflict: false, unassigned: true });
  }

  const edges = countEdges(m.text);
  let tooLarge: TooLarge | undefined;
  if (m.text.length > limits.maxTextLength || edges > limits.maxEdges || steps.length > limits.maxNodes) {
    tooLarge = {
      textLength: m.text.length,
      maxTextLength: limits.maxTextLength,
      edges,
      maxEdges: limits.maxEdges,
      nodes: steps.length,
      maxNodes: limits.maxNodes,
    };
  }

  const model: RenderModel = {
    title: labelOf(full.process?.name, options.fileName),
    mermaid: tooLarge ? '' : m.text,
    // nothing is drawn when it is too large: no steps and lanes to send (10,000 steps: 1.2 MB of message)
    steps: tooLarge ? [] : steps,
    lanes: tooLarge ? [] : lanes,
    roles: full.roles.list.map((r) => ({ id: r.id, label: labelOf(r.name, r.id) })),
    onlyConflictLanes,
    conflictCounts: summary.counts,
    decidedCount: summary.decided,
    problems: syntaxProblems(result, index),
    notices,
  };
  if (role !== undefined) model.role = role;
  if (tooLarge) model.tooLarge = tooLarge;
  if (view.mode !== 'written') model.mode = view.mode;
  if (options.diff) model.diffWith = options.diff.label;
  if (view.roleChanges) model.roleChanges = view.roleChanges;
  const stepDiagnostics = new Map<string, PreviewDiagnostic[]>();
  for (const { id } of model.steps) {
    // a step of the older version (diff view) has no diagnostics in this one
    const found = full.steps.byId.has(id) ? summary.byStep.get(id)?.diagnostics : undefined;
    if (!found?.length) continue;
    stepDiagnostics.set(
      id,
      found.map((d) => {
        const p = index.oneBased(d.span);
        return { code: d.code, severity: d.severity, message: d.message, line: p.line, column: p.column };
      }),
    );
  }
  return { model, stepDiagnostics };
}

export interface HighlightTarget {
  steps: string[];
  primary?: string;
  lanes: string[];
}

/**
 * What the diagram highlights for a cursor at `offset`: a step (its definition
 * or a reference to it), every step a requirement touches (anywhere inside the
 * requirement; the step under the cursor first), or a role's lane.
 */
export function highlightAt(model: Model, offset: number): HighlightTarget {
  const known = (id: string) => model.steps.byId.has(id);
  for (const s of model.steps.list) {
    if (!within(offset, s.span)) continue;
    for (const e of s.next) {
      if (within(offset, e.target.span) && known(e.target.id)) return { steps: [e.target.id], primary: e.target.id, lanes: [] };
    }
    if (s.role && within(offset, s.role.span) && model.roles.byId.has(s.role.id)) {
      return { steps: [s.id], primary: s.id, lanes: [s.role.id] };
    }
    return { steps: [s.id], primary: s.id, lanes: [] };
  }
  for (const r of model.requirements.list) {
    if (!within(offset, r.span)) continue;
    const refs = [...r.steps, ...r.sets.map((x) => x.step).filter((x): x is NonNullable<typeof x> => !!x), ...r.adds, ...r.removes];
    const ids: string[] = [];
    let primary: string | undefined;
    for (const ref of refs) {
      if (!known(ref.id)) continue;
      if (!ids.includes(ref.id)) ids.push(ref.id);
      if (primary === undefined && within(offset, ref.span)) primary = ref.id;
    }
    const out: HighlightTarget = { steps: ids, lanes: [] };
    if (primary !== undefined) out.primary = primary;
    return out;
  }
  for (const role of model.roles.list) {
    if (within(offset, role.span)) return { steps: [], lanes: [role.id] };
  }
  return { steps: [], lanes: [] };
}

export function sameHighlight(a: HighlightTarget | undefined, b: HighlightTarget): boolean {
  return (
    !!a &&
    a.primary === b.primary &&
    a.steps.length === b.steps.length &&
    a.steps.every((s, i) => s === b.steps[i]) &&
    a.lanes.length === b.lanes.length &&
    a.lanes.every((s, i) => s === b.lanes[i])
  );
}

/** `order.bizflow.yaml` + role `sales` + `svg` → `order-sales.svg`. */
export function exportFileName(fileName: string, ext: 'svg' | 'png', role?: string): string {
  const base = fileName.replace(/\.bizflow\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'diagram';
  const suffix = role ? '-' + role.replace(/[^A-Za-z0-9_-]+/g, '_') : '';
  return `${base}${suffix}.${ext}`;
}
