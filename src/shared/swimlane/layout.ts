/**
 * BizFlow's layered swimlane layout (pure: no DOM, no I/O, no module state).
 *
 * Input: nodes (id, lane index, measured size), edges, the number of lanes
 * (in the order they are drawn) and the start nodes. Output: every node's
 * centre, one band per lane, and an orthogonal route for every edge.
 *
 * How (all passes bounded, O(V + E) apart from one sort per column):
 * 1. Back edges: an iterative depth-first search from the start nodes (in the
 *    order given), then from every node not yet seen (in input order), each
 *    node's successors in edge order. An edge to a node on the search stack
 *    is a back edge (a loop); it takes no part in ranking, so a loop never
 *    stretches the flow.
 * 2. Columns: longest path from the sources over the other edges
 *    (column(v) = 1 + max column of its forward predecessors, 0 for a node
 *    without one). So inserting a step on an edge moves nothing that does not
 *    descend from it, and what descends from it by at most one column.
 * 3. Rows inside each lane: one forward barycenter sweep, column by column:
 *    a node wants the mean row of its forward predecessors in the same lane
 *    (0 when none); the nodes of one lane and column, sorted by that wish
 *    (then input order), take rows in that order, each the wished row or the
 *    first free one below. A node's row depends only on nodes of earlier
 *    columns and of its own column, never on later ones: an edit moves
 *    nothing in the columns before it. (Backward sweeps would reduce a few
 *    more crossings and make the whole picture move on every edit.)
 * 4. Geometry: every cell has the same size (the largest node, rounded up to
 *    `sizeStep`, and at least `minCell…`), so a change of a label that keeps
 *    the node within its cell moves nothing; every band spans the whole flow,
 *    lanes are stacked in the given order without overlap; band height =
 *    its rows.
 * 5. Routes: out of the source's trailing side, into the gap after its
 *    column, along the free channel just before the target's row (inside the
 *    target's band, where no node is), to the gap before the target's column,
 *    to the target's row and into its leading side. Adjacent columns: a
 *    simple Z. Loops use the same route, backwards.
 *
 * Coordinates are computed for left-to-right (`LR`: columns along x, bands
 * stacked along y) and transposed for `TB`.
 */

export interface SwimlaneNodeInput {
  id: string;
  /** Index of the node's lane, 0 … laneCount − 1 (anything else is put in the last lane). */
  lane: number;
  width: number;
  height: number;
}

export interface SwimlaneEdgeInput {
  from: string;
  to: string;
}

