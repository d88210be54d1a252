/**
 * The step graph, built once per analysis and shared by the flow and data
 * rules. Nodes are step indices (document order); edges follow every `next`
 * entry that names a defined step. All algorithms are iterative and linear.
 */
import type { Model, Step } from './model';

export interface StepGraph {
  steps: Step[];
  /** Successor indices per step (duplicates removed). */
  succ: number[][];
  pred: number[][];
  starts: number[];
  /** reachable[i]: step i can be reached from some start (starts included). */
  reachable: Uint8Array;
  /** Strongly connected component id per step, in reverse topological order of discovery (Tarjan). */
  comp: Int32Array;
  compCount: number;
  /** cyclic[c]: component c contains a cycle (more than one step, or a self-loop). */
  cyclic: Uint8Array;
}

export function buildGraph(model: Model): StepGraph {
  const steps = model.steps.list;
  const byId = model.steps.byId;
  const n = steps.length;
  // the lists are copied out of scratch arrays, so each has just the room it needs
  const succ: number[][] = [];
  const out: number[] = [];
  const indegree = new Int32Array(n);
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const next = steps[i].next;
    let m = 0;
    edge: for (let k = 0; k < next.length; k++) {
      const t = byId.get(next[k].target.id);
      if (!t) continue;
      for (let x = 0; x < m; x++) if (out[x] === t.index) continue edge;
      out[m++] = t.index;
      indegree[t.index]++;
    }
    succ.push(out.slice(0, m));
    edges += m;
  }
  // predecessors in increasing order, laid out one after the other, then cut
  const start = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) start[j + 1] = start[j] + indegree[j];
  const flat: number[] = [];
  for (let e = 0; e < edges; e++) flat.push(0);
  const fill = start.slice(0, n);
  for (let i = 0; i < n; i++) {
    const s = succ[i];
    for (let k = 0; k < s.length; k++) flat[fill[s[k]]++] = i;
  }
  const pred: number[][] = [];
  for (let j = 0; j < n; j++) pred.push(flat.slice(start[j], start[j + 1]));
  const starts: number[] = [];
  for (let i = 0; i < n; i++) if (steps[i].type === 'start') starts.push(i);
  const reachable = forward(succ, starts, n);
  const { comp, count } = tarjan(succ, n);
  const cyclic = new Uint8Array(count);
  const size = new Int32Array(count);
  for (let i = 0; i < n; i++) size[comp[i]]++;
  for (let i = 0; i < n; i++) {
    if (size[comp[i]] > 1 || succ[i].includes(i)) cyclic[comp[i]] = 1;
  }
  return { steps, succ, pred, starts, reachable, comp, compCount: count, cyclic };
}

/** Marks every node reachable from `sources` (sources included). */
export function forward(adj: number[][], sources: number[], n: number): Uint8Array {
  const seen = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    if (!seen[s]) {
      seen[s] = 1;
      stack.push(s);
    }
  }
  while (stack.length) {
    const out = adj[stack.pop()!];
    for (let i = 0; i < out.length; i++) {
      const w = out[i];
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/** Iterative Tarjan SCC. Component ids are assigned in reverse topological order. */
export function tarjan(succ: number[][], n: number): { comp: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callStack: number[] = [];
  const edgePos = new Int32Array(n);
  let idx = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callStack.push(root);
    index[root] = low[root] = idx++;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length) {
      const v = callStack[callStack.length - 1];
      const edges = succ[v];
      if (edgePos[v] < edges.length) {
        const w = edges[edgePos[v]++];
        if (index[w] === -1) {
          index[w] = low[w] = idx++;
          stack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
      } else {
        callStack.pop();
        if (callStack.length) {
          const u = callStack[callStack.length - 1];
          if (low[v] < low[u]) low[u] = low[v];
        }
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            comp[w] = count;
          } while (w !== v);
          count++;
        }
      }
    }
  }
  return { comp, count };
}
