import { defineRule } from '../rule';
import { hasContent, isEmptyItem, rawField } from '../conflicts';

const KEYS = ['steps', 'sets', 'adds', 'removes'] as const;

export default defineRule({
  code: 'req/untraced',
  meta: {
    severity: 'info',
    shownOn: "the requirement's key",
    docs: {
      description: {
        en: 'A requirement names no step at all (`steps`, `sets`, `adds`, `removes` all empty).',
        zh: '需求没有关联任何步骤（`steps`、`sets`、`adds`、`removes` 都为空）。',
      },
    },
    fixable: false,
    messages: {
      untraced: {
        en: 'Requirement "{{id}}" names no step of the process, so it cannot be traced to the work it changes. Say which steps it is about with `steps`, `sets`, `adds` or `removes`.',
        zh: '需求“{{id}}”没有关联流程中的任何步骤，无法追溯到它改变的工作。请用 `steps`、`sets`、`adds` 或 `removes` 写明它涉及哪些步骤。',
      },
      untracedTitled: {
        en: 'Requirement "{{id}}" ("{{title}}") names no step of the process, so it cannot be traced to the work it changes. Say which steps it is about with `steps`, `sets`, `adds` or `removes`.',
        zh: '需求“{{id}}”（{{title}}）没有关联流程中的任何步骤，无法追溯到它改变的工作。请用 `steps`、`sets`、`adds` 或 `removes` 写明它涉及哪些步骤。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.isMap && !isEmptyItem(r)) continue; // not a map: schema/type reports it
      if (r.steps.length || r.sets.length || r.adds.length || r.removes.length) continue;
      // a key written in a shape we cannot read still says something: skip
      if (r.isMap && KEYS.some((k) => hasContent(rawField(model, r, k).node))) continue;
      ctx.report({
        span: r.keySpan,
        ...(r.title
          ? { messageId: 'untracedTitled' as const, data: { id: r.id, title: r.title } }
          : { messageId: 'untraced' as const, data: { id: r.id } }),
        diagnosticData: { requirements: [r.id] },
      });
    }
  },
});
