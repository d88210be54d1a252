import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { analyze } from '../../src/core/engine';
import { escapeMermaidLabel, mermaidLabelText, toMermaid, type MermaidResult } from '../../src/core/mermaid';
import type { Diagnostic } from '../../src/core/types';
import { yaml } from './helpers';
import { itTiming } from './timing';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const EXAMPLES = path.resolve(__dirname, '../../examples');

function render(text: string, options?: Parameters<typeof toMermaid>[2], diagnostics?: Diagnostic[]): MermaidResult {
  const a = analyze(text);
  return toMermaid(a.model, diagnostics ?? a.diagnostics, options);
}

/** The front matter every diagram with lanes starts with (Mermaid >= 11.16 draws bands). */
const FM = ['---', 'config:', '  layout: swimlane', '---'];

function lines(r: MermaidResult): string[] {
  return r.text.split('\n').filter((l) => l !== '');
}

/** `class …` lines as class name → node ids. */
function classes(r: MermaidResult): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const l of lines(r)) {
    const c = /^ {2}class (\S+) (\w+)$/.exec(l);
    if (c) m.set(c[2], c[1].split(','));
  }
  return m;
}

function nodesOf(r: MermaidResult, stepIds: string[]): string[] {
  return stepIds.map((id) => {
    const n = r.nodeIds.get(id);
    assert.ok(n, `step ${id} is drawn`);
    return n!;
  });
}

/**
 * Every line of the text has one of the shapes toMermaid writes; labels are
 * quoted strings. Anything else means a name leaked into the syntax.
 */
