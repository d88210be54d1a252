import { defineRule } from '../rule';
import { dataLabel, labelled } from '../conflicts';

export default defineRule({
  code: 'data/unused',
  defaultSeverity: 'info',
  description: {
    en: 'Data is produced but no step or role needs it.',
    zh: '数据被产出，但没有任何步骤或角色需要它。',
  },
  run(ctx) {
    const { model } = ctx;
    const needed = new Set<string>();
    for (const s of model.steps.list) for (const n of s.needs) needed.add(n.id);
    for (const r of model.roles.list) for (const n of r.needs) needed.add(n.id);
    for (const s of model.steps.list) {
      for (const p of s.produces) {
        if (needed.has(p.id)) continue;
        // undeclared data is ref/unknown-data's business
        if (model.data && !model.data.byId.has(p.id)) continue;
        const who = labelled(ctx, s.id, s.name);
        ctx.report({
          span: p.span,
          message: ctx.t({
            en:
              `Step ${who} produces ${dataLabel(ctx, p.id)}, but no step or role needs it. ` +
              `Add it to the \`needs\` of the step or role that uses it, or remove it from \`produces\`.`,
            zh:
              `步骤${who}产出${dataLabel(ctx, p.id)}，但没有任何步骤或角色需要它。` +
              `请在使用它的步骤或角色的 \`needs\` 中加入它，或将其从 \`produces\` 中删除。`,
          }),
          data: { name: p.id, steps: [s.id] },
        });
      }
    }
  },
});
