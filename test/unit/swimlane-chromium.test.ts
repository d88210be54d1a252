/**
 * Swimlane diagrams drawn by the real Mermaid with BizFlow's swimlane layout
 * (src/shared/swimlane) in headless Chromium, checked by their geometry:
 * bands parallel, the same length, disjoint, in the order of `roles:`; each
 * step's box inside its role's band; no node overlapping another; edge labels
 * overlapping no node. Chromium is required (like mermaid-chromium.test.ts).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateFlow } from '../../bench/generate';
import { analyze } from '../../src/core/engine';
import { toMermaid } from '../../src/core/mermaid';
import { MermaidRenderer } from '../../src/node/mermaid-render';
import { LineIndex } from '../../src/core/positions';
import { buildRenderModel, type RenderOptions } from '../../src/shared/preview-render';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const FIXTURES = path.resolve(__dirname, '../fixtures');

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Geometry {
  bands: Array<Box & { id: string; text: string }>;
  nodes: Array<Box & { id: string; text: string }>;
  labels: Array<Box & { text: string }>;
}

/** Puts the SVG in the page at its natural size and reads boxes in one coordinate system. Plain JavaScript. */
const GEOMETRY = `(svg) => {
  document.body.innerHTML = svg;
  const root = document.body.querySelector('svg');
  root.style.maxWidth = 'none';
  const vb = root.viewBox.baseVal;
  root.setAttribute('width', String(vb.width));
  root.setAttribute('height', String(vb.height));
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
  const union = (a, b) => { const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y); return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }; };
  const out = {
    bands: Array.from(root.querySelectorAll('g.cluster.swimlane')).map((g) => ({
      id: g.id,
      text: (g.querySelector('.cluster-label') || {}).textContent || '',
      ...union(box(g.querySelector('rect.swimlane-title')), box(g.querySelector('rect.swimlane-body'))),
    })),
    nodes: Array.from(root.querySelectorAll('g.node')).map((g) => {
      const shape = g.querySelector(':scope > rect, :scope > polygon, :scope > path, :scope > g.basic') || g;
      return { id: g.id, text: g.textContent || '', ...box(shape) };
    }),
    labels: Array.from(root.querySelectorAll('g.edgeLabel')).filter((g) => (g.textContent || '').trim() !== '').map((g) => ({ text: g.textContent, ...box(g.querySelector('foreignObject') || g) })),
  };
  document.body.innerHTML = '';
  return out;
}`;

const EPS = 1.5;
const inside = (a: Box, b: Box) => a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.w <= b.x + b.w + EPS && a.y + a.h <= b.y + b.h + EPS;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;

/** Pairs of overlapping boxes between two lists (sweep along x: near-linear). */
function overlaps<A extends Box, B extends Box>(as: A[], bs: B[], same: boolean): Array<[A, B]> {
  type E = { b: Box; k: 0 | 1; i: number };
  const all: E[] = [...as.map((b, i) => ({ b, k: 0 as const, i })), ...(same ? [] : bs.map((b, i) => ({ b, k: 1 as const, i })))];
  all.sort((p, q) => p.b.x - q.b.x);
  const out: Array<[A, B]> = [];
  const active: E[] = [];
  for (const e of all) {
    for (let j = active.length - 1; j >= 0; j--) if (active[j].b.x + active[j].b.w <= e.b.x + EPS) active.splice(j, 1);
    for (const o of active) {
      if ((same || o.k !== e.k) && overlap(o.b, e.b)) {
        const [a, b] = same || o.k === 0 ? [o, e] : [e, o];
        out.push([as[a.i], (same ? as : bs)[b.i] as B]);
      }
    }
    active.push(e);
  }
  return out;
}

