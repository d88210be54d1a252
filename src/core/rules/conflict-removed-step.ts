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
  defaultSeverity: 'warning',
  description: {
    en: 'A live requirement removes a step that another live requirement names, and neither overrides the other.',
    zh: '一条有效需求要删除的步骤，被另一条有效需求引用，且双方都没有用 `overrides` 记录决定。',
  },
  run(ctx) {
    const { model } = ctx;
    const live = model.requirements.list.filter((r) => r.live);
    if (!live.some((r) => r.removes.length)) return;

    // every live mention of a step in `steps`, `sets` or `adds`, grouped by step
    const namings = new Map<string, Naming[]>();
    const add = (id: string, n: Naming) => {
      let l = namings.get(id);
      if (!l) namings.set(id, (l = []));
      l.push(n);
    };
    for (const r of live) {
      for (const s of r.steps) add(s.id, { req: r, span: s.span, how: 'steps' });
      for (const s of r.sets) if (s.step) add(s.step.id, { req: r, span: s.entrySpan, how: 'sets' });
      for (const s of r.adds) add(s.id, { req: r, span: s.span, how: 'adds' });
    }

    const hows: Record<How, { en: string; zh: string }> = {
      steps: { en: 'is about it (`steps`)', zh: '涉及它（`steps`）' },
      sets: { en: 'changes how it works (`sets`)', zh: '要修改它的做法（`sets`）' },
      adds: { en: 'adds it (`adds`)', zh: '要新增它（`adds`）' },
    };

    for (const r of live) {
      for (const rm of r.removes) {
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
          if (decided(model, r, other)) continue;
          const kinds = [...new Set(ns.map((n) => n.how))];
          const how = list(ctx.locale, kinds.map((k) => ctx.t(hows[k])));
          ctx.report({
            span: rm.span,
            severity: pairSeverity(r, other),
            message:
              ctx.t({
                en: `${reqWho(ctx, r)} removes step ${stepLabel(ctx, rm.id)}, but ${reqWho(ctx, other)} ${how}.`,
                zh: `${reqWho(ctx, r)}要删除步骤${stepLabel(ctx, rm.id)}，但${reqWho(ctx, other)}${how}。`,
              }) + decisionHint(ctx, r, other),
            related: ns.slice(0, 5).map((n) => ({
              span: n.span,
              message: ctx.t({
                en: `${reqWho(ctx, other)} names step ${ctx.q(rm.id)} here.`,
                zh: `${reqWho(ctx, other)}在此引用了步骤${ctx.q(rm.id)}。`,
              }),
            })),
            data: { steps: [rm.id], requirements: [r.id, other.id], other: other.id },
          });
        }
      }
    }
  },
});
