import { defineRule } from '../rule';
import type { Ref } from '../model';
import { dataLabel, labelled } from '../conflicts';

export default defineRule({
  code: 'data/not-produced',
  defaultSeverity: 'warning',
  description: {
    en: 'A step or role needs data that no step produces (and that is not `external`).',
    zh: '步骤或角色需要的数据没有任何步骤产出（且未标记为 `external`）。',
  },
  run(ctx) {
    const { model } = ctx;
    const produced = new Set<string>();
    for (const s of model.steps.list) for (const p of s.produces) produced.add(p.id);
    const data = model.data;

    const check = (ref: Ref, who: string, kind: 'step' | 'role', ownerId: string) => {
      if (produced.has(ref.id)) return;
      if (data) {
        const item = data.byId.get(ref.id);
        // undeclared data is ref/unknown-data's business; external data needs no producer
        if (!item || item.external) return;
      }
      const d = dataLabel(ctx, ref.id);
      const fix = data
        ? ctx.t({
            en: ` Add ${ctx.q(ref.id)} to the \`produces\` of the step that creates it, or mark it \`external: true\` under \`data:\` if it comes from outside the process.`,
            zh: `请在创建它的步骤的 \`produces\` 中加入${ctx.q(ref.id)}；若它来自流程之外，请在 \`data:\` 中将其标记为 \`external: true\`。`,
          })
        : ctx.t({
            en: ` Add ${ctx.q(ref.id)} to the \`produces\` of the step that creates it, or declare it under \`data:\` with \`external: true\` if it comes from outside the process.`,
            zh: `请在创建它的步骤的 \`produces\` 中加入${ctx.q(ref.id)}；若它来自流程之外，请在 \`data:\` 中声明它并标记 \`external: true\`。`,
          });
      const message =
        kind === 'step'
          ? ctx.t({
              en: `Step ${who} needs ${d}, but no step produces it.`,
              zh: `步骤${who}需要${d}，但没有任何步骤产出它。`,
            })
          : ctx.t({
              en: `Role ${who} needs ${d}, but no step produces it.`,
              zh: `角色${who}需要${d}，但没有任何步骤产出它。`,
            });
      ctx.report({
        span: ref.span,
        message: message + fix,
        data: kind === 'step' ? { name: ref.id, steps: [ownerId] } : { name: ref.id, roles: [ownerId] },
      });
    };

    for (const r of model.roles.list) {
      const who = labelled(ctx, r.id, r.name);
      for (const n of r.needs) check(n, who, 'role', r.id);
    }
    for (const s of model.steps.list) {
      const who = labelled(ctx, s.id, s.name);
      for (const n of s.needs) check(n, who, 'step', s.id);
    }
  },
});
