import { defineRule } from '../rule';
import type { Ref } from '../model';
import { suggester } from '../suggest';

export default defineRule({
  code: 'ref/unknown-requirement',
  meta: {
    severity: 'error',
    shownOn: 'the reference',
    docs: {
      description: {
        en: 'A requirement id in `depends` / `overrides` that is not defined under `requirements:`.',
        zh: '`depends` / `overrides` 中引用了未在 `requirements:` 中定义的需求。',
      },
    },
    fixable: true,
    messages: {
      dependsOnUnknown: {
        en: 'Requirement "{{id}}" depends on unknown requirement "{{target}}".{{hint}}',
        zh: '需求“{{id}}”依赖的需求“{{target}}”不存在。{{hint}}',
      },
      overridesUnknown: {
        en: 'Requirement "{{id}}" overrides unknown requirement "{{target}}".{{hint}}',
        zh: '需求“{{id}}”要覆盖的需求“{{target}}”不存在。{{hint}}',
      },
      didYouMean: { en: ' Did you mean "{{suggestion}}"?', zh: '是否想写“{{suggestion}}”？' },
      defineIt: {
        en: ' Define it under `requirements:` or correct the id.',
        zh: '请在 `requirements:` 下定义它，或改正编号。',
      },
    },
  },
  run(ctx) {
    const reqs = ctx.model.requirements.byId;
    const suggest = suggester(reqs);
    const unknown = (ref: Ref) => ref.id !== '' && !reqs.has(ref.id);
    const report = (ref: Ref, messageId: 'dependsOnUnknown' | 'overridesUnknown', id: string) => {
      const suggestion = suggest(ref.id);
      const hint = ctx.format(suggestion ? { messageId: 'didYouMean', data: { suggestion } } : { messageId: 'defineIt' });
      ctx.report({
        span: ref.span,
        messageId,
        data: { id, target: ref.id, hint },
        diagnosticData: { name: ref.id, suggestion, kind: 'requirement' },
      });
    };
    const list = ctx.model.requirements.list;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      for (let k = 0; k < r.depends.length; k++) {
        const ref = r.depends[k];
        if (!unknown(ref)) continue;
        report(ref, 'dependsOnUnknown', r.id);
      }
      for (let k = 0; k < r.overrides.length; k++) {
        const ref = r.overrides[k];
        if (!unknown(ref)) continue;
        report(ref, 'overridesUnknown', r.id);
      }
    }
  },
});
