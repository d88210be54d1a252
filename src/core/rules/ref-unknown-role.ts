import { readReviews } from '../review/read';
import { defineRule } from '../rule';
import type { Ref } from '../model';
import { nearest } from '../suggest';

export default defineRule({
  code: 'ref/unknown-role',
  meta: {
    severity: 'error',
    shownOn: 'the reference',
    docs: {
      description: {
        en: 'A role id that is not defined under `roles:`.',
        zh: '引用了未在 `roles:` 中定义的角色。',
      },
    },
    fixable: true,
    messages: {
      unknownRole: { en: 'Unknown role "{{role}}".{{hint}}', zh: '未知角色“{{role}}”。{{hint}}' },
      didYouMean: { en: ' Did you mean "{{suggestion}}"?', zh: '是否想写“{{suggestion}}”？' },
      defineIt: {
        en: ' Define it under `roles:` or use one of the defined roles.',
        zh: '请在 `roles:` 下定义它，或改用已定义的角色。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const roles = model.roles.byId;
    const check = (ref: Ref | undefined) => {
      if (!ref || roles.has(ref.id)) return;
      const suggestion = nearest(ref.id, roles.keys());
      const hint = ctx.format(suggestion ? { messageId: 'didYouMean', data: { suggestion } } : { messageId: 'defineIt' });
      ctx.report({
        span: ref.span,
        messageId: 'unknownRole',
        data: { role: ref.id, hint },
        diagnosticData: { name: ref.id, suggestion, kind: 'role' },
      });
    };
    check(model.process?.owner);
    const data = model.data?.list ?? [];
    for (let i = 0; i < data.length; i++) check(data[i].owner);
    const steps = model.steps.list;
    for (let i = 0; i < steps.length; i++) check(steps[i].role);
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      check(r.from);
      for (let k = 0; k < r.agreed.length; k++) check(r.agreed[k]);
      check(r.decidedBy);
      const reviews = readReviews(model, r);
      for (let k = 0; k < reviews.length; k++) check(reviews[k].role);
    }
  },
});
