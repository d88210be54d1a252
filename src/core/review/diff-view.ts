/**
 * A diff between two versions of a process as one picture: the newer
 * version's flow, with the steps the older version had and the newer one no
 * longer has put back where they were (in their old lane, with their old
 * arrows), so they can be drawn removed (dashed). The step changes come from
 * `diffSteps` (./diff.ts), the same comparison as `bizflow diff` and the
 * "BizFlow: Compare with…" text.
 *
 * The merged model is for drawing only (toMermaid): its put-back steps carry
 * spans of the older text. Pure; bounded by the two models' sizes.
 */
import type { Model, NextEdge, Role, Section, Step } from '../model';
import { diffSteps, type StepDiff } from './diff';

export interface DiffView {
  /** The newer model with the removed steps (and their lanes, if the newer version dropped them) put back. */
  model: Model;
  /** Every step change, `diffSteps(before, after)`. */
  steps: StepDiff[];
  /** Added, removed and changed step ids, as toMermaid's `changes` option takes them. */
  changes: { added: string[]; removed: string[]; changed: string[] };
}

/** The picture of the changes from `before` to `after`. */
export function diffView(before: Model, after: Model): DiffView {
  const steps = diffSteps(before, after);
  const removed = new Set(steps.filter((d) => d.change === 'removed').map((d) => d.step));
  const added = steps.filter((d) => d.change === 'added').map((d) => d.step);

  // the newer steps in order, each removed step right after the nearest step before it (in the older order) still there
  const order: Step[] = [...after.steps.list];
  const position = new Map(order.map((s, i) => [s.id, i]));
  const inserted: Step[] = [];
  let anchor = -1; // index in `order` of the last older step seen that is still there
  const groups = new Map<number, Step[]>();
  for (const s of before.steps.list) {
    if (!removed.has(s.id)) {
      const p = position.get(s.id);
      if (p !== undefined) anchor = p;
      continue;
    }
    const g = groups.get(anchor) ?? [];
    g.push(s);
    groups.set(anchor, g);
  }
  const list: Step[] = [...(groups.get(-1) ?? [])];
  order.forEach((s, i) => list.push(s, ...(groups.get(i) ?? [])));
  for (const g of groups.values()) inserted.push(...g);

  // arrows: the older version's arrows into a removed step are added to the newer steps they start from
  const into = new Map<string, NextEdge[]>();
  for (const s of before.steps.list) {
    if (removed.has(s.id)) continue;
    for (const e of s.next) if (removed.has(e.target.id)) into.set(s.id, [...(into.get(s.id) ?? []), e]);
  }
  const merged: Step[] = list.map((s, index) => {
    const extra = (into.get(s.id) ?? []).filter((e) => !s.next.some((x) => x.target.id === e.target.id));
    return { ...s, index, next: extra.length ? [...s.next, ...extra] : s.next };
  });

  // lanes the removed steps were in that the newer version no longer has, after the newer ones
  const roles: Role[] = [...after.roles.list];
  for (const s of inserted) {
    const r = s.role?.id;
    if (r === undefined || after.roles.byId.has(r) || roles.some((x) => x.id === r)) continue;
    const old = before.roles.byId.get(r);
    if (old) roles.push(old);
  }
  const roleSection: Section<Role> = { ...after.roles, list: roles, byId: new Map(roles.map((r) => [r.id, r])) };
  const model: Model = {
    ...after,
    steps: { ...after.steps, list: merged, byId: new Map(merged.map((s) => [s.id, s])) },
    roles: roleSection,
  };
  const changed = steps.filter((d) => d.change === 'changed').map((d) => d.step);
  return { model, steps, changes: { added, removed: [...removed], changed } };
}
