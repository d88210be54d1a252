import { defineRule } from '../rule';
import type { Requirement, Step } from '../model';
import type { Span } from '../types';
import { bareId, clip, reqWho, roleLabel, roleName, SeenSpans, shortWho, stepLabel } from '../conflicts';
import { agreements, type RoleAgreement } from '../review/read';

export default defineRule({
  code: 'conflict/unagreed-burden',
  meta: {
    severity: 'warning',
    shownOn: 'the `adds` or `sets` entry',
    docs: {
      description: {
        en: 'A live requirement adds a step to, or changes a step of, a role other than its `from`, and that role has not agreed (`agreed`, or an `agree` in `reviews`; a stale agreement is reported by `review/stale-agreement` instead).',
        zh: '有效需求给非提出方的角色新增或修改步骤，而该角色尚未同意（`agreed`，或 `reviews` 中的 agree；失效的同意由 `review/stale-agreement` 报告）。',
      },
    },
    fixable: true,
    messages: {
      addsStep: {
        en: '{{who}} adds step {{stepId}} to the lane of {{laneName}}, who has not agreed. Add {{role}} to `agreed` once it signs off, or drop the change.',
        zh: '{{who}}在{{laneName}}的泳道中新增步骤 {{stepId}}，但{{laneName}}尚未同意。请征得同意后把 {{role}} 加入 `agreed`，或放弃这项改动。',
      },
      changesStep: {
        en: '{{who}} changes {{key}} to "{{value}}" in the lane of {{laneName}}, who has not agreed. Add {{role}} to `agreed` once it signs off, or drop the change.',
        zh: '{{who}}把{{laneName}}泳道中的 {{key}} 改为“{{value}}”，但{{laneName}}尚未同意。请征得同意后把 {{role}} 加入 `agreed`，或放弃这项改动。',
      },
      addsDetail: {
        en: '{{who}} adds step {{step}} to the lane of {{lane}}: work is added to a team that has not signed off.{{fix}}',
        zh: '{{who}}在{{lane}}的泳道中新增步骤{{step}}：这是在未经同意的情况下给该团队增加工作。{{fix}}',
      },
      changesDetail: {
        en: '{{who}} changes "{{key}}" to "{{value}}" on step {{step}}, in the lane of {{lane}}: the way that team works is changed without its sign-off.{{fix}}',
        zh: '{{who}}把{{lane}}泳道中步骤{{step}}的“{{key}}”改为“{{value}}”：这是在未经同意的情况下改变该团队的工作方式。{{fix}}',
      },
      askSignOff: {
        en: ' Ask {{lane}} to sign off and add "{{role}}" to the `agreed` list of "{{req}}" (or record its agreement under `reviews`), or drop the change.',
        zh: '请先征得{{lane}}的同意，并把“{{role}}”加入“{{req}}”的 `agreed` 列表（或在 `reviews` 中记录其同意），或放弃这项改动。',
      },
      inLane: { en: 'Step {{step}} is in the lane of {{lane}}, who has not agreed.', zh: '步骤{{step}}属于{{lane}}的泳道，该角色尚未同意。' },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const roles = model.roles.byId;
    /** Where each role stands on the requirement being checked (read on first need). */
    let standing: Map<string, RoleAgreement> | undefined;

    /** The lane's role when the step is in another role's lane that has not agreed. */
    const burdened = (r: Requirement, stepId: string): { step: Step; role: string } | undefined => {
      const step = model.steps.byId.get(stepId);
      // no lane: an unknown step, a step without a role, or in the lane of an unknown role (ref/unknown-role's finding)
      const role = step?.role && roles.has(step.role.id) ? step.role.id : undefined;
      if (!role || role === r.from!.id) return undefined;
      // only a live agreement counts; a stale one is review/stale-agreement's finding
      const state = (standing ??= agreements(model, r)).get(role)?.state;
      if (state === 'agreed' || state === 'stale') return undefined;
      return { step: step!, role };
    };

    const report = (
      r: Requirement,
      span: Span,
      step: Step,
      role: string,
      messageId: 'addsStep' | 'changesStep',
      data: Record<string, string>,
      detail: Record<string, string>,
    ) => {
      const lane = roleLabel(ctx, role);
      const fix = ctx.format({ messageId: 'askSignOff', data: { lane, role, req: r.id } });
      ctx.report({
        span,
        messageId,
        data: { ...data, laneName: roleName(ctx, role), role: bareId(ctx, role) },
        detail: { messageId: messageId === 'addsStep' ? 'addsDetail' : 'changesDetail', data: { ...detail, lane, fix } },
        related: step.role
          ? [{ span: step.role.span, messageId: 'inLane', data: { step: stepLabel(ctx, step.id), lane } }]
          : undefined,
        diagnosticData: { steps: [step.id], requirements: [r.id], role, roles: [role, r.from!.id] },
      });
    };

    // an entry reached again through a YAML alias is the same text: reported once
    const seen = new SeenSpans();
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      // without a known `from` nobody can tell whose lane is someone else's (ref/unknown-role reports a typo)
      if (!r.live || !r.from || !roles.has(r.from.id)) continue;
      let who: string | undefined;
      let longWho: string | undefined;
      standing = undefined;
      for (let k = 0; k < r.adds.length; k++) {
        const a = r.adds[k];
        const b = burdened(r, a.id);
        if (!b || !seen.first(a.span)) continue;
        who ??= shortWho(ctx, r);
        longWho ??= reqWho(ctx, r);
        report(r, a.span, b.step, b.role, 'addsStep', { who, stepId: bareId(ctx, a.id) }, { who: longWho, step: stepLabel(ctx, a.id) });
      }
      for (let k = 0; k < r.sets.length; k++) {
        const s = r.sets[k];
        if (!s.step) continue;
        const b = burdened(r, s.step.id);
        if (!b || !seen.first(s.entrySpan)) continue;
        who ??= shortWho(ctx, r);
        longWho ??= reqWho(ctx, r);
        report(r, s.entrySpan, b.step, b.role, 'changesStep', { who, key: clip(s.key, 40), value: clip(s.value) }, { who: longWho, step: stepLabel(ctx, s.step.id), key: s.key, value: s.value });
      }
    }
  },
});
