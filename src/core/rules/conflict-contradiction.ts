import { defineRule } from '../rule';
import type { Requirement, SetEntry } from '../model';
import { decided, decisionHint, pairSeverity, reqWho, stepLabel } from '../conflicts';

interface Entry {
  req: Requirement;
  set: SetEntry;
}

export default defineRule({
  code: 'conflict/contradiction',
  meta: {
    severity: 'warning',
    shownOn: 'the `sets` entry, in each of the two requirements',
    docs: {
      description: {
        en: 'Two live requirements set the same `step.attribute` to different values, and neither overrides the other.',
        zh: '两条有效需求把同一个 `步骤.属性` 设为不同的值，且双方都没有用 `overrides` 记录决定。',
      },
      severity: 'error if both are `must`, else warning',
    },
    fixable: true,
    messages: {
      contradiction: {
        en: 'Contradiction on "{{key}}" (step {{step}}): {{a}} sets it to "{{aValue}}", but {{b}} sets it to "{{bValue}}".{{decision}}',
        zh: '“{{key}}”存在矛盾（步骤{{step}}）：{{a}}把它设为“{{aValue}}”，而{{b}}把它设为“{{bValue}}”。{{decision}}',
      },
      contradictionToday: {
        en: 'Contradiction on "{{key}}" (step {{step}}; today it is "{{today}}"): {{a}} sets it to "{{aValue}}", but {{b}} sets it to "{{bValue}}".{{decision}}',
        zh: '“{{key}}”存在矛盾（步骤{{step}}；目前为“{{today}}”）：{{a}}把它设为“{{aValue}}”，而{{b}}把它设为“{{bValue}}”。{{decision}}',
      },
      otherSetsHere: {
        en: '{{b}} sets "{{key}}" to "{{bValue}}" here.',
        zh: '{{b}}在此把“{{key}}”设为“{{bValue}}”。',
      },
    },
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
      const data = {
        key,
        step: stepLabel(ctx, stepId),
        a: reqWho(ctx, a.req),
        aValue: a.set.value,
        b: reqWho(ctx, b.req),
        bValue: b.set.value,
        decision: decisionHint(ctx, a.req, b.req),
      };
      ctx.report({
        span: a.set.entrySpan,
        severity: pairSeverity(a.req, b.req),
        ...(today
          ? { messageId: 'contradictionToday' as const, data: { ...data, today: today.value } }
          : { messageId: 'contradiction' as const, data }),
        related: [{ span: b.set.entrySpan, messageId: 'otherSetsHere', data: { b: data.b, key, bValue: b.set.value } }],
        diagnosticData: { steps: [stepId], requirements: [a.req.id, b.req.id], other: b.req.id },
      });
    }
  },
});
