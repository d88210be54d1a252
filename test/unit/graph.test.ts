import { strict as assert } from 'assert';
import fc from 'fast-check';
import { buildGraph, forward, tarjan } from '../../src/core/graph';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';

const HEAD = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  sales:\n    name: 销售\nsteps:\n';
const graphOf = (steps: string) => buildGraph(buildModel(parseText(HEAD + steps)));
const ids = (g: ReturnType<typeof graphOf>, list: number[]) => list.map((i) => g.steps[i].id);

describe('graph', () => {
  it('follows every shape of `next`, drops duplicates and edges to unknown steps', () => {
    const g = graphOf(
      [
        '  s: { type: start, next: [a, a, ghost, d] }',
        '  a: { next: d }',
        '  d: { type: decision, next: { yes: e, no: e, maybe: nowhere } }',
        '  e: { type: end, next: a }',
      ].join('\n'),
    );
    assert.deepEqual(g.succ.map((s) => ids(g, s)), [['a', 'd'], ['d'], ['e'], ['a']]);
    assert.deepEqual(g.pred.map((p) => ids(g, p)), [[], ['s', 'e'], ['s', 'a'], ['d']]);
    assert.deepEqual(ids(g, g.starts), ['s']);
  });

  it('marks what the starts reach, and nothing else', () => {
    const g = graphOf(
      [
        '  s1: { type: start, next: a }',
        '  a: { next: e }',
        '  orphan: { next: e }',
        '  s2: { type: start }',
        '  e: { type: end }',
      ].join('\n'),
    );
    assert.deepEqual(Array.from(g.reachable), [1, 1, 0, 1, 1]);
  });

  it('finds loops: a self-loop and a longer cycle are cyclic, a plain chain is not', () => {
    const g = graphOf(
      [
        '  s: { type: start, next: a }',
        '  a: { next: b }',
        '  b: { next: [a, c] }',
        '  c: { next: [c, e] }',
        '  e: { type: end }',
      ].join('\n'),
    );
    const [s, a, b, c, e] = [0, 1, 2, 3, 4];
    assert.equal(g.comp[a], g.comp[b]);
    assert.notEqual(g.comp[a], g.comp[c]);
    assert.equal(g.compCount, 4);
    assert.equal(g.cyclic[g.comp[a]], 1);
    assert.equal(g.cyclic[g.comp[c]], 1);
    assert.equal(g.cyclic[g.comp[s]], 0);
    assert.equal(g.cyclic[g.comp[e]], 0);
    // reverse topological order: a component's id is greater than those it leads to
    assert.ok(g.comp[s] > g.comp[a] && g.comp[a] > g.comp[c] && g.comp[c] > g.comp[e]);
  });

  it('copes with an empty or unreadable step section', () => {
    for (const text of ['', 'steps: [a, b]', 'bizflow: 1\nsteps:\n']) {
      const g = buildGraph(buildModel(parseText(text)));
      assert.equal(g.steps.length, 0);
      assert.equal(g.compCount, 0);
      assert.deepEqual(g.starts, []);
    }
  });

  it('forward() marks sources and what they reach', () => {
    assert.deepEqual(Array.from(forward([[1], [2], [], [0]], [1], 4)), [0, 1, 1, 0]);
    assert.deepEqual(Array.from(forward([[1], [0], []], [], 3)), [0, 0, 0]);
  });

  it('is iterative: a 100,000-step chain and loop do not overflow the stack', function () {
    this.timeout(20_000);
    const n = 100_000;
    const chain: number[][] = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    const r1 = tarjan(chain, n);
    assert.equal(r1.count, n);
    const loop: number[][] = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const r2 = tarjan(loop, n);
    assert.equal(r2.count, 1);
    assert.equal(forward(loop, [0], n).reduce((a, b) => a + b, 0), n);
  });

  describe('properties, against a naive transitive closure', function () {
    this.timeout(30_000);
    /** reach[i][j]: j can be reached from i in one step or more. */
    const closure = (succ: number[][]) => {
      const n = succ.length;
      const reach = succ.map((s) => {
        const row = new Array<boolean>(n).fill(false);
        for (const j of s) row[j] = true;
        return row;
      });
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (reach[i][k]) for (let j = 0; j < n; j++) if (reach[k][j]) reach[i][j] = true;
      return reach;
    };
    const arbGraph = fc.integer({ min: 0, max: 9 }).chain((n) =>
      fc.array(fc.array(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: 4 }), { minLength: n, maxLength: n }).map((succ) => (n ? succ : [])),
    );

    it('tarjan: same component exactly when each reaches the other; ids 0..count-1 in reverse topological order', () => {
      fc.assert(
        fc.property(arbGraph, (raw) => {
          const succ = raw.map((s) => [...new Set(s)]);
          const n = succ.length;
          const { comp, count } = tarjan(succ, n);
          const reach = closure(succ);
          assert.deepEqual([...new Set(comp)].sort((a, b) => a - b), Array.from({ length: count }, (_, i) => i));
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              assert.equal(comp[i] === comp[j], i === j || (reach[i][j] && reach[j][i]), `${i} ${j}`);
            }
            for (const j of succ[i]) assert.ok(comp[i] >= comp[j], `edge ${i} → ${j}`);
          }
        }),
        { seed: 13, numRuns: 200 },
      );
    });

    it('buildGraph: successors without duplicates in order, sorted predecessors, reachable, cyclic', () => {
      fc.assert(
        fc.property(arbGraph, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (raw, isStart) => {
          const n = raw.length;
          const lines = raw.map((s, i) => `  n${i}: { ${isStart[i] ? 'type: start, ' : ''}next: [${[...s.map((j) => `n${j}`), 'ghost'].join(', ')}] }`);
          const g = graphOf(lines.join('\n') + '\n');
          assert.equal(g.steps.length, n);
          const succ = raw.map((s) => [...new Set(s)]);
          assert.deepEqual(g.succ, succ);
          assert.deepEqual(
            g.pred,
            succ.map((_, j) => succ.flatMap((s, i) => (s.includes(j) ? [i] : []))),
          );
          const starts = Array.from({ length: n }, (_, i) => i).filter((i) => isStart[i]);
          assert.deepEqual(g.starts, starts);
          const reach = closure(succ);
          assert.deepEqual(
            Array.from(g.reachable),
            Array.from({ length: n }, (_, j) => (starts.some((s) => s === j || reach[s][j]) ? 1 : 0)),
          );
          for (let i = 0; i < n; i++) assert.equal(g.cyclic[g.comp[i]], reach[i][i] ? 1 : 0, `n${i}`);
          assert.equal(g.cyclic.length, g.compCount);
        }),
        { seed: 7, numRuns: 100 },
      );
    });
  });
});
