import { defineRule } from '../rule';
import { hasContent, labelled, rawField, roleLabel } from '../conflicts';

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
    for (const s of model.steps.list) {
      if (!s.next.length || !s.role || !roles.has(s.role.id) || s.produces.length) continue;
      // `produces` written in a shape we cannot read: schema/type reports it
      const raw = rawField(model, s, 'produces');
      if (raw.present && hasContent(raw.node)) continue;
      const from = s.role.id;
      for (const e of s.next) {
        const t = model.steps.byId.get(e.target.id);
        if (!t || !t.role || !roles.has(t.role.id) || t.role.id === from) continue;
        const to = t.role.id;
        const up = labelled(ctx, s.id, s.name);
        const down = labelled(ctx, t.id, t.name);
        ctx.report({
          span: e.entrySpan,
          message: ctx.t({
            en:
              `Handoff without data: step ${up} (lane ${roleLabel(ctx, from)}) passes the work to step ${down} (lane ${roleLabel(ctx, to)}), ` +
              `but ${ctx.q(s.id)} produces nothing, so it is unclear what ${ctx.q(to)} receives. ` +
              `List what is handed over in the \`produces\` of ${ctx.q(s.id)}.`,
            zh:
              `交接无数据：步骤${up}（${roleLabel(ctx, from)}的泳道）把工作交给步骤${down}（${roleLabel(ctx, to)}的泳道），` +
              `但${ctx.q(s.id)}没有产出任何数据，${ctx.q(to)}收到什么并不清楚。` +
              `请在${ctx.q(s.id)}的 \`produces\` 中列出交接的数据。`,
          }),
          data: { steps: [s.id, t.id], roles: [from, to] },
        });
      }
    }
  },
});