describe('swimlanes drawn by Mermaid with BizFlow’s layout in headless Chromium (geometry)', function () {
  this.timeout(120_000);
  let renderer: MermaidRenderer | undefined;

  before(async function () {
    this.timeout(120_000);
    renderer = await MermaidRenderer.launch({ timeoutMs: 600_000 });
  });
  after(async () => {
    await renderer?.close();
  });

  async function check(text: string, options: { role?: string; direction?: 'LR' | 'TB' } = {}) {
    assert.ok(renderer, 'the browser was not started');
    const { model, diagnostics } = analyze(text);
    const m = toMermaid(model, diagnostics, options);
    const [res] = await renderer.render([m.text]);
    assert.equal(res.error, undefined, `Mermaid rejected the diagram: ${res.error}`);
    const g = (await renderer.page.evaluate(([src, svg]) => (0, eval)(src)(svg), [GEOMETRY, res.svg!])) as Geometry;

    // one band per lane, in the order of roles:, then the unassigned band
    const wantBands = [...m.laneIds.values(), ...(m.unassignedLane ? [m.unassignedLane] : [])];
    assert.deepEqual(g.bands.map((b) => b.id).sort(), [...wantBands].sort(), 'bands');
    const lr = (options.direction ?? 'LR') === 'LR';
    const along = (b: Box) => (lr ? [b.x, b.w] : [b.y, b.h]);
    const across = (b: Box) => (lr ? b.y : b.x);
    const sorted = wantBands.map((id) => g.bands.find((b) => b.id === id)!);
    for (let i = 0; i < sorted.length; i++) {
      const b = sorted[i];
      // parallel and of the same length along the flow
      assert.ok(Math.abs(along(b)[0] - along(sorted[0])[0]) < EPS && Math.abs(along(b)[1] - along(sorted[0])[1]) < EPS, `band ${b.id} aligned with the first`);
      // in order across the flow, disjoint
      if (i > 0) {
        const p = sorted[i - 1];
        assert.ok(across(b) >= across(p) + (lr ? p.h : p.w) - EPS, `band ${b.id} after ${p.id}, not overlapping`);
      }
    }

    // every step inside its role's band
    const laneOfStep = (id: string) => {
      const r = model.steps.byId.get(id)?.role?.id;
      return (r !== undefined && m.laneIds.get(r)) || m.unassignedLane;
    };
    let drawn = 0;
    for (const [stepId, nodeId] of m.nodeIds) {
      const node = g.nodes.find((n) => new RegExp(`-flowchart-${nodeId}-\\d+$`).test(n.id));
      assert.ok(node, `node of step ${stepId}`);
      const band = g.bands.find((b) => b.id === laneOfStep(stepId));
      assert.ok(band, `band of step ${stepId}`);
      assert.ok(inside(node, band), `step ${stepId} ${JSON.stringify(node)} inside its band ${JSON.stringify(band)}`);
      drawn++;
    }
    assert.equal(drawn, g.nodes.filter((n) => !/-flowchart-empty\d+-/.test(n.id)).length);

    // the boxes are real, and every branch label was found
    assert.ok(g.nodes.every((n) => n.w > 0 && n.h > 0), 'node boxes measured');
    assert.equal(g.labels.length, (m.text.match(/ -\.?->\|"/g) ?? []).length, 'edge labels');

    // nothing overlaps a node: no other node, no edge label
    assert.deepEqual(overlaps(g.nodes, g.nodes, true).map(([a, b]) => `${a.text} × ${b.text}`), [], 'nodes overlap');
    assert.deepEqual(overlaps(g.labels, g.nodes, false).map(([a, b]) => `label ${a.text} × ${b.text}`), [], 'edge labels overlap nodes');
    return { model, m, g };
  }

  for (const file of ['order-fulfilment.bizflow.yaml', 'procure-to-pay.bizflow.yaml']) {
    const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
    for (const direction of ['LR', 'TB'] as const) it(`${file} ${direction}`, () => check(text, { direction }));
    it(`${file}: every role view`, async () => {
      for (const r of analyze(text).model.roles.list) await check(text, { role: r.id });
    });
  }

  for (const file of ['hostile.bizflow.yaml', 'hostile-keywords.bizflow.yaml']) {
    it(`${file}: hostile names, whole view and role views`, async () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      await check(text);
      for (const r of analyze(text).model.roles.list) await check(text, { role: r.id });
    });
  }

  for (const n of [30, 100, 300, 1000]) {
    it(`generated ${n}-step flow`, async function () {
      this.timeout(n >= 300 ? 900_000 : 300_000);
      const { model, g } = await check(generateFlow(n).text);
      assert.equal(g.nodes.length, model.steps.list.length);
    });
  }

  it('the big-300 fixture', async function () {
    this.timeout(900_000);
    await check(fs.readFileSync(path.join(FIXTURES, 'big-300.bizflow.yaml'), 'utf8'));
  });
});

/** Each node's shape's computed dash pattern and box, and the bands' boxes. Plain JavaScript. */
const DASHES = `(svg) => {
  document.body.innerHTML = svg;
  const root = document.body.querySelector('svg');
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
  const out = {
    nodes: Array.from(root.querySelectorAll('g.node')).map((g) => {
      const shape = g.querySelector(':scope > rect, :scope > polygon, :scope > path, :scope > g.basic > path, :scope > g.basic') || g;
      return { id: g.id, dash: getComputedStyle(shape).strokeDasharray, ...box(shape) };
    }),
    bands: Array.from(root.querySelectorAll('g.cluster.swimlane')).map((g) => ({ id: g.id, ...box(g) })),
  };
  document.body.innerHTML = '';
  return out;
}`;

describe('the preview\'s "after the requirements" and diff pictures in headless Chromium', function () {
  this.timeout(120_000);
  let renderer: MermaidRenderer | undefined;
  before(async function () {
    this.timeout(120_000);
    renderer = await MermaidRenderer.launch({ timeoutMs: 120_000, theme: 'bizflow' });
  });
  after(async () => {
    await renderer?.close();
  });

  const SMALL = `bizflow: 1
process: { name: Small }
roles:
  sales: { name: Sales }
  warehouse: { name: Warehouse }
  finance: { name: Finance }
steps:
  a: { name: Start, type: start, role: sales, next: b }
  b: { name: Check, role: warehouse, next: c }
  c: { name: Bill, role: finance, next: d }
  d: { name: End, type: end, role: finance }
requirements:
  R1: { title: No more checking, from: sales, priority: must, removes: [b] }
`;

  async function draw(text: string, options: Partial<RenderOptions>) {
    assert.ok(renderer, 'the browser was not started');
    const model = buildRenderModel(analyze(text), new LineIndex(text), { fileName: 'f', ...options });
    const [res] = await renderer.render([model.mermaid]);
    assert.equal(res.error, undefined, `Mermaid rejected the diagram: ${res.error}`);
    const g = (await renderer.page.evaluate(([src, svg]) => (0, eval)(src)(svg), [DASHES, res.svg!])) as {
      nodes: Array<Box & { id: string; dash: string }>;
      bands: Array<Box & { id: string }>;
    };
    const node = (stepId: string) => {
      const s = model.steps.find((x) => x.id === stepId)!;
      const n = g.nodes.find((x) => new RegExp(`-flowchart-${s.nodeId}-\\d+$`).test(x.id));
      assert.ok(n, `node of ${stepId}`);
      return n;
    };
    const band = (role: string) => {
      const laneId = model.lanes.find((l) => l.roleId === role)!.laneId;
      const b = g.bands.find((x) => x.id === laneId);
      assert.ok(b, `band of ${role}`);
      return b;
    };
    const dashed = (stepId: string) => /\d/.test(node(stepId).dash) && node(stepId).dash !== 'none';
    return { model, node, band, dashed };
  }

  it('after: the removed step is drawn dashed inside its band; the others are not dashed; a contested removal is not dashed', async () => {
    const after = await draw(SMALL, { mode: 'after' });
    assert.ok(after.dashed('b'), `b dashed (${after.node('b').dash})`);
    assert.ok(inside(after.node('b'), after.band('warehouse')), 'b inside the warehouse band');
    for (const id of ['a', 'c', 'd']) assert.ok(!after.dashed(id), `${id} not dashed`);
    // contested (finance still names it): not dashed, never picking a side
    const contested = await draw(SMALL + '  R2: { title: Keep checking, from: finance, priority: should, steps: [b] }\n', { mode: 'after' });
    assert.ok(!contested.dashed('b'), 'a contested removal is not drawn removed');
  });

  it('diff: the step the older version had is drawn dashed inside its old band', async () => {
    const newer = SMALL.replace('  b: { name: Check, role: warehouse, next: c }\n', '').replace('next: b }', 'next: c }').replace('removes: [b]', 'steps: [a]');
    const v = await draw(newer, { mode: 'diff', diff: { before: analyze(SMALL), label: 'HEAD' } });
    assert.ok(v.dashed('b'), 'b dashed');
    assert.ok(inside(v.node('b'), v.band('warehouse')), 'b inside the warehouse band');
    for (const id of ['a', 'c', 'd']) assert.ok(!v.dashed(id), `${id} not dashed`);
  });
});
