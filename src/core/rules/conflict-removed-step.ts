import { defineRule } from '../rule';
import type { Requirement } from '../model';
import type { Span } from '../types';
import { list } from '../i18n';
import { andMore, bareId, decidedIndex, decisionHint, decisionShort, MAX_OTHER_SIDES, reqWho, SeenSpans, shortWho, stepLabel } from '../conflicts';

type How = 'steps' | 'sets' | 'adds';

interface Naming {
  req: Requirement;
  span: Span;
  how: How;
}

export default defineRule({
  code: 'conflict/removed-step',
  meta: {
    severity: 'warning',
    shownOn: 'the `removes` entry (one finding per entry)',
    docs: {
      description: {
        en: 'A live requirement removes a step that another live requirement names, and neither overrides the other. One finding per `removes` entry, not per pair: it names the first other requirement and ends "…and N more"; the others (up to 20) are in the related information.',
        zh: '一条有效需求要删除的步骤，被另一条有效需求引用，且双方都没有用 `overrides` 记录决定。每个 `removes` 条目只报告一次（而非每对需求一次）：指出第一条引用它的需求，并以“……另有 N 条”结尾；其余各方（最多 20 条）列在相关信息中。',
      },
      severity: 'error if both are `must`, else warning',
    },
    fixable: true,
    messages: {
      removed: {
        en: '{{r}} removes step {{stepId}}, but {{other}} {{how}}.{{decision}}{{more}}',
        zh: '{{r}}要删除步骤 {{stepId}}，但 {{other}}{{how}}。{{decision}}{{more}}',
      },
      howSteps: { en: 'is about it', zh: '涉及它' },
      howSets: { en: 'changes it', zh: '要修改它' },
      howAdds: { en: 'adds it', zh: '要新增它' },
      detail: {
        en: 'Removing step {{step}} takes away what {{otherWho}} relies on: it {{how}}.{{howTo}}',
        zh: '删除步骤{{step}}会让{{otherWho}}落空：它{{how}}。{{howTo}}',
      },
      howStepsLong: { en: 'is about the step (`steps`)', zh: '涉及该步骤（`steps`）' },
      howSetsLong: { en: 'changes how the step works (`sets`)', zh: '要修改该步骤的做法（`sets`）' },
      howAddsLong: { en: 'adds the step (`adds`)', zh: '要新增该步骤（`adds`）' },
      namedHere: { en: '{{other}} names step {{stepId}} here.', zh: '{{other}}在此引用了步骤 {{stepId}}。' },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const live = model.requirements.list.filter((r) => r.live);
    // the steps that live requirements remove: only their mentions matter
    const removed = new Set<string>();
    for (let i = 0; i < live.length; i++) {
      const removes = live[i].removes;
      for (let k = 0; k < removes.length; k++) removed.add(removes[k].id);
    }
    if (!removed.size) return;

    // every live mention of a removed step in `steps`, `sets` or `adds`, grouped by step
    const namings = new Map<string, Naming[]>();
    const add = (id: string, req: Requirement, span: Span, how: How) => {
      if (!removed.has(id)) return;
      let l = namings.get(id);
      if (!l) namings.set(id, (l = []));
      l.push({ req, span, how });
    };
    for (let i = 0; i < live.length; i++) {
      const r = live[i];
      for (let k = 0; k < r.steps.length; k++) add(r.steps[k].id, r, r.steps[k].span, 'steps');
      for (let k = 0; k < r.sets.length; k++) {
        const s = r.sets[k];
        if (s.step) add(s.step.id, r, s.entrySpan, 'sets');
      }
      for (let k = 0; k < r.adds.length; k++) add(r.adds[k].id, r, r.adds[k].span, 'adds');
    }

    const hows = { steps: 'howSteps', sets: 'howSets', adds: 'howAdds' } as const satisfies Record<How, string>;
    const howsLong = { steps: 'howStepsLong', sets: 'howSetsLong', adds: 'howAddsLong' } as const satisfies Record<How, string>;
    const howOf = (ns: Naming[], words: Record<How, 'howSteps' | 'howSets' | 'howAdds' | 'howStepsLong' | 'howSetsLong' | 'howAddsLong'> = hows) =>
      list(ctx.locale, [...new Set(ns.map((n) => n.how))].map((k) => ctx.format({ messageId: words[k] })));

    // per removed step: the requirements naming it, each with all the ways it does (document order), and how many are `must`
    const byStep = new Map<string, { reqs: Map<Requirement, Naming[]>; must: number }>();
    for (const [id, l] of namings) {
      const reqs = new Map<Requirement, Naming[]>();
      let must = 0;
      for (const n of l) {
        const m = reqs.get(n.req);
        if (m) m.push(n);
        else {
          reqs.set(n.req, [n]);
          if (n.req.priority === 'must') must++;
        }
      }
      byStep.set(id, { reqs, must });
    }
    const decidedWith = decidedIndex(ctx.facts);
    const byId = new Map<string, Requirement>();
    for (const r of live) byId.set(r.id, r);
    const seen = new SeenSpans();

    for (let i = 0; i < live.length; i++) {
      const r = live[i];
      for (let k = 0; k < r.removes.length; k++) {
        const rm = r.removes[k];
        const named = byStep.get(rm.id);
        if (!named || !seen.first(rm.span)) continue; // an entry reached again through an alias is reported once
        // every other requirement naming the step, but not those decided with this one
        const excluded = new Set<Requirement>([r]);
        for (const id of decidedWith.get(r.id) ?? []) {
          const o = byId.get(id);
          if (o) excluded.add(o);
        }
        let count = named.reqs.size;
        let must = named.must;
        for (const x of excluded) {
          if (!named.reqs.has(x)) continue;
          count--;
          if (x.priority === 'must') must--;
        }
        if (count <= 0) continue;
        const others: [Requirement, Naming[]][] = [];
        for (const entry of named.reqs) {
          if (others.length >= MAX_OTHER_SIDES) break;
          if (!excluded.has(entry[0])) others.push(entry);
        }
        const [other, ns] = others[0];
        ctx.report({
          span: rm.span,
          severity: r.priority === 'must' && must > 0 ? 'error' : 'warning',
          messageId: 'removed',
          data: {
            r: shortWho(ctx, r),
            stepId: bareId(ctx, rm.id),
            other: shortWho(ctx, other),
            how: howOf(ns),
            decision: decisionShort(ctx, r, other),
            more: andMore(ctx, count - 1),
          },
          detail: {
            messageId: 'detail',
            data: { step: stepLabel(ctx, rm.id), otherWho: reqWho(ctx, other), how: howOf(ns, howsLong), howTo: decisionHint(ctx, r, other) },
          },
          related: others.flatMap(([o, l], j) => {
            const who = shortWho(ctx, o);
            // every place of the first other side (up to 5), the first place of each further one
            return l.slice(0, j === 0 ? 5 : 1).map((n) => ({ span: n.span, messageId: 'namedHere' as const, data: { other: who, stepId: bareId(ctx, rm.id) } }));
          }),
          diagnosticData: { steps: [rm.id], requirements: [r.id, other.id], other: other.id, ...(others.length > 1 ? { others: others.map((o) => o[0].id) } : {}) },
        });
      }
    }
  },
});
