import { defineRule } from '../rule';
import { hasContent, roleName, shortLabel } from '../conflicts';

export default defineRule({
  code: 'handoff/no-data',
  meta: {
    severity: 'info',
    shownOn: 'the `next` entry',
    docs: {
      description: {
        en: "The flow passes from one role's lane to another's and the upstream step produces nothing.",
        zh: '流程从一个角色的泳道交接到另一个角色，但上游步骤没有产出任何数据。',
      },
    },
    fixable: false,
    messages: {
      noData: {
        en: 'Handoff without data: step {{up}} (lane {{fromLane}}) passes to {{down}} (lane {{toLane}}) but produces nothing. List what it hands over in its `produces`.',
        zh: '交接无数据：步骤{{up}}（{{fromLane}}泳道）把工作交给{{down}}（{{toLane}}泳道），却没有产出任何数据。请在它的 `produces` 中列出交接的数据。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const roles = model.roles.byId;
    const byId = model.steps.byId;
    const steps = model.steps.list;
    // a lane's label, built once per role
    const lanes = new Map<string, string>();
    const lane = (id: string): string => {
      let l = lanes.get(id);
      if (l === undefined) lanes.set(id, (l = roleName(ctx, id)));
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
        up ??= shortLabel(ctx, s.id, s.name);
        const down = shortLabel(ctx, t.id, t.name);
        ctx.report({
          span: e.entrySpan,
          messageId: 'noData',
          data: { up, fromLane: lane(from), down, toLane: lane(to), step: s.id, to },
          diagnosticData: { steps: [s.id, t.id], roles: [from, to] },
        });
      }
    }
  },
});
