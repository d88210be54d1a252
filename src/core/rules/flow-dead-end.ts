import { isMap, isScalar, isSeq } from 'yaml';
import { defineRule, idWithName } from '../rule';
import { mapPairs, scalarText, type Model, type Step } from '../model';
import { deref } from '../parse';

/**
 * Whether a step has a `next` that says something: the key is present and
 * its value is not empty (`next:`, `next: ""`, `next: []`, `next: {}` say
 * nothing). A `next` whose targets are unknown or of the wrong shape still
 * says something: ref/unknown-step or schema/type report it, not the flow rules.
 */
export function hasNext(model: Model, step: Step): boolean {
  if (!step.nextKeySpan) return false;
  // an edge to a non-empty id comes from a non-empty value (the model reads the same, first `next` key)
  if (step.next.length && step.next[0].target.id !== '') return true;
  const pairs = mapPairs(step.node, model.parsed);
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (scalarText(p.key) !== 'next') continue;
    const v = deref(model.parsed, p.value);
    if (v === null || v === undefined) return false;
    if (isScalar(v)) return !(v.value === null || v.value === '');
    if (isSeq(v) || isMap(v)) return v.items.length > 0;
    return true;
  }
  return true;
}

export default defineRule({
  code: 'flow/dead-end',
  meta: {
    severity: 'error',
    shownOn: "the step's key",
    docs: {
      description: {
        en: 'A step that is not an `end` has no `next`.',
        zh: '非结束步骤没有 `next`。',
      },
    },
    fixable: false,
    messages: {
      deadEnd: {
        en: 'Step {{step}} is a dead end: it has no `next`, so the process stops here without reaching an end. Add a `next` to the step that follows, or set `type: end` if the process finishes here.',
        zh: '步骤{{step}}是死胡同：它没有 `next`，流程会停在这里而到不了结束步骤。请添加指向后续步骤的 `next`；如果流程在此完成，请设置 `type: end`。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.list;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (s.type === 'end') continue;
      // a step that is not a map (and not empty) could not be read: schema/type reports it
      if (s.node !== null && s.node !== undefined && !isMap(s.node) && !(isScalar(s.node) && s.node.value === null)) continue;
      if (hasNext(model, s)) continue;
      ctx.report({
        span: s.keySpan,
        messageId: 'deadEnd',
        data: { step: idWithName(ctx, s.id, s.name) },
        diagnosticData: { steps: [s.id] },
      });
    }
  },
});
