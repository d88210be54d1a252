/**
 * The overlay model of the preview: what is drawn on top of the laid-out
 * diagram (classes on a step's or a lane's SVG group, a badge at a step's
 * corner), computed from the render model and the editor's highlight. The
 * webview applies a list of overlays with one function
 * (`src/webview/decorations.ts`); the layout is not redone for them.
 *
 * Today: conflicts (the state class and a badge with the number of
 * conflicts) and the highlight of what the editor's cursor is on. More kinds
 * (problems, decided conflicts, a role view, a diff between versions) are
 * more producers of the same list.
 *
 * Pure (types only): shared by the webview and the unit tests.
 */
import type { HighlightMessage, RenderModel } from './protocol';

/** What an overlay is drawn on: a step (step id), a lane (role id), or the whole diagram. */
export type OverlayTarget = { kind: 'step'; id: string } | { kind: 'lane'; id: string } | { kind: 'diagram' };

export interface Badge {
  /** Its colour (and CSS class). */
  kind: 'error' | 'warning';
  /** The number shown. */
  count: number;
}

export interface Overlay {
  target: OverlayTarget;
  /** CSS classes added to the target's group (removed again when a later list no longer has them). */
  classes: string[];
  badge?: Badge;
}

/** Classes of the editor's highlight: a view of the moment, never exported. */
export const HIGHLIGHT_CLASSES = ['bf-hl', 'bf-hl-primary', 'bf-dim', 'bf-lane-hl', 'bf-has-hl'] as const;

/** The conflict state of each step: the class Mermaid's text gives it too (`toMermaid`), and its badge. */
export function conflictOverlays(model: RenderModel): Overlay[] {
  const out: Overlay[] = [];
  for (const step of model.steps) {
    if (!step.conflict) continue;
    out.push({
      target: { kind: 'step', id: step.id },
      classes: [step.conflict === 'error' ? 'conflictError' : 'conflictWarning'],
      ...(step.conflictCount > 0 ? { badge: { kind: step.conflict, count: step.conflictCount } } : {}),
    });
  }
  return out;
}

/**
 * What the editor's cursor is on: those steps highlighted (the one under the
 * cursor more strongly), the other steps dimmed, the lanes highlighted.
 * Nothing when the highlight is about another document.
 */
export function highlightOverlays(model: RenderModel, highlight: HighlightMessage | undefined): Overlay[] {
  if (!highlight) return [];
  const steps = new Set(highlight.steps);
  const any = steps.size > 0;
  const out: Overlay[] = [];
  for (const step of model.steps) {
    const classes: string[] = [];
    if (steps.has(step.id)) classes.push('bf-hl');
    else if (any) classes.push('bf-dim');
    if (highlight.primary === step.id) classes.push('bf-hl-primary');
    if (classes.length) out.push({ target: { kind: 'step', id: step.id }, classes });
  }
  const lanes = new Set(highlight.lanes);
  for (const lane of model.lanes) if (lanes.has(lane.roleId)) out.push({ target: { kind: 'lane', id: lane.roleId }, classes: ['bf-lane-hl'] });
  if (any) out.push({ target: { kind: 'diagram' }, classes: ['bf-has-hl'] });
  return out;
}

/** Every overlay of a drawing of `model`. */
export function overlaysOf(model: RenderModel, highlight: HighlightMessage | undefined): Overlay[] {
  return [...conflictOverlays(model), ...highlightOverlays(model, highlight)];
}

/** The key of a target, for grouping the overlays of one target. */
export function targetKey(t: OverlayTarget): string {
  return t.kind === 'diagram' ? 'diagram' : `${t.kind}:${t.id}`;
}

/**
 * The overlays of each target merged: the union of their classes, and the
 * badge of the last overlay that has one.
 */
export function mergeOverlays(overlays: readonly Overlay[]): Map<string, { target: OverlayTarget; classes: Set<string>; badge?: Badge }> {
  const out = new Map<string, { target: OverlayTarget; classes: Set<string>; badge?: Badge }>();
  for (const o of overlays) {
    const key = targetKey(o.target);
    let m = out.get(key);
    if (!m) out.set(key, (m = { target: o.target, classes: new Set() }));
    for (const c of o.classes) m.classes.add(c);
    if (o.badge) m.badge = o.badge;
  }
  return out;
}
