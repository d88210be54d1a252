import { defineRule } from '../rule';
import { hasContent, labelled, roleLabel } from '../conflicts';

export default defineRule({
  code: 'handoff/no-data',
  defaultSeverity: 'info',
  description: {
    en: "The flow passes from one role's lane to another's and the upstream step produces nothing.",
    zh: '流程从一个角色的泳道交接到另一个角色，但上游步骤没有产出任何数据。',
  },
  run(ctx) {
    const { model } = ctx;
    const roles = model.roles.byId;
    const byId = model.steps.byId;
    const steps = model.steps.list;
    const zh = ctx.locale === 'zh-CN';
    // a lane's label, built once per role
    const lanes = new Map<string, string>();
    const lane = (id: string): string => {
      let l = lanes.get(id);
      if (l === undefined) lanes.set(id, (l = roleLabel(ctx, id)));
      return l;
    };
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (!s.next.length || !s.role || !roles.has(s.role.id) || s.produces.length) continue;
      // `produces` written in a shape we cannot read: schema/type reports it
      if (hasContent(ctx.facts.unreadProduces(s))) continue;
      const from = s.role.id;
      const next = s.next;
      let up: string | undefined;
      for (let k = 0; k < next.length; k++) {
        const e = next[k];
        const t = byId.get(e.target.id);
        if (!t || !t.role || !roles.has(t.role.id) || t.role.id === from) continue;
        const to = t.role.id;
        up ??= labelled(ctx, s.id, s.name);
        const down = labelled(ctx, t.id, t.name);
        const [sq, toq] = [ctx.q(s.id), ctx.q(to)];
        ctx.report({
          span: e.entrySpan,
          message: zh
            ? `交接无数据：步骤${up}（${lane(from)}的泳道）把工作交给步骤${down}（${lane(to)}的泳道），` +
              `但${sq}没有产出任何数据，${toq}收到什么并不清楚。` +
              `请在${sq}的 \`produces\` 中列出交接的数据。`
            : `Handoff without data: step ${up} (lane ${lane(from)}) passes the work to step ${down} (lane ${lane(to)}), ` +
              `but ${sq} produces nothing, so it is unclear what ${toq} receives. ` +
              `List what is handed over in the \`produces\` of ${sq}.`,
          data: { steps: [s.id, t.id], roles: [from, to] },
        });
      }
    }
  },
});