export interface SwimlaneLayoutInput {
  nodes: readonly SwimlaneNodeInput[];
  edges: readonly SwimlaneEdgeInput[];
  laneCount: number;
  /** Start nodes, searched first (in this order); default: the nodes without predecessors. */
  starts?: readonly string[];
  direction?: 'LR' | 'TB';
  /** Size along the bands' side reserved for each band's title; default 36. */
  titleSize?: number;
  /** Smallest size across each band (by lane index), so its title fits beside it; default none. */
  minLaneAcross?: readonly number[];
  /** Gap between columns (edges and their labels run there); default 70. */
  columnGap?: number;
  /** Gap between rows of one lane (edge channels); default 36. */
  rowGap?: number;
  /** Padding inside a band, around its rows; default 24. */
  lanePadding?: number;
  /** Smallest cell; default 160 × 60 (LR: width × height). */
  minCellAlong?: number;
  minCellAcross?: number;
  /** Cell sizes are rounded up to a multiple of this; default 20. */
  sizeStep?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface SwimlaneNodePosition {
  id: string;
  lane: number;
  column: number;
  row: number;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SwimlaneBand {
  lane: number;
  /** Top-left corner and size of the whole band, title included. */
  x: number;
  y: number;
  width: number;
  height: number;
  rows: number;
}

export interface SwimlaneEdgeRoute {
  /** Index into the input edges. */
  index: number;
  from: string;
  to: string;
  /** A loop (an edge against the search order). */
  back: boolean;
  /** Orthogonal polyline from the source's border to the target's border. */
  points: Point[];
}

export interface SwimlaneLayout {
  direction: 'LR' | 'TB';
  nodes: SwimlaneNodePosition[];
  byId: Map<string, SwimlaneNodePosition>;
  bands: SwimlaneBand[];
  edges: SwimlaneEdgeRoute[];
  columns: number;
  /** Cell size along the flow and across it. */
  cellAlong: number;
  cellAcross: number;
  width: number;
  height: number;
}

const num = (v: number | undefined, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);

/** Lays a flow out in swimlanes. Never throws on odd input (unknown edge ends are skipped). */
export function layoutSwimlanes(input: SwimlaneLayoutInput): SwimlaneLayout {
  const dir = input.direction === 'TB' ? 'TB' : 'LR';
  const laneCount = Math.max(1, Math.floor(num(input.laneCount, 1)));
  const titleSize = num(input.titleSize, 36);
  const columnGap = num(input.columnGap, 70);
  const rowGap = num(input.rowGap, 36);
  const pad = num(input.lanePadding, 24);
  const step = Math.max(1, num(input.sizeStep, 20));

  // --- index ---
  const n = input.nodes.length;
  const index = new Map<string, number>();
  const ids: string[] = [];
  for (const node of input.nodes) {
    if (index.has(node.id)) continue; // first one wins
    index.set(node.id, ids.length);
    ids.push(node.id);
  }
  const count = ids.length;
  const nodeOf = (i: number) => input.nodes[firstIndexOf[i]];
  const firstIndexOf = new Int32Array(count);
  {
    const seen = new Set<string>();
    let k = 0;
    for (let j = 0; j < n; j++) {
      const id = input.nodes[j].id;
      if (seen.has(id)) continue;
      seen.add(id);
      firstIndexOf[k++] = j;
    }
  }
  const laneOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const l = nodeOf(i).lane;
    laneOf[i] = Number.isInteger(l) && l >= 0 && l < laneCount ? l : laneCount - 1;
  }

  // adjacency (edge indices), in edge order
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeIndex: number[] = [];
  input.edges.forEach((e, k) => {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) return;
    edgeFrom.push(a);
    edgeTo.push(b);
    edgeIndex.push(k);
  });
  const m = edgeFrom.length;
  const outStart = new Int32Array(count + 1);
  for (let k = 0; k < m; k++) outStart[edgeFrom[k] + 1]++;
  for (let i = 0; i < count; i++) outStart[i + 1] += outStart[i];
  const outEdges = new Int32Array(m);
  {
    const fill = outStart.slice(0, count);
    for (let k = 0; k < m; k++) outEdges[fill[edgeFrom[k]]++] = k;
  }

  // --- 1. back edges (iterative DFS) ---
  const back = new Uint8Array(m);
  const state = new Uint8Array(count); // 0 new, 1 on stack, 2 done
  const hasPred = new Uint8Array(count);
  for (let k = 0; k < m; k++) if (edgeFrom[k] !== edgeTo[k]) hasPred[edgeTo[k]] = 1;
  const roots: number[] = [];
  if (input.starts) {
    for (const s of input.starts) {
      const i = index.get(s);
      if (i !== undefined) roots.push(i);
    }
  } else {
    for (let i = 0; i < count; i++) if (!hasPred[i]) roots.push(i);
  }
  for (let i = 0; i < count; i++) roots.push(i);
  const stackNode = new Int32Array(count);
  const stackPos = new Int32Array(count);
  for (const r of roots) {
    if (state[r] !== 0) continue;
    let sp = 0;
    stackNode[0] = r;
    stackPos[0] = outStart[r];
    state[r] = 1;
    while (sp >= 0) {
      const v = stackNode[sp];
      if (stackPos[sp] < outStart[v + 1]) {
        const k = outEdges[stackPos[sp]++];
        const w = edgeTo[k];
        if (state[w] === 1) back[k] = 1;
        else if (state[w] === 0) {
          state[w] = 1;
          sp++;
          stackNode[sp] = w;
          stackPos[sp] = outStart[w];
        }
      } else {
        state[v] = 2;
        sp--;
      }
    }
  }

