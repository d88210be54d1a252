/**
 * Swimlanes: BizFlow's layout against Mermaid's, and layout stability
 * (issue 10, items 2 and 3), in a process of its own:
 *
 *   node bench/.out/swimlanes.js --flows F1,F2 --out OUT.json [--reps N] [--timeout-ms MS]
 *   npx tsx bench/swimlanes.ts --flows F1,F2 --out OUT.json [--moved-only]
 *
 * For each flow, `mermaid.render` timed inside the page (performance.now()):
 * - `bizflow`: toMermaid's text drawn with BizFlow's swimlane layout
 *   (renderSwimlane, what the CLI and the preview draw);
 * - `subgraphs`: the same text without its front matter: Mermaid's flowchart
 *   with subgraph boxes (dagre), the baseline of the issue; when dagre
 *   crashes on it ("setting 'order'"), `noSubgraphs`: the flow without
 *   subgraphs (`lanes: false`);
 * - `swimlaneBeta`: the same diagram as `swimlane-beta LR` (Mermaid's own
 *   swimlane diagram), once (it takes minutes on big flows), within
 *   `--timeout-ms` (default 300 s; slower = "> timeout").
 * Ratios: bizflow / subgraphs (or noSubgraphs) and bizflow / swimlaneBeta.
 *
 * Stability (pure layout, no browser): for each edit kind, the share of the
 * flow's nodes whose drawn position (x, y) changed: rename (every label of a
 * new length, within the cell), insert one step on an edge, remove a step
 * with one way in and one out (40 positions each, spread over the flow).
 */
import * as fs from 'node:fs';
import { analyze } from '../src/core/engine';
import { toMermaid } from '../src/core/mermaid';
import { MermaidRenderer } from '../src/node/mermaid-render';
import { layoutSwimlanes, type SwimlaneLayoutInput } from '../src/shared/swimlane/layout';
import { stats, type Stats } from './stats';

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};

interface Timed {
  ms?: Stats;
  error?: string;
}

interface FlowResult {
  file: string;
  steps: number;
  lanes: number;
  bizflow: Timed;
  subgraphs: Timed;
  noSubgraphs?: Timed;
  swimlaneBeta: Timed;
  /** bizflow / (subgraphs, or noSubgraphs when dagre crashed on subgraphs). */
  ratioToFlowchart?: number;
  baseline?: 'subgraphs' | 'noSubgraphs';
  ratioToSwimlaneBeta?: number;
  /**
   * Share of nodes that moved per edit kind (0–1): mean and max over the edits
   * tried; for insert/remove also `unreached`: the mean share, among the nodes
   * the edited step does not reach, of those that moved (bands below a lane
   * that gained a row move down as a whole).
   */
  moved: Record<string, { edits: number; mean: number; max: number; unreached?: number }>;
}

const stripFrontMatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

async function timeRender(renderer: MermaidRenderer, text: string, engine: 'bizflow' | 'mermaid', id: string): Promise<{ ms?: number; error?: string }> {
  return renderer.page.evaluate(
    async ({ id, text, engine }) => {
      const g = globalThis as unknown as {
        mermaid: import('../src/shared/swimlane/render').MermaidApi;
        BizflowSwimlane: typeof import('../src/shared/swimlane/render');
        document: { getElementById(id: string): { remove(): void } | null };
      };
      const t = performance.now();
      try {
        await g.BizflowSwimlane.renderSwimlane(g.mermaid, text, { id, engine });
        return { ms: performance.now() - t };
      } catch (e) {
        return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
      } finally {
        g.document.getElementById('d' + id)?.remove();
        g.document.getElementById(id)?.remove();
      }
    },
    { id, text, engine },
  );
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)))]).finally(() => clearTimeout(timer));
}

/** The layout input of a model (as the Mermaid loader builds it: lane per role with steps, then unassigned). */
function layoutInput(text: string): SwimlaneLayoutInput {
  const { model } = analyze(text);
  const roles = model.roles.list;
  const laneOf = new Map(roles.map((r, i) => [r.id, i]));
  return {
    nodes: model.steps.list.map((s) => ({ id: s.id, lane: laneOf.get(s.role?.id ?? '') ?? roles.length, width: 150, height: 50 })),
    edges: model.steps.list.flatMap((s) => s.next.map((e) => ({ from: s.id, to: e.target.id }))),
    laneCount: roles.length + 1,
  };
}

