import { defineRule, idWithName } from '../rule';

export default defineRule({
  code: 'flow/unreachable',
  meta: {
    severity: 'warning',
    shownOn: "the step's key",
    docs: {
      description: {
        en: 'A step that cannot be reached from any start step.',
        zh: '步骤无法从任何开始步骤到达。',
      },
    },
    fixable: false,
    messages: {
      startStep: { en: 'the start step {{ids}}', zh: '开始步骤{{ids}}' },
      startSteps: { en: 'the start steps {{ids}}', zh: '开始步骤{{ids}}' },
      startStepsMore: { en: 'the start steps {{ids}}, …', zh: '开始步骤{{ids}}等' },
      noWayIn: { en: "no step's `next` leads to it", zh: '没有任何步骤的 `next` 指向它' },
      enteredFrom: {
        en: 'it is only entered from "{{from}}", which cannot be reached either',
        zh: '只有“{{from}}”指向它，而它们同样无法到达',
      },
      enteredFromMany: {
        en: 'it is only entered from "{{from}}" and other steps, which cannot be reached either',
        zh: '只有“{{from}}”等步骤指向它，而它们同样无法到达',
      },
      unreachable: {
        en: 'Step {{step}} cannot be reached from {{starts}}: {{why}}. Add it to the `next` of an earlier step, or remove it if it is no longer part of the process.',
        zh: '步骤{{step}}无法从{{starts}}到达：{{why}}。请把它加入前面某个步骤的 `next`；如果它已不属于此流程，请删除它。',
      },
    },
  },
  run(ctx) {
    const g = ctx.graph;
    if (g.starts.length === 0) return; // flow/no-start says what is wrong
    const startIds = g.starts.slice(0, 3).map((i) => ctx.q(g.steps[i].id));
    const more = g.starts.length > 3;
    const starts = ctx.format({
      messageId: more ? 'startStepsMore' : g.starts.length > 1 ? 'startSteps' : 'startStep',
      data: { ids: startIds.join(ctx.t(', ', '、')) },
    });
    for (let i = 0; i < g.steps.length; i++) {
      if (g.reachable[i]) continue;
      const s = g.steps[i];
      // a self-loop does not count as a way in
      const preds = g.pred[i].filter((p) => p !== i);
      const why =
        preds.length === 0
          ? ctx.format({ messageId: 'noWayIn' })
          : ctx.format({ messageId: preds.length > 1 ? 'enteredFromMany' : 'enteredFrom', data: { from: g.steps[preds[0]].id } });
      ctx.report({
        span: s.keySpan,
        messageId: 'unreachable',
        data: { step: idWithName(ctx, s.id, s.name), starts, why },
        diagnosticData: { steps: [s.id] },
      });
    }
  },
});
