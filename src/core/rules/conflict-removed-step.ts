import { defineRule } from '../rule';
import type { Requirement } from '../model';
import type { Span } from '../types';
import { list } from '../i18n';
import { decided, decisionHint, pairSeverity, reqWho, stepLabel } from '../conflicts';

type How = 'steps' | 'sets' | 'adds';

interface Naming {
  req: Requirement;
  span: Span;
  how: How;
}

export default defineRule({
  code: 'conflict/removed-step',
  meta: {
    severity: 'warning',
    shownOn: 'the `removes` entry',
    docs: {
      description: {
        en: 'A live requirement removes a step that another live requirement names, and neither overrides the other.',
        zh: '一条有效需求要删除的步骤，被另一条有效需求引用，且双方都没有用 `overrides` 记录决定。',
      },
      severity: 'error if both are `must`, else warning',
    },
    fixable: true,
    messages: {
      removed: {
        en: '{{r}} removes step {{step}}, but {{other}} {{how}}.{{decision}}',
        zh: '{{r}}要删除步骤{{step}}，但{{other}}{{how}}。{{decision}}',
      },
      howSteps: { en: 'is about it (`steps`)', zh: '涉及它（`steps`）' },
      howSets: { en: 'changes how it works (`sets`)', zh: '要修改它的做法（`sets`）' },
      howAdds: { en: 'adds it (`adds`)', zh: '要新增它（`adds`）' },
      namedHere: { en: '{{other}} names step "{{stepId}}" here.', zh: '{{other}}在此引用了步骤“{{stepId}}”。' },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const live = model.requirements.list.filter((r) => r.live);
    // the steps that live requirements remove: only their mentions matter
    const removed = new Set<string>();
    for (let i = 0; i < live.length; i++) {
      const removes = live[i].removes;
      for (let k = 0; k < removes.length; k++) removed.add(removes[k].id);
    }
    if (!removed.size) return;

    // every live mention of a removed step in `steps`, `sets` or `adds`, grouped by step
    const namings = new Map<string, Naming[]>();
    const add = (id: string, req: Requirement, span: Span, how: How) => {
      if (!removed.has(id)) return;
      let l = namings.get(id);
      if (!l) namings.set(id, (l = []));
      l.push({ req, span, how });
    };
    for (let i = 0; i < live.length; i++) {
      const r = live[i];
      for (let k = 0; k < r.steps.length; k++) add(r.steps[k].id, r, r.steps[k].span, 'steps');
      for (let k = 0; k < r.sets.length; k++) {
        const s = r.sets[k];
        if (s.step) add(s.step.id, r, s.entrySpan, 'sets');
      }
      for (let k = 0; k < r.adds.length; k++) add(r.adds[k].id, r, r.adds[k].span, 'adds');
    }

    const hows = { steps: 'howSteps', sets: 'howSets', adds: 'howAdds' } as const satisfies Record<How, string>;

    for (let i = 0; i < live.length; i++) {
      const r = live[i];
      for (let k = 0; k < r.removes.length; k++) {
        const rm = r.removes[k];
        const l = namings.get(rm.id);
        if (!l) continue;
        // the other requirements naming the step, each with all the ways it does
        const others = new Map<Requirement, Naming[]>();
        for (const n of l) {
          if (n.req === r) continue;
          const m = others.get(n.req);
          if (m) m.push(n);
          else others.set(n.req, [n]);
        }
        for (const [other, ns] of others) {
          if (decided(ctx.facts, r, other)) continue;
          const kinds = [...new Set(ns.map((n) => n.how))];
          const how = list(ctx.locale, kinds.map((k) => ctx.format({ messageId: hows[k] })));
          const otherWho = reqWho(ctx, other);
          ctx.report({
            span: rm.span,
            severity: pairSeverity(r, other),
            messageId: 'removed',
            data: { r: reqWho(ctx, r), step: stepLabel(ctx, rm.id), other: otherWho, how, decision: decisionHint(ctx, r, other) },
            related: ns.slice(0, 5).map((n) => ({
              span: n.span,
              messageId: 'namedHere' as const,
              data: { other: otherWho, stepId: rm.id },
            })),
            diagnosticData: { steps: [rm.id], requirements: [r.id, other.id], other: other.id },
          });
        }
      }
    }
  },
});
