/**
 * data/used-before-produced against a plain reference, over random flows with
 * many data items (65 to 150: the rule's bitsets span three to five 32-bit
 * words), branches, joins, decisions, loops, self-loops, several starts,
 * unreachable steps, `next` entries naming unknown steps, and many `needs` and
 * `produces` per step (repeated ids too).
 *
 * The rule condenses the graph into its strongly connected components and
 * passes bitsets from component to component, sharing them while nothing
 * changes and recycling them once read; the reference below knows none of
 * that. For every step reachable from a start and every data id it needs:
 * the id is skipped when no step produces it, and, with a `data:` dictionary,
 * when it is not declared there (ref/unknown-data's finding: one mistake, one
 * finding) or is `external`; otherwise it is a finding unless some producer is
 * reachable from a start and reaches the step in one or more moves (a step
 * producing what it needs counts only when it is on a loop). Each finding is
 * compared whole: span, message id and data, related places (the first
 * `produces` entry of each of the first five producers) and diagnostic data.
 *
 * Two shapes: any step may lead to any step (loops everywhere); or layers of
 * up to 20 parallel steps, each leading into the next layer, with a loop back
 * now and then (many bitsets alive at once, shared by several successors).
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze, type ReportedMessage } from '../../../src/core/engine';
import rule from '../../../src/core/rules/data-used-before-produced';
import { mutationRuns } from '../timing';

const CODE = 'data/used-before-produced';

type Kind = 'start' | 'task' | 'decision' | 'end';

interface GenStep {
  kind: Kind;
  /** Targets: step indices (random shape) or raw numbers placed in the next layer (layered shape). */
  next: number[];
  /** Loop-back targets, any step. */
  back: number[];
  /** A `next` entry naming a step that does not exist. */
  ghost: boolean;
  needs: number[];
  produces: number[];
  /** Named after its id (the label is then the id alone). */
  plainName: boolean;
}

interface Flow {
  shape: 'random' | 'layered';
  /** Layer widths (layered shape). */
  layers: number[];
  nData: number;
  steps: GenStep[];
  /** With a `data:` dictionary: `declared` items are in it, `external` ones marked so. */
  dict: boolean;
  undeclared: number[];
  external: number[];
}

/** None, a few or many data ids (a step producing nothing relevant passes its bitset on unchanged). */
const needsArb = (nData: number) =>
  fc.oneof(
    { arbitrary: fc.constant<number[]>([]), weight: 2 },
    { arbitrary: fc.array(fc.nat(nData - 1), { minLength: 1, maxLength: 3 }), weight: 2 },
    { arbitrary: fc.array(fc.nat(nData - 1), { maxLength: 14 }), weight: 3 },
  );

const stepArb = (n: number, nData: number, kinds: fc.Arbitrary<Kind>): fc.Arbitrary<GenStep> =>
  fc.record({
    kind: kinds,
    next: fc.array(fc.nat(Math.max(0, n - 1) + 40), { maxLength: 3 }),
    back: fc.oneof({ arbitrary: fc.constant<number[]>([]), weight: 5 }, { arbitrary: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 2 }), weight: 1 }),
    ghost: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    needs: needsArb(nData),
    produces: needsArb(nData),
    plainName: fc.boolean(),
  });

const kinds = fc.constantFrom<Kind>('task', 'task', 'task', 'task', 'decision', 'start', 'end');

const flowArb: fc.Arbitrary<Flow> = fc
  .record({
    shape: fc.constantFrom<Flow['shape']>('random', 'layered'),
    layers: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 5 }),
    n: fc.integer({ min: 2, max: 30 }),
    nData: fc.integer({ min: 65, max: 150 }),
    dict: fc.boolean(),
  })
  .chain(({ shape, layers, n, nData, dict }) => {
    const count = shape === 'layered' ? layers.reduce((a, b) => a + b, 0) : n;
    return fc.record({
      shape: fc.constant(shape),
      layers: fc.constant(layers),
      nData: fc.constant(nData),
      steps: fc.array(stepArb(count, nData, kinds), { minLength: count, maxLength: count }),
      dict: fc.constant(dict),
      undeclared: fc.array(fc.nat(nData - 1), { maxLength: 8 }),
      external: fc.array(fc.nat(nData - 1), { maxLength: 8 }),
    });
  });

/** The successors of each step (defined steps only, duplicates removed), as the flow is written. */
function successors(flow: Flow): number[][] {
  const n = flow.steps.length;
  const layerOf: number[] = [];
  const layerStart: number[] = [];
  if (flow.shape === 'layered') {
    let at = 0;
    flow.layers.forEach((w, l) => {
      layerStart.push(at);
      for (let k = 0; k < w; k++) layerOf.push(l);
      at += w;
    });
  }
  return flow.steps.map((s, i) => {
    let targets: number[];
    if (flow.shape === 'random') targets = s.next.map((t) => t % n);
    else {
      const l = layerOf[i] + 1;
      targets = l < flow.layers.length ? s.next.map((t) => layerStart[l] + (t % flow.layers[l])) : [];
    }
    return [...new Set([...targets, ...s.back])];
  });
}

interface Written {
  text: string;
  /** Per step: its `needs` entries and `produces` entries, with their spans. */
  needs: { d: number; start: number; end: number }[][];
  produces: { d: number; start: number; end: number }[][];
  /** The step kinds as written (layer 0 of the layered shape is all starts). */
  kinds: Kind[];
}

