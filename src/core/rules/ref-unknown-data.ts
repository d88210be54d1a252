import { defineRule, idWithName } from '../rule';
import { didYouMean } from '../i18n';
import type { Ref } from '../model';
import { suggester } from '../suggest';

export default defineRule({
  code: 'ref/unknown-data',
  defaultSeverity: 'error',
  description: {
    en: '`data:` is present and a data id in `needs` / `produces` is not declared in it.',
    zh: '已有 `data:` 数据字典，但 `needs` / `produces` 中的数据未在其中声明。',
  },
  run(ctx) {
    const data = ctx.model.data;
    if (!data) return; // without a data dictionary any data id is fine
    const ids = data.byId;
    const suggest = suggester(ids);
    const unknown = (ref: Ref) => ref.id !== '' && !ids.has(ref.id);
    const report = (ref: Ref, message: string) => {
      const suggestion = suggest(ref.id);
      const hint = suggestion
        ? ctx.t(didYouMean(suggestion))
        : ctx.t(
            ' Declare it under `data:` or use one of the declared data items.',
            '请在 `data:` 下声明它，或改用已声明的数据。',
          );
      ctx.report({ span: ref.span, message: message + hint, data: { name: ref.id, suggestion, kind: 'data' } });
    };
    const roles = ctx.model.roles.list;
    for (let i = 0; i < roles.length; i++) {
      const role = roles[i];
      for (let k = 0; k < role.needs.length; k++) {
        const ref = role.needs[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Role ${idWithName(ctx, role.id, role.name)} needs data ${ctx.q(ref.id)}, which is not declared under \`data:\`.`,
            `角色${idWithName(ctx, role.id, role.name)}需要的数据${ctx.q(ref.id)}未在 \`data:\` 中声明。`,
          ),
        );
      }
    }
    const steps = ctx.model.steps.list;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      for (let k = 0; k < step.needs.length; k++) {
        const ref = step.needs[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Step ${idWithName(ctx, step.id, step.name)} needs data ${ctx.q(ref.id)}, which is not declared under \`data:\`.`,
            `步骤${idWithName(ctx, step.id, step.name)}需要的数据${ctx.q(ref.id)}未在 \`data:\` 中声明。`,
          ),
        );
      }
      for (let k = 0; k < step.produces.length; k++) {
        const ref = step.produces[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t(
            `Step ${idWithName(ctx, step.id, step.name)} produces data ${ctx.q(ref.id)}, which is not declared under \`data:\`.`,
            `步骤${idWithName(ctx, step.id, step.name)}产出的数据${ctx.q(ref.id)}未在 \`data:\` 中声明。`,
          ),
        );
      }
    }
  },
});
