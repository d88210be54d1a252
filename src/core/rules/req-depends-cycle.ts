import { defineRule } from '../rule';
import { tarjan } from '../graph';

/** Cycles longer than this are described by their size instead of their path. */
const MAX_PATH_MEMBERS = 12;

export default defineRule({
  code: 'req/depends-cycle',
  meta: {
    severity: 'error',
    shownOn: 'the `depends` entry',
    docs: {
      description: {
        en: 'A `depends` entry is an edge of a dependency cycle between requirements.',
        zh: '`depends` 条目构成需求之间的循环依赖。',
      },
    },
    fixable: false,
    messages: {
      dependsOnItself: {
        en: 'Requirement "{{id}}" depends on itself. Remove "{{id}}" from its own `depends`.',
        zh: '需求“{{id}}”依赖它自己。请把“{{id}}”从它自己的 `depends` 中删除。',
      },
      cycle: {
        en: 'Dependency cycle: "{{id}}" depends on "{{target}}", which depends back on "{{id}}" ({{cycle}}), so neither can be delivered first. Remove one of the `depends` entries in the cycle.',
        zh: '循环依赖：“{{id}}”依赖“{{target}}”，而“{{target}}”又反过来依赖“{{id}}”（{{cycle}}），哪一个都无法先交付。请删除循环中的某个 `depends` 条目。',
      },
      bigCycle: {
        en: 'Dependency cycle: "{{id}}" depends on "{{target}}", which depends back on "{{id}}" through a cycle of {{members}} requirements, so neither can be delivered first. Remove one of the `depends` entries in the cycle.',
        zh: '循环依赖：“{{id}}”依赖“{{target}}”，而“{{target}}”又反过来依赖“{{id}}”（经过 {{members}} 个需求构成的循环），哪一个都无法先交付。请删除循环中的某个 `depends` 条目。',
      },
      definedHere: {
        en: '"{{target}}" is defined here; it depends, directly or not, on "{{id}}".',
        zh: '“{{target}}”在此定义，它直接或间接地依赖“{{id}}”。',
      },
    },
  },
  run(ctx) {
    const { model } = ctx;
    const reqs = model.requirements.list;
    const n = reqs.length;
    if (n === 0) return;
    const byId = model.requirements.byId;
    const succ: number[][] = new Array(n);
    const seen = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const out: number[] = [];
      const depends = reqs[i].depends;
      for (let k = 0; k < depends.length; k++) {
        const t = byId.get(depends[k].id);
        if (t && seen[t.index] !== i) {
          seen[t.index] = i;
          out.push(t.index);
        }
      }
      succ[i] = out;
    }
    const { comp, count } = tarjan(succ, n);
    const size = new Int32Array(count);
    for (let i = 0; i < n; i++) size[comp[i]]++;

    /** A shortest path from `from` back to `to` inside their component (both included). */
    const pathBack = (from: number, to: number): number[] | undefined => {
      if (size[comp[from]] > MAX_PATH_MEMBERS) return undefined;
      const c = comp[from];
      const parent = new Map<number, number>([[from, -1]]);
      const queue = [from];
      for (let h = 0; h < queue.length; h++) {
        const v = queue[h];
        if (v === to) break;
        for (const w of succ[v]) {
          if (comp[w] !== c || parent.has(w)) continue;
          parent.set(w, v);
          queue.push(w);
        }
      }
      if (!parent.has(to)) return undefined;
      const path: number[] = [];
      for (let v = to; v !== -1; v = parent.get(v)!) path.push(v);
      return path.reverse();
    };

    for (let i = 0; i < n; i++) {
      const r = reqs[i];
      for (let k = 0; k < r.depends.length; k++) {
        const d = r.depends[k];
        const t = byId.get(d.id);
        if (!t || comp[t.index] !== comp[r.index]) continue;
        if (t.index === r.index) {
          ctx.report({
            span: d.span,
            messageId: 'dependsOnItself',
            data: { id: r.id },
            diagnosticData: { requirements: [r.id] },
          });
          continue;
        }
        const path = pathBack(t.index, r.index);
        const cycle = path
          ? [r.index, ...path].map((i) => reqs[i].id).join(' → ')
          : undefined;
        const members = size[comp[r.index]];
        ctx.report({
          span: d.span,
          ...(cycle
            ? { messageId: 'cycle' as const, data: { id: r.id, target: t.id, cycle } }
            : { messageId: 'bigCycle' as const, data: { id: r.id, target: t.id, members } }),
          related: [{ span: t.keySpan, messageId: 'definedHere', data: { id: r.id, target: t.id } }],
          diagnosticData: { requirements: [r.id, t.id] },
        });
      }
    }
  },
});