function write(flow: Flow, succ: number[][]): Written {
  let text = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  r:\n    name: R\n';
  if (flow.dict) {
    text += 'data:\n';
    for (let d = 0; d < flow.nData; d++) {
      if (flow.undeclared.includes(d)) continue;
      text += `  d${d}:\n    name: D${d}\n${flow.external.includes(d) ? '    external: true\n' : ''}`;
    }
  }
  text += 'steps:\n';
  const needs: Written['needs'] = [];
  const produces: Written['produces'] = [];
  const kinds: Kind[] = [];
  const refs = (key: string, ids: number[]) => {
    const out: { d: number; start: number; end: number }[] = [];
    if (!ids.length) return out;
    text += `    ${key}: [`;
    ids.forEach((d, k) => {
      if (k) text += ', ';
      out.push({ d, start: text.length, end: text.length + `d${d}`.length });
      text += `d${d}`;
    });
    text += ']\n';
    return out;
  };
  flow.steps.forEach((s, i) => {
    const kind: Kind = flow.shape === 'layered' && i < flow.layers[0] ? 'start' : flow.shape === 'random' && i === 0 ? 'start' : s.kind;
    kinds.push(kind);
    text += `  s${i}:\n    name: ${s.plainName ? `s${i}` : `S${i}`}\n    type: ${kind}\n    role: r\n`;
    needs.push(refs('needs', s.needs));
    produces.push(refs('produces', s.produces));
    const targets = [...succ[i].map((t) => `s${t}`), ...(s.ghost ? ['ghost'] : [])];
    if (!targets.length) return;
    if (kind === 'decision') text += `    next: { ${targets.map((t, k) => `b${k}: ${t}`).join(', ')} }\n`;
    else text += `    next: [${targets.join(', ')}]\n`;
  });
  return { text, needs, produces, kinds };
}

interface Finding {
  start: number;
  end: number;
  messageId: string;
  data: unknown;
  related: { start: number; end: number; messageId: string; data: unknown }[];
  diagnosticData: unknown;
}

/** What the rule must find, computed plainly: a search from every producer. */
function expected(flow: Flow, succ: number[][], w: Written): Finding[] {
  const n = flow.steps.length;
  const from = (sources: number[], oneOrMore: boolean): boolean[] => {
    const seen = new Array<boolean>(n).fill(false);
    const stack = oneOrMore ? sources.flatMap((v) => succ[v]) : [...sources];
    for (const v of stack) seen[v] = true;
    while (stack.length) {
      const v = stack.pop()!;
      for (const t of succ[v]) if (!seen[t]) (seen[t] = true), stack.push(t);
    }
    return seen;
  };
  const reachable = from(w.kinds.flatMap((k, i) => (k === 'start' ? [i] : [])), false);
  const label = (i: number) => (flow.steps[i].plainName ? `"s${i}"` : `S${i} "s${i}"`);
  const dataLabel = (d: number) => (flow.dict && !flow.undeclared.includes(d) ? `D${d} "d${d}"` : `"d${d}"`);
  const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const shortList = (xs: string[]) => (xs.length <= 3 ? list(xs) : list([...xs.slice(0, 3), `${xs.length - 3} more`]));
  const out: Finding[] = [];
  for (let s = 0; s < n; s++) {
    if (!reachable[s]) continue;
    for (const need of w.needs[s]) {
      const d = need.d;
      const producers = [...Array(n).keys()].filter((p) => flow.steps[p].produces.includes(d));
      if (!producers.length) continue;
      if (flow.dict && (flow.undeclared.includes(d) || flow.external.includes(d))) continue;
      if (producers.some((p) => reachable[p] && from([p], true)[s])) continue;
      out.push({
        start: need.start,
        end: need.end,
        messageId: 'usedBeforeProduced',
        data: { step: label(s), data: dataLabel(d), producers: shortList(producers.map(label)) },
        related: producers.slice(0, 5).map((p) => {
          const at = w.produces[p].find((x) => x.d === d)!;
          return { start: at.start, end: at.end, messageId: 'producedHere', data: { data: `d${d}`, producer: label(p), step: `s${s}` } };
        }),
        diagnosticData: { name: `d${d}`, steps: [`s${s}`, ...producers.filter((p) => p !== s).map((p) => `s${p}`)] },
      });
    }
  }
  return out;
}

function actual(text: string): Finding[] {
  const out: Finding[] = [];
  const { diagnostics } = analyze(text, {
    rules: [rule],
    maxFindings: Infinity,
    keepFollowOn: true,
    onReport: (d, m: ReportedMessage) => {
      out.push({
        start: d.span.start,
        end: d.span.end,
        messageId: m.messageId,
        data: m.data,
        related: (d.related ?? []).map((r, k) => ({ start: r.span.start, end: r.span.end, messageId: m.related[k].messageId, data: m.related[k].data })),
        diagnosticData: d.data,
      });
    },
  });
  assert.deepEqual(diagnostics.filter((d) => d.code !== CODE), [], 'no rule failure');
  assert.equal(diagnostics.length, out.length);
  return out.sort((a, b) => a.start - b.start);
}

describe('data/used-before-produced: agrees with a plain reference on flows with many data items (property)', () => {
  it('random flows and layered flows, 65 to 150 data items', function () {
    this.timeout(60000);
    let findings = 0;
    let withWords = 0;
    fc.assert(
      fc.property(flowArb, (flow) => {
        const succ = successors(flow);
        const w = write(flow, succ);
        const want = expected(flow, succ, w);
        assert.deepEqual(actual(w.text), want, w.text);
        findings += want.length;
        if (want.some((f) => Number(String((f.diagnosticData as { name: string }).name).slice(1)) >= 64)) withWords++;
      }),
      { seed: 20261207, numRuns: mutationRuns(300, 4) },
    );
    // the runs are not all quiet: findings, some on data items beyond the second word
    assert.ok(findings > 100, `${findings} findings`);
    assert.ok(withWords > 10, `${withWords} runs with a finding on d64 or beyond`);
  });
});
