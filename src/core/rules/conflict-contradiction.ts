import { defineRule } from '../rule';
import type { Requirement, SetEntry } from '../model';
import { decided, decisionHint, pairSeverity, reqWho, stepLabel } from '../conflicts';

interface Entry {
  req: Requirement;
  set: SetEntry;
}

export default defineRule({
  code: 'conflict/contradiction',
  defaultSeverity: 'warning',
  description: {
    en: 'Two live requirements set the same `step.attribute` to different values, and neither overrides the other.',
    zh: '两条有效需求把同一个 `步骤.属性` 设为不同的值，且双方都没有用 `overrides` 记录决定。',
  },
  run(ctx) {
    const { model } = ctx;
    // group every live `sets` entry by the attribute it sets
    const groups = new Map<string, Entry[]>();
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.live) continue;
      for (let k = 0; k < r.sets.length; k++) {
        const set = r.sets[k];
        if (!set.step) continue; // a key without a dot names no attribute
        const key = `${set.step.id}.${set.attribute}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push({ req: r, set });
      }
    }
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      // entries by value: only entries of different values can clash
      const byValue = new Map<string, Entry[]>();
      for (const e of group) {
        let l = byValue.get(e.set.value);
        if (!l) byValue.set(e.set.value, (l = []));
        l.push(e);
      }
      if (byValue.size < 2) continue;
      const classes = [...byValue.values()];
      for (const mine of classes) {
        for (const a of mine) {
          for (const theirs of classes) {
            if (theirs === mine) continue;
            for (const b of theirs) {
              if (b.req === a.req || decided(ctx.facts, a.req, b.req)) continue;
              report(key, a, b);
            }
          }
        }
      }
    }

    function report(key: string, a: Entry, b: Entry) {
      const stepId = a.set.step!.id;
      const step = model.steps.byId.get(stepId);
      const today = step?.attributes.find((x) => x.name === a.set.attribute);
      const [k, aWho, bWho, aValue, bValue] = [ctx.q(key), reqWho(ctx, a.req), reqWho(ctx, b.req), ctx.q(a.set.value), ctx.q(b.set.value)];
      const now = today
        ? ctx.t(`; today it is ${ctx.q(today.value)}`, `；目前为${ctx.q(today.value)}`)
        : '';
      ctx.report({
        span: a.set.entrySpan,
        severity: pairSeverity(a.req, b.req),
        message:
          ctx.t(
            `Contradiction on ${k} (step ${stepLabel(ctx, stepId)}${now}): ` +
              `${aWho} sets it to ${aValue}, but ${bWho} sets it to ${bValue}.`,
            `${k}存在矛盾（步骤${stepLabel(ctx, stepId)}${now}）：` +
              `${aWho}把它设为${aValue}，而${bWho}把它设为${bValue}。`,
          ) + decisionHint(ctx, a.req, b.req),
        related: [
          {
            span: b.set.entrySpan,
            message: ctx.t(
              `${bWho} sets ${k} to ${bValue} here.`,
              `${bWho}在此把${k}设为${bValue}。`,
            ),
          },
        ],
        data: { steps: [stepId], requirements: [a.req.id, b.req.id], other: b.req.id },
      });
    }
  },
});
