import { defineRule, idWithName } from '../rule';
import type { Ref } from '../model';
import { suggester } from '../suggest';

export default defineRule({
  code: 'ref/unknown-step',
  meta: {
    severity: 'error',
    shownOn: 'the reference',
    docs: {
      description: {
        en: 'A step id (in `next`, or a requirement\'s `steps`, `sets`, `adds`, `removes`) that is not defined under `steps:`.',
        zh: '引用了未在 `steps:` 中定义的步骤（`next`，或需求的 `steps`、`sets`、`adds`、`removes`）。',
      },
    },
    fixable: true,
    messages: {
      nextToUnknown: {
        en: 'The `next` of step {{step}} goes to unknown step "{{target}}".{{hint}}',
        zh: '步骤{{step}}的 `next` 指向未知步骤“{{target}}”。{{hint}}',
      },
      stepsUnknown: {
        en: 'Requirement "{{req}}" names unknown step "{{target}}" in `steps`.{{hint}}',
        zh: '需求“{{req}}”的 `steps` 中引用了未知步骤“{{target}}”。{{hint}}',
      },
      setsUnknown: {
        en: 'Requirement "{{req}}" sets "{{key}}", but there is no step "{{target}}".{{hint}}',
        zh: '需求“{{req}}”设置了“{{key}}”，但不存在步骤“{{target}}”。{{hint}}',
      },
      addsUnknown: {
        en: 'Requirement "{{req}}" adds unknown step "{{target}}".{{hint}}',
        zh: '需求“{{req}}”新增的步骤“{{target}}”不存在。{{hint}}',
      },
      removesUnknown: {
        en: 'Requirement "{{req}}" removes unknown step "{{target}}".{{hint}}',
        zh: '需求“{{req}}”要删除的步骤“{{target}}”不存在。{{hint}}',
      },
      didYouMean: { en: ' Did you mean "{{suggestion}}"?', zh: '是否想写“{{suggestion}}”？' },
      defineAdded: {
        en: ' A step that a requirement adds must still be defined under `steps:`.',
        zh: '需求新增的步骤也必须在 `steps:` 下定义。',
      },
      defineIt: {
        en: ' Define it under `steps:` or use one of the defined steps.',
        zh: '请在 `steps:` 下定义它，或改用已定义的步骤。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.byId;
    const suggest = suggester(steps);
    // an empty id (`next: ""`, a `sets` key `.mode`) names nothing: the schema rules own it
    const unknown = (ref: Ref) => ref.id !== '' && !steps.has(ref.id);
    type Where = 'nextToUnknown' | 'stepsUnknown' | 'setsUnknown' | 'addsUnknown' | 'removesUnknown';
    const report = (ref: Ref, messageId: Where, data: Record<string, string>) => {
      const suggestion = suggest(ref.id);
      const hint = ctx.format(
        suggestion
          ? { messageId: 'didYouMean', data: { suggestion } }
          : { messageId: messageId === 'addsUnknown' ? 'defineAdded' : 'defineIt' },
      );
      ctx.report({
        span: ref.span,
        messageId,
        data: { ...data, target: ref.id, hint },
        diagnosticData: { name: ref.id, suggestion, kind: 'step' },
      });
    };

    const list = model.steps.list;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const next = s.next;
      for (let k = 0; k < next.length; k++) {
        const e = next[k];
        if (!unknown(e.target)) continue;
        report(e.target, 'nextToUnknown', { step: idWithName(ctx, s.id, s.name) });
      }
    }
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      const req = r.id;
      for (let k = 0; k < r.steps.length; k++) {
        const ref = r.steps[k];
        if (!unknown(ref)) continue;
        report(ref, 'stepsUnknown', { req });
      }
      for (let k = 0; k < r.sets.length; k++) {
        const set = r.sets[k];
        const ref = set.step;
        if (!ref) continue; // a key without a dot is a schema problem
        if (!unknown(ref)) continue;
        report(ref, 'setsUnknown', { req, key: set.key });
      }
      for (let k = 0; k < r.adds.length; k++) {
        const ref = r.adds[k];
        if (!unknown(ref)) continue;
        report(ref, 'addsUnknown', { req });
      }
      for (let k = 0; k < r.removes.length; k++) {
        const ref = r.removes[k];
        if (!unknown(ref)) continue;
        report(ref, 'removesUnknown', { req });
      }
    }
  },
});
