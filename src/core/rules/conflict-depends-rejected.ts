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
        const [rq, tq, rWho, tWho] = [ctx.q(r.id), ctx.q(t.id), reqWho(ctx, r), reqWho(ctx, t)];
        ctx.report({
          span: d.span,
          message: ctx.t(
            `${rWho} depends on ${tWho}, which was rejected, so ${rq} cannot be delivered as written. ` +
              `Remove ${tq} from \`depends\` and cover what it provided another way, reopen ${tq}, or reject ${rq} as well.`,
            `${rWho}依赖${tWho}，但后者已被拒绝，${rq}无法按现有写法交付。` +
              `请把${tq}从 \`depends\` 中删除并以其他方式满足其所提供的内容，或重新启用${tq}，或一并拒绝${rq}。`,
          ),
          related: [
            {
              span: status.span ?? t.keySpan,
              message: ctx.t(
                `${tq} was rejected here.`,
                `${tq}在此被标记为已拒绝。`,
              ),
            },
          ],
          data: { steps: unionIds(stepsNamed(r), stepsNamed(t)), requirements: [r.id, t.id], other: t.id },
        });
      }
    }
  },
});
