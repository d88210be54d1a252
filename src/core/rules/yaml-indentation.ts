import { ITEMS } from '../schema/format';
import { defineRule } from '../rule';

/**
 * A line indented one step too far or too little: YAML then reads it (and
 * often the lines after it) as part of another map, or fails. Found from
 * where the key fits the format and where its siblings are (`mistakes.ts`);
 * reported once, on the line's indentation, with the column it should have.
 */
export default defineRule({
  code: 'yaml/indentation',
  meta: {
    severity: 'error',
    shownOn: 'the indentation',
    docs: {
      description: {
        en: 'A line is indented differently from the lines it belongs with.',
        zh: '某行的缩进与同级的其他行不一致。',
      },
    },
    fixable: true,
    messages: {
      indentIn: {
        en: 'This line is indented {{actual}} spaces, but the keys of {{owner}} use {{expected}}. Re-indent it to {{expected}} spaces.',
        zh: '这一行缩进了 {{actual}} 个空格，而{{owner}}的各个键用的是 {{expected}} 个空格。请改为缩进 {{expected}} 个空格。',
      },
      indent: {
        en: 'This line is indented {{actual}} spaces, but the lines it belongs with use {{expected}}. Re-indent it to {{expected}} spaces.',
        zh: '这一行缩进了 {{actual}} 个空格，而与它同级的各行用的是 {{expected}} 个空格。请改为缩进 {{expected}} 个空格。',
      },
    },
  },
  run(ctx) {
    for (const m of ctx.facts.mistakes) {
      if (m.kind !== 'indent') continue;
      const data = { actual: m.actual ?? 0, expected: m.expected ?? 0 };
      const diagnosticData = { mistake: m.kind, actual: m.actual, expected: m.expected, key: m.key };
      if (m.owner) {
        const owner =
          m.owner.kind === 'process'
            ? ctx.t('the process', '流程（process）')
            : ctx.t(`${ITEMS[m.owner.kind].label.en} ${ctx.q(m.owner.id ?? '')}`, `${ITEMS[m.owner.kind].label.zh}${ctx.q(m.owner.id ?? '')}`);
        ctx.report({ span: m.span, messageId: 'indentIn', data: { ...data, owner }, diagnosticData });
      } else {
        ctx.report({ span: m.span, messageId: 'indent', data, diagnosticData });
      }
    }
  },
});
