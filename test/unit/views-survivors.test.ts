/**
 * Behaviour the mutation run of the part `core-views` found unguarded (docs/mutation.md): the conflict count
 * (src/core/conflict-count.ts), recorded decisions (src/core/decisions.ts), the outline (src/core/outline.ts)
 * and the packed trees (src/core/tree-pack.ts).
 */
import { strict as assert } from 'assert';
import { conflictKeys, countConflicts, isConflictDiagnostic } from '../../src/core/conflict-count';
import { decisionsAgainst, decisionsBy, decisionSentence } from '../../src/core/decisions';
import { analyze } from '../../src/core/engine';
import type { Model } from '../../src/core/model';
import { buildOutline, limitOutline, lineOutline, packOutline, unpackOutline, unpackOutlineInSlices, type OutlineNode } from '../../src/core/outline';
import { LineIndex } from '../../src/core/positions';
import { NODES_PER_SLICE } from '../../src/core/slices';
import { buildTree } from '../../src/core/tree';
import { packTree, unpackTree } from '../../src/core/tree-pack';
import type { Diagnostic } from '../../src/core/types';
import { yaml } from './helpers';

const diag = (code: string, data: Record<string, unknown> | undefined, start = 0, severity: Diagnostic['severity'] = 'warning'): Diagnostic =>
  ({ code, severity, message: 'm', span: { start, end: start + 1 }, ...(data ? { data } : {}) }) as Diagnostic;

describe('conflict count: the edges of "one conflict"', () => {
  it('a conflict reported as an error on one side and a warning on the other is an error, whichever side comes first', () => {
    const err = diag('conflict/contradiction', { requirements: ['R1', 'R2'], steps: ['pick'] }, 10, 'error');
    const warn = diag('conflict/contradiction', { requirements: ['R2', 'R1'], steps: ['pick'] }, 90, 'warning');
    assert.deepEqual(countConflicts([err, warn]), { error: 1, warning: 0, total: 1 });
    assert.deepEqual(countConflicts([warn, err]), { error: 1, warning: 0, total: 1 });
    assert.deepEqual(countConflicts([warn, { ...warn, span: { start: 95, end: 96 } }]), { error: 0, warning: 1, total: 1 });
  });

  it('the two sides name the steps in any order and still are one conflict', () => {
    const a = diag('conflict/contradiction', { requirements: ['R1', 'R2'], steps: ['ship', 'pick'] }, 10);
    const b = diag('conflict/contradiction', { requirements: ['R2', 'R1'], steps: ['pick', 'ship', 'pick'] }, 90);
    assert.deepEqual(conflictKeys(a), conflictKeys(b));
    assert.equal(countConflicts([a, b]).total, 1);
  });

  it('different requirements or steps are different conflicts, even when their ids read alike run together', () => {
    // {a, bc} and {ab, c} on the same step; steps {x, y} and {xy} between the same pair
    const pairs = [
      diag('conflict/contradiction', { requirements: ['a', 'bc'], steps: ['s'] }, 10),
      diag('conflict/contradiction', { requirements: ['ab', 'c'], steps: ['s'] }, 20),
    ];
    assert.equal(countConflicts(pairs).total, 2);
    const steps = [
      diag('conflict/removed-step', { requirements: ['R1', 'R2'], steps: ['x', 'y'] }, 10),
      diag('conflict/removed-step', { requirements: ['R1', 'R2'], steps: ['xy'] }, 20),
    ];
    assert.equal(countConflicts(steps).total, 2);
    // each side shown once per entry with its other sides: {a, bc} and {ab, c} again
    const others = [
      diag('conflict/contradiction', { requirements: ['a', 'bc'], others: ['bc'], steps: ['s'] }, 10),
      diag('conflict/contradiction', { requirements: ['ab', 'c'], others: ['c'], steps: ['s'] }, 20),
    ];
    assert.equal(countConflicts(others).total, 2);
  });

  it('a finding naming fewer than two requirements is one conflict per place, even on the same step', () => {
    const burdens = [
      diag('conflict/unagreed-burden', { requirements: ['R1'], steps: ['pick'] }, 20),
      diag('conflict/unagreed-burden', { requirements: ['R1'], steps: ['pick'] }, 40),
      diag('conflict/unagreed-burden', { requirements: ['R1'], steps: ['pick'] }, 20),
    ];
    assert.deepEqual(countConflicts(burdens), { error: 0, warning: 2, total: 2 });
    assert.deepEqual(conflictKeys(burdens[0]), ['conflict/unagreed-burden@20-21']);
  });

  it('a conflict finding without data, or with data that is not lists of ids, is counted by its place without failing', () => {
    const bare = [diag('conflict/contradiction', undefined, 10), diag('conflict/contradiction', undefined, 30), diag('conflict/contradiction', undefined, 10)];
    assert.deepEqual(countConflicts(bare), { error: 0, warning: 2, total: 2 });
    assert.deepEqual(conflictKeys(bare[0]), ['conflict/contradiction@10-11']);
    // entries that are not strings are left out: the same conflict as without them
    const clean = diag('conflict/contradiction', { requirements: ['R1', 'R2'], others: ['R2'], steps: ['pick'] }, 10);
    const noisy = diag('conflict/contradiction', { requirements: ['R1', 7, 'R2'], others: ['R2', null, { id: 'R3' }], steps: ['pick', 3] }, 10);
    assert.deepEqual(conflictKeys(noisy), conflictKeys(clean));
    assert.deepEqual(conflictKeys(noisy), ['conflict/contradiction|R1,R2|pick']);
    assert.deepEqual(countConflicts([clean, noisy]).total, 1);
    // not lists at all
    assert.deepEqual(conflictKeys(diag('conflict/contradiction', { requirements: 'R1,R2', steps: 'pick' }, 5)), ['conflict/contradiction@5-6']);
  });

  it('a diagnostic without a code (a message from outside the typed core) is not a conflict and does not fail', () => {
    const noCode = { severity: 'warning', message: 'm', span: { start: 0, end: 1 } } as unknown as Diagnostic;
    assert.equal(isConflictDiagnostic(noCode), false);
    assert.equal(isConflictDiagnostic({ ...noCode, code: 7 } as unknown as Diagnostic), false);
    assert.deepEqual(countConflicts([noCode]), { error: 0, warning: 0, total: 0 });
  });
});

