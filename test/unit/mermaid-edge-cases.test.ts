/**
 * toMermaid / escapeMermaidLabel on the edges of their input: blank labels and
 * departments, ids that name no step, malformed diagnostics, a role view of the
 * first role, lone surrogates and a model that cannot be read (the "never
 * throws" fallback). The everyday pictures are in mermaid.test.ts.
 */
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/engine';
import { escapeMermaidLabel, toMermaid, type MermaidResult } from '../../src/core/mermaid';
import type { Model } from '../../src/core/model';
import type { Diagnostic } from '../../src/core/types';
import { yaml } from './helpers';

const FM = ['---', 'config:', '  layout: swimlane', '---'];

function render(text: string, options?: Parameters<typeof toMermaid>[2], diagnostics?: readonly Diagnostic[]): MermaidResult {
  const a = analyze(text);
  return toMermaid(a.model, diagnostics ?? a.diagnostics, options);
}

function lines(r: MermaidResult): string[] {
  return r.text.split('\n').filter((l) => l !== '');
}

/** `class …` lines as class name → node ids. */
function classes(r: MermaidResult): Record<string, string[]> {
  const m: Record<string, string[]> = {};
  for (const l of lines(r)) {
    const c = /^ {2}class (\S+) (\w+)$/.exec(l);
    if (c) m[c[2]] = c[1].split(',');
  }
  return m;
}

describe('toMermaid on the edges of its input', () => {
  it('writes a blank label (" ", never the empty string Mermaid rejects) for an empty id, with and without lanes', () => {
    const file = yaml`
      bizflow: 1
      process: { name: P }
      roles:
        "": {}
        r: { name: R }
      steps:
        "": { type: start, role: "", next: "  " }
        "  ": { type: end, role: r }
    `;
    assert.deepEqual(lines(render(file)), [
      ...FM,
      'flowchart LR',
      '  subgraph lane0[" "]',
      '    n0([" "])',
      '  end',
      '  subgraph lane1["R"]',
      '    n1(["  "])',
      '  end',
      '  n0 --> n1',
    ]);
    // without lanes the blank name line is one space, whatever blank it was; the role stays on its own line
    assert.deepEqual(lines(render(file, { lanes: false })), [
      'flowchart LR',
      '  n0([" <br>#40;#41;"])',
      '  n1([" <br>#40;R#41;"])',
      '  n0 --> n1',
    ]);
  });

  it('leaves a blank department out of the band label', () => {
    const file = yaml`
      bizflow: 1
      process: { name: P }
      roles:
        a: { name: Sales, department: "  " }
        b: { name: Stock, department: "" }
        c: { name: Ops, department: " Ops dept " }
      steps:
        s: { type: start, role: a, next: t }
        t: { role: b, next: e }
        e: { type: end, role: c }
    `;
    const bands = lines(render(file)).filter((l) => l.startsWith('  subgraph'));
    assert.deepEqual(bands, ['  subgraph lane0["Sales"]', '  subgraph lane1["Stock"]', '  subgraph lane2["Ops ·  Ops dept "]']);
  });

  it('draws a branch whose label is blank as a plain arrow', () => {
    const file = yaml`
      bizflow: 1
      process: { name: P }
      steps:
        s: { type: start, next: d }
        d: { type: decision, next: { "  ": yes, "ok": no } }
        yes: { type: end }
        no: { type: end }
    `;
    const edges = lines(render(file)).filter((l) => /^ {2}n\d+ -/.test(l));
    assert.deepEqual(edges, ['  n0 --> n1', '  n1 --> n2', '  n1 -->|"ok"| n3']);
  });

  const three = yaml`
    bizflow: 1
    process: { name: P }
    roles:
      a: { name: A }
      b: { name: B }
    steps:
      s: { type: start, role: a, next: t }
      t: { role: b, next: e }
      e: { type: end, role: a }
  `;
  const plain = [
    ...FM,
    'flowchart LR',
    '  subgraph lane0["A"]',
    '    n0(["s"])',
    '    n2(["e"])',
    '  end',
    '  subgraph lane1["B"]',
    '    n1["t"]',
    '  end',
    '  n0 --> n1',
    '  n1 --> n2',
  ];

  it('ignores step ids of `changes` that name no step (added, removed and changed alike)', () => {
    const r = render(three, { changes: { added: ['ghost'], removed: ['nope'], changed: ['gone'] } });
    assert.deepEqual(lines(r), plain);
    assert.equal(r.warnings, undefined);
    // and marks the ones that do
    const marked = render(three, { changes: { added: ['ghost', 's'], removed: ['nope', 't'], changed: ['gone', 'e'] } });
    assert.deepEqual(classes(marked), { added: ['n0'], removed: ['n1'], changed: ['n2'] });
  });

  it('ignores `adds` / `removes` of a live requirement that name no step', () => {
    const file = three + 'requirements:\n  REQ-1: { title: x, from: a, adds: [ghost, t], removes: [nope, e] }\n';
    const a = analyze(file);
    assert.ok(a.model.requirements.list[0].live);
    const r = toMermaid(a.model, []);
    assert.deepEqual(lines(r).slice(0, plain.length), plain.map((l) => l.replace('n1 --> n2', 'n1 -.-> n2')));
    assert.deepEqual(classes(r), { added: ['n1'], removed: ['n2'] });
    assert.equal(r.warnings, undefined);
  });

  it('draws a role view whose steps lead to an unknown step, without that step', () => {
    const file = yaml`
      bizflow: 1
      process: { name: P }
      roles:
        a: { name: A }
        b: { name: B }
      steps:
        s: { type: start, role: a, next: ghost }
        t: { role: a, next: u }
        u: { type: end, role: b }
    `;
    const r = render(file, { role: 'a' });
    assert.deepEqual(lines(r), [
      ...FM,
      'flowchart LR',
      '  subgraph lane0["A"]',
      '    n0(["s"])',
      '    n1["t"]',
      '  end',
      '  subgraph lane1["B"]',
      '    n2(["u"])',
      '  end',
      '  n1 --> n2',
    ]);
    assert.equal(r.warnings, undefined);
  });

  it('a view of the first role leaves out the edges between two neighbouring steps of other roles', () => {
    const file = yaml`
      bizflow: 1
      process: { name: P }
      roles:
        a: { name: A }
        b: { name: B }
      steps:
        s: { type: start, role: a, next: [t, u] }
        t: { role: b, next: u }
        u: { type: end, role: b }
    `;
    const edges = (r: MermaidResult) => lines(r).filter((l) => /^ {2}n\d+ -/.test(l));
    assert.deepEqual(edges(render(file, { role: 'a' })), ['  n0 --> n1', '  n0 --> n2']);
    // the whole process has the edge t -> u
    assert.deepEqual(edges(render(file)), ['  n0 --> n1', '  n0 --> n2', '  n1 --> n2']);
  });

  it('marks conflicts only from well-formed conflict diagnostics and skips malformed ones', () => {
    const d = (x: object) => x as unknown as Diagnostic;
    const diagnostics = [
      null,
      undefined,
      d({ code: 42, severity: 'error', data: { steps: ['s'] } }),
      d({ severity: 'error', data: { steps: ['s'] } }),
      d({ code: 'flow/unreachable', severity: 'error', data: { steps: ['s'] } }),
      d({ code: 'conflict/field', severity: 'error' }),
      d({ code: 'conflict/field', severity: 'error', data: {} }),
      d({ code: 'conflict/field', severity: 'error', data: { steps: 7 } }),
      d({ code: 'conflict/field', severity: 'error', data: { steps: [3, null, 'ghost'] } }),
      d({ code: 'conflict/field', severity: 'warning', data: { steps: ['t'] } }),
    ] as unknown as Diagnostic[];
    const r = render(three, {}, diagnostics);
    assert.deepEqual(lines(r).slice(0, plain.length), plain);
    assert.deepEqual(classes(r), { conflict: ['n1'], conflictWarning: ['n1'] });
    assert.equal(r.warnings, undefined);
  });

  it('leaves out `unassignedLane` and `warnings` when there is no unassigned band and nothing to warn about', () => {
    const r = render(three);
    assert.deepEqual(Object.keys(r).sort(), ['laneIds', 'nodeIds', 'text']);
  });
});

