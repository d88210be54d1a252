import { defineRule, idWithName } from '../rule';

export default defineRule({
  code: 'flow/unreachable',
  defaultSeverity: 'warning',
  description: {
    en: 'A step that cannot be reached from any start step.',
    zh: '步骤无法从任何开始步骤到达。',
  },
  run(ctx) {
    const g = ctx.graph;
    if (g.starts.length === 0) return; // flow/no-start says what is wrong
    const startIds = g.starts.slice(0, 3).map((i) => ctx.q(g.steps[i].id));
    const more = g.starts.length > 3;
    const starts = ctx.t(
      `${g.starts.length > 1 ? 'the start steps' : 'the start step'} ${startIds.join(', ')}${more ? ', …' : ''}`,
      `开始步骤${startIds.join('、')}${more ? '等' : ''}`,
    );
    for (let i = 0; i < g.steps.length; i++) {
      if (g.reachable[i]) continue;
      const s = g.steps[i];
      // a self-loop does not count as a way in
      const preds = g.pred[i].filter((p) => p !== i);
      const why =
        preds.length === 0
          ? ctx.t('no step\'s `next` leads to it', '没有任何步骤的 `next` 指向它')
          : ctx.t(
              `it is only entered from ${ctx.q(g.steps[preds[0]].id)}${preds.length > 1 ? ' and other steps' : ''}, which cannot be reached either`,
              `只有${ctx.q(g.steps[preds[0]].id)}${preds.length > 1 ? '等步骤' : ''}指向它，而它们同样无法到达`,
            );
      ctx.report({
        span: s.keySpan,
        message: ctx.t(
          `Step ${idWithName(ctx, s.id, s.name)} cannot be reached from ${starts}: ${why}. Add it to the \`next\` of an earlier step, or remove it if it is no longer part of the process.`,
          `步骤${idWithName(ctx, s.id, s.name)}无法从${starts}到达：${why}。请把它加入前面某个步骤的 \`next\`；如果它已不属于此流程，请删除它。`,
        ),
        data: { steps: [s.id] },
      });
    }
  },
});
