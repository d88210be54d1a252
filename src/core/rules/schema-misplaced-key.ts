import { defineRule } from '../rule';

/**
 * A top-level section (`roles:`, `steps:` …) indented under the section
 * above it: YAML reads it, and everything under it, as part of that section.
 * Reported once, on the key; the fix moves the key back to the start of its
 * line (`mistakes.ts`).
 */
export default defineRule({
  code: 'schema/misplaced-key',
  meta: {
    severity: 'error',
    shownOn: 'the key',
    docs: {
      description: {
        en: 'A top-level section is indented under another section.',
        zh: '某个顶层部分被缩进到了另一个部分下面。',
      },
    },
    fixable: true,
    messages: {
      nested: {
        en: '"{{key}}" is a top-level section, but this line is indented {{actual}} spaces, so it is read as part of "{{parent}}". Move it to the start of the line.',
        zh: '“{{key}}”是顶层部分，但这一行缩进了 {{actual}} 个空格，因此被当作“{{parent}}”的一部分。请把它移到行首（不缩进）。',
      },
    },
  },
  run(ctx) {
    for (const m of ctx.facts.mistakes) {
      if (m.kind !== 'misplacedKey') continue;
      ctx.report({
        span: m.span,
        messageId: 'nested',
        data: { key: m.key ?? '', actual: m.actual ?? 0, parent: m.parent ?? '' },
        diagnosticData: { mistake: m.kind, key: m.key, actual: m.actual, name: m.key },
      });
    }
  },
});
