import { defineRule } from '../rule';
import { stepsReadable } from './flow-no-start';

export default defineRule({
  code: 'flow/no-end',
  meta: {
    severity: 'error',
    shownOn: '`steps` key',
    docs: {
      description: {
        en: 'No step has `type: end`.',
        zh: '没有任何步骤设置了 `type: end`。',
      },
    },
    fixable: false,
    messages: {
      noEnd: {
        en: "The process has no end step: no step under `steps:` has `type: end`. Add a step with `type: end` where the process finishes, and point the last steps' `next` to it.",
        zh: '流程没有结束步骤：`steps:` 下没有任何步骤设置 `type: end`。请在流程完成处添加一个 `type: end` 的步骤，并让最后的步骤通过 `next` 指向它。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const keySpan = model.steps.keySpan;
    if (!keySpan || !stepsReadable(model)) return; // no `steps` key: schema/required reports it
    if (model.steps.list.some((s) => s.type === 'end')) return;
    ctx.report({
      span: keySpan,
      messageId: 'noEnd',
    });
  },
});
