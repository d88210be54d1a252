import { defineRule, idWithName } from '../rule';
import { didYouMean } from '../i18n';
import type { Ref } from '../model';
import { suggester } from '../suggest';

export default defineRule({
  code: 'ref/unknown-step',
  defaultSeverity: 'error',
  description: {
    en: 'A step id (in `next`, or a requirement\'s `steps`, `sets`, `adds`, `removes`) that is not defined under `steps:`.',
    zh: '引用了未在 `steps:` 中定义的步骤（`next`，或需求的 `steps`、`sets`、`adds`、`removes`）。',
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.byId;
    const suggest = suggester(steps);
    // an empty id (`next: ""`, a `sets` key `.mode`) names nothing: the schema rules own it
    const unknown = (ref: Ref) => ref.id !== '' && !steps.has(ref.id);
    const report = (ref: Ref, where: string, adds = false) => {
      const suggestion = suggest(ref.id);
      const hint = suggestion
        ? ctx.t(didYouMean(suggestion))
        : adds
          ? ctx.t(
              ' A step that a requirement adds must still be defined under `steps:`.',
              '需求新增的步骤也必须在 `steps:` 下定义。',
            )
          : ctx.t(
              ' Define it under `steps:` or use one of the defined steps.',
              '请在 `steps:` 下定义它，或改用已定义的步骤。',
            );
      ctx.report({
        span: ref.span,
        message: where + hint,
        data: { name: ref.id, suggestion, kind: 'step' },
      });
    };

    const list = model.steps.list;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const next = s.next;
      for (let k = 0; k < next.length; k++) {
        const e = next[k];
        if (!unknown(e.target)) continue;
        report(
          e.target,
          ctx.t(
            `The \`next\` of step ${idWithName(ctx, s.id, s.name)} goes to unknown step ${ctx.q(e.target.id)}.`,
            `步骤${idWithName(ctx, s.id, s.name)}的 \`next\` 指向未知步骤${ctx.q(e.target.id)}。`,
          ),
        );
      }
    }
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      const req = ctx.q(r.id);
      for (let k = 0; k < r.steps.length; k++) {
        const ref = r.steps[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Requirement ${req} names unknown step ${ctx.q(ref.id)} in \`steps\`.`,
            `需求${req}的 \`steps\` 中引用了未知步骤${ctx.q(ref.id)}。`,
          ),
        );
      }
      for (let k = 0; k < r.sets.length; k++) {
        const set = r.sets[k];
        const ref = set.step;
        if (!ref) continue; // a key without a dot is a schema problem
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Requirement ${req} sets ${ctx.q(set.key)}, but there is no step ${ctx.q(ref.id)}.`,
            `需求${req}设置了${ctx.q(set.key)}，但不存在步骤${ctx.q(ref.id)}。`,
          ),
        );
      }
      for (let k = 0; k < r.adds.length; k++) {
        const ref = r.adds[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Requirement ${req} adds unknown step ${ctx.q(ref.id)}.`,
            `需求${req}新增的步骤${ctx.q(ref.id)}不存在。`,
          ),
          true,
        );
      }
      for (let k = 0; k < r.removes.length; k++) {
        const ref = r.removes[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Requirement ${req} removes unknown step ${ctx.q(ref.id)}.`,
            `需求${req}要删除的步骤${ctx.q(ref.id)}不存在。`,
          ),
        );
      }
    }
  },
});
