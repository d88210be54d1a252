import { strict as assert } from 'assert';
import {
  conflictOverlays,
  decidedOverlays,
  highlightOverlays,
  isProblemCode,
  mergeOverlays,
  overlaysOf,
  problemOverlays,
} from '../../src/shared/preview-overlays';
import type { HighlightMessage, PreviewStep, RenderModel } from '../../src/shared/protocol';
import { analyze } from '../../src/core';
import { countConflicts } from '../../src/core/conflict-count';
import { LineIndex } from '../../src/core/positions';
import { buildRenderModel } from '../../src/shared/preview-render';

const step = (id: string, extra: Partial<PreviewStep> = {}): PreviewStep => ({ id, label: id, kind: 'task', nodeId: `n_${id}`, conflictCount: 0, ...extra });

const model: RenderModel = {
  title: 't',
  mermaid: 'flowchart LR',
  steps: [
    step('a', { role: 'sales' }),
    step('b', { role: 'ops', conflict: 'error', conflictCount: 2 }),
    step('c', { role: 'ops', conflict: 'warning', conflictCount: 1 }),
    step('d', { conflict: 'warning', conflictCount: 0 }),
    step('e', { role: 'ops', decided: 1 }),
    step('f', { problem: { level: 'error', count: 1 } }),
  ],
  lanes: [
    { roleId: 'sales', laneId: 'lane0', label: 'Sales', conflict: false },
    { roleId: 'ops', laneId: 'lane1', label: 'Ops', conflict: true },
    { roleId: '', laneId: 'unassigned', label: 'unassigned', conflict: false, unassigned: true },
  ],
  roles: [],
  onlyConflictLanes: false,
  conflictCounts: { error: 1, warning: 1 },
  problems: [],
  notices: [],
};

const hl = (steps: string[], lanes: string[] = [], primary?: string): HighlightMessage => ({ type: 'highlight', uri: 'u', version: 1, steps, lanes, ...(primary ? { primary } : {}) });

