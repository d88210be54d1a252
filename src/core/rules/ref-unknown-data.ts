import { defineRule, idWithName } from '../rule';
import type { Ref } from '../model';
import { suggester } from '../suggest';

export default defineRule({
  code: 'ref/unknown-data',
  meta: {
    severity: 'error',
    shownOn: 'the reference',
    docs: {
      description: {
        en: '`data:` is present and a data id in `needs` / `produces` is not declared in it.',
        zh: '已有 `data:` 数据字典，但 `needs` / `produces` 中的数据未在其中声明。',
      },
    },
    fixable: true,
    messages: {
      roleNeeds: {
        en: 'Role {{owner}} needs data "{{data}}", which is not declared under `data:`.{{hint}}',
        zh: '角色{{owner}}需要的数据“{{data}}”未在 `data:` 中声明。{{hint}}',
      },
      stepNeeds: {
        en: 'Step {{owner}} needs data "{{data}}", which is not declared under `data:`.{{hint}}',
        zh: '步骤{{owner}}需要的数据“{{data}}”未在 `data:` 中声明。{{hint}}',
      },
      stepProduces: {
        en: 'Step {{owner}} produces data "{{data}}", which is not declared under `data:`.{{hint}}',
        zh: '步骤{{owner}}产出的数据“{{data}}”未在 `data:` 中声明。{{hint}}',
      },
      didYouMean: { en: ' Did you mean "{{suggestion}}"?', zh: '是否想写“{{suggestion}}”？' },
      declareIt: {
        en: ' Declare it under `data:` or use one of the declared data items.',
        zh: '请在 `data:` 下声明它，或改用已声明的数据。',
      },
    },
  },
  run(ctx) {
    const data = ctx.model.data;
    if (!data) return; // without a data dictionary any data id is fine
    const ids = data.byId;
    const suggest = suggester(ids);
    const unknown = (ref: Ref) => ref.id !== '' && !ids.has(ref.id);
    const report = (ref: Ref, messageId: 'roleNeeds' | 'stepNeeds' | 'stepProduces', owner: string) => {
      const suggestion = suggest(ref.id);
      const hint = ctx.format(suggestion ? { messageId: 'didYouMean', data: { suggestion } } : { messageId: 'declareIt' });
      ctx.report({
        span: ref.span,
        messageId,
        data: { owner, data: ref.id, hint },
        diagnosticData: { name: ref.id, suggestion, kind: 'data' },
      });
    };
    const roles = ctx.model.roles.list;
    for (let i = 0; i < roles.length; i++) {
      const role = roles[i];
      for (let k = 0; k < role.needs.length; k++) {
        const ref = role.needs[k];
        if (!unknown(ref)) continue;
        report(ref, 'roleNeeds', idWithName(ctx, role.id, role.name));
      }
    }
    const steps = ctx.model.steps.list;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      for (let k = 0; k < step.needs.length; k++) {
        const ref = step.needs[k];
        if (!unknown(ref)) continue;
        report(ref, 'stepNeeds', idWithName(ctx, step.id, step.name));
      }
      for (let k = 0; k < step.produces.length; k++) {
        const ref = step.produces[k];
        if (!unknown(ref)) continue;
        report(ref, 'stepProduces', idWithName(ctx, step.id, step.name));
      }
    }
  },
});
