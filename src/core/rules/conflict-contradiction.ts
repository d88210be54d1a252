import { defineRule } from '../rule';
import type { Requirement, SetEntry } from '../model';
import type { Span } from '../types';
import { andMore, clip, decidedIndex, decisionHint, decisionShort, MAX_OTHER_SIDES, reqWho, SeenSpans, shortWho, stepLabel, todayText } from '../conflicts';

interface Entry {
  req: Requirement;
  set: SetEntry;
}

export default defineRule({
  code: 'conflict/contradiction',
  meta: {
    severity: 'warning',
    shownOn: 'the `sets` entry, in each requirement that takes part (one finding per entry)',
    docs: {
      description: {
        en: 'Two live requirements set the same `step.attribute` to different values, and neither overrides the other. One finding per `sets` entry, not per pair: it names the first other requirement and ends "…and N more"; the others (up to 20) are in the related information.',
        zh: '两条有效需求把同一个 `步骤.属性` 设为不同的值，且双方都没有用 `overrides` 记录决定。每个 `sets` 条目只报告一次（而非每对需求一次）：指出第一条冲突的需求，并以“……另有 N 条”结尾；其余各方（最多 20 条）列在相关信息中。',
      },
      severity: 'error if both are `must`, else warning',
    },
    fixable: true,
    messages: {
      contradiction: {
        en: 'Contradiction on {{key}}: {{a}} sets "{{aValue}}", {{b}} sets "{{bValue}}".{{decision}}{{more}}',
        zh: '{{key}} 存在矛盾：{{a}}设为“{{aValue}}”，{{b}}设为“{{bValue}}”。{{decision}}{{more}}',
      },
      detail: {
        en: 'Step {{step}} can only work one way.{{today}} {{aWho}} wants "{{aValue}}"; {{bWho}} wants "{{bValue}}".{{howTo}}',
        zh: '步骤{{step}}只能有一种做法。{{today}}{{aWho}}要求“{{aValue}}”；{{bWho}}要求“{{bValue}}”。{{howTo}}',
      },
      otherSetsHere: {
        en: '{{b}} sets {{key}} to "{{bValue}}" here.',
        zh: '{{b}}在此把 {{key}} 设为“{{bValue}}”。',
      },
      todayHere: {
        en: 'Today step {{step}} has {{attribute}} = "{{today}}".',
        zh: '步骤{{step}}目前的 {{attribute}} 为“{{today}}”。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const decidedWith = decidedIndex(ctx.facts);
    // group every live `sets` entry by the attribute it sets
    const groups = new Map<string, Entry[]>();
    const reqs = model.requirements.list;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (!r.live) continue;
      for (let k = 0; k < r.sets.length; k++) {
        const set = r.sets[k];
        if (!set.step) continue; // a key without a dot names no attribute
        const key = `${set.step.id}.${set.attribute}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push({ req: r, set });
      }
    }
    const seen = new SeenSpans();
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      const sides = otherSides(group, decidedWith);
      if (!sides) continue;
      for (const a of group) {
        if (!seen.first(a.set.entrySpan)) continue; // the same text reached again through an alias
        const o = sides(a);
        if (!o.count) continue;
        report(key, a, o.first, o.count, o.anyMust);
      }
    }

    function report(key: string, a: Entry, others: Entry[], count: number, anyMust: boolean) {
      const b = others[0];
      const stepId = a.set.step!.id;
      const step = model.steps.byId.get(stepId);
      const today = step?.attributes.find((x) => x.name === a.set.attribute);
      const shortKey = clip(key, 40);
      const data = {
        key: shortKey,
        a: shortWho(ctx, a.req),
        aValue: clip(a.set.value, 20),
        b: shortWho(ctx, b.req),
        bValue: clip(b.set.value, 20),
        decision: decisionShort(ctx, a.req, b.req),
        more: andMore(ctx, count - 1),
      };
      const related: { span: Span; messageId: 'otherSetsHere' | 'todayHere'; data: Record<string, string> }[] = others.map((x) => ({
        span: x.set.entrySpan,
        messageId: 'otherSetsHere' as const,
        data: { b: shortWho(ctx, x.req), key: shortKey, bValue: clip(x.set.value, 20) },
      }));
      if (today) {
        related.push({ span: today.valueSpan, messageId: 'todayHere', data: { step: stepLabel(ctx, stepId), attribute: a.set.attribute, today: today.value } });
      }
      ctx.report({
        span: a.set.entrySpan,
        severity: a.req.priority === 'must' && anyMust ? 'error' : 'warning',
        messageId: 'contradiction',
        data,
        detail: {
          messageId: 'detail',
          data: {
            step: stepLabel(ctx, stepId),
            today: todayText(ctx, today?.value),
            aWho: reqWho(ctx, a.req),
            aValue: a.set.value,
            bWho: reqWho(ctx, b.req),
            bValue: b.set.value,
            howTo: decisionHint(ctx, a.req, b.req),
          },
        },
        related,
        diagnosticData: { steps: [stepId], requirements: [a.req.id, b.req.id], other: b.req.id, ...(others.length > 1 ? { others: others.map((x) => x.req.id) } : {}) },
      });
    }
  },
});

/**
 * For one attribute's entries: a function giving, for an entry, the entries
 * of other requirements that set another value and are not decided with it
 * (the first `MAX_OTHER_SIDES` of them in document order), how many there are,
 * and whether any is a `must`. Linear in the group and the `overrides`
 * entries, not in the number of pairs. `undefined` when all values agree.
 */
function otherSides(
  group: readonly Entry[],
  decidedWith: ReadonlyMap<string, ReadonlySet<string>>,
): ((a: Entry) => { first: Entry[]; count: number; anyMust: boolean }) | undefined {
  const byValue = new Map<string, { count: number; must: number }>();
  // entries of each requirement in this group (a requirement may repeat a key)
  const byReq = new Map<Requirement, Entry[]>();
  let must = 0;
  for (const e of group) {
    let v = byValue.get(e.set.value);
    if (!v) byValue.set(e.set.value, (v = { count: 0, must: 0 }));
    v.count++;
    const isMust = e.req.priority === 'must';
    if (isMust) {
      v.must++;
      must++;
    }
    const l = byReq.get(e.req);
    if (l) l.push(e);
    else byReq.set(e.req, [e]);
  }
  if (byValue.size < 2) return undefined;
  // nextOther[i]: the first index after i whose value differs from entry i's (jumps over runs of one value)
  const nextOther = new Array<number>(group.length);
  for (let i = group.length - 1; i >= 0; i--) {
    const j = i + 1;
    nextOther[i] = j >= group.length ? group.length : group[j].set.value !== group[i].set.value ? j : nextOther[j];
  }
  const ids = new Map<string, Requirement>();
  for (const r of byReq.keys()) ids.set(r.id, r);
  return (a) => {
    const mine = byValue.get(a.set.value)!;
    let count = group.length - mine.count;
    let mustCount = must - mine.must;
    // not with itself, nor with requirements it is decided with
    const excluded = new Set<Requirement>([a.req]);
    for (const id of decidedWith.get(a.req.id) ?? []) {
      const r = ids.get(id);
      if (r) excluded.add(r);
    }
    for (const r of excluded) {
      for (const e of byReq.get(r) ?? []) {
        if (e.set.value === a.set.value) continue;
        count--;
        if (e.req.priority === 'must') mustCount--;
      }
    }
    const first: Entry[] = [];
    for (let i = 0; i < group.length && first.length < MAX_OTHER_SIDES; ) {
      const e = group[i];
      if (e.set.value === a.set.value) {
        i = nextOther[i];
        continue;
      }
      if (!excluded.has(e.req)) first.push(e);
      i++;
    }
    return { first, count, anyMust: mustCount > 0 };
  };
}
