import { defineRule } from '../rule';

/**
 * Full-width punctuation from a Chinese input method where YAML needs its
 * ASCII syntax: `name：发货` (colon after a key), `－ item` (list dash),
 * `[a，b]` (comma in a one-line list), a full-width space in the indentation.
 * Only where that reading is certain (`mistakes.ts`, `typing.ts`): a `：`
 * inside a value stays text. A `，` in a list of free text may be meant, so
 * it is only a hint there.
 */
export default defineRule({
  code: 'yaml/full-width',
  meta: {
    severity: 'error',
    shownOn: 'the full-width character',
    docs: {
      description: {
        en: 'Full-width punctuation (：，－ or a full-width space) is used where YAML needs the ASCII character.',
        zh: '在 YAML 需要半角字符的地方用了全角标点（：，－ 或全角空格）。',
      },
      severity: 'error; info for a comma in a list of free text',
    },
    fixable: true,
    messages: {
      colon: {
        en: 'The full-width colon "：" after "{{key}}" is read as text, not as the ":" between a key and its value. Use the ASCII colon ":" followed by a space.',
        zh: '“{{key}}”后面的全角冒号「：」会被当作文字，而不是键和值之间的“:”。请改用半角冒号“:”，后面加一个空格。',
      },
      comma: {
        en: 'The full-width comma "，" in the list of "{{key}}" does not separate items, so the ids around it are read as one. Use the ASCII comma ",".',
        zh: '“{{key}}”列表中的全角逗号「，」不会分隔列表项，它两边的 id 会被当作一项。请改用半角逗号“,”。',
      },
      commaText: {
        en: 'The full-width comma "，" in the list of "{{key}}" does not separate items: the text around it is one item. If you meant two items, use the ASCII comma ",".',
        zh: '“{{key}}”列表中的全角逗号「，」不会分隔列表项：它两边的文字是一项。如果想写成两项，请改用半角逗号“,”。',
      },
      dash: {
        en: 'The full-width dash "－" does not start a list item, so YAML reads this line as text. Use the ASCII "-" followed by a space.',
        zh: '全角破折号「－」不会开始一个列表项，YAML 会把这一行当作文字。请改用半角“-”，后面加一个空格。',
      },
      space: {
        en: 'This line is indented with a full-width space (U+3000); YAML only counts ASCII spaces. Indent it with {{expected}} ASCII spaces.',
        zh: '这一行用了全角空格（U+3000）缩进；YAML 只认半角空格。请改为缩进 {{expected}} 个半角空格。',
      },
    },
  },
  run(ctx) {
    for (const m of ctx.facts.mistakes) {
      switch (m.kind) {
        case 'fullWidthColon':
          ctx.report({ span: m.span, messageId: 'colon', data: { key: m.key ?? '' }, diagnosticData: { mistake: m.kind, key: m.key } });
          break;
        case 'fullWidthComma':
          ctx.report({
            span: m.span,
            messageId: m.ids ? 'comma' : 'commaText',
            data: { key: m.key ?? '' },
            severity: m.ids ? 'error' : 'info',
            diagnosticData: { mistake: m.kind, key: m.key },
          });
          break;
        case 'fullWidthDash':
          ctx.report({ span: m.span, messageId: 'dash', diagnosticData: { mistake: m.kind } });
          break;
        case 'fullWidthSpace':
          ctx.report({ span: m.span, messageId: 'space', data: { expected: m.expected ?? 0 }, diagnosticData: { mistake: m.kind, expected: m.expected } });
          break;
        default:
      }
    }
  },
});