  // --- 2. columns: longest path over forward edges (Kahn, in input order) ---
  const indeg = new Int32Array(count);
  for (let k = 0; k < m; k++) if (!back[k]) indeg[edgeTo[k]]++;
  const column = new Int32Array(count);
  const order: number[] = [];
  for (let i = 0; i < count; i++) if (indeg[i] === 0) order.push(i);
  for (let h = 0; h < order.length; h++) {
    const v = order[h];
    for (let p = outStart[v]; p < outStart[v + 1]; p++) {
      const k = outEdges[p];
      if (back[k]) continue;
      const w = edgeTo[k];
      if (column[w] < column[v] + 1) column[w] = column[v] + 1;
      if (--indeg[w] === 0) order.push(w);
    }
  }
  // (every node is in `order`: the forward edges form a DAG by construction)
  let columns = 0;
  for (let i = 0; i < count; i++) if (column[i] + 1 > columns) columns = column[i] + 1;

  // --- 3. rows: one forward barycenter sweep ---
  // forward predecessors of each node in its own lane
  const inStart = new Int32Array(count + 1);
  for (let k = 0; k < m; k++) if (!back[k] && laneOf[edgeFrom[k]] === laneOf[edgeTo[k]]) inStart[edgeTo[k] + 1]++;
  for (let i = 0; i < count; i++) inStart[i + 1] += inStart[i];
  const inPred = new Int32Array(inStart[count]);
  {
    const fill = inStart.slice(0, count);
    for (let k = 0; k < m; k++) if (!back[k] && laneOf[edgeFrom[k]] === laneOf[edgeTo[k]]) inPred[fill[edgeTo[k]]++] = edgeFrom[k];
  }
  const byColumn: number[][] = Array.from({ length: columns }, () => []);
  for (let i = 0; i < count; i++) byColumn[column[i]].push(i);
  const row = new Int32Array(count);
  const rowsOfLane = new Int32Array(laneCount).fill(1);
  const wish = new Float64Array(count);
  for (let c = 0; c < columns; c++) {
    const list = byColumn[c];
    for (const v of list) {
      let sum = 0;
      let k = 0;
      for (let p = inStart[v]; p < inStart[v + 1]; p++) {
        sum += row[inPred[p]];
        k++;
      }
      wish[v] = k ? sum / k : 0;
    }
    list.sort((a, b) => laneOf[a] - laneOf[b] || wish[a] - wish[b] || a - b);
    let prevLane = -1;
    let next = 0;
    for (const v of list) {
      if (laneOf[v] !== prevLane) {
        prevLane = laneOf[v];
        next = 0;
      }
      const r = Math.max(Math.round(wish[v]), next);
      row[v] = r;
      next = r + 1;
      if (r + 1 > rowsOfLane[laneOf[v]]) rowsOfLane[laneOf[v]] = r + 1;
    }
  }

  // --- 4. geometry (LR frame: "along" = x, "across" = y) ---
  const alongOf = (i: number) => num(dir === 'LR' ? nodeOf(i).width : nodeOf(i).height, 0);
  const acrossOf = (i: number) => num(dir === 'LR' ? nodeOf(i).height : nodeOf(i).width, 0);
  let maxAlong = num(input.minCellAlong, dir === 'LR' ? 160 : 60);
  let maxAcross = num(input.minCellAcross, dir === 'LR' ? 60 : 160);
  for (let i = 0; i < count; i++) {
    maxAlong = Math.max(maxAlong, alongOf(i));
    maxAcross = Math.max(maxAcross, acrossOf(i));
  }
  const cellAlong = Math.ceil(maxAlong / step) * step;
  const cellAcross = Math.ceil(maxAcross / step) * step;
  const bodyStart = titleSize + columnGap / 2;
  const colCenter = (c: number) => bodyStart + c * (cellAlong + columnGap) + cellAlong / 2;
  const totalAlong = bodyStart + Math.max(1, columns) * (cellAlong + columnGap) - columnGap / 2;
  const laneTop = new Float64Array(laneCount + 1);
  for (let l = 0; l < laneCount; l++) {
    const rowsAcross = 2 * pad + rowsOfLane[l] * cellAcross + (rowsOfLane[l] - 1) * rowGap;
    laneTop[l + 1] = laneTop[l] + Math.max(rowsAcross, num(input.minLaneAcross?.[l], 0));
  }
  const rowCenter = (l: number, r: number) => laneTop[l] + pad + r * (cellAcross + rowGap) + cellAcross / 2;
  // the free channel just before row r of lane l (inside the band)
  const channelBefore = (l: number, r: number) => (r === 0 ? laneTop[l] + pad / 2 : rowCenter(l, r) - cellAcross / 2 - rowGap / 2);

