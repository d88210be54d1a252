import { defineRule } from '../rule';
import { isScalar, isSeq } from 'yaml';
import { hasContent, rawField, roleLabel } from '../conflicts';

export default defineRule({
  code: 'req/no-acceptance',
  meta: {
    severity: 'warning',
    shownOn: "the requirement's key",
    docs: {
      description: {
        en: 'A live `must` or `should` requirement has no acceptance criteria.',
        zh: '有效的 `must` 或 `should` 需求没有验收标准。',
      },
    },
    fixable: true,
    messages: {
      noAcceptance: {
        en: 'Requirement "{{id}}" ({{priority}}) has no acceptance criteria: nobody can tell when it is done. Add an `acceptance:` list.',
        zh: '需求“{{id}}”（{{priority}}）没有验收标准，无法判断何时算完成。请添加 `acceptance:` 列表，写明可检验的标准。',
      },
      noAcceptanceFrom: {
        en: 'Requirement "{{id}}" ({{priority}}, asked by {{who}}) has no acceptance criteria: nobody can tell when it is done. Add an `acceptance:` list.',
        zh: '需求“{{id}}”（{{priority}}，由{{who}}提出）没有验收标准，无法判断何时算完成。请添加 `acceptance:` 列表，写明可检验的标准。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.isMap || !r.live || (r.priority !== 'must' && r.priority !== 'should')) continue;
      if (r.acceptance.some((a) => a.trim() !== '')) continue;
      const raw = rawField(model, r, 'acceptance');
      if (raw.present) {
        // a list with no criteria in it, or nothing at all, counts as empty;
        // any other shape is schema/type's business
        if (isSeq(raw.node)) {
          if (raw.node.items.some((it) => !isScalar(it) && it !== null && it !== undefined)) continue;
        } else if (hasContent(raw.node)) continue;
      }
      const who = r.from ? roleLabel(ctx, r.from.id) : undefined;
      ctx.report({
        span: r.keySpan,
        ...(who
          ? { messageId: 'noAcceptanceFrom' as const, data: { id: r.id, priority: r.priority, who } }
          : { messageId: 'noAcceptance' as const, data: { id: r.id, priority: r.priority } }),
        diagnosticData: { requirements: [r.id] },
      });
    }
  },
});
