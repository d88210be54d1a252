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
  code: 'review/stale-agreement',
  meta: {
    severity: 'warning',
    shownOn: 'the `reviews` entry',
    docs: {
      description: {
        en: "A role's agreement (its last `reviews` entry, `verdict: agree`) carries a fingerprint that no longer matches the requirement: what it agreed to has changed since, so the agreement counts as not given. A rejected requirement is not reported.",
        zh: '某角色的同意（其在 `reviews` 中的最后一项，`verdict: agree`）所记录的指纹与需求当前内容不再匹配：同意之后内容已改变，因此视为尚未同意。已拒绝（rejected）的需求不报告。',
      },
    },
    fixable: true,
    messages: {
      stale: {
        en: '{{role}} agreed to an earlier version of {{who}} (fingerprint {{recorded}}, today {{current}}): it has changed since, so the agreement no longer counts. Ask {{role}} to re-sign.',
        zh: '{{role}}同意的是 {{who}} 的旧版本（指纹 {{recorded}}，当前 {{current}}）：此后内容已改变，这一同意不再有效。请让{{role}}重新审阅并签署。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      // a rejected requirement asks nothing of anyone
      if (!r.live) continue;
      for (const a of agreements(model, r).values()) {
        // an unknown role is ref/unknown-role's finding
        if (a.state !== 'stale' || !a.review || !model.roles.byId.has(a.role)) continue;
        ctx.report({
          span: entrySpan(ctx.text, a.review.span),
          messageId: 'stale',
          data: { role: roleName(ctx, a.role), who: shortWho(ctx, r), recorded: clip(a.recorded ?? '', 16), current: clip(a.current ?? '', 16) },
          diagnosticData: {
            requirements: [r.id],
            roles: [a.role],
            role: a.role,
            steps: stepsNamed(r),
            recorded: a.recorded ?? '',
            current: a.current ?? '',
          },
        });
      }
    }
  },
});