  const tr = (a: number, b: number): Point => (dir === 'LR' ? { x: a, y: b } : { x: b, y: a });
  const nodes: SwimlaneNodePosition[] = [];
  const byId = new Map<string, SwimlaneNodePosition>();
  for (let i = 0; i < count; i++) {
    const p = tr(colCenter(column[i]), rowCenter(laneOf[i], row[i]));
    const pos: SwimlaneNodePosition = {
      id: ids[i],
      lane: laneOf[i],
      column: column[i],
      row: row[i],
      x: p.x,
      y: p.y,
      width: num(nodeOf(i).width, 0),
      height: num(nodeOf(i).height, 0),
    };
    nodes.push(pos);
    byId.set(ids[i], pos);
  }
  const bands: SwimlaneBand[] = [];
  for (let l = 0; l < laneCount; l++) {
    const a = 0;
    const b = laneTop[l];
    const lenAlong = totalAlong;
    const lenAcross = laneTop[l + 1] - laneTop[l];
    bands.push(
      dir === 'LR'
        ? { lane: l, x: a, y: b, width: lenAlong, height: lenAcross, rows: rowsOfLane[l] }
        : { lane: l, x: b, y: a, width: lenAcross, height: lenAlong, rows: rowsOfLane[l] },
    );
  }

  // --- 5. routes ---
  const edges: SwimlaneEdgeRoute[] = [];
  for (let k = 0; k < m; k++) {
    const u = edgeFrom[k];
    const v = edgeTo[k];
    const cu = colCenter(column[u]);
    const cv = colCenter(column[v]);
    const ru = rowCenter(laneOf[u], row[u]);
    const rv = rowCenter(laneOf[v], row[v]);
    const exit = cu + alongOf(u) / 2;
    const entry = cv - alongOf(v) / 2;
    const gapAfter = cu + cellAlong / 2 + columnGap / 2;
    const gapBefore = cv - cellAlong / 2 - columnGap / 2;
    let pts: Array<[number, number]>;
    if (column[v] === column[u] + 1) {
      pts = ru === rv ? [[exit, ru], [entry, rv]] : [[exit, ru], [gapAfter, ru], [gapAfter, rv], [entry, rv]];
    } else {
      const ch = channelBefore(laneOf[v], row[v]);
      pts = [[exit, ru], [gapAfter, ru], [gapAfter, ch], [gapBefore, ch], [gapBefore, rv], [entry, rv]];
    }
    edges.push({ index: edgeIndex[k], from: ids[u], to: ids[v], back: back[k] === 1, points: simplify(pts.map(([a, b]) => tr(a, b))) });
  }

  const size = tr(totalAlong, laneTop[laneCount]);
  return { direction: dir, nodes, byId, bands, edges, columns, cellAlong, cellAcross, width: size.x, height: size.y };
}

/** Drops repeated points and middle points of straight runs. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-9 && Math.abs(last.y - p.y) < 1e-9) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      const straight = (Math.abs(a.x - b.x) < 1e-9 && Math.abs(b.x - p.x) < 1e-9) || (Math.abs(a.y - b.y) < 1e-9 && Math.abs(b.y - p.y) < 1e-9);
      if (straight) out.pop();
    }
    out.push(p);
  }
  if (out.length === 1) out.push({ ...out[0] });
  return out;
}