describe('toMermaid on a model it cannot read', () => {
  function broken(thrown: unknown): Model {
    return {
      get steps(): never {
        throw thrown;
      },
    } as unknown as Model;
  }

  it('returns the empty flowchart with lanes in the asked direction and a warning with the reason', () => {
    const r = toMermaid(broken(new Error('boom')));
    assert.deepEqual(r, {
      text: [...FM, 'flowchart LR', ''].join('\n'),
      nodeIds: new Map(),
      laneIds: new Map(),
      warnings: ['The diagram could not be drawn (boom).'],
    });
    assert.equal(toMermaid(broken(new Error('boom')), [], { direction: 'TB' }).text, [...FM, 'flowchart TB', ''].join('\n'));
    assert.equal(toMermaid(broken(new Error('boom')), [], { direction: 'LR' }).text, [...FM, 'flowchart LR', ''].join('\n'));
  });

  it('without lanes, the empty flowchart has no front matter', () => {
    assert.equal(toMermaid(broken(new Error('x')), [], { lanes: false, direction: 'TB' }).text, 'flowchart TB\n');
    assert.equal(toMermaid(broken(new Error('x')), [], { lanes: false }).text, 'flowchart LR\n');
    assert.equal(toMermaid(broken(new Error('x')), [], { lanes: true }).text, [...FM, 'flowchart LR', ''].join('\n'));
  });

  it('does not throw with null options or diagnostics, and names a thrown non-Error', () => {
    const r = toMermaid(broken('no steps'), null as unknown as Diagnostic[], null as unknown as undefined);
    assert.equal(r.text, [...FM, 'flowchart LR', ''].join('\n'));
    assert.deepEqual(r.warnings, ['The diagram could not be drawn (no steps).']);
  });
});

describe('escapeMermaidLabel and lone surrogates', () => {
  it('replaces a lone surrogate of either half, at either end of its range, by U+FFFD and keeps pairs', () => {
    assert.equal(escapeMermaidLabel('\uD800'), '\uFFFD');
    assert.equal(escapeMermaidLabel('\uDBFF'), '\uFFFD');
    assert.equal(escapeMermaidLabel('\uDC00'), '\uFFFD');
    assert.equal(escapeMermaidLabel('\uDFFF'), '\uFFFD');
    assert.equal(escapeMermaidLabel('a\uDFFFb\uD800'), 'a\uFFFDb\uFFFD');
    assert.equal(escapeMermaidLabel('\uD83D\uDE00'), '\uD83D\uDE00');
    // control characters are a space, not U+FFFD
    assert.equal(escapeMermaidLabel('a\u0001\u009Fb'), 'a b');
  });
});