const STEPS = yaml`
  steps:
    s1: { name: Start, type: start, role: dir, next: e1 }
    e1: { name: End, type: end }
`;
const req = (id: string, fields: string) => `  ${id}: { title: T, from: dir, acceptance: [ok]${fields ? `, ${fields}` : ''} }\n`;

function model(head: string, reqs: string): Model {
  return analyze(`${head}${STEPS}\nrequirements:\n${reqs}`).model;
}
const requirement = (m: Model, id: string) => m.requirements.byId.get(id)!;

describe('recorded decisions: who overrides whom', () => {
  const ROLES = yaml`
    bizflow: 1
    process: { name: P, owner: boss }
    roles:
      boss: { name: 老板 }
      dir: { name: 总监 }
      nameless: {}
  `;

  it('a requirement records each defined other requirement it overrides once, not itself, not an unknown id', () => {
    const m = model(ROLES, req('R1', 'overrides: [R2, R2, R1, NOPE], decidedBy: dir') + req('R2', '') + req('R3', ''));
    assert.deepEqual(decisionsBy(m, requirement(m, 'R1')), [{ winner: 'R1', loser: 'R2', decidedBy: 'dir', decidedByName: '总监' }]);
    assert.deepEqual(decisionsBy(m, requirement(m, 'R2')), []);
  });

  it('decisions against a requirement: the live others that list it, each once; not itself, not those listing something else', () => {
    const m = model(
      ROLES,
      req('R1', 'overrides: [R2, R2, R1]') + req('R2', 'overrides: [R2]') + req('R3', 'overrides: [R1]') + req('R4', 'status: rejected, overrides: [R2]') + req('R5', ''),
    );
    assert.deepEqual(decisionsAgainst(m, requirement(m, 'R2')), [{ winner: 'R1', loser: 'R2', decidedBy: 'boss', decidedByName: '老板', byOwner: true }]);
    assert.deepEqual(decisionsAgainst(m, requirement(m, 'R1')), [{ winner: 'R3', loser: 'R1', decidedBy: 'boss', decidedByName: '老板', byOwner: true }]);
    assert.deepEqual(decisionsAgainst(m, requirement(m, 'R5')), []);
  });

  it('without `decidedBy` and without a process owner (or a process at all) nobody is recorded as deciding', () => {
    for (const head of [ROLES.replace(', owner: boss', ''), ROLES.replace('process: { name: P, owner: boss }\n', '')]) {
      const m = model(head, req('R1', 'overrides: [R2]') + req('R2', ''));
      const [d] = decisionsBy(m, requirement(m, 'R1'));
      assert.deepEqual(d, { winner: 'R1', loser: 'R2' });
      assert.deepEqual(decisionsAgainst(m, requirement(m, 'R2')), [d]);
      assert.equal(decisionSentence(d, 'en'), 'R2 overridden by R1, with nobody recorded as deciding (no `decidedBy`, no process `owner`)');
    }
  });

  it('a deciding role that is not defined, or has no name, is recorded by its id', () => {
    const m = model(ROLES, req('R1', 'overrides: [R2], decidedBy: ghost') + req('R2', '') + req('R3', 'overrides: [R2], decidedBy: nameless'));
    const ghost = decisionsBy(m, requirement(m, 'R1'));
    assert.deepEqual(ghost, [{ winner: 'R1', loser: 'R2', decidedBy: 'ghost' }]);
    assert.equal(decisionSentence(ghost[0], 'en'), 'R2 overridden by R1, decided by ghost');
    assert.equal(decisionSentence(ghost[0], 'zh-CN'), 'R2 已被 R1 覆盖，由 ghost 决定');
    assert.deepEqual(decisionsBy(m, requirement(m, 'R3')), [{ winner: 'R3', loser: 'R2', decidedBy: 'nameless' }]);
    // an owner that is not a defined role
    const o = model(ROLES.replace('owner: boss', 'owner: nobody'), req('R1', 'overrides: [R2]') + req('R2', ''));
    assert.deepEqual(decisionsBy(o, requirement(o, 'R1')), [{ winner: 'R1', loser: 'R2', decidedBy: 'nobody', byOwner: true }]);
  });

  it('in Chinese, spaces only on the sides of the role name where it has Latin letters, digits or code', () => {
    const d = (name: string, byOwner = false) => ({ winner: 'R1', loser: 'R2', decidedBy: 'x', decidedByName: name, ...(byOwner ? { byOwner } : {}) });
    assert.equal(decisionSentence(d('总监'), 'zh-CN'), 'R2 已被 R1 覆盖，由总监决定');
    assert.equal(decisionSentence(d('Director'), 'zh-CN'), 'R2 已被 R1 覆盖，由 Director 决定');
    assert.equal(decisionSentence(d('IT部门'), 'zh-CN'), 'R2 已被 R1 覆盖，由 IT部门决定');
    assert.equal(decisionSentence(d('运维2'), 'zh-CN'), 'R2 已被 R1 覆盖，由运维2 决定');
    assert.equal(decisionSentence(d('总监 A1', true), 'zh-CN'), 'R2 已被 R1 覆盖，由流程负责人总监 A1 决定（未写 `decidedBy`）');
    assert.equal(decisionSentence(d('销售经理', true), 'zh-CN'), 'R2 已被 R1 覆盖，由流程负责人销售经理决定（未写 `decidedBy`）');
    // Markdown code as the caller writes the role
    assert.equal(decisionSentence(d('总监'), 'zh-CN', (x) => x, () => '总监 `dir`'), 'R2 已被 R1 覆盖，由总监 `dir` 决定');
    assert.equal(decisionSentence(d('Director'), 'en'), 'R2 overridden by R1, decided by Director');
  });
});

