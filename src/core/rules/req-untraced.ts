import { defineRule } from '../rule';
import { hasContent, isEmptyItem, rawField } from '../conflicts';

const KEYS = ['steps', 'sets', 'adds', 'removes'] as const;

export default defineRule({
  code: 'req/untraced',
  defaultSeverity: 'info',
  description: {
    en: 'A requirement names no step at all (`steps`, `sets`, `adds`, `removes` all empty).',
    zh: '需求没有关联任何步骤（`steps`、`sets`、`adds`、`removes` 都为空）。',
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
      const title = r.title ? ctx.t(` ("${r.title}")`, `（${r.title}）`) : '';
      const id = ctx.q(r.id);
      ctx.report({
        span: r.keySpan,
        message: ctx.t(
          `Requirement ${id}${title} names no step of the process, so it cannot be traced to the work it changes. ` +
            `Say which steps it is about with \`steps\`, \`sets\`, \`adds\` or \`removes\`.`,
          `需求${id}${title}没有关联流程中的任何步骤，无法追溯到它改变的工作。` +
            `请用 \`steps\`、\`sets\`、\`adds\` 或 \`removes\` 写明它涉及哪些步骤。`,
        ),
        data: { requirements: [r.id] },
      });
    }
  },
});
