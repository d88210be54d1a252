/**
 * The flow "after the requirements", as a picture: which steps are drawn
 * added, removed, changed or contested. Computed once from the role impact
 * (./impact.ts) and used by every picture of it: the review pack's "after"
 * diagrams (./pack.ts) and the preview's "After the requirements" view
 * (src/shared/preview-render.ts, drawn as overlays).
 *
 * * added: a live requirement `adds` it and nothing contests it;
 * * removed: a live requirement `removes` it and wins (drawn dashed, its
 *   edges dotted: the flow passes from its predecessors to its successors);
 * * contested: live requirements disagree about it (one removes a step another
 *   names, or two ask different values of one attribute) and no `overrides`
 *   settles it: drawn as contested, never as either side;
 * * changed: an attribute's value after differs from today's (uncontested;
 *   class `changed`).
 *
 * Pure: ids and values only.
 */
import type { Diagnostic } from '../types';
import type { AttributeChange, Impact } from './impact';

export interface AfterFlow {
  /** Steps added by the live requirements (uncontested), in file order. */
  added: string[];
  /** Steps removed by the live requirements (uncontested), in file order. */
  removed: string[];
  /** Steps whose after is contested (the step itself, or one of its attributes), in file order. */
  contested: string[];
  /** Steps drawn changed: an attribute changes (uncontested), and the step is neither added, removed nor contested; in file order. */
  changedSteps: string[];
  /** Attribute changes by step (uncontested and contested ones). */
  changed: Map<string, AttributeChange[]>;
  /**
   * Diagnostics that mark the picture: the contested points as one
   * `conflict/contested` warning, and the open conflicts raised as errors (they stay red).
   */
  marks: Diagnostic[];
}

/** The picture of the flow after the live requirements, from their impact and the analysis' diagnostics. */
export function afterFlow(impact: Impact, diagnostics: readonly Diagnostic[]): AfterFlow {
  const added = impact.steps.filter((s) => s.fate === 'added').map((s) => s.step);
  const removed = impact.steps.filter((s) => s.fate === 'removed').map((s) => s.step);
  const contestedSet = new Set(impact.steps.filter((s) => s.fate === 'contested').map((s) => s.step));
  const changed = new Map<string, AttributeChange[]>();
  for (const r of impact.roles) {
    for (const c of r.stepsChanged) {
      if (c.after.kind === 'contested') contestedSet.add(c.step);
      const l = changed.get(c.step) ?? [];
      if (!l.some((x) => x.attribute === c.attribute)) l.push(c);
      changed.set(c.step, l);
    }
  }
  const contested = impact.steps.map((s) => s.step).filter((id) => contestedSet.has(id));
  const moved = new Set([...added, ...removed]);
  const changedSteps = impact.steps
    .map((s) => s.step)
    .filter((id) => !contestedSet.has(id) && !moved.has(id) && (changed.get(id) ?? []).some((c) => c.after.kind === 'value'));
  const marks: Diagnostic[] = [];
  if (contested.length) {
    marks.push({ code: 'conflict/contested', severity: 'warning', message: '', span: { start: 0, end: 0 }, data: { steps: [...contestedSet] } });
  }
  for (const d of diagnostics) if (d.code.startsWith('conflict/') && d.severity === 'error') marks.push(d);
  return { added, removed, contested, changedSteps, changed, marks };
}