describe('outline: sections without items, items without names', () => {
  it('a section key with no items is a section of its own, spanning its key, with no detail', () => {
    const text = 'bizflow: 1\nprocess: { name: P }\nroles: {}\ndata:\nsteps:\n  s: { type: start }\n';
    const nodes = buildOutline(analyze(text).model);
    const key = (k: string) => ({ start: text.indexOf(`${k}:`), end: text.indexOf(`${k}:`) + k.length });
    assert.deepEqual(
      nodes.map((n) => ({ ...n, children: n.children.length })),
      [
        { kind: 'section', section: 'roles', name: 'roles', detail: '', span: key('roles'), selection: key('roles'), children: 0 },
        { kind: 'section', section: 'data', name: 'data', detail: '', span: key('data'), selection: key('data'), children: 0 },
        { kind: 'section', section: 'steps', name: 'steps', detail: '', span: { start: key('steps').start, end: text.length - 1 }, selection: key('steps'), children: 1 },
      ],
    );
  });

  it('an item without a name or title has an empty detail', () => {
    const text = 'bizflow: 1\nroles:\n  sales: {}\nsteps:\n  s: { type: start }\nrequirements:\n  R1: { from: sales }\n';
    const nodes = buildOutline(analyze(text).model);
    assert.deepEqual(
      nodes.map((n) => n.children.map((c) => [c.name, c.detail])),
      [[['sales', '']], [['s', '']], [['R1', '']]],
    );
  });

  it('lines given as a line index give the same ranges as the text', () => {
    const text = 'bizflow: 1\nroles:\n  sales: { name: S }\nsteps:\n  s:\n    type: start\n    attributes: { mode: manual }\n';
    const nodes = buildOutline(analyze(text).model);
    const lined = lineOutline(new LineIndex(text), nodes);
    assert.deepEqual(lined, lineOutline(text, nodes));
    assert.deepEqual(lined[1].children[0].children[0].range, [6, 18, 6, 30]);
  });
});

