/**
 * BizFlow's swimlane layout as a Mermaid layout algorithm (browser code).
 *
 * Mermaid parses the flowchart and calls `render(data4Layout, svg, helpers)`;
 * this measures every node by letting Mermaid draw it (`insertNode`), lays the
 * flow out with `layoutSwimlanes` (pure, ./layout.ts), then lets Mermaid draw
 * the bands (`insertCluster` with its own `swimlane` cluster shape), the edges
 * (`insertEdge` on our orthogonal points) and their labels. Shapes, classes,
 * styles, themes and the label HTML are therefore Mermaid's own.
 *
 * Lanes are the top-level subgraphs. Their order is the file's `roles:` order:
 * toMermaid names them `lane<role index>` and `unassigned` (last); any other
 * subgraph keeps Mermaid's order after those. Nodes outside every subgraph get
 * an unlabelled band of their own at the end.
 *
 * `helpers` are Mermaid's internal helpers (`internalHelpers` in Mermaid
 * 11.17.2, marked deprecated in its typings): Mermaid's version is pinned in
 * package.json and test/unit/swimlane-mermaid-helpers.test.ts fails when they
 * change.
 */
import { layoutSwimlanes, type SwimlaneLayout } from './layout';

/** Name the layout is registered under (`mermaid.registerLayoutLoaders`). */
export const BIZFLOW_LAYOUT = 'bizflow-swimlane';

/** The helpers this layout uses (all are passed by Mermaid 11.17.2). */
export const REQUIRED_HELPERS = ['getConfig', 'insertCluster', 'insertEdge', 'insertEdgeLabel', 'insertMarkers', 'insertNode', 'positionEdgeLabel'] as const;

/* Minimal structural types of what Mermaid hands over (d3 selections, layout data). */
type Selection = any;

interface LayoutNode {
  id: string;
  isGroup?: boolean;
  parentId?: string;
  label?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  shape?: string;
  direction?: string;
  dir?: string;
  swimlaneContentTop?: number;
  [k: string]: unknown;
}

interface LayoutEdge {
  id: string;
  start?: string;
  end?: string;
  label?: string;
  points?: Array<{ x: number; y: number }>;
  curve?: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  [k: string]: unknown;
}

export interface LayoutData {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  direction?: string;
  type?: string;
  diagramId?: string;
  markers?: unknown;
  config?: Record<string, any>;
}

export interface LayoutHelpers {
  getConfig(): Record<string, any>;
  insertCluster(elem: Selection, node: LayoutNode): Promise<unknown>;
  insertEdge(elem: Selection, edge: LayoutEdge, clusterDb: Map<string, unknown>, diagramType: string | undefined, start: LayoutNode, end: LayoutNode, diagramId: string | undefined, skipIntersect?: boolean): unknown;
  insertEdgeLabel(elem: Selection, edge: LayoutEdge): Promise<unknown>;
  insertMarkers(elem: Selection, markers: unknown, type: string | undefined, id: string | undefined): void;
  insertNode(elem: Selection, node: LayoutNode, options: { config: unknown; dir?: string }): Promise<Selection>;
  positionEdgeLabel(edge: LayoutEdge, paths: unknown): void;
}

/** The order key of a top-level subgraph: `lane<k>` → k, `unassigned` after all of those, others after that (stable). */
function laneKey(id: string): number {
  const m = /^lane(\d+)$/.exec(id);
  if (m) return Number(m[1]);
  if (id === 'unassigned') return 1e9;
  return 2e9;
}

/** Sizes BizFlow uses (the layout's defaults, spelled out). */
const TITLE_SIZE = 36;

