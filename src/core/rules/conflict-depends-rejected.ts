import { defineRule } from '../rule';
import { rawField, reqWho, stepsNamed, unionIds } from '../conflicts';

export default defineRule({
  code: 'conflict/depends-rejected',
  defaultSeverity: 'error',
  description: {
    en: 'A live requirement depends on a rejected one.',
    zh: '有效需求依赖一条已被拒绝的需求。',
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
          message: ctx.t({
            en:
              `${reqWho(ctx, r)} depends on ${reqWho(ctx, t)}, which was rejected, so ${ctx.q(r.id)} cannot be delivered as written. ` +
              `Remove ${ctx.q(t.id)} from \`depends\` and cover what it provided another way, reopen ${ctx.q(t.id)}, or reject ${ctx.q(r.id)} as well.`,
            zh:
              `${reqWho(ctx, r)}依赖${reqWho(ctx, t)}，但后者已被拒绝，${ctx.q(r.id)}无法按现有写法交付。` +
              `请把${ctx.q(t.id)}从 \`depends\` 中删除并以其他方式满足其所提供的内容，或重新启用${ctx.q(t.id)}，或一并拒绝${ctx.q(r.id)}。`,
          }),
          related: [
            {
              span: status.span ?? t.keySpan,
              message: ctx.t({
                en: `${ctx.q(t.id)} was rejected here.`,
                zh: `${ctx.q(t.id)}在此被标记为已拒绝。`,
              }),
            },
          ],
          data: { steps: unionIds(stepsNamed(r), stepsNamed(t)), requirements: [r.id, t.id], other: t.id },
        });
      }
    }
  },
});