describe('preview overlays', () => {
  it('marks each conflicting step with its class and a badge with its count (none without a count)', () => {
    assert.deepStrictEqual(conflictOverlays(model), [
      { target: { kind: 'step', id: 'b' }, classes: ['conflictError'], badges: [{ kind: 'error', slot: 'conflict', text: '2' }] },
      { target: { kind: 'step', id: 'c' }, classes: ['conflictWarning'], badges: [{ kind: 'warning', slot: 'conflict', text: '1' }] },
      { target: { kind: 'step', id: 'd' }, classes: ['conflictWarning'] },
    ]);
    assert.deepStrictEqual(conflictOverlays({ ...model, steps: [step('a')] }), []);
  });

  it('draws decided conflicts as decided, and not where an open conflict remains', () => {
    assert.deepStrictEqual(decidedOverlays(model), [{ target: { kind: 'step', id: 'e' }, classes: ['bf-decided'] }]);
    assert.deepStrictEqual(decidedOverlays({ ...model, steps: [step('x', { decided: 2, conflict: 'error', conflictCount: 1 })] }), []);
    assert.deepStrictEqual(decidedOverlays({ ...model, steps: [step('x', { decided: 0 })] }), []);
  });

  it('puts a problem badge and class on a step with a problem, at its level', () => {
    assert.deepStrictEqual(problemOverlays(model), [
      { target: { kind: 'step', id: 'f' }, classes: ['bf-problem-error'], badges: [{ kind: 'error', slot: 'problem', text: '!' }] },
    ]);
    assert.deepStrictEqual(problemOverlays({ ...model, steps: [step('x', { problem: { level: 'warning', count: 2 } })] }), [
      { target: { kind: 'step', id: 'x' }, classes: ['bf-problem-warning'], badges: [{ kind: 'warning', slot: 'problem', text: '!' }] },
    ]);
    assert.deepStrictEqual(problemOverlays({ ...model, steps: [step('x', { problem: { level: 'warning', count: 0 } })] }), []);
    for (const c of ['ref/unknown-role', 'flow/dead-end', 'flow/unreachable']) assert.ok(isProblemCode(c), c);
    for (const c of ['conflict/contradiction', 'yaml/syntax', 'data/unused', 'req/untraced']) assert.ok(!isProblemCode(c), c);
  });

  it('highlights the steps under the cursor and dims only the steps that carry nothing else', () => {
    assert.deepStrictEqual(highlightOverlays(model, undefined), []);
    assert.deepStrictEqual(highlightOverlays(model, hl([])), [], 'an empty highlight dims nothing');
    const o = highlightOverlays(model, hl(['a'], ['ops'], 'a'));
    assert.deepStrictEqual(o, [
      { target: { kind: 'step', id: 'a' }, classes: ['bf-hl', 'bf-hl-primary'] },
      { target: { kind: 'lane', id: 'ops' }, classes: ['bf-lane-hl'] },
      { target: { kind: 'diagram' }, classes: ['bf-has-hl'] },
    ], 'conflicts, decisions and problems are never dimmed');
    const plain: RenderModel = { ...model, steps: [step('a'), step('b'), step('c', { conflict: 'warning', conflictCount: 1 })] };
    assert.deepStrictEqual(highlightOverlays(plain, hl(['a'])), [
      { target: { kind: 'step', id: 'a' }, classes: ['bf-hl'] },
      { target: { kind: 'step', id: 'b' }, classes: ['bf-dim'] },
      { target: { kind: 'diagram' }, classes: ['bf-has-hl'] },
    ]);
    // a lane alone (a role's line): the lane, no step dimmed
    assert.deepStrictEqual(highlightOverlays(model, hl([], ['sales'])), [{ target: { kind: 'lane', id: 'sales' }, classes: ['bf-lane-hl'] }]);
    // highlighted steps that are not drawn (a role view): nothing is dimmed
    assert.deepStrictEqual(highlightOverlays(plain, hl(['zz'], ['zz'])), []);
  });

  it('selection keeps the conflict classes and badges: merged, the union of the classes, one badge per slot', () => {
    const merged = mergeOverlays(overlaysOf(model, hl(['b'], [], 'b')));
    assert.deepStrictEqual([...merged.get('step:b')!.classes], ['conflictError', 'bf-hl', 'bf-hl-primary']);
    assert.deepStrictEqual(merged.get('step:b')!.badges.get('conflict'), { kind: 'error', slot: 'conflict', text: '2' });
    assert.deepStrictEqual([...merged.get('step:c')!.classes], ['conflictWarning'], 'not dimmed');
    assert.deepStrictEqual([...merged.get('step:a')!.classes], ['bf-dim']);
    assert.strictEqual(merged.get('step:a')!.badges.size, 0);
    const two = mergeOverlays([
      { target: { kind: 'step', id: 'x' }, classes: ['p'], badges: [{ kind: 'warning', slot: 'conflict', text: '1' }] },
      { target: { kind: 'step', id: 'x' }, classes: ['p', 'q'], badges: [{ kind: 'error', slot: 'conflict', text: '3' }, { kind: 'warning', slot: 'problem', text: '!' }] },
      { target: { kind: 'lane', id: 'x' }, classes: ['r'] },
    ]);
    assert.strictEqual(two.size, 2, 'a step and a lane with the same id are different targets');
    assert.deepStrictEqual([...two.get('step:x')!.classes], ['p', 'q']);
    assert.deepStrictEqual(two.get('step:x')!.badges.get('conflict'), { kind: 'error', slot: 'conflict', text: '3' });
    assert.deepStrictEqual(two.get('step:x')!.badges.get('problem'), { kind: 'warning', slot: 'problem', text: '!' });
  });
});

