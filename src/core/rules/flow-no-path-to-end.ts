import { defineRule, idWithName } from '../rule';
import { forward } from '../graph';
import type { Step } from '../model';

/** Members of a loop named in a message; the rest are counted. */
const NAMED = 5;

/**
 * A step on a loop (a cyclic strongly connected component) from which no
 * way out is reachable. Ways out are: an `end` step; a step with no edge to a
 * defined step (a dead end, reported by flow/dead-end); and a step with an edge
 * to an unknown step. The last one is a choice: a loop whose only way out is a
 * misspelt target is one mistake, already reported by ref/unknown-step, and
 * fixing that typo is what closes the gap, so it is not reported twice.
 * Only steps on the loop are reported, never the steps upstream of it.
 */
export default defineRule({
  code: 'flow/no-path-to-end',
  meta: {
    severity: 'error',
    shownOn: "the step's key",
    docs: {
      description: {
        en: 'A step on a loop from which neither an end step nor a dead end can be reached: a loop with no exit.',
        zh: '步骤处在一个既到不了结束步骤、也没有出口的循环中。',
      },
    },
    fixable: false,
    messages: {
      selfLoop: { en: 'its `next` leads back to itself', zh: '它的 `next` 又指回它自己' },
      loopWith: { en: 'it goes round with {{others}}', zh: '它与{{others}}构成循环' },
      loopWithMore: { en: 'it goes round with {{others}} and {{rest}} more', zh: '它与{{others}}等 {{total}} 个步骤构成循环' },
      noWayOut: {
        en: 'Step {{step}} is on a loop with no way out: {{loop}}, and no end step can be reached from there. Give one step of the loop (usually a decision) a `next` branch that leaves the loop towards an end step.',
        zh: '步骤{{step}}处在一个没有出口的循环中：{{loop}}，从这里到不了任何结束步骤。请让循环中的某个步骤（通常是判断）增加一条离开循环、通往结束步骤的 `next` 分支。',
      },
    },
  },
  run(ctx) {
    const g = ctx.graph;
    const n = g.steps.length;
    let anyCycle = false;
    for (let c = 0; c < g.compCount; c++) {
      if (g.cyclic[c]) {
        anyCycle = true;
        break;
      }
    }
    if (!anyCycle) return;

    const known = ctx.model.steps.byId;
    const exits: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = g.steps[i];
      let exit = s.type === 'end' || g.succ[i].length === 0;
      for (let k = 0; !exit && k < s.next.length; k++) exit = !known.has(s.next[k].target.id);
      if (exit) exits.push(i);
    }
    const canExit = forward(g.pred, exits, n);

    // members of each trapped loop, in document order; one array shared by its diagnostics
    const members = new Map<number, Step[]>();
    for (let i = 0; i < n; i++) {
      if (canExit[i] || !g.cyclic[g.comp[i]]) continue;
      const c = g.comp[i];
      let list = members.get(c);
      if (!list) members.set(c, (list = []));
      list.push(g.steps[i]);
    }
    const ids = new Map<number, string[]>();
    for (const [c, list] of members) ids.set(c, list.map((s) => s.id));

    for (let i = 0; i < n; i++) {
      if (canExit[i] || !g.cyclic[g.comp[i]]) continue;
      const s = g.steps[i];
      const loop = members.get(g.comp[i])!;
      const others = loop.slice(0, NAMED + 1).filter((m) => m !== s).slice(0, NAMED);
      const rest = loop.length - 1 - others.length;
      const loopText =
        others.length === 0
          ? ctx.format({ messageId: 'selfLoop' })
          : ctx.format({
              messageId: rest > 0 ? 'loopWithMore' : 'loopWith',
              data: { others: others.map((m) => ctx.q(m.id)).join(ctx.t(', ', '、')), rest, total: loop.length - 1 },
            });
      ctx.report({
        span: s.keySpan,
        messageId: 'noWayOut',
        data: { step: idWithName(ctx, s.id, s.name), loop: loopText },
        diagnosticData: { steps: ids.get(g.comp[i])! },
      });
    }
  },
});
