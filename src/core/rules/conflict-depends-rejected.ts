import { defineRule } from '../rule';
import { bareId, rawField, reqWho, shortWho, stepsNamed, unionIds } from '../conflicts';

export default defineRule({
  code: 'conflict/depends-rejected',
  meta: {
    severity: 'error',
    shownOn: 'the `depends` entry',
    docs: {
      description: {
        en: 'A live requirement depends on a rejected one.',
        zh: '有效需求依赖一条已被拒绝的需求。',
      },
    },
    fixable: false,
    messages: {
      dependsOnRejected: {
        en: '{{r}} depends on {{t}}, which was rejected. Drop the dependency, reopen {{tId}}, or reject {{rId}} too.',
        zh: '{{r}}依赖已被拒绝的 {{t}}。请删除这项依赖，或重新启用 {{tId}}，或一并拒绝 {{rId}}。',
      },
      detail: {
        en: '{{rWho}} depends on {{tWho}}, which was rejected, so "{{rId}}" cannot be delivered as written. Remove "{{tId}}" from `depends` and cover what it provided another way, reopen "{{tId}}", or reject "{{rId}}" as well.',
        zh: '{{rWho}}依赖{{tWho}}，但后者已被拒绝，“{{rId}}”无法按现有写法交付。请把“{{tId}}”从 `depends` 中删除并以其他方式满足其所提供的内容，或重新启用“{{tId}}”，或一并拒绝“{{rId}}”。',
      },
      rejectedHere: { en: '{{tId}} was rejected here.', zh: '{{tId}} 在此被标记为已拒绝。' },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.live) continue;
      for (let k = 0; k < r.depends.length; k++) {
        const d = r.depends[k];
        const t = model.requirements.byId.get(d.id);
        if (!t || t.live) continue;
        const status = rawField(model, t, 'status');
        ctx.report({
          span: d.span,
          messageId: 'dependsOnRejected',
          data: { r: shortWho(ctx, r), t: shortWho(ctx, t), rId: bareId(ctx, r.id), tId: bareId(ctx, t.id) },
          detail: { messageId: 'detail', data: { rWho: reqWho(ctx, r), tWho: reqWho(ctx, t), rId: r.id, tId: t.id } },
          related: [{ span: status.span ?? t.keySpan, messageId: 'rejectedHere', data: { tId: bareId(ctx, t.id) } }],
          diagnosticData: { steps: unionIds(stepsNamed(r), stepsNamed(t)), requirements: [r.id, t.id], other: t.id },
        });
      }
    }
  },
});
