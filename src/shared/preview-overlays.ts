/**
 * The drawing model of the preview: everything shown on top of the swimlane
 * layout is an overlay on it, defined here once, and the webview applies the
 * whole list in one go (`Decorations`). Producers, one per kind:
 *
 * - `conflictOverlays`: open conflicts (classes `conflictError` /
 *   `conflictWarning`, as toMermaid's text has them too) and their count badge;
 * - `decidedOverlays`: conflicts decided with `overrides` + `decidedBy`
 *   (class `bf-decided`), drawn as decided, not as open conflicts;
 * - `problemOverlays`: a step with an unknown role, a dead end, an
 *   unreachable step, … (`PROBLEM_CODES`): class `bf-problem-<level>` and a
 *   small "!" badge;
 * - `highlightOverlays`: what the editor's cursor is on. It highlights, and
 *   dims only the steps that carry nothing else: a conflict, a decision or a
 *   problem stays fully visible, and nothing is dimmed when none of the
 *   highlighted steps is drawn (e.g. in a role view); a changed step (after
 *   / diff view) is never dimmed either.
 *
 * - `changeOverlays`: the "after the requirements" view and a diff between
 *   versions (`RenderModel.mode`): `bf-added` ("+" badge), `bf-removed`
 *   (drawn dashed, "−"), `bf-changed` ("Δ"), `bf-contested` ("?": live
 *   requirements disagree, neither side drawn), and, in a role view, the
 *   role's lane `bf-lane-focus`.
 *
 * Pure (types only): shared by the webview and the unit tests.
 */
import type { HighlightMessage, RenderModel, StepChangeKind } from './protocol';

/** What an overlay is drawn on: a step (step id), a lane (role id), or the whole diagram. */
export type OverlayTarget = { kind: 'step'; id: string } | { kind: 'lane'; id: string } | { kind: 'diagram' };

export interface Badge {
  /** Its colour (and CSS class). */
  kind: 'error' | 'warning' | StepChangeKind;
  /** Where on the node: `conflict` top right (a count), `problem` top left ("!"), `change` bottom right ("+", "−", "Δ", "?"). */
  slot: 'conflict' | 'problem' | 'change';
  /** The text shown (a count, or "!"). */
  text: string;
}

export interface Overlay {
  target: OverlayTarget;
  /** CSS classes added to the target's group (removed again when a later list no longer has them). */
  classes: string[];
  badges?: Badge[];
}

/** Classes of the editor's highlight: a view of the moment, never exported. */
export const HIGHLIGHT_CLASSES = ['bf-hl', 'bf-hl-primary', 'bf-dim', 'bf-lane-hl', 'bf-has-hl'] as const;

/**
 * Diagnostic codes drawn as a problem badge on the step they are on (the
 * step named in `data.steps`, else the step whose definition holds the
 * diagnostic): what makes the picture itself wrong or incomplete.
 */
export const PROBLEM_CODES: ReadonlySet<string> = new Set([
  'ref/unknown-role',
  'ref/unknown-step',
  'flow/dead-end',
  'flow/unreachable',
  'flow/no-path-to-end',
  'flow/decision-branches',
  'flow/end-has-next',
]);

export function isProblemCode(code: string): boolean {
  return PROBLEM_CODES.has(code);
}

/** The open conflicts of each step: the class Mermaid's text gives it too (`toMermaid`), and its count badge. */
export function conflictOverlays(model: RenderModel): Overlay[] {
  const out: Overlay[] = [];
  for (const step of model.steps) {
    if (!step.conflict) continue;
    out.push({
      target: { kind: 'step', id: step.id },
      classes: [step.conflict === 'error' ? 'conflictError' : 'conflictWarning'],
      ...(step.conflictCount > 0 ? { badges: [{ kind: step.conflict, slot: 'conflict', text: String(step.conflictCount) }] } : {}),
    });
  }
  return out;
}

/** Steps where a conflict was decided (`overrides` + `decidedBy`) and no open conflict remains: `bf-decided`. */
export function decidedOverlays(model: RenderModel): Overlay[] {
  const out: Overlay[] = [];
  for (const step of model.steps) {
    if (!step.decided || step.conflict) continue;
    out.push({ target: { kind: 'step', id: step.id }, classes: ['bf-decided'] });
  }
  return out;
}

