import { defineRule } from '../rule';
import { didYouMean } from '../i18n';
import type { Ref } from '../model';
import { suggester } from '../suggest';

export default defineRule({
  code: 'ref/unknown-requirement',
  defaultSeverity: 'error',
  description: {
    en: 'A requirement id in `depends` / `overrides` that is not defined under `requirements:`.',
    zh: '`depends` / `overrides` 中引用了未在 `requirements:` 中定义的需求。',
  },
  run(ctx) {
    const reqs = ctx.model.requirements.byId;
    const suggest = suggester(reqs);
    const unknown = (ref: Ref) => ref.id !== '' && !reqs.has(ref.id);
    const report = (ref: Ref, message: string) => {
      const suggestion = suggest(ref.id);
      const hint = suggestion
        ? ctx.t(didYouMean(suggestion))
        : ctx.t(
            ' Define it under `requirements:` or correct the id.',
            '请在 `requirements:` 下定义它，或改正编号。',
          );
      ctx.report({ span: ref.span, message: message + hint, data: { name: ref.id, suggestion, kind: 'requirement' } });
    };
    const list = ctx.model.requirements.list;
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      const req = ctx.q(r.id);
      for (let k = 0; k < r.depends.length; k++) {
        const ref = r.depends[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Requirement ${req} depends on unknown requirement ${ctx.q(ref.id)}.`,
            `需求${req}依赖的需求${ctx.q(ref.id)}不存在。`,
          ),
        );
      }
      for (let k = 0; k < r.overrides.length; k++) {
        const ref = r.overrides[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Requirement ${req} overrides unknown requirement ${ctx.q(ref.id)}.`,
            `需求${req}要覆盖的需求${ctx.q(ref.id)}不存在。`,
          ),
        );
      }
    }
  },
});
