import { readReviews } from '../review/read';
import { defineRule, idWithName } from '../rule';
import type { Ref } from '../model';

export default defineRule({
  code: 'role/unused',
  meta: {
    severity: 'warning',
    shownOn: "the role's key",
    docs: {
      description: {
        en: 'A role that nothing uses: no step in its lane, and no `from`, `agreed`, `reviews` role, `decidedBy`, `process.owner` or data `owner` names it.',
        zh: '角色未被使用：没有步骤在它的泳道中，`from`、`agreed`、`reviews` 的 role、`decidedBy`、`process.owner` 和数据的 `owner` 也都没有引用它。',
      },
    },
    fixable: false,
    messages: {
      unused: {
        en: 'Role {{role}} is not used: no step is in its lane, and no requirement, data item or the process owner names it. Give it its steps with `role: {{id}}`, or remove the role if it takes no part in this process.',
        zh: '角色{{role}}未被使用：没有步骤在它的泳道中，也没有需求、数据或流程负责人引用它。请用 `role: {{id}}` 把它负责的步骤分配给它；如果它不参与此流程，请删除该角色。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    if (model.roles.list.length === 0) return;
    // a role's own `needs` is not a use: it only says what the role wants to see
    const used = new Set<string>();
    const use = (r: Ref | undefined) => {
      if (r) used.add(r.id);
    };
    use(model.process?.owner);
    const data = model.data?.list ?? [];
    for (let i = 0; i < data.length; i++) use(data[i].owner);
    const steps = model.steps.list;
    for (let i = 0; i < steps.length; i++) use(steps[i].role);
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      use(r.from);
      for (let k = 0; k < r.agreed.length; k++) use(r.agreed[k]);
      use(r.decidedBy);
      const reviews = readReviews(model, r);
      for (let k = 0; k < reviews.length; k++) use(reviews[k].role);
    }
    const roles = model.roles.list;
    for (let i = 0; i < roles.length; i++) {
      const role = roles[i];
      if (used.has(role.id)) continue;
      const label = idWithName(ctx, role.id, role.name);
      ctx.report({
        span: role.keySpan,
        messageId: 'unused',
        data: { role: label, id: role.id },
        diagnosticData: { name: role.id, roles: [role.id] },
      });
    }
  },
});
