/**
 * The flow "today", as a picture: the process as it runs before any live
 * requirement is carried out. The steps a live requirement `adds` (and nothing
 * else names as existing) are not there yet: they are left out, and the
 * arrows through them are bypassed (their predecessors lead straight to their
 * successors). The steps a requirement `removes` are still there and drawn as
 * usual. No requirement is drawn (nothing added or removed today).
 *
 * Computed once here and used by every picture of it: the review pack's
 * "today" diagram (./pack.ts) and the preview's "Today" view
 * (src/shared/preview-render.ts). Which steps exist today is the role
 * impact's verdict (`Impact.steps[].today`, ./impact.ts).
 *
 * Pure; bounded by the number of steps and arrows.
 */
import type { Model, NextEdge, Step } from '../model';
import type { Impact } from './impact';

export interface TodayView {
  /** The model of today: the steps that exist today (re-indexed), arrows through the left-out ones bypassed, no requirement. */
  model: Model;
  /** The steps of the file left out (added by a live requirement: not there today), in file order. */
  leftOut: string[];
}

/** The picture of the flow today, from the role impact's verdict on each step. */
export function todayView(model: Model, impact: Impact): TodayView {
  const today = new Map(impact.steps.map((s) => [s.step, s.today]));
  const leftOut = model.steps.list.filter((s) => today.get(s.id) === false).map((s) => s.id);
  const out = new Set(leftOut);
  return { model: viewOf(model, (s) => !out.has(s.id)), leftOut };
}

/** A model whose steps are `keep` (re-indexed), with `next` edges through the left-out steps bypassed and no requirement. */
function viewOf(model: Model, keep: (s: Step) => boolean): Model {
  const kept = model.steps.list.filter(keep);
  const keptIds = new Set(kept.map((s) => s.id));
  const steps: Step[] = kept.map((s, index) => {
    const next: NextEdge[] = [];
    const seen = new Set<string>();
    for (const e of s.next) {
      if (keptIds.has(e.target.id) || !model.steps.byId.has(e.target.id)) {
        next.push(e);
        continue;
      }
      // follow left-out steps to the kept ones (bounded by the number of steps)
      const queue = [e.target.id];
      while (queue.length) {
        const t = queue.shift()!;
        if (seen.has(t)) continue;
        seen.add(t);
        if (keptIds.has(t)) {
          if (!next.some((x) => x.target.id === t)) next.push({ ...e, target: { ...e.target, id: t } });
          continue;
        }
        for (const x of model.steps.byId.get(t)?.next ?? []) queue.push(x.target.id);
      }
    }
    return { ...s, index, next };
  });
  return {
    ...model,
    steps: { ...model.steps, list: steps, byId: new Map(steps.map((s) => [s.id, s])) },
    // no requirement: nothing drawn added or removed today
    requirements: { ...model.requirements, list: [], byId: new Map() },
  };
}
