import { defineRule } from '../rule';
import { firstDefinition } from '../schema';

/**
 * A key repeated in one map. Only the first definition counts (that is what
 * the model keeps), so the later ones are reported, each with related
 * information pointing at the first. Aliases are never followed.
 */
export default defineRule({
  code: 'yaml/duplicate-key',
  defaultSeverity: 'error',
  description: {
    en: 'A key repeats in one map (so an id is defined twice); only the first definition counts.',
    zh: '同一映射中键重复（即同一 id 定义了两次）；只有第一个定义有效。',
  },
  run(ctx) {
    for (const d of ctx.facts.yamlTree.duplicates) {
      const where =
        d.parent === undefined
          ? ctx.t('at the top level', '顶层')
          : ctx.t(`in ${ctx.q(d.parent)}`, `${ctx.q(d.parent)}中`);
      ctx.report({
        span: d.span,
        message: ctx.t(
          `Duplicate key ${ctx.q(d.key)} ${where}: it is already defined above, and only the first definition counts. Merge the two or rename this one.`,
          `${where}的键${ctx.q(d.key)}重复：上方已定义过，只有第一个定义有效。请合并两处定义，或重命名此处。`,
        ),
        related: [firstDefinition(d, ctx.locale)],
        data: { name: d.key },
      });
    }
  },
});
