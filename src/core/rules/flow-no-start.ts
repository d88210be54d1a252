import { isMap, isScalar, type Pair } from 'yaml';
import { defineRule } from '../rule';
import { scalarText, type Model } from '../model';
import { deref } from '../parse';

/**
 * True when `steps:` holds a map (or nothing at all: an empty section). Any
 * other shape is a `schema/type` problem, and then "no start" would only be
 * noise about a section that could not be read.
 */
export function stepsReadable(model: Model): boolean {
  if (!model.steps.keySpan || !model.root) return false;
  for (const p of model.root.items as Pair[]) {
    if (scalarText(p.key) !== 'steps') continue;
    const v = deref(model.parsed, p.value);
    return v === null || v === undefined || isMap(v) || (isScalar(v) && (v.value === null || v.value === ''));
  }
  return false;
}

export default defineRule({
  code: 'flow/no-start',
  meta: {
    severity: 'error',
    shownOn: '`steps` key',
    docs: {
      description: {
        en: 'No step has `type: start`.',
        zh: '没有任何步骤设置了 `type: start`。',
      },
    },
    fixable: false,
    messages: {
      noStart: {
        en: 'The process has no start step: no step under `steps:` has `type: start`. Mark the step where the process begins with `type: start`.',
        zh: '流程没有开始步骤：`steps:` 下没有任何步骤设置 `type: start`。请给流程开始的那个步骤加上 `type: start`。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const keySpan = model.steps.keySpan;
    if (!keySpan || !stepsReadable(model)) return; // no `steps` key: schema/required reports it
    if (model.steps.list.some((s) => s.type === 'start')) return;
    ctx.report({
      span: keySpan,
      messageId: 'noStart',
    });
  },
});
