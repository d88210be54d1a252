import { strict as assert } from 'assert';
import fc from 'fast-check';
import { generateFlow } from '../../bench/generate';
import { analyze } from '../../src/core/engine';
import { layoutSwimlanes, type SwimlaneLayout, type SwimlaneLayoutInput } from '../../src/shared/swimlane/layout';
import { assertCostRatio, itTiming } from './timing';

/** The layout input of a BizFlow file: one node per step (lane = role index, last lane = no/unknown role). */
function inputOf(text: string): SwimlaneLayoutInput {
  const { model } = analyze(text);
  const roles = model.roles.list;
  const laneOf = new Map(roles.map((r, i) => [r.id, i]));
  return {
    nodes: model.steps.list.map((s) => ({ id: s.id, lane: laneOf.get(s.role?.id ?? '') ?? roles.length, width: 150, height: 50 })),
    edges: model.steps.list.flatMap((s) => s.next.map((e) => ({ from: s.id, to: e.target.id }))),
    laneCount: roles.length + 1,
    starts: model.steps.list.filter((s) => s.type === 'start').map((s) => s.id),
  };
}

/** Steps reachable from `from` (inclusive) over the edges. */
function reach(input: SwimlaneLayoutInput, from: string): Set<string> {
  const succ = new Map<string, string[]>();
  for (const e of input.edges) succ.set(e.from, [...(succ.get(e.from) ?? []), e.to]);
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length) for (const w of succ.get(todo.pop()!) ?? []) if (!seen.has(w)) (seen.add(w), todo.push(w));
  return seen;
}

const grid = (l: SwimlaneLayout, id: string) => {
  const p = l.byId.get(id)!;
  return { column: p.column, lane: p.lane, row: p.row };
};

function assertGeometry(l: SwimlaneLayout) {
  // bands: same length along the flow, disjoint, in lane order, covering their nodes
  for (let i = 0; i < l.bands.length; i++) {
    const b = l.bands[i];
    assert.equal(b.lane, i);
    if (l.direction === 'LR') {
      assert.equal(b.x, 0);
      assert.equal(b.width, l.width);
      if (i > 0) assert.ok(b.y >= l.bands[i - 1].y + l.bands[i - 1].height - 1e-6, 'bands disjoint');
    } else {
      assert.equal(b.y, 0);
      assert.equal(b.height, l.height);
      if (i > 0) assert.ok(b.x >= l.bands[i - 1].x + l.bands[i - 1].width - 1e-6, 'bands disjoint');
    }
  }
  for (const n of l.nodes) {
    const b = l.bands[n.lane];
    assert.ok(n.x - n.width / 2 >= b.x && n.x + n.width / 2 <= b.x + b.width, `${n.id} inside its band (x)`);
    assert.ok(n.y - n.height / 2 >= b.y && n.y + n.height / 2 <= b.y + b.height, `${n.id} inside its band (y)`);
  }
  // nodes do not overlap
  const cells = new Set<string>();
  for (const n of l.nodes) {
    const key = `${n.column}/${n.lane}/${n.row}`;
    assert.ok(!cells.has(key), `two nodes in cell ${key}`);
    cells.add(key);
  }
  // routes are orthogonal and start/end on their nodes' borders
  for (const e of l.edges) {
    for (let k = 1; k < e.points.length; k++) {
      const a = e.points[k - 1];
      const b = e.points[k];
      assert.ok(Math.abs(a.x - b.x) < 1e-6 || Math.abs(a.y - b.y) < 1e-6, `edge ${e.from}->${e.to} is orthogonal`);
    }
  }
}