describe('preview render model: problems, decisions, conflict count', () => {
  const file = `bizflow: 1
process:
  id: orders
  name: Orders
  owner: boss
roles:
  sales:
    name: Sales
  ops:
    name: Ops
  boss:
    name: Director
steps:
  s:
    type: start
    role: sales
    next: a
  a:
    name: Take order
    role: sales
    attributes:
      sla: 2h
    next: b
  b:
    name: Ship
    role: opz
    attributes:
      sla: 3d
    next: e
  lost:
    name: Lost step
    role: ops
    next: e
  stuck:
    name: Stuck
    role: ops
  e:
    type: end
requirements:
  R1:
    from: sales
    priority: must
    sets:
      a.sla: 1h
  R2:
    from: ops
    priority: must
    sets:
      a.sla: 4h
  R3:
    from: sales
    priority: must
    overrides: [R4]
    decidedBy: boss
    sets:
      b.sla: 1d
  R4:
    from: ops
    priority: should
    sets:
      b.sla: 2d
`;
  /** Built in each test: Stryker runs the tests again for every mutant, in the same process. */
  const build = () => {
    const a = analyze(file);
    const m = buildRenderModel(a, new LineIndex(file), { fileName: 'orders.bizflow.yaml' });
    return { a, m, byId: new Map(m.steps.map((s) => [s.id, s])) };
  };

  it('badges the step with an unknown role, the unreachable step and the dead end, not the clean ones', () => {
    const { a, byId } = build();
    const codes = a.diagnostics.map((d) => d.code);
    for (const c of ['ref/unknown-role', 'flow/unreachable', 'flow/dead-end']) assert.ok(codes.includes(c), `${c} in ${codes.join(' ')}`);
    assert.ok(byId.get('b')!.problem, 'unknown role');
    assert.ok(byId.get('lost')!.problem, 'unreachable');
    assert.ok(byId.get('stuck')!.problem, 'dead end');
    assert.strictEqual(byId.get('a')!.problem, undefined);
    assert.strictEqual(byId.get('s')!.problem, undefined);
  });

  it('draws the decided pair as decided and counts conflicts with the core definition', () => {
    const { a, m, byId } = build();
    assert.strictEqual(byId.get('b')!.decided, 1);
    assert.strictEqual(byId.get('b')!.conflict, undefined, 'R3 overrides R4: no open conflict');
    assert.strictEqual(byId.get('a')!.conflict, 'error');
    assert.strictEqual(byId.get('a')!.decided, undefined);
    // R1 ↔ R2 on a.sla is one conflict (reported on both sides); R2's burden on sales' lane another
    assert.deepStrictEqual(m.conflictCounts, { error: 1, warning: 1 });
    const core = countConflicts(a.diagnostics);
    assert.deepStrictEqual(m.conflictCounts, { error: core.error, warning: core.warning });
    assert.strictEqual(m.decidedCount, 1);
  });

  it("words the decided conflict of a step for its tooltip, in the locale, with the role's display name (issue 11 item 6)", () => {
    const { a, byId } = build();
    assert.deepStrictEqual(byId.get('b')!.decisions, ['R4 overridden by R3, decided by Director']);
    assert.strictEqual(byId.get('a')!.decisions, undefined, 'an open conflict is no decision');
    const zh = buildRenderModel(a, new LineIndex(file), { fileName: 'orders.bizflow.yaml', locale: 'zh-CN' });
    assert.deepStrictEqual(zh.steps.find((s) => s.id === 'b')!.decisions, ['R4 已被 R3 覆盖，由 Director 决定']);
    // without `decidedBy`, the process owner decides, and the sentence says so
    const byOwner = file.replace('    decidedBy: boss\n', '');
    const o = buildRenderModel(analyze(byOwner), new LineIndex(byOwner), { fileName: 'orders.bizflow.yaml' });
    assert.deepStrictEqual(o.steps.find((s) => s.id === 'b')!.decisions, ['R4 overridden by R3, decided by the process owner, Director (no decidedBy)']);
  });

  it('puts the step with an unknown role in the labelled unassigned band, in the locale', () => {
    const { a, m } = build();
    const un = m.lanes.find((l) => l.unassigned)!;
    assert.deepStrictEqual([un.laneId, un.label], ['unassigned', 'unassigned']);
    assert.match(m.mermaid, /subgraph unassigned\["unassigned"\]/);
    const zh = buildRenderModel(a, new LineIndex(file), { fileName: 'orders.bizflow.yaml', locale: 'zh-CN', direction: 'TB' });
    assert.strictEqual(zh.lanes.find((l) => l.unassigned)!.label, '未分配');
    assert.match(zh.mermaid, /subgraph unassigned\["未分配"\]/);
    assert.match(zh.mermaid, /^flowchart TB$/m);
    assert.match(m.mermaid, /^flowchart LR$/m);
  });
});
