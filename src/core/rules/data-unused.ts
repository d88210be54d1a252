import { defineRule } from '../rule';
import { dataLabel, labelled } from '../conflicts';

export default defineRule({
  code: 'data/unused',
  meta: {
    severity: 'info',
    shownOn: 'the reference in `produces`',
    docs: {
      description: {
        en: 'Data is produced but no step or role needs it.',
        zh: '数据被产出，但没有任何步骤或角色需要它。',
      },
    },
    fixable: false,
    messages: {
      unused: {
        en: 'Step {{step}} produces {{data}}, but no step or role needs it. Add it to the `needs` of the step or role that uses it, or remove it from `produces`.',
        zh: '步骤{{step}}产出{{data}}，但没有任何步骤或角色需要它。请在使用它的步骤或角色的 `needs` 中加入它，或将其从 `produces` 中删除。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.list;
    const roles = model.roles.list;
    const needed = new Set<string>();
    for (let i = 0; i < steps.length; i++) {
      const needs = steps[i].needs;
      for (let k = 0; k < needs.length; k++) needed.add(needs[k].id);
    }
    for (let i = 0; i < roles.length; i++) {
      const needs = roles[i].needs;
      for (let k = 0; k < needs.length; k++) needed.add(needs[k].id);
    }
    const declared = model.data?.byId;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      const produces = s.produces;
      for (let k = 0; k < produces.length; k++) {
        const p = produces[k];
        if (needed.has(p.id)) continue;
        // undeclared data is ref/unknown-data's business
        if (declared && !declared.has(p.id)) continue;
        const who = labelled(ctx, s.id, s.name);
        ctx.report({
          span: p.span,
          messageId: 'unused',
          data: { step: who, data: dataLabel(ctx, p.id) },
          diagnosticData: { name: p.id, steps: [s.id] },
        });
      }
    }
  },
});