/** Mermaid calls this to lay out and draw a diagram whose layout is `bizflow-swimlane`. */
export async function render(data: LayoutData, svg: Selection, helpers: LayoutHelpers): Promise<SwimlaneLayout> {
  for (const h of REQUIRED_HELPERS) {
    if (typeof (helpers as unknown as Record<string, unknown>)?.[h] !== 'function') {
      throw new Error(`BizFlow swimlane layout: Mermaid did not pass its "${h}" helper (Mermaid's version changed?)`);
    }
  }
  const config = helpers.getConfig();
  const element = svg.select('g');
  helpers.insertMarkers(element, data.markers, data.type, data.diagramId);
  const root = element.insert('g').attr('class', 'root');
  const clustersG = root.insert('g').attr('class', 'clusters');
  const edgePathsG = root.insert('g').attr('class', 'edges edgePaths');
  const edgeLabelsG = root.insert('g').attr('class', 'edgeLabels');
  const nodesG = root.insert('g').attr('class', 'nodes');

  const byId = new Map<string, LayoutNode>();
  for (const n of data.nodes) byId.set(n.id, n);
  // top-level subgraphs = lanes, in the file's order
  const groups = data.nodes.filter((n) => n.isGroup && (n.parentId === undefined || !byId.has(n.parentId)));
  const lanes = groups.map((g, i) => ({ g, i })).sort((a, b) => laneKey(a.g.id) - laneKey(b.g.id) || a.i - b.i).map((x) => x.g);
  const laneIndex = new Map(lanes.map((g, i) => [g.id, i]));
  const topOf = (n: LayoutNode): string | undefined => {
    let p = n.parentId;
    for (let guard = 0; p !== undefined && guard < 100; guard++) {
      if (laneIndex.has(p)) return p;
      p = byId.get(p)?.parentId;
    }
    return undefined;
  };
  const steps = data.nodes.filter((n) => !n.isGroup);
  let loose = false;
  const laneOfNode = steps.map((n) => {
    const top = topOf(n);
    if (top === undefined) {
      loose = true;
      return lanes.length;
    }
    return laneIndex.get(top)!;
  });
  const laneCount = lanes.length + (loose ? 1 : 0);

  // measure: Mermaid draws every node (shape, label, classes) and every edge label
  const elements = new Map<string, Selection>();
  await Promise.all(
    steps.map(async (n) => {
      const el = await helpers.insertNode(nodesG, n, { config, dir: n.dir });
      const box = el.node()?.getBBox() ?? { width: 0, height: 0 };
      n.width = box.width;
      n.height = box.height;
      elements.set(n.id, el);
    }),
  );
  const edges = data.edges.filter((e) => e.start !== undefined && e.end !== undefined && byId.has(e.start) && byId.has(e.end) && !byId.get(e.start)!.isGroup && !byId.get(e.end)!.isGroup);
  let widestLabel = 0;
  for (const e of edges) {
    // only labelled edges (Mermaid's common renderer does the same; each label costs a text measurement)
    if (!hasLabel(e)) continue;
    await helpers.insertEdgeLabel(edgeLabelsG, e);
    if (e.label) widestLabel = Math.max(widestLabel, (data.direction === 'TB' || data.direction === 'TD' ? e.height : e.width) ?? 0);
  }

  const direction = data.direction === 'TB' || data.direction === 'TD' ? 'TB' : 'LR';
  const layout = layoutSwimlanes({
    nodes: steps.map((n, i) => ({ id: n.id, lane: laneOfNode[i], width: n.width ?? 0, height: n.height ?? 0 })),
    edges: edges.map((e) => ({ from: e.start!, to: e.end! })),
    laneCount: Math.max(1, laneCount),
    direction,
    titleSize: TITLE_SIZE,
    // a band is at least as long across as its title (written along its side), so the title is never clipped
    minLaneAcross: lanes.map((g) => titleExtent(g.label)),
    // room for the widest branch label between columns (in steps of 40 px, so a label edit seldom moves anything)
    columnGap: Math.max(70, Math.ceil((widestLabel + 24) / 40) * 40),
  });

  // bands: Mermaid's own swimlane cluster shape
  for (let l = 0; l < laneCount; l++) {
    const band = layout.bands[l];
    const g: LayoutNode = l < lanes.length ? lanes[l] : { id: `${data.diagramId ?? 'bizflow'}-loose`, label: '', isGroup: true };
    g.shape = 'swimlane';
    g.direction = direction;
    g.x = band.x + band.width / 2;
    g.y = band.y + band.height / 2;
    g.width = band.width;
    g.height = band.height;
    if (direction === 'TB') g.swimlaneContentTop = band.y + TITLE_SIZE;
    await helpers.insertCluster(clustersG, g);
  }

  // nodes: centred in their cells
  for (const n of steps) {
    const p = layout.byId.get(n.id);
    if (!p) continue;
    n.x = p.x;
    n.y = p.y;
    elements.get(n.id)?.attr('transform', `translate(${p.x}, ${p.y})`);
  }

  // edges: our orthogonal routes, Mermaid's paths, markers and labels
  const clusterDb = new Map<string, unknown>();
  // the label groups Mermaid made, by edge id (the inner `g.label` carries the id)
  const labelOf = new Map<string, { setAttribute(name: string, value: string): void }>();
  for (const el of edgeLabelsG.selectAll('g.edgeLabel').nodes() as Array<{ firstChild?: { getAttribute?(n: string): string | null }; setAttribute(name: string, value: string): void }>) {
    const id = el.firstChild?.getAttribute?.('data-id');
    if (id) labelOf.set(id, el);
  }
  layout.edges.forEach((route) => {
    const e = edges[route.index];
    e.points = route.points;
    e.curve = 'rounded';
    const at = labelPoint(route.points);
    e.x = at.x;
    e.y = at.y;
    const paths = helpers.insertEdge(edgePathsG, e, clusterDb, data.type, byId.get(e.start!)!, byId.get(e.end!)!, data.diagramId, true);
    helpers.positionEdgeLabel(e, paths);
    // Mermaid puts a label halfway along the path; ours goes where the route turns towards
    // its target, in the gap after the source's column (room for it is kept there), so the
    // branches of a decision are told apart
    if (e.label) labelOf.get(e.id)?.setAttribute('transform', `translate(${at.x}, ${at.y})`);
  });
  return layout;
}

/** An estimate of a band title's length in px at Mermaid's cluster font: CJK characters are about square, others narrower. */
function titleExtent(label: string | undefined): number {
  let px = 0;
  for (const ch of label ?? '') px += ch.codePointAt(0)! >= 0x2e80 ? 18 : 10;
  return px + 40;
}

/** True when Mermaid would draw a label on the edge (its text or a terminal label). */
function hasLabel(e: LayoutEdge): boolean {
  return !!(e.label || e.startLabelLeft || e.startLabelRight || e.endLabelLeft || e.endLabelRight);
}

/** Where an edge's label goes: the route's second corner (in the gap after the source's column, on the target's row or channel), else its middle. */
function labelPoint(points: Array<{ x: number; y: number }>): { x: number; y: number } {
  return points.length >= 4 ? points[2] : midpoint(points);
}

/** The point halfway along a polyline. */
function midpoint(points: Array<{ x: number; y: number }>): { x: number; y: number } {
  let total = 0;
  for (let k = 1; k < points.length; k++) total += Math.abs(points[k].x - points[k - 1].x) + Math.abs(points[k].y - points[k - 1].y);
  let left = total / 2;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (len >= left && len > 0) {
      const t = left / len;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= len;
  }
  return points[0] ?? { x: 0, y: 0 };
}
