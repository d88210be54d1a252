import { defineRule } from '../rule';
import type { Ref } from '../model';
import { dataLabel, labelled } from '../conflicts';

export default defineRule({
  code: 'data/not-produced',
  meta: {
    severity: 'warning',
    shownOn: 'the reference',
    docs: {
      description: {
        en: 'A step or role needs data that no step produces (and that is not `external`).',
        zh: '步骤或角色需要的数据没有任何步骤产出（且未标记为 `external`）。',
      },
    },
    fixable: false,
    messages: {
      stepNeeds: {
        en: 'Step {{owner}} needs {{data}}, but no step produces it.{{fix}}',
        zh: '步骤{{owner}}需要{{data}}，但没有任何步骤产出它。{{fix}}',
      },
      roleNeeds: {
        en: 'Role {{owner}} needs {{data}}, but no step produces it.{{fix}}',
        zh: '角色{{owner}}需要{{data}}，但没有任何步骤产出它。{{fix}}',
      },
      produceOrMarkExternal: {
        en: ' Add it to the `produces` of the step that creates it, or mark it `external: true` if it comes from outside.',
        zh: '请把它加入创建它的步骤的 `produces`；若它来自流程之外，请将其标记为 `external: true`。',
      },
      produceOrDeclareExternal: {
        en: ' Add it to the `produces` of the step that creates it, or declare it under `data:` as `external: true`.',
        zh: '请把它加入创建它的步骤的 `produces`；若它来自流程之外，请在 `data:` 中声明为 `external: true`。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.list;
    const roles = model.roles.list;
    const produced = new Set<string>();
    for (let i = 0; i < steps.length; i++) {
      const produces = steps[i].produces;
      for (let k = 0; k < produces.length; k++) produced.add(produces[k].id);
    }
    const data = model.data;

    /** Whether `ref` names data that nothing produces and that has to be produced. */
    const missing = (ref: Ref): boolean => {
      if (produced.has(ref.id)) return false;
      if (data) {
        const item = data.byId.get(ref.id);
        // undeclared data is ref/unknown-data's business; external data needs no producer
        if (!item || item.external) return false;
      }
      return true;
    };

    const report = (ref: Ref, who: string, messageId: 'stepNeeds' | 'roleNeeds', ownerId: string) => {
      const fix = ctx.format({ messageId: data ? 'produceOrMarkExternal' : 'produceOrDeclareExternal' });
      ctx.report({
        span: ref.span,
        messageId,
        data: { owner: who, data: dataLabel(ctx, ref.id), fix },
        diagnosticData: messageId === 'stepNeeds' ? { name: ref.id, steps: [ownerId] } : { name: ref.id, roles: [ownerId] },
      });
    };

    // the owner's label is built only for an owner that has something to report
    for (let i = 0; i < roles.length; i++) {
      const r = roles[i];
      const needs = r.needs;
      let who: string | undefined;
      for (let k = 0; k < needs.length; k++) {
        if (missing(needs[k])) report(needs[k], (who ??= labelled(ctx, r.id, r.name)), 'roleNeeds', r.id);
      }
    }
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      const needs = s.needs;
      let who: string | undefined;
      for (let k = 0; k < needs.length; k++) {
        if (missing(needs[k])) report(needs[k], (who ??= labelled(ctx, s.id, s.name)), 'stepNeeds', s.id);
      }
    }
  },
});
