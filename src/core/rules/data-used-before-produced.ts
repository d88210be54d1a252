import { defineRule } from '../rule';
import type { Ref } from '../model';
import { dataLabel, labelled, shortList, stepLabel } from '../conflicts';

/**
 * Near-linear: the step graph is condensed into its strongly connected
 * components (graph.comp, numbered in reverse topological order). Walking the
 * components sources-first, each one receives a bitset of the data produced by
 * a reachable producer strictly upstream; inside a cyclic component every
 * step also reaches every producer of the component (itself included) in one
 * or more moves. Bitsets are shared between components whenever nothing
 * changes, and recycled once every successor has read them.
 */
export default defineRule({
  code: 'data/used-before-produced',
  meta: {
    severity: 'warning',
    shownOn: 'the reference',
    docs: {
      description: {
        en: 'A reachable step needs data that is produced only by steps that do not come before it in the flow.',
        zh: '可到达的步骤需要的数据，只由流程中不在它之前的步骤产出。',
      },
    },
    fixable: false,
    messages: {
      usedBeforeProduced: {
        en: 'Step {{step}} needs {{data}} before any step has produced it: it is produced only by {{producers}}, and no producing step reachable from a start comes before this one. Move the producing step earlier in the flow, or route the flow through it first.',
        zh: '步骤{{step}}需要{{data}}时，还没有步骤产出它：它只由{{producers}}产出，而且没有一个能从开始步骤到达的产出步骤位于此步骤之前。请把产出步骤移到流程中更早的位置，或让流程先经过它。',
      },
      producedHere: {
        en: '"{{data}}" is produced here, by step {{producer}}, which does not come before "{{step}}" in the flow.',
        zh: '“{{data}}”在此由步骤{{producer}}产出，但该步骤在流程中不在“{{step}}”之前。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const g = ctx.graph;
    const steps = g.steps;
    const n = steps.length;

    // producers of each data id (any step, reachable or not)
    const producers = new Map<string, { step: number; ref: Ref }[]>();
    for (let i = 0; i < n; i++) {
      const produces = steps[i].produces;
      for (let x = 0; x < produces.length; x++) {
        const p = produces[x];
        let l = producers.get(p.id);
        if (!l) producers.set(p.id, (l = []));
        if (l.length === 0 || l[l.length - 1].step !== i) l.push({ step: i, ref: p });
      }
    }
    if (producers.size === 0) return; // also when there are no steps

    // bit index for each data id that a reachable step needs and some step produces
    const bit = new Map<string, number>();
    const data = model.data?.byId;
    for (let i = 0; i < n; i++) {
      if (!g.reachable[i]) continue;
      const needs = steps[i].needs;
      for (let x = 0; x < needs.length; x++) {
        const id = needs[x].id;
        if (bit.has(id) || !producers.has(id)) continue;
        if (data) {
          const item = data.get(id);
          // undeclared data is ref/unknown-data's business (one mistake, one finding)
          if (!item) continue;
          if (item.external) continue; // external data needs no producer
        }
        bit.set(id, bit.size);
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
        const succ = g.succ[members[k]];
        for (let x = 0; x < succ.length; x++) {
          const cj = g.comp[succ[x]];
          if (cj !== c && mark[cj] !== c) {
            mark[cj] = c;
            readers[c]++;
          }
        }
      }
    }

    // Bitsets live in one pool of `words`-sized slots, reference-counted and
    // recycled: no allocation per component (a separate typed array per
    // component would be allocated outside the heap once it is large).
    let pool = new Uint32Array(words * 16);
    let refs = new Int32Array(16);
    let slots = 0;
    const free: number[] = [];
    const alloc = (): number => {
      let slot: number;
      if (free.length) {
        slot = free.pop()!;
        pool.fill(0, slot * words, slot * words + words);
      } else {
        slot = slots++;
        if (slot >= refs.length) {
          const p = new Uint32Array(pool.length * 2);
          p.set(pool);
          pool = p;
          const r = new Int32Array(refs.length * 2);
          r.set(refs);
          refs = r;
        }
      }
      refs[slot] = 1;
      return slot;
    };
    const release = (slot: number) => {
      if (--refs[slot] === 0) free.push(slot);
    };
    /** `to |= from`, slot by slot. */
    const or = (to: number, from: number) => {
      const t = to * words;
      const f = from * words;
      for (let w = 0; w < words; w++) pool[t + w] |= pool[f + w];
    };
    const copy = (from: number): number => {
      const to = alloc();
      pool.copyWithin(to * words, from * words, from * words + words);
      return to;
    };

    // out[c]: the slot of the data available after component c, or -1; it holds one reference
    const out = new Int32Array(C).fill(-1);
    mark.fill(-1);
    // sources first: an edge u → v between components has comp[u] > comp[v]
    for (let c = C - 1; c >= 0; c--) {
      const m0 = first[c];
      const m1 = first[c + 1];
      if (!g.reachable[members[m0]]) continue; // a component is reachable as a whole

      // data reaching the component from upstream components (inSet holds one reference)
      let inSet = -1;
      let owned = false;
      for (let k = m0; k < m1; k++) {
        const preds = g.pred[members[k]];
        for (let x = 0; x < preds.length; x++) {
          const cp = g.comp[preds[x]];
          if (cp === c || mark[cp] === c) continue;
          mark[cp] = c;
          const o = out[cp];
          const last = --readers[cp] === 0;
          if (last) out[cp] = -1;
          if (o < 0) continue;
          if (inSet < 0) {
            inSet = o;
            refs[o]++;
          } else {
            if (!owned) {
              const own = copy(inSet);
              release(inSet);
              inSet = own;
              owned = true;
            }
            or(inSet, o);
          }
          if (last) release(o);
        }
      }

      // data produced inside the component, added to a copy of inSet
      let both = inSet;
      for (let k = m0; k < m1; k++) {
        const produces = steps[members[k]].produces;
        for (let x = 0; x < produces.length; x++) {
          const b = bit.get(produces[x].id);
          if (b === undefined) continue;
          if (both === inSet) {
            both = inSet >= 0 ? copy(inSet) : alloc();
          }
          pool[both * words + (b >>> 5)] |= 1 << (b & 31);
        }
      }
      const avail = g.cyclic[c] ? both : inSet;
      const base = avail * words;

      for (let k = m0; k < m1; k++) {
        const s = steps[members[k]];
        const needs = s.needs;
        for (let x = 0; x < needs.length; x++) {
          const d = needs[x];
          const b = bit.get(d.id);
          if (b === undefined) continue;
          if (avail >= 0 && (pool[base + (b >>> 5)] >>> (b & 31)) & 1) continue;
          report(s.id, s.name, d);
        }
      }
      if (readers[c] > 0 && both >= 0) {
        out[c] = both;
        refs[both]++;
      }
      if (both !== inSet && both >= 0) release(both);
      if (inSet >= 0) release(inSet);
    }

    function report(stepId: string, stepName: string | undefined, d: Ref) {
      const prods = producers.get(d.id) ?? [];
      const names = prods.map((p) => stepLabel(ctx, steps[p.step].id));
      const who = labelled(ctx, stepId, stepName);
      const related = prods.slice(0, 5).map((p) => ({
        span: p.ref.span,
        messageId: 'producedHere' as const,
        data: { data: d.id, producer: stepLabel(ctx, steps[p.step].id), step: stepId },
      }));
      ctx.report({
        span: d.span,
        messageId: 'usedBeforeProduced',
        data: { step: who, data: dataLabel(ctx, d.id), producers: shortList(ctx, names) },
        related,
        diagnosticData: { name: d.id, steps: [stepId, ...prods.map((p) => steps[p.step].id).filter((id) => id !== stepId)] },
      });
    }
  },
});
