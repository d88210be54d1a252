import { defineRule, idWithName } from '../rule';
import { hasNext } from './flow-dead-end';

/**
 * An `end` step with a `next` that says something. An empty `next:` (or `[]`,
 * `{}`) on an end step leads nowhere and is not reported, matching flow/dead-end,
 * which treats an empty `next` as no `next`.
 */
export default defineRule({
  code: 'flow/end-has-next',
  meta: {
    severity: 'error',
    shownOn: 'the `next` key',
    docs: {
      description: {
        en: 'An `end` step has `next`.',
        zh: '结束步骤（`end`）带有 `next`。',
      },
    },
    fixable: false,
    messages: {
      endHasNext: {
        en: 'End step {{step}} has a `next`: an end step finishes the process, so nothing may follow it. Remove `next`, or change `type` to `task` if the process goes on from here.',
        zh: '结束步骤{{step}}带有 `next`：结束步骤表示流程到此完成，后面不能再有步骤。请删除 `next`；如果流程还要继续，请把 `type` 改为 `task`。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.list;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (s.type !== 'end' || !s.nextKeySpan || !hasNext(model, s)) continue;
      ctx.report({
        span: s.nextKeySpan,
        messageId: 'endHasNext',
        data: { step: idWithName(ctx, s.id, s.name) },
        diagnosticData: { steps: [s.id] },
      });
    }
  },
});
