import { defineRule } from '../rule';
import { rawField, reqWho, stepsNamed, unionIds } from '../conflicts';

export default defineRule({
  code: 'conflict/priority-inversion',
  defaultSeverity: 'warning',
  description: {
    en: 'A live `must` requirement depends on a `could` or `wont` requirement.',
    zh: '有效的 `must` 需求依赖一条 `could` 或 `wont` 需求。',
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
        const [rq, tq, rWho, tWho] = [ctx.q(r.id), ctx.q(t.id), reqWho(ctx, r), reqWho(ctx, t)];
        ctx.report({
          span: d.span,
          message: ctx.t(
            `Priority inversion: ${rWho} is a must but depends on ${tWho}, which is only a ${t.priority}; ` +
              `if ${tq} is postponed or dropped, ${rq} cannot be delivered. ` +
              `Raise ${tq} to must, lower ${rq}, or remove the dependency.`,
            `优先级倒置：${rWho}是 must，却依赖仅为 ${t.priority} 的${tWho}；` +
              `一旦${tq}被推迟或放弃，${rq}就无法交付。` +
              `请把${tq}提升为 must，或降低${rq}的优先级，或删除这项依赖。`,
          ),
          related: [
            {
              span: prio.span ?? t.keySpan,
              message: ctx.t(
                `${tq} has priority ${t.priority} here.`,
                `${tq}在此的优先级为 ${t.priority}。`,
              ),
            },
          ],
          data: { steps: unionIds(stepsNamed(r), stepsNamed(t)), requirements: [r.id, t.id], other: t.id },
        });
      }
    }
  },
});
