import { defineRule } from '../rule';
import type { Ref } from '../model';
import type { RelatedInfo } from '../types';
import { dataLabel, labelled, shortList, stepLabel } from '../conflicts';

/**
 * Near-linear: the step graph is condensed into its strongly connected
 * components (graph.comp, numbered in reverse topological order). Walking the
 * components sources-first, each one receives a bitset of the data produced by
 * a reachable producer strictly upstream; inside a cyclic component every
 * step also reaches every producer of the component (itself included) in one
 * or more moves. Bitsets are shared between components whenever nothing
 * changes, and dropped once every successor has read them.
 */
export default defineRule({
  code: 'data/used-before-produced',
  defaultSeverity: 'warning',
  description: {
    en: 'A reachable step needs data that is produced only by steps that do not come before it in the flow.',
    zh: '可到达的步骤需要的数据，只由流程中不在它之前的步骤产出。',
  },
  run(ctx) {
    const { model } = ctx;
    const g = ctx.graph;
    const steps = g.steps;
    const n = steps.length;
    if (n === 0) return;

    // producers of each data id (any step, reachable or not)
    const producers = new Map<string, { step: number; ref: Ref }[]>();
    for (let i = 0; i < n; i++) {
      for (const p of steps[i].produces) {
        let l = producers.get(p.id);
        if (!l) producers.set(p.id, (l = []));
        if (l.length === 0 || l[l.length - 1].step !== i) l.push({ step: i, ref: p });
      }
    }
    if (producers.size === 0) return;

    // bit index for each data id that a reachable step needs and some step produces
    const bit = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (!g.reachable[i]) continue;
      for (const d of steps[i].needs) {
        if (bit.has(d.id) || !producers.has(d.id)) continue;
        if (model.data?.byId.get(d.id)?.external) continue; // external data needs no producer
        bit.set(d.id, bit.size);
      }
    }
    if (bit.size === 0) return;
    const words = (bit.size + 31) >>> 5;

    // steps grouped by component
    const C = g.compCount;
    const first = new Int32Array(C + 1);
    for (let i = 0; i < n; i++) first[g.comp[i] + 1]++;
    for (let c = 0; c < C; c++) first[c + 1] += first[c];
    const members = new Int32Array(n);
    const fill = first.slice(0, C);
    for (let i = 0; i < n; i++) members[fill[g.comp[i]]++] = i;

    // how many distinct successor components will read each component's bitset
    const readers = new Int32Array(C);
    const mark = new Int32Array(C).fill(-1);
    for (let c = 0; c < C; c++) {
      for (let k = first[c]; k < first[c + 1]; k++) {
        for (const j of g.succ[members[k]]) {
          const cj = g.comp[j];
          if (cj !== c && mark[cj] !== c) {
            mark[cj] = c;
            readers[c]++;
          }
        }
      }
    }

    const out: (Uint32Array | null)[] = new Array(C).fill(null);
    mark.fill(-1);
    // sources first: an edge u → v between components has comp[u] > comp[v]
    for (let c = C - 1; c >= 0; c--) {
      const m0 = first[c];
      const m1 = first[c + 1];
      if (!g.reachable[members[m0]]) continue; // a component is reachable as a whole

      // data reaching the component from upstream components
      let inSet: Uint32Array | null = null;
      let owned = false;
      for (let k = m0; k < m1; k++) {
        for (const p of g.pred[members[k]]) {
          const cp = g.comp[p];
          if (cp === c || mark[cp] === c) continue;
          mark[cp] = c;
          const o = out[cp];
          if (--readers[cp] === 0) out[cp] = null;
          if (!o) continue;
          if (!inSet) inSet = o;
          else {
            if (!owned) {
              inSet = inSet.slice();
              owned = true;
            }
            for (let w = 0; w < words; w++) inSet[w] |= o[w];
          }
        }
      }

      // data produced inside the component
      let prod: Uint32Array | null = null;
      for (let k = m0; k < m1; k++) {
        for (const p of steps[members[k]].produces) {
          const b = bit.get(p.id);
          if (b === undefined) continue;
          prod ??= new Uint32Array(words);
          prod[b >>> 5] |= 1 << (b & 31);
        }
      }

      let both: Uint32Array | null = inSet;
      if (prod) {
        both = inSet ? inSet.slice() : new Uint32Array(words);
        for (let w = 0; w < words; w++) both[w] |= prod[w];
      }
      const avail = g.cyclic[c] ? both : inSet;

      for (let k = m0; k < m1; k++) {
        const s = steps[members[k]];
        for (const d of s.needs) {
          const b = bit.get(d.id);
          if (b === undefined) continue;
          if (avail && (avail[b >>> 5] >>> (b & 31)) & 1) continue;
          report(s.id, s.name, d);
        }
      }
      if (readers[c] > 0) out[c] = both;
    }

    function report(stepId: string, stepName: string | undefined, d: Ref) {
      const prods = producers.get(d.id) ?? [];
      const names = prods.map((p) => stepLabel(ctx, steps[p.step].id));
      const who = labelled(ctx, stepId, stepName);
      const related: RelatedInfo[] = prods.slice(0, 5).map((p) => ({
        span: p.ref.span,
        message: ctx.t({
          en: `${ctx.q(d.id)} is produced here, by step ${stepLabel(ctx, steps[p.step].id)}, which does not come before ${ctx.q(stepId)} in the flow.`,
          zh: `${ctx.q(d.id)}在此由步骤${stepLabel(ctx, steps[p.step].id)}产出，但该步骤在流程中不在${ctx.q(stepId)}之前。`,
        }),
      }));
      ctx.report({
        span: d.span,
        message: ctx.t({
          en:
            `Step ${who} needs ${dataLabel(ctx, d.id)} before any step has produced it: it is produced only by ${shortList(ctx, names)}, ` +
            `and no producing step reachable from a start comes before this one. ` +
            `Move the producing step earlier in the flow, or route the flow through it first.`,
          zh:
            `步骤${who}需要${dataLabel(ctx, d.id)}时，还没有步骤产出它：它只由${shortList(ctx, names)}产出，` +
            `而且没有一个能从开始步骤到达的产出步骤位于此步骤之前。` +
            `请把产出步骤移到流程中更早的位置，或让流程先经过它。`,
        }),
        related,
        data: { name: d.id, steps: [stepId, ...prods.map((p) => steps[p.step].id).filter((id) => id !== stepId)] },
      });
    }
  },
});