describe('outline unpacked in slices: how often it pauses', () => {
  // one section with n - 1 items: n nodes, two levels
  const flat = (n: number): OutlineNode[] => {
    const node = (name: string, children: OutlineNode[] = []): OutlineNode => ({ kind: 'step', section: 'steps', name, detail: '', span: { start: 0, end: 0 }, selection: { start: 0, end: 0 }, children });
    return [node('steps', Array.from({ length: n - 1 }, (_, i) => node(`s${i}`)))];
  };
  const run = (nodes: OutlineNode[], max: number) => {
    const work = unpackOutlineInSlices(packOutline('', nodes), max);
    let pauses = 0;
    let step = work.next();
    while (!step.done) {
      pauses++;
      step = work.next();
    }
    const count = (ns: readonly { children: readonly unknown[] }[]): number => ns.reduce((k, x) => k + 1 + count(x.children as { children: readonly unknown[] }[]), 0);
    return { pauses, made: count(step.value) };
  };
  // reading a node's subtree size costs far less than making a node: 16 × NODES_PER_SLICE of them per pause
  const READ_PER_PAUSE = 16 * NODES_PER_SLICE;
  const N = 9001;

  it('reading alone (nothing kept) pauses once per 16 × NODES_PER_SLICE nodes read: short slices, not one per node', () => {
    for (const n of [READ_PER_PAUSE - 1, READ_PER_PAUSE, N]) {
      const { pauses, made } = run(flat(n), 0);
      assert.equal(made, 0);
      assert.ok(pauses >= Math.floor(n / READ_PER_PAUSE) && pauses <= Math.ceil(n / READ_PER_PAUSE), `${pauses} pauses reading ${n} nodes`);
    }
  });

  it('making every node pauses about once per NODES_PER_SLICE nodes made, not after each', () => {
    const { pauses, made } = run(flat(N), Infinity);
    assert.equal(made, N);
    const levels = 2;
    const most = Math.ceil(N / READ_PER_PAUSE) + Math.ceil(made / NODES_PER_SLICE) + levels;
    assert.ok(pauses >= Math.floor(made / NODES_PER_SLICE) && pauses <= most, `${pauses} pauses making ${made} nodes (at most ${most})`);
  });

  it('keeping only the top-level entries pauses no more than reading alone: no pause for a level that makes nothing', () => {
    const node = (name: string, children: OutlineNode[] = []): OutlineNode => ({ kind: 'role', section: 'roles', name, detail: '', span: { start: 0, end: 0 }, selection: { start: 0, end: 0 }, children });
    const nodes = [node('a', [node('a1'), node('a2')]), node('b', [node('b1', [node('b11')])]), node('c')];
    const reading = run(nodes, 0).pauses;
    assert.deepEqual(run(nodes, 3), { pauses: reading, made: 3 });
    assert.deepEqual(run(flat(N), 1), { pauses: run(flat(N), 0).pauses, made: 1 });
  });
});

describe('packed trees', () => {
  it('the same packed trees can be unpacked more than once, each time equal to the trees as built', () => {
    const text = yaml`
      bizflow: 1
      process: { name: P, owner: dir }
      roles:
        dir: { name: 总监 }
        ops: { name: Ops }
      steps:
        s1: { name: Start, type: start, role: dir, next: s2 }
        s2: { name: Work, role: ops, next: e1 }
        e1: { name: End, type: end }
      requirements:
        R1: { title: A, from: dir, acceptance: [ok], removes: [s2] }
    `;
    const r = analyze(text);
    const tree = buildTree(r.model, r.diagnostics);
    const packed = packTree(tree);
    const first = unpackTree(packed);
    assert.deepEqual(first, tree);
    const second = unpackTree(packed);
    assert.deepEqual(second, tree);
    assert.deepEqual(first.roles[1].children, tree.roles[1].children);
    assert.ok(tree.roles[1].children.length > 0);
  });
});

describe('outline limited to a negative number of entries', () => {
  it('keeps none, packed or not (it kept all roots but the last ones: `slice` counted from the end)', () => {
    const node = (name: string, children: OutlineNode[] = []): OutlineNode => ({ kind: 'role', section: 'roles', name, detail: '', span: { start: 0, end: 1 }, selection: { start: 0, end: 1 }, children });
    const nodes = [node('a', [node('a1'), node('a2')]), node('b', [node('b1')]), node('c')];
    for (const max of [-1, -2, -3, 0]) {
      assert.deepEqual(limitOutline(nodes, max), [], String(max));
      assert.deepEqual(unpackOutline(packOutline('x', nodes), max), [], String(max));
    }
    assert.deepEqual(limitOutline(nodes, 2).map((n) => [n.name, n.children.length]), [['a', 0], ['b', 0]]);
  });
});
