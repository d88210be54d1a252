import { defineRule } from '../rule';

/**
 * A key repeated in one map. Only the first definition counts (that is what
 * the model keeps), so the later ones are reported, each with related
 * information pointing at the first. Aliases are never followed.
 */
export default defineRule({
  code: 'yaml/duplicate-key',
  meta: {
    severity: 'error',
    shownOn: 'the second key',
    docs: {
      description: {
        en: 'A key repeats in one map (so an id is defined twice); only the first definition counts.',
        zh: '同一映射中键重复（即同一 id 定义了两次）；只有第一个定义有效。',
      },
    },
    fixable: false,
    messages: {
      topLevel: { en: 'at the top level', zh: '顶层' },
      inParent: { en: 'in "{{parent}}"', zh: '“{{parent}}”中' },
      duplicate: {
        en: 'Duplicate key "{{key}}" {{where}}: it is already defined above, and only the first definition counts. Merge the two or rename this one.',
        zh: '{{where}}的键“{{key}}”重复：上方已定义过，只有第一个定义有效。请合并两处定义，或重命名此处。',
      },
      firstDefinition: { en: '"{{key}}" is first defined here.', zh: '“{{key}}”首次定义于此。' },
    },
  },
  run(ctx) {
    for (const d of ctx.facts.yamlTree.duplicates) {
      const where =
        d.parent === undefined
          ? ctx.format({ messageId: 'topLevel' })
          : ctx.format({ messageId: 'inParent', data: { parent: d.parent } });
      ctx.report({
        span: d.span,
        messageId: 'duplicate',
        data: { key: d.key, where },
        related: [{ span: d.first, messageId: 'firstDefinition', data: { key: d.key } }],
        diagnosticData: { name: d.key },
      });
    }
  },
});