/** Steps with a problem (`PROBLEM_CODES`): `bf-problem-error` / `bf-problem-warning` and a "!" badge. */
export function problemOverlays(model: RenderModel): Overlay[] {
  const out: Overlay[] = [];
  for (const step of model.steps) {
    const p = step.problem;
    if (!p || p.count <= 0) continue;
    out.push({
      target: { kind: 'step', id: step.id },
      classes: [`bf-problem-${p.level}`],
      badges: [{ kind: p.level, slot: 'problem', text: '!' }],
    });
  }
  return out;
}

/** The class and badge text of each kind of change. */
export const CHANGE_MARKS: Readonly<Record<StepChangeKind, { cls: string; text: string }>> = {
  added: { cls: 'bf-added', text: '+' },
  removed: { cls: 'bf-removed', text: '\u2212' },
  changed: { cls: 'bf-changed', text: '\u0394' },
  contested: { cls: 'bf-contested', text: '?' },
};

/**
 * The "after the requirements" and diff views (`model.mode`): each changed
 * step's class and badge, and the selected role's lane. Nothing in the
 * `today` view.
 */
export function changeOverlays(model: RenderModel): Overlay[] {
  if (model.mode !== 'after' && model.mode !== 'diff') return [];
  const out: Overlay[] = [];
  for (const step of model.steps) {
    const c = step.change;
    if (!c) continue;
    const mark = CHANGE_MARKS[c.kind];
    out.push({ target: { kind: 'step', id: step.id }, classes: [mark.cls], badges: [{ kind: c.kind, slot: 'change', text: mark.text }] });
  }
  if (model.role !== undefined && model.lanes.some((l) => l.roleId === model.role && !l.unassigned)) {
    out.push({ target: { kind: 'lane', id: model.role }, classes: ['bf-lane-focus'] });
  }
  out.push({ target: { kind: 'diagram' }, classes: [model.mode === 'after' ? 'bf-mode-after' : 'bf-mode-diff'] });
  return out;
}

/**
 * What the editor's cursor is on: those steps highlighted (the one under the
 * cursor more strongly) and the lanes highlighted. The other steps are
 * dimmed, except those with a conflict, a decision or a problem, and only
 * when at least one highlighted step is drawn. Nothing when the highlight is
 * about another document.
 */
export function highlightOverlays(model: RenderModel, highlight: HighlightMessage | undefined): Overlay[] {
  if (!highlight) return [];
  const steps = new Set(highlight.steps);
  const any = model.steps.some((s) => steps.has(s.id));
  const out: Overlay[] = [];
  for (const step of model.steps) {
    const classes: string[] = [];
    if (steps.has(step.id)) classes.push('bf-hl');
    else if (any && !step.conflict && !step.decided && !step.problem && !step.change) classes.push('bf-dim');
    if (highlight.primary === step.id) classes.push('bf-hl-primary');
    if (classes.length) out.push({ target: { kind: 'step', id: step.id }, classes });
  }
  const lanes = new Set(highlight.lanes);
  for (const lane of model.lanes) if (!lane.unassigned && lanes.has(lane.roleId)) out.push({ target: { kind: 'lane', id: lane.roleId }, classes: ['bf-lane-hl'] });
  if (any) out.push({ target: { kind: 'diagram' }, classes: ['bf-has-hl'] });
  return out;
}

/** Every overlay of a drawing of `model`. */
export function overlaysOf(model: RenderModel, highlight: HighlightMessage | undefined): Overlay[] {
  return [
    ...conflictOverlays(model),
    ...decidedOverlays(model),
    ...problemOverlays(model),
    ...changeOverlays(model),
    ...highlightOverlays(model, highlight),
  ];
}

/** The key of a target, for grouping the overlays of one target. */
export function targetKey(t: OverlayTarget): string {
  return t.kind === 'diagram' ? 'diagram' : `${t.kind}:${t.id}`;
}

export interface MergedOverlay {
  target: OverlayTarget;
  classes: Set<string>;
  /** One badge per slot (the last overlay's wins). */
  badges: Map<Badge['slot'], Badge>;
}

/** The overlays of each target merged: the union of their classes, one badge per slot. */
export function mergeOverlays(overlays: readonly Overlay[]): Map<string, MergedOverlay> {
  const out = new Map<string, MergedOverlay>();
  for (const o of overlays) {
    const key = targetKey(o.target);
    let m = out.get(key);
    if (!m) out.set(key, (m = { target: o.target, classes: new Set(), badges: new Map() }));
    for (const c of o.classes) m.classes.add(c);
    for (const b of o.badges ?? []) m.badges.set(b.slot, b);
  }
  return out;
}
