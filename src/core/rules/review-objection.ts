import { defineRule } from '../rule';
import type { Span } from '../types';
import { clip, roleName, shortWho, stepsNamed } from '../conflicts';
import { agreements } from '../review/read';

/** The entry without the line break and blanks a block map's range ends with. */
function entrySpan(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

export default defineRule({
  code: 'review/objection',
  meta: {
    severity: 'warning',
    shownOn: 'the `reviews` entry',
    docs: {
      description: {
        en: "A role objects to a requirement, or has an open question on it (its last `reviews` entry says `verdict: object` or `verdict: question`). A rejected requirement is not reported.",
        zh: '某角色反对某需求，或对它还有疑问（其在 `reviews` 中的最后一项为 `verdict: object` 或 `verdict: question`）。已拒绝（rejected）的需求不报告。',
      },
      severity: 'error on a live `must`, else warning',
    },
    fixable: false,
    messages: {
      objects: {
        en: '{{role}} objects to {{who}}{{note}}. Settle it before building: change the requirement or record the decision (decides: {{decider}}).',
        zh: '{{role}}反对 {{who}}{{note}}。请在实施前解决：修改需求，或记录决定（决定人：{{decider}}）。',
      },
      question: {
        en: '{{role}} has an open question on {{who}}{{note}}. Answer it and ask {{role}} for its verdict again.',
        zh: '{{role}}对 {{who}} 还有疑问{{note}}。请作出答复，并再次请{{role}}给出意见。',
      },
      note: { en: ': "{{note}}"', zh: '：“{{note}}”' },
      noDecider: { en: 'nobody yet, no `decidedBy` or `owner`', zh: '尚无，未写 `decidedBy` 或 `owner`' },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.live) continue;
      for (const a of agreements(model, r).values()) {
        if ((a.state !== 'object' && a.state !== 'question') || !a.review || !model.roles.byId.has(a.role)) continue;
        const role = roleName(ctx, a.role);
        const note = a.review.note ? ctx.format({ messageId: 'note', data: { note: clip(a.review.note.replace(/\s+/g, ' ').trim(), 40) } }) : '';
        const deciderId = r.decidedBy?.id ?? model.process?.owner?.id;
        const decider = deciderId && model.roles.byId.has(deciderId) ? roleName(ctx, deciderId) : ctx.format({ messageId: 'noDecider' });
        ctx.report({
          span: entrySpan(ctx.text, a.review.span),
          messageId: a.state === 'object' ? 'objects' : 'question',
          data: a.state === 'object' ? { role, who: shortWho(ctx, r), note, decider } : { role, who: shortWho(ctx, r), note },
          severity: r.priority === 'must' ? 'error' : 'warning',
          diagnosticData: { requirements: [r.id], roles: [a.role], role: a.role, steps: stepsNamed(r), verdict: a.state },
        });
      }
    }
  },
});
