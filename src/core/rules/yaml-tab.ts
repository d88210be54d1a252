import { defineRule } from '../rule';

/**
 * A tab in a line's indentation: YAML only allows spaces, and one tab makes
 * the rest of the section unreadable. Reported once, on the tab, with the
 * spaces it stands for (from the lines around it); the follow-on findings are
 * suppressed while it stands (`engine.ts`).
 */
export default defineRule({
  code: 'yaml/tab',
  meta: {
    severity: 'error',
    shownOn: 'the indentation',
    docs: {
      description: {
        en: 'A line is indented with a tab; YAML only allows spaces.',
        zh: '某行用了制表符（Tab）缩进；YAML 只允许用空格缩进。',
      },
    },
    fixable: true,
    messages: {
      tab: {
        en: 'This line is indented with a tab; YAML only allows spaces. Replace the tab with {{expected}} spaces.',
        zh: '这一行用了制表符（Tab）缩进；YAML 只允许用空格缩进。请把制表符换成 {{expected}} 个空格。',
      },
    },
  },
  run(ctx) {
    for (const m of ctx.facts.mistakes) {
      if (m.kind !== 'tab') continue;
      ctx.report({ span: m.span, messageId: 'tab', data: { expected: m.expected ?? 0 }, diagnosticData: { mistake: 'tab', expected: m.expected } });
    }
  },
});