const LINE_SHAPES = [
  /^---$/,
  /^config:$/,
  /^ {2}layout: swimlane$/,
  /^flowchart (LR|TB)$/,
  /^ {2}subgraph (lane\d+|unassigned)\["[^"]*"\]$/,
  /^ {2}end$/,
  /^ {2,4}n\d+(\(\["[^"]*"\]\)|\["[^"]*"\]|\{"[^"]*"\})$/,
  /^ {4}empty\d+\[" "\]$/,
  /^ {2}n\d+ (-->|-\.->)(\|"[^"]*"\|)? n\d+$/,
  /^ {2}classDef (added|removed|conflict|conflictWarning|conflictError|highlight|emptyLane) [a-z-]+:[^;\n]*$/,
  /^ {2}class (n\d+|empty\d+)(,(n\d+|empty\d+))* (added|removed|conflict|conflictWarning|conflictError|highlight|emptyLane)$/,
];
/** What a quoted label may never contain once its entity codes (`#quot;`, `#35;`) are taken out. */
const FORBIDDEN_IN_LABEL = /["#<>[\](){}|;:%`'\\$&\n\r\u2028\u2029]|direction|C4Con|C4Com|C4Dyn|C4Dep|\uFB02\u00B0|\u00B6\u00DF/;

function unsafeLabel(label: string): boolean {
  return FORBIDDEN_IN_LABEL.test(label.replace(/#(?:[a-z]+|\d+);/g, '\u0001'));
}

function assertWellFormed(r: MermaidResult): void {
  for (const l of lines(r)) {
    assert.ok(
      LINE_SHAPES.some((re) => re.test(l)),
      `unexpected line shape: ${JSON.stringify(l)}`,
    );
    for (const m of l.matchAll(/"([^"]*)"/g)) {
      assert.ok(!unsafeLabel(m[1]), `unescaped character in label ${JSON.stringify(m[1])}`);
    }
  }
}

describe('toMermaid', () => {
  const tiny = yaml`
    bizflow: 1
    process:
      name: P
    roles:
      finance:
        name: 财务
      sales:
        name: 销售
      idle:
        name: Idle
    steps:
      s1:
        name: Start
        type: start
        role: sales
        next: check
      check:
        name: Check credit
        type: decision
        role: finance
        next:
          ok: ship
          reject: e1
      ship:
        name: Ship
        role: sales
        next: e1
      e1:
        name: Done
        type: end
  `;

  it('writes the exact flowchart of a tiny model: swimlane front matter, a band per role with steps in declaration order, shapes, branch labels, the unassigned band last', () => {
    const r = render(tiny);
    assert.equal(
      r.text,
      [
        ...FM,
        'flowchart LR',
        '  subgraph lane0["财务"]',
        '    n1{"Check credit"}',
        '  end',
        '  subgraph lane1["销售"]',
        '    n0(["Start"])',
        '    n2["Ship"]',
        '  end',
        '  subgraph unassigned["unassigned"]',
        '    n3(["Done"])',
        '  end',
        '  n0 --> n1',
        '  n1 -->|"ok"| n2',
        '  n1 -->|"reject"| n3',
        '  n2 --> n3',
        '',
      ].join('\n'),
    );
    assert.deepEqual([...r.nodeIds], [['s1', 'n0'], ['check', 'n1'], ['ship', 'n2'], ['e1', 'n3']]);
    // the role without steps (idle) gets no band
    assert.deepEqual([...r.laneIds], [['finance', 'lane0'], ['sales', 'lane1']]);
    assert.equal(r.unassignedLane, 'unassigned');
    assert.equal(r.warnings, undefined);
  });

  it('labels a band with the role and its department, the unassigned band in Chinese on request, and has none when every step has a role', () => {
    const r = render(
      yaml`
        bizflow: 1
        roles:
          sales: { name: 销售员, department: "销售部 <A>" }
        steps:
          a: { name: A, type: start, role: sales, next: b }
          b: { name: B, type: end, role: ghost }
      `,
      { locale: 'zh-CN' },
    );
    assert.deepEqual(lines(r).slice(4, 11), [
      'flowchart LR',
      '  subgraph lane0["销售员 · 销售部 #lt;A#gt;"]',
      '    n0(["A"])',
      '  end',
      '  subgraph unassigned["未分配"]',
      '    n1(["B"])',
      '  end',
    ]);
    const all = render(yaml`
      bizflow: 1
      roles:
        sales: {}
      steps:
        a: { type: start, role: sales }
    `);
    assert.doesNotMatch(all.text, /unassigned/);
    assert.equal(all.unassignedLane, undefined);
  });

  describe('without lanes (the layout fallback)', () => {
    it('writes the exact flowchart of the tiny model: no subgraph, same node ids in document order, the lane below the name', () => {
      const r = render(tiny, { lanes: false });
      assert.equal(
        r.text,
        [
          'flowchart LR',
          '  n0(["Start<br>#40;销售#41;"])',
          '  n1{"Check credit<br>#40;财务#41;"}',
          '  n2["Ship<br>#40;销售#41;"]',
          '  n3(["Done"])',
          '  n0 --> n1',
          '  n1 -->|"ok"| n2',
          '  n1 -->|"reject"| n3',
          '  n2 --> n3',
          '',
        ].join('\n'),
      );
      // same node ids as with lanes; no lane is drawn, not even the empty one
      assert.deepEqual([...r.nodeIds], [...render(tiny).nodeIds]);
      assert.equal(r.laneIds.size, 0);
      assert.equal(r.warnings, undefined);
    });

    it('is the lane drawing with only the lanes changed: edges, classes and conflict highlighting are the same', () => {
      const conflicting = yaml`
        bizflow: 1
        roles:
          sales: { name: 销售 }
          warehouse: {}
        steps:
          a: { name: 下单, type: start, role: sales, next: pick }
          pick: { name: "拣货 <b>", role: warehouse, attributes: { mode: manual }, next: old }
          old: { name: 旧, role: warehouse, next: z }
          z: { name: 完成, type: end }
        requirements:
          R1: { title: t1, from: sales, priority: must, sets: { pick.mode: automatic }, acceptance: [x] }
          R2: { title: t2, from: warehouse, priority: must, sets: { pick.mode: manual-review }, removes: [old], acceptance: [y] }
      `;
      const withLanes = render(conflicting);
      const r = render(conflicting, { lanes: false });
      assert.deepEqual(lines(r), [
        'flowchart LR',
        '  n0(["下单<br>#40;销售#41;"])',
        '  n1["拣货 #lt;b#gt;<br>#40;warehouse#41;"]',
        '  n2["旧<br>#40;warehouse#41;"]',
        '  n3(["完成"])',
        '  n0 --> n1',
        '  n1 -.-> n2',
        '  n2 -.-> n3',
        '  classDef removed fill:#f4f4f4,stroke:#6e7781,stroke-width:2px,stroke-dasharray:6 4,color:#6e7781',
        '  classDef conflict stroke-width:3px',
        '  classDef conflictError fill:#ffe0e0,stroke:#cf222e',
        '  class n2 removed',
        '  class n1 conflict',
        '  class n1 conflictError',
      ]);
      const rest = (x: MermaidResult) => lines(x).filter((l) => / (-->|-\.->)|^ {2}class/.test(l));
      assert.deepEqual(rest(r), rest(withLanes));
    });

    it('keeps the role view and the highlight, and labels steps outside any lane with their name only', () => {
      const file = yaml`
        bizflow: 1
        roles:
          a: { name: A }
          b: { name: B }
        steps:
          s: { name: S, type: start, role: a, next: t }
          t: { name: T, role: b, next: u }
          u: { name: U, role: nobody, next: e }
          e: { name: E, type: end }
      `;
      assert.deepEqual(lines(render(file, { role: 'b', lanes: false, highlight: ['t'] })), [
        'flowchart LR',
        '  n0(["S<br>#40;A#41;"])',
        '  n1["T<br>#40;B#41;"]',
        '  n2["U"]',
        '  n0 --> n1',
        '  n1 --> n2',
        '  classDef highlight stroke:#0969da,stroke-width:4px',
        '  class n1 highlight',
      ]);
    });

    it('does not fire by default or with lanes: true', () => {
      assert.equal(render(tiny, { lanes: true }).text, render(tiny).text);
      assert.match(render(tiny).text, /\n {2}subgraph lane0\["财务"\]\n/);
      assert.doesNotMatch(render(tiny, { lanes: false }).text, /subgraph|\n {2}end\n|empty\d/);
    });

    it('escapes hostile names and lane names the same way, the <br> being the only markup', () => {
      for (const file of [path.join(FIXTURES, 'hostile.bizflow.yaml'), path.join(FIXTURES, 'hostile-keywords.bizflow.yaml')]) {
        const a = analyze(fs.readFileSync(file, 'utf8'));
        for (const role of [undefined, ...a.model.roles.list.map((x) => x.id)]) {
          const r = toMermaid(a.model, a.diagnostics, { role, lanes: false });
          // take the <br> out and the text has the shapes (and the safety) of a diagram with lanes
          assertWellFormed({ ...r, text: r.text.replace(/<br>#40;/g, ' #40;') });
          assert.doesNotMatch(r.text.replace(/"[^"]*"/g, '""'), /subgraph|\bend\b/, 'no lane outside the labels');
          assert.equal(r.nodeIds.size, toMermaid(a.model, a.diagnostics, { role }).nodeIds.size);
          assert.equal((r.text.match(/<br>/g) ?? []).length, [...r.nodeIds.keys()].filter((id) => {
            const rid = a.model.steps.byId.get(id)?.role?.id;
            return rid !== undefined && a.model.roles.byId.has(rid);
          }).length, 'one <br> per step in a lane');
        }
      }
    });
  });

  it('draws top to bottom on request', () => {
    assert.ok(render(tiny, { direction: 'TB' }).text.startsWith(FM.join('\n') + '\nflowchart TB\n'));
    assert.equal(render(tiny, { direction: 'TB' }).text.replace('flowchart TB', 'flowchart LR'), render(tiny).text, 'only the direction changes');
  });

  it('labels with the id when the name is missing or blank, and puts steps of unknown roles in the unassigned band', () => {
    const r = render(yaml`
      bizflow: 1
      roles:
        sales: {}
      steps:
        a:
          type: start
          role: sales
          next: b
        b:
          name: "   "
          role: nobody
          next: [c, ghost]
        c:
          name: C
          type: end
    `);
    assert.deepEqual(lines(r), [
      ...FM,
      'flowchart LR',
      '  subgraph lane0["sales"]',
      '    n0(["a"])',
      '  end',
      '  subgraph unassigned["unassigned"]',
      '    n1["b"]',
      '    n2(["C"])',
      '  end',
      '  n0 --> n1',
      '  n1 --> n2',
    ]);
  });

  describe('classes', () => {
    const conflictFile = yaml`
      bizflow: 1
      process:
        name: P
      roles:
        sales:
          name: 销售
        warehouse:
          name: 仓库
      steps:
        start:
          name: 下单
          type: start
          role: sales
          next: pick
        pick:
          name: 拣货
          role: warehouse
          attributes:
            mode: manual
          next: check
        check:
          name: 复核
          role: warehouse
          next: old
        old:
          name: 旧流程
          role: warehouse
          next: done
        done:
          name: 完成
          type: end
      requirements:
        REQ-1:
          title: 自动拣货
          from: sales
          priority: must
          status: accepted
          sets:
            pick.mode: automatic
          agreed: [warehouse]
          acceptance: [a]
        REQ-2:
          title: 人工复核
          from: warehouse
          priority: must
          sets:
            pick.mode: manual-review
          adds: [check]
          removes: [old]
          acceptance: [b]
        REQ-3:
          title: rejected ones mark nothing
          from: warehouse
          priority: could
          status: rejected
          adds: [start]
          removes: [done]
    `;

    it('marks added, removed (dashed) and conflicting steps from a real analysis', () => {
      const a = analyze(conflictFile);
      const contradictions = a.diagnostics.filter((d) => d.code === 'conflict/contradiction');
      const r = toMermaid(a.model, a.diagnostics);
      const c = classes(r);
      assert.deepEqual(c.get('added'), nodesOf(r, ['check']));
      assert.deepEqual(c.get('removed'), nodesOf(r, ['old']));
      // two live `must`s disagreeing on pick.mode: an error, reported in each requirement
      assert.equal(contradictions.length, 2);
      assert.deepEqual(c.get('conflict'), nodesOf(r, ['pick']));
      assert.deepEqual(c.get('conflictError'), nodesOf(r, ['pick']));
      assert.equal(c.get('conflictWarning'), undefined);
      // the removed step is drawn dashed, and so are the edges that touch it
      assert.match(r.text, /classDef removed [^\n]*stroke-dasharray/);
      assert.ok(lines(r).includes('  n2 -.-> n3'));
      assert.ok(lines(r).includes('  n3 -.-> n4'));
      assert.ok(lines(r).includes('  n1 --> n2'));
      for (const name of ['added', 'removed']) assert.match(r.text, new RegExp(`\\n  classDef ${name} `));
    });

    it('colours conflicts by severity: error beats warning, other codes and unknown steps are ignored', () => {
      const a = analyze(conflictFile);
      const d = (code: string, severity: Diagnostic['severity'], steps: unknown): Diagnostic =>
        ({ code, severity, message: '', span: { start: 0, end: 0 }, data: { steps } }) as Diagnostic;
      const r = toMermaid(a.model, [
        d('conflict/contradiction', 'warning', ['pick', 'ghost']),
        d('conflict/unagreed-burden', 'error', ['pick']),
        d('conflict/removed-step', 'warning', ['check']),
        d('conflict/depends-rejected', 'info', ['start']),
        d('flow/unreachable', 'error', ['done']),
        d('conflict/priority-inversion', 'error', 'pick'),
        d('conflict/priority-inversion', 'error', [42, null]),
      ]);
      const c = classes(r);
      assert.deepEqual(c.get('conflict'), nodesOf(r, ['start', 'pick', 'check']));
      assert.deepEqual(c.get('conflictError'), nodesOf(r, ['pick']));
      assert.deepEqual(c.get('conflictWarning'), nodesOf(r, ['start', 'check']));
      // conflict styles come after added/removed so they win in CSS
      const defs = lines(r).filter((l) => l.startsWith('  classDef ')).map((l) => l.split(' ')[3]);
      assert.deepEqual(defs, ['added', 'removed', 'conflict', 'conflictWarning', 'conflictError']);
    });

    it('writes no class lines when nothing is marked, and marks highlighted steps', () => {
      const r = toMermaid(analyze(tiny).model, [], { highlight: ['ship', 'nope'] });
      const c = classes(r);
      assert.deepEqual(c.get('highlight'), nodesOf(r, ['ship']));
      assert.deepEqual([...c.keys()].sort(), ['highlight']);
    });
  });

  describe('role view', () => {
    const file = yaml`
      bizflow: 1
      roles:
        a: { name: A }
        b: { name: B }
        c: { name: C }
        d: { name: D }
      steps:
        s:
          name: S
          type: start
          role: a
          next: b1
        b1:
          name: B1
          role: b
          next: b2
        b2:
          name: B2
          type: decision
          role: b
          next:
            yes: c1
            no: a2
        c1:
          name: C1
          role: c
          next: c2
        c2:
          name: C2
          role: c
          next: e
        a2:
          name: A2
          role: a
          next: e
        e:
          name: E
          type: end
    `;

    it('shows the lane in full, its direct neighbours in their own lanes, and only edges that touch the lane', () => {
      const r = render(file, { role: 'b' });
      assert.deepEqual(lines(r), [
        ...FM,
        'flowchart LR',
        '  subgraph lane0["A"]',
        '    n0(["S"])',
        '    n5["A2"]',
        '  end',
        '  subgraph lane1["B"]',
        '    n1["B1"]',
        '    n2{"B2"}',
        '  end',
        '  subgraph lane2["C"]',
        '    n3["C1"]',
        '  end',
        '  n0 --> n1',
        '  n1 --> n2',
        '  n2 -->|"yes"| n3',
        '  n2 -->|"no"| n5',
      ]);
      assert.deepEqual([...r.nodeIds.keys()].sort(), ['a2', 'b1', 'b2', 'c1', 's']);
      assert.deepEqual([...r.laneIds.keys()], ['a', 'b', 'c']);
    });

    it('keeps node ids stable across views and leaves out edges between two neighbours', () => {
      const r = render(file, { role: 'c' });
      assert.deepEqual(lines(r), [
        ...FM,
        'flowchart LR',
        '  subgraph lane1["B"]',
        '    n2{"B2"}',
        '  end',
        '  subgraph lane2["C"]',
        '    n3["C1"]',
        '    n4["C2"]',
        '  end',
        '  subgraph unassigned["unassigned"]',
        '    n6(["E"])',
        '  end',
        '  n2 -->|"yes"| n3',
        '  n3 --> n4',
        '  n4 --> n6',
      ]);
    });

    it('draws the lane of a role with no step (with its placeholder)', () => {
      const r = render(file, { role: 'd' });
      assert.deepEqual(lines(r), [
        ...FM,
        'flowchart LR',
        '  subgraph lane3["D"]',
        '    empty3[" "]',
        '  end',
        '  classDef emptyLane fill:none,stroke:none,color:transparent',
        '  class empty3 emptyLane',
      ]);
      assert.equal(r.nodeIds.size, 0);
    });

    it('falls back to the whole process, with a warning, for an unknown role', () => {
      const r = render(file, { role: 'zz' });
      assert.equal(r.text, render(file).text);
      assert.equal(r.warnings?.length, 1);
      assert.match(r.warnings![0], /zz/);
    });

    it('shows one role of the order-fulfilment example with its neighbours', function () {
      const p = path.join(EXAMPLES, 'order-fulfilment.bizflow.yaml');
      const r = render(fs.readFileSync(p, 'utf8'), { role: 'warehouse' });
      // pick and double-check are the warehouse's; credit-check feeds it, invoice follows it
      assert.deepEqual([...r.nodeIds.keys()].sort(), ['credit-check', 'double-check', 'invoice', 'pick']);
      assert.deepEqual([...r.laneIds.keys()], ['warehouse', 'finance']);
    });
  });

  describe('safety', () => {
    it('escapes every character that means something to Mermaid or HTML', () => {
      const cases: Array<[string, string]> = [
        ['"', '#quot;'],
        ["'", '#39;'],
        ['#', '#35;'],
        ['%%', '#37;#37;'],
        ['&', '#38;'],
        ['<b>', '#lt;b#gt;'],
        ['|', '#124;'],
        ['[]', '#91;#93;'],
        ['()', '#40;#41;'],
        ['{}', '#123;#125;'],
        [';', '#59;'],
        [':', '#58;'],
        ['$$', '#36;#36;'],
        ['`', '#96;'],
        ['\\n', '#92;n'],
        ['a\nb\r\n\tc', 'a b c'],
        ['x\u2028y', 'x y'],
        ['direction TB', '#100;irection TB'],
        ['C4Container', 'C#52;Container'],
        ['C4', 'C4'],
        ['\uFB02\u00B0lt\u00B6\u00DF', '\uFB02\u2060\u00B0lt\u00B6\u2060\u00DF'],
        ['\uD800x', '\uFFFDx'],
        ['🚚 审批（加急）', '🚚 审批（加急）'],
        ['plain text, ok! @ - _ * . / = ? + ~', 'plain text, ok! @ - _ * . / = ? + ~'],
      ];
      for (const [input, want] of cases) assert.equal(escapeMermaidLabel(input), want, JSON.stringify(input));
      assert.equal(
        escapeMermaidLabel('%%{init: {"securityLevel":"loose"}}%%'),
        '#37;#37;#123;init#58; #123;#quot;securityLevel#quot;#58;#quot;loose#quot;#125;#125;#37;#37;',
      );
      assert.equal(
        escapeMermaidLabel('<script>alert(1)</script>'),
        '#lt;script#gt;alert#40;1#41;#lt;/script#gt;',
      );
      assert.equal(mermaidLabelText('a\n\nb\u0000c'), 'a b c');
      assert.equal(mermaidLabelText('<b>"x"</b>'), '<b>"x"</b>');
    });

    it('never lets any string out of its quotes (property)', () => {
      const hostile = fc.constantFrom(
        ...'"\'#%&<>|[](){};:$`\\\n\r\t\u2028 -.=xo>end%%{init}%%directionTBC4Container\uFB02\u00B0\u00B6\u00DF\uD800'.split(''),
        'direction ',
        'C4Container',
        '%%{init: {"theme":"dark"}}%%',
        'end',
        '-->',
        '#35;',
      );
      fc.assert(
        fc.property(fc.array(fc.oneof(hostile, fc.string()), { maxLength: 12 }), (parts) => {
          const label = escapeMermaidLabel(parts.join(''));
          return !unsafeLabel(label);
        }),
        { seed: 20240611, numRuns: 2000 },
      );
    });

    for (const [name, file] of [
      ['hostile names', path.join(FIXTURES, 'hostile.bizflow.yaml')],
      ['keyword ids', path.join(FIXTURES, 'hostile-keywords.bizflow.yaml')],
      ['order-fulfilment', path.join(EXAMPLES, 'order-fulfilment.bizflow.yaml')],
      ['procure-to-pay', path.join(EXAMPLES, 'procure-to-pay.bizflow.yaml')],
    ] as const) {
      it(`keeps the structure of ${name} in every view (only generated ids, only quoted labels)`, () => {
        const a = analyze(fs.readFileSync(file, 'utf8'));
        assert.ok(a.model.steps.list.length > 0);
        for (const role of [undefined, ...a.model.roles.list.map((x) => x.id)]) {
          const r = toMermaid(a.model, a.diagnostics, { role });
          assertWellFormed(r);
          for (const v of r.nodeIds.values()) assert.match(v, /^n\d+$/);
          for (const v of r.laneIds.values()) assert.match(v, /^lane\d+$/);
          if (role === undefined) {
            assert.equal(r.nodeIds.size, a.model.steps.list.length);
            const withSteps = a.model.roles.list.filter((x) => a.model.steps.list.some((s) => s.role?.id === x.id));
            assert.deepEqual([...r.laneIds.keys()], withSteps.map((x) => x.id), 'a band per role with steps, in declaration order');
            const loose = a.model.steps.list.some((s) => !withSteps.some((x) => x.id === s.role?.id));
            assert.equal(r.unassignedLane, loose ? 'unassigned' : undefined);
            assert.equal(lines(r).filter((l) => l.startsWith('  subgraph ')).length, withSteps.length + (loose ? 1 : 0));
          }
          // every drawn step sits in a band: no node line at the top level
          assert.deepEqual(lines(r).filter((l) => /^ {2}n\d+[[({]/.test(l)), []);
        }
      });
    }

    it('writes keyword ids nowhere and every hostile name only in escaped form', () => {
      const a = analyze(fs.readFileSync(path.join(FIXTURES, 'hostile-keywords.bizflow.yaml'), 'utf8'));
      const r = toMermaid(a.model, a.diagnostics);
      const outside = r.text.replace(/"[^"]*"/g, '""');
      for (const kw of ['graph', 'style', 'click', 'direction', 'linkStyle', 'default', 'call']) {
        assert.ok(!new RegExp(`\\b${kw}\\b`).test(outside), `${kw} appears outside a label`);
      }
      // `subgraph`, `end`, `class`, `classDef` only as the statements toMermaid writes
      assert.equal((outside.match(/\bsubgraph\b/g) ?? []).length, r.laneIds.size + (r.unassignedLane ? 1 : 0));
      assert.equal((outside.match(/\bend\b/g) ?? []).length, r.laneIds.size + (r.unassignedLane ? 1 : 0));

      const h = analyze(fs.readFileSync(path.join(FIXTURES, 'hostile.bizflow.yaml'), 'utf8'));
      const hr = toMermaid(h.model, h.diagnostics);
      for (const s of h.model.steps.list) {
        assert.ok(hr.text.includes(`"${escapeMermaidLabel(s.name!)}"`), `label of ${s.id}`);
      }
      assert.ok(!hr.text.includes('<'));
      assert.ok(!hr.text.includes('%'));
    });

    it('never throws on broken documents or odd diagnostics', () => {
      const docs = [
        '',
        'not: [valid',
        'steps: 5',
        'roles: [a, b]\nsteps:\n  a: 1\n  b: [x]\n  c:\n    next: {x: [1]}\n',
        'bizflow: 1\nsteps:\n  a:\n    name: {x: 1}\n    role: [r]\n    next: a\n',
        '- a\n- b\n',
      ];
      for (const d of docs) {
        const a = analyze(d);
        for (const diags of [a.diagnostics, [null as unknown as Diagnostic, {} as Diagnostic]]) {
          const r = toMermaid(a.model, diags, { role: 'a', highlight: [undefined as unknown as string] });
          assert.ok(r.text.startsWith(FM.join('\n') + '\nflowchart LR\n'), JSON.stringify(d));
          assertWellFormed(r);
        }
      }
    });
  });

  itTiming('writes the text of a 1,000-step model in 10 ms or less', () => {
    const roles = Array.from({ length: 20 }, (_, i) => `  r${i}:\n    name: "角色 <${i}> | #${i}"\n`).join('');
    const steps: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const type = i === 0 ? 'start' : i === 999 ? 'end' : i % 10 === 5 ? 'decision' : 'task';
      const next = i === 999 ? '' : type === 'decision' ? `    next:\n      "是 [yes]": s${i + 1}\n      "否 {no}": s${Math.max(0, i - 3)}\n` : `    next: s${i + 1}\n`;
      steps.push(`  s${i}:\n    name: "步骤 ${i} \\"quoted\\" (x) %% #"\n    type: ${type}\n    role: r${i % 20}\n${next}`);
    }
    const text = `bizflow: 1\nprocess:\n  name: big\nroles:\n${roles}steps:\n${steps.join('')}`;
    const a = analyze(text);
    assert.equal(a.model.steps.list.length, 1000);
    let best = Infinity;
    let r: MermaidResult | undefined;
    for (let k = 0; k < 7; k++) {
      const t0 = process.hrtime.bigint();
      r = toMermaid(a.model, a.diagnostics);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    assert.equal(r!.nodeIds.size, 1000);
    assert.ok(best <= 10, `took ${best.toFixed(2)} ms`);
    if (process.env.BIZFLOW_TIMINGS) console.log(`      toMermaid, 1,000 steps: ${best.toFixed(2)} ms`);
  });
});
