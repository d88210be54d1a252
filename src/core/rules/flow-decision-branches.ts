import { isMap, isScalar, isSeq } from 'yaml';
import { defineRule, idWithName } from '../rule';
import { mapPairs, scalarText, type Model, type Step } from '../model';
import { deref } from '../parse';

/**
 * Branches of a decision as written: the entries of its `next` map, whatever
 * their targets (unknown targets are ref/unknown-step's business). A `next` of
 * the wrong shape (schema/type) still counts what is there: a single step id
 * is one branch, a list counts its items; so `next: [a, b]` is reported by
 * schema/type only, and `next: a` by both (it really is one way out).
 */
export function branchCount(model: Model, step: Step): number {
  if (!step.nextKeySpan) return 0;
  const pairs = mapPairs(step.node, model.parsed);
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i];
    if (scalarText(p.key) !== 'next') continue;
    const v = deref(model.parsed, p.value);
    if (isMap(v) || isSeq(v)) return v.items.length;
    if (isScalar(v)) return v.value === null || v.value === '' ? 0 : 1;
    return 0;
  }
  return 0;
}

export default defineRule({
  code: 'flow/decision-branches',
  meta: {
    severity: 'error',
    shownOn: "the step's key",
    docs: {
      description: {
        en: 'A `decision` step with fewer than two branches.',
        zh: '判断步骤（`decision`）的分支少于两个。',
      },
    },
    fixable: false,
    messages: {
      noBranch: { en: 'has no branch', zh: '没有分支' },
      oneBranch: { en: 'has only one branch', zh: '只有一个分支' },
      tooFewBranches: {
        en: 'Decision {{step}} {{has}}: a decision needs at least two labelled branches under `next`, e.g. `next: { approved: ship, rejected: notify }`. Add the missing branch, or make it a `task` if there is no choice to make here.',
        zh: '判断步骤{{step}}{{has}}：判断至少要在 `next` 下写两个带标签的分支，例如 `next: {通过: ship, 拒绝: notify}`。请补上缺少的分支；如果这里无需判断，请把类型改为 `task`。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const steps = model.steps.list;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (s.type !== 'decision') continue;
      const count = branchCount(model, s);
      if (count >= 2) continue;
      const has = ctx.format({ messageId: count === 0 ? 'noBranch' : 'oneBranch' });
      ctx.report({
        span: s.keySpan,
        messageId: 'tooFewBranches',
        data: { step: idWithName(ctx, s.id, s.name), has },
        diagnosticData: { steps: [s.id], branches: count },
      });
    }
  },
});
