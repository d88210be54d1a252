import { defineRule } from '../rule';
import { bareId, rawField, reqWho, shortWho, stepsNamed, unionIds } from '../conflicts';

export default defineRule({
  code: 'conflict/priority-inversion',
  meta: {
    severity: 'warning',
    shownOn: 'the `depends` entry',
    docs: {
      description: {
        en: 'A live `must` requirement depends on a `could` or `wont` requirement.',
        zh: '有效的 `must` 需求依赖一条 `could` 或 `wont` 需求。',
      },
    },
    fixable: false,
    messages: {
      inversion: {
        en: 'Priority inversion: {{r}} depends on {{t}}. Raise {{tId}} to must, lower {{rId}}, or drop the dependency.',
        zh: '优先级倒置：{{r}}依赖 {{t}}。请把 {{tId}} 提升为 must，或降低 {{rId}}，或删除这项依赖。',
      },
      detail: {
        en: '{{rWho}} is a must but depends on {{tWho}}, which is only a {{priority}}: if "{{tId}}" is postponed or dropped, "{{rId}}" cannot be delivered.',
        zh: '{{rWho}}是 must，却依赖仅为 {{priority}} 的{{tWho}}：一旦“{{tId}}”被推迟或放弃，“{{rId}}”就无法交付。',
      },
      priorityHere: { en: '{{tId}} has priority {{priority}} here: if it is postponed, {{rId}} cannot be delivered.', zh: '{{tId}} 在此的优先级为 {{priority}}：它一旦推迟，{{rId}} 就无法交付。' },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.live || r.priority !== 'must') continue;
      for (let k = 0; k < r.depends.length; k++) {
        const d = r.depends[k];
        const t = model.requirements.byId.get(d.id);
        // a rejected one is conflict/depends-rejected's business
        if (!t || !t.live || (t.priority !== 'could' && t.priority !== 'wont')) continue;
        const prio = rawField(model, t, 'priority');
        ctx.report({
          span: d.span,
          messageId: 'inversion',
          data: { r: shortWho(ctx, r), t: shortWho(ctx, t), rId: bareId(ctx, r.id), tId: bareId(ctx, t.id) },
          detail: { messageId: 'detail', data: { rWho: reqWho(ctx, r), tWho: reqWho(ctx, t), rId: r.id, tId: t.id, priority: t.priority } },
          related: [{ span: prio.span ?? t.keySpan, messageId: 'priorityHere', data: { tId: bareId(ctx, t.id), rId: bareId(ctx, r.id), priority: t.priority } }],
          diagnosticData: { steps: unionIds(stepsNamed(r), stepsNamed(t)), requirements: [r.id, t.id], other: t.id },
        });
      }
    }
  },
});
