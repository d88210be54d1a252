import { defineRule, type RuleContext } from '../rule';
import type { Ref } from '../model';
import { nearest } from '../suggest';

/** Comparisons of `nearest()` allowed per analysis (see ref/unknown-step). */
const SUGGESTION_BUDGET = 200_000;

function label(ctx: RuleContext, id: string, name: string | undefined): string {
  if (!name || name === id) return ctx.q(id);
  return ctx.t({ en: `${ctx.q(id)} (${name})`, zh: `${ctx.q(id)}（${name}）` });
}

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
    const memo = new Map<string, string | undefined>();
    let budget = SUGGESTION_BUDGET;
    const suggest = (id: string): string | undefined => {
      if (memo.has(id)) return memo.get(id);
      let s: string | undefined;
      if (budget >= ids.size) {
        budget -= ids.size;
        s = nearest(id, ids.keys());
      }
      memo.set(id, s);
      return s;
    };
    const unknown = (ref: Ref) => ref.id !== '' && !ids.has(ref.id);
    const report = (ref: Ref, message: string) => {
      const suggestion = suggest(ref.id);
      const hint = suggestion
        ? ctx.t({ en: ` Did you mean ${ctx.q(suggestion)}?`, zh: `是否想写${ctx.q(suggestion)}？` })
        : ctx.t({
            en: ' Declare it under `data:` or use one of the declared data items.',
            zh: '请在 `data:` 下声明它，或改用已声明的数据。',
          });
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
          ctx.t({
            en: `Role ${label(ctx, role.id, role.name)} needs data ${ctx.q(ref.id)}, which is not declared under \`data:\`.`,
            zh: `角色${label(ctx, role.id, role.name)}需要的数据${ctx.q(ref.id)}未在 \`data:\` 中声明。`,
          }),
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
          ctx.t({
            en: `Step ${label(ctx, step.id, step.name)} needs data ${ctx.q(ref.id)}, which is not declared under \`data:\`.`,
            zh: `步骤${label(ctx, step.id, step.name)}需要的数据${ctx.q(ref.id)}未在 \`data:\` 中声明。`,
          }),
        );
      }
      for (let k = 0; k < step.produces.length; k++) {
        const ref = step.produces[k];
        if (!unknown(ref)) continue;
        report(
          ref,
          ctx.t({
            en: `Step ${label(ctx, step.id, step.name)} produces data ${ctx.q(ref.id)}, which is not declared under \`data:\`.`,
            zh: `步骤${label(ctx, step.id, step.name)}产出的数据${ctx.q(ref.id)}未在 \`data:\` 中声明。`,
          }),
        );
      }
    }
  },
});