describe('swimlane layout (pure)', function () {
  this.timeout(120_000);

  it('ranks a chain in columns, puts loops as back edges that do not stretch the flow', () => {
    const l = layoutSwimlanes({
      nodes: ['s', 'a', 'b', 'c', 'e'].map((id, i) => ({ id, lane: i % 2, width: 100, height: 40 })),
      edges: [
        { from: 's', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' }, // loop
        { from: 'c', to: 'e' },
      ],
      laneCount: 2,
      starts: ['s'],
    });
    assert.deepEqual(l.nodes.map((n) => n.column), [0, 1, 2, 3, 4]);
    assert.deepEqual(l.edges.map((e) => e.back), [false, false, false, true, false]);
    assert.equal(l.columns, 5);
    assertGeometry(l);
  });

  it('gives nodes of one lane and column distinct rows, and the band room for them', () => {
    const l = layoutSwimlanes({
      nodes: [
        { id: 's', lane: 0, width: 80, height: 40 },
        { id: 'a', lane: 1, width: 80, height: 40 },
        { id: 'b', lane: 1, width: 80, height: 40 },
        { id: 'c', lane: 1, width: 80, height: 40 },
      ],
      edges: [
        { from: 's', to: 'a' },
        { from: 's', to: 'b' },
        { from: 's', to: 'c' },
      ],
      laneCount: 2,
    });
    assert.deepEqual(['a', 'b', 'c'].map((id) => l.byId.get(id)!.row), [0, 1, 2]);
    assert.equal(l.bands[1].rows, 3);
    assert.equal(l.bands[0].rows, 1);
    assertGeometry(l);
  });

  it('lays a self-loop, an unknown lane and unknown edge ends out without throwing', () => {
    const l = layoutSwimlanes({
      nodes: [
        { id: 'a', lane: 0, width: 80, height: 40 },
        { id: 'b', lane: 7, width: 80, height: 40 },
      ],
      edges: [
        { from: 'a', to: 'a' },
        { from: 'a', to: 'ghost' },
        { from: 'a', to: 'b' },
      ],
      laneCount: 2,
    });
    assert.equal(l.byId.get('b')!.lane, 1);
    assert.equal(l.edges.length, 2);
    assert.ok(l.edges[0].back);
    assertGeometry(l);
  });

  for (const direction of ['LR', 'TB'] as const) {
    it(`${direction}: bands parallel, same length, disjoint; every node inside its band (generated 100/300/1,000)`, () => {
      for (const n of [100, 300, 1000]) assertGeometry(layoutSwimlanes({ ...inputOf(generateFlow(n).text), direction }));
    });
  }

  itTiming('is near-linear: 1,000 steps cost at most 3 times the linear share of 100 (quadratic would be 10 times)', () => {
    const large = inputOf(generateFlow(1000).text);
    const small = inputOf(generateFlow(100).text);
    // runs of a millisecond or two: 15 of each, enough for the optimising compiler to take over
    assertCostRatio(() => layoutSwimlanes(large), () => layoutSwimlanes(small), 30, 'the layout of 1,000 steps against 100', 15);
  });

  it('a label-only edit (any node size within the cell) moves no node', () => {
    const flow100 = inputOf(generateFlow(100).text);
    const base = layoutSwimlanes(flow100);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 20, max: 160 }), fc.integer({ min: 20, max: 60 })), { minLength: flow100.nodes.length, maxLength: flow100.nodes.length }), (sizes) => {
        const l = layoutSwimlanes({ ...flow100, nodes: flow100.nodes.map((n, i) => ({ ...n, width: sizes[i][0], height: sizes[i][1] })) });
        for (const n of base.nodes) {
          const p = l.byId.get(n.id)!;
          assert.equal(p.x, n.x);
          assert.equal(p.y, n.y);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('inserting one step on any edge: nothing before it moves, unreached branches keep their column, downstream shifts ≤ 1 column', () => {
    const flow100 = inputOf(generateFlow(100).text);
    const base = layoutSwimlanes(flow100);
    const check = (k: number) => {
      const e = flow100.edges[k];
      const x = `inserted-${k}`;
      const edges = flow100.edges.slice();
      edges.splice(k, 1, { from: e.from, to: x }, { from: x, to: e.to });
      const lane = flow100.nodes.find((n) => n.id === e.from)!.lane;
      const input = { ...flow100, nodes: [...flow100.nodes, { id: x, lane, width: 150, height: 50 }], edges };
      const l = layoutSwimlanes(input);
      const reached = reach(input, x);
      const col = l.byId.get(x)!.column;
      for (const n of base.nodes) {
        const before = grid(base, n.id);
        const after = grid(l, n.id);
        if (before.column < col) assert.deepEqual(after, before, `${n.id} (column ${before.column} < ${col}) did not move`);
        if (!reached.has(n.id)) assert.equal(after.column, before.column, `${n.id} (not reached) keeps its column`);
        else assert.ok(after.column - before.column >= 0 && after.column - before.column <= 1, `${n.id} shifts by at most one column`);
      }
    };
    // every insertion position (exhaustive), then random ones through fast-check for the shrinking report
    for (let k = 0; k < flow100.edges.length; k++) check(k);
    fc.assert(fc.property(fc.integer({ min: 0, max: flow100.edges.length - 1 }), (k) => check(k)), { numRuns: 20 });
  });

  it('removing any step with one way in and one way out: nothing before it moves, unreached branches stay, downstream shifts back ≤ 1 column', () => {
    const flow100 = inputOf(generateFlow(100).text);
    const base = layoutSwimlanes(flow100);
    let checked = 0;
    for (const node of flow100.nodes) {
      const ins = flow100.edges.filter((e) => e.to === node.id);
      const outs = flow100.edges.filter((e) => e.from === node.id);
      if (ins.length !== 1 || outs.length !== 1 || ins[0].from === node.id || outs[0].to === node.id) continue;
      const edges = flow100.edges.flatMap((e) => (e === ins[0] ? [{ from: e.from, to: outs[0].to }] : e === outs[0] ? [] : [e]));
      const input = { ...flow100, nodes: flow100.nodes.filter((n) => n !== node), edges };
      const l = layoutSwimlanes(input);
      const reached = reach(flow100, node.id);
      const col = base.byId.get(node.id)!.column;
      for (const n of input.nodes) {
        const before = grid(base, n.id);
        const after = grid(l, n.id);
        if (before.column < col) assert.deepEqual(after, before, `${n.id} (column ${before.column} < ${col}) did not move`);
        if (!reached.has(n.id)) assert.equal(after.column, before.column, `${n.id} (not reached) keeps its column`);
        else assert.ok(before.column - after.column >= 0 && before.column - after.column <= 1, `${n.id} shifts back by at most one column`);
      }
      checked++;
    }
    assert.ok(checked > 50, `${checked} removals checked`);
  });
});