function movedShare(input: SwimlaneLayoutInput): FlowResult['moved'] {
  const base = layoutSwimlanes(input);
  const share = (after: ReturnType<typeof layoutSwimlanes>, ids: string[]) => ids.filter((id) => {
    const a = base.byId.get(id)!;
    const b = after.byId.get(id)!;
    return Math.abs(a.x - b.x) > 0.01 || Math.abs(a.y - b.y) > 0.01;
  }).length / ids.length;
  const ids = input.nodes.map((n) => n.id);
  const succ = new Map<string, string[]>();
  for (const e of input.edges) succ.set(e.from, [...(succ.get(e.from) ?? []), e.to]);
  const reached = (from: string) => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length) for (const w of succ.get(todo.pop()!) ?? []) if (!seen.has(w)) (seen.add(w), todo.push(w));
    return seen;
  };
  const out: FlowResult['moved'] = {};
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const add = (kind: string, values: number[], unreached?: number[]) => {
    out[kind] = { edits: values.length, mean: mean(values), max: Math.max(0, ...values) };
    if (unreached) out[kind].unreached = mean(unreached);
  };
  // rename: every label a different length (node sizes within the cell)
  add('rename', [share(layoutSwimlanes({ ...input, nodes: input.nodes.map((n, i) => ({ ...n, width: 40 + ((i * 37) % 120), height: 20 + ((i * 13) % 40) })) }), ids)]);
  // insert one step on an edge
  const ins: number[] = [];
  const insU: number[] = [];
  const edgeStep = Math.max(1, Math.floor(input.edges.length / 40));
  for (let k = 0; k < input.edges.length; k += edgeStep) {
    const e = input.edges[k];
    const edges = input.edges.slice();
    edges.splice(k, 1, { from: e.from, to: 'bench-new' }, { from: 'bench-new', to: e.to });
    const lane = input.nodes.find((n) => n.id === e.from)!.lane;
    const after = layoutSwimlanes({ ...input, nodes: [...input.nodes, { id: 'bench-new', lane, width: 150, height: 50 }], edges });
    ins.push(share(after, ids));
    const r = reached(e.to);
    const others = ids.filter((id) => !r.has(id));
    if (others.length) insU.push(share(after, others));
  }
  add('insert step', ins, insU);
  // remove a step with one way in and one way out
  const rem: number[] = [];
  const remU: number[] = [];
  const candidates = input.nodes.filter((n) => input.edges.filter((e) => e.to === n.id).length === 1 && input.edges.filter((e) => e.from === n.id).length === 1);
  const nodeStep = Math.max(1, Math.floor(candidates.length / 40));
  for (let k = 0; k < candidates.length; k += nodeStep) {
    const node = candidates[k];
    const into = input.edges.find((e) => e.to === node.id)!;
    const out2 = input.edges.find((e) => e.from === node.id)!;
    if (into.from === node.id) continue;
    const edges = input.edges.flatMap((e) => (e === into ? [{ from: e.from, to: out2.to }] : e === out2 ? [] : [e]));
    const after = layoutSwimlanes({ ...input, nodes: input.nodes.filter((n) => n !== node), edges });
    rem.push(share(after, ids.filter((id) => id !== node.id)));
    const r = reached(node.id);
    const others = ids.filter((id) => !r.has(id));
    if (others.length) remU.push(share(after, others));
  }
  add('remove step', rem, remU);
  return out;
}

async function main() {
  const files = opt('flows')!.split(',');
  const reps = Number(opt('reps', '3'));
  const out = opt('out')!;
  const timeoutMs = Number(opt('timeout-ms', '300000'));
  if (args.includes('--moved-only')) {
    // the stability part alone (no browser)
    const moved = files.map((file) => ({ file, moved: movedShare(layoutInput(fs.readFileSync(file, 'utf8'))) }));
    fs.writeFileSync(out, JSON.stringify({ moved }, null, 2));
    return;
  }
  let renderer = await MermaidRenderer.launch({ timeoutMs: timeoutMs + 60_000 });
  let k = 0;
  const results: FlowResult[] = [];
  const timed = async (text: string, engine: 'bizflow' | 'mermaid', n: number): Promise<Timed> => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = await withTimeout(timeRender(renderer, text, engine, `bench-swl-${k++}`), timeoutMs);
      if (r === 'timeout') {
        // the page is busy for minutes: start a new browser for what follows
        await renderer.close().catch(() => undefined);
        renderer = await MermaidRenderer.launch({ timeoutMs: timeoutMs + 60_000 });
        return { error: `> ${timeoutMs / 1000} s (timeout)` };
      }
      if (r.error !== undefined) return { error: r.error };
      ms.push(r.ms!);
    }
    return { ms: stats(ms) };
  };
  try {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const a = analyze(text);
      const m = toMermaid(a.model, a.diagnostics);
      const lanesText = m.text;
      const plain = stripFrontMatter(lanesText);
      const beta = plain.replace(/^flowchart (LR|TB)\n/, 'swimlane-beta $1\n');
      process.stderr.write(`swimlanes: ${file}\n`);
      await timed(lanesText, 'bizflow', 1); // warm-up
      const r: FlowResult = {
        file,
        steps: a.model.steps.list.length,
        lanes: m.laneIds.size + (m.unassignedLane ? 1 : 0),
        bizflow: await timed(lanesText, 'bizflow', reps),
        subgraphs: await timed(plain, 'mermaid', reps),
        swimlaneBeta: { error: 'not run' },
        moved: movedShare(layoutInput(text)),
      };
      if (r.subgraphs.error) r.noSubgraphs = await timed(toMermaid(a.model, a.diagnostics, { lanes: false }).text, 'mermaid', reps);
      r.swimlaneBeta = await timed(beta, 'mermaid', 1);
      const base = r.subgraphs.ms ? r.subgraphs : r.noSubgraphs;
      if (r.bizflow.ms && base?.ms) {
        r.ratioToFlowchart = r.bizflow.ms.median / base.ms.median;
        r.baseline = r.subgraphs.ms ? 'subgraphs' : 'noSubgraphs';
      }
      if (r.bizflow.ms && r.swimlaneBeta.ms) r.ratioToSwimlaneBeta = r.bizflow.ms.median / r.swimlaneBeta.ms.median;
      results.push(r);
      fs.writeFileSync(out, JSON.stringify({ results }, null, 2));
    }
  } finally {
    await renderer.close();
  }
  fs.writeFileSync(out, JSON.stringify({ results }, null, 2));
}

main().catch((e) => {
  process.stderr.write(`swimlanes: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
