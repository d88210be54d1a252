import { strict as assert } from 'assert';
import { conflictOverlays, highlightOverlays, mergeOverlays, overlaysOf } from '../../src/shared/preview-overlays';
import type { HighlightMessage, PreviewStep, RenderModel } from '../../src/shared/protocol';

const step = (id: string, extra: Partial<PreviewStep> = {}): PreviewStep => ({ id, label: id, kind: 'task', nodeId: `n_${id}`, conflictCount: 0, ...extra });

const model: RenderModel = {
  title: 't',
  mermaid: 'flowchart LR',
  steps: [
    step('a', { role: 'sales' }),
    step('b', { role: 'ops', conflict: 'error', conflictCount: 2 }),
    step('c', { role: 'ops', conflict: 'warning', conflictCount: 1 }),
    step('d', { conflict: 'warning', conflictCount: 0 }),
  ],
  lanes: [
    { roleId: 'sales', laneId: 'lane0', label: 'Sales', conflict: false },
    { roleId: 'ops', laneId: 'lane1', label: 'Ops', conflict: true },
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
      { target: { kind: 'step', id: 'b' }, classes: ['conflictError'], badge: { kind: 'error', count: 2 } },
      { target: { kind: 'step', id: 'c' }, classes: ['conflictWarning'], badge: { kind: 'warning', count: 1 } },
      { target: { kind: 'step', id: 'd' }, classes: ['conflictWarning'] },
    ]);
    assert.deepStrictEqual(conflictOverlays({ ...model, steps: [step('a')] }), []);
  });

  it('highlights the steps under the cursor, dims the others, marks the lanes and the diagram', () => {
    assert.deepStrictEqual(highlightOverlays(model, undefined), []);
    assert.deepStrictEqual(highlightOverlays(model, hl([])), [], 'an empty highlight dims nothing');
    const o = highlightOverlays(model, hl(['b', 'c'], ['ops'], 'b'));
    assert.deepStrictEqual(o, [
      { target: { kind: 'step', id: 'a' }, classes: ['bf-dim'] },
      { target: { kind: 'step', id: 'b' }, classes: ['bf-hl', 'bf-hl-primary'] },
      { target: { kind: 'step', id: 'c' }, classes: ['bf-hl'] },
      { target: { kind: 'step', id: 'd' }, classes: ['bf-dim'] },
      { target: { kind: 'lane', id: 'ops' }, classes: ['bf-lane-hl'] },
      { target: { kind: 'diagram' }, classes: ['bf-has-hl'] },
    ]);
    // a lane alone (a role's line): the lane, no step dimmed
    assert.deepStrictEqual(highlightOverlays(model, hl([], ['sales'])), [{ target: { kind: 'lane', id: 'sales' }, classes: ['bf-lane-hl'] }]);
    // unknown ids highlight nothing
    assert.deepStrictEqual(
      highlightOverlays(model, hl(['zz'], ['zz'])).filter((x) => !x.classes.includes('bf-dim')),
      [{ target: { kind: 'diagram' }, classes: ['bf-has-hl'] }],
    );
  });

  it('merges the overlays of one target: the union of the classes, the last badge', () => {
    const merged = mergeOverlays(overlaysOf(model, hl(['b'], [], 'b')));
    assert.deepStrictEqual([...merged.get('step:b')!.classes], ['conflictError', 'bf-hl', 'bf-hl-primary']);
    assert.deepStrictEqual(merged.get('step:b')!.badge, { kind: 'error', count: 2 });
    assert.deepStrictEqual([...merged.get('step:c')!.classes], ['conflictWarning', 'bf-dim']);
    assert.strictEqual(merged.get('step:a')!.badge, undefined);
    const two = mergeOverlays([
      { target: { kind: 'step', id: 'x' }, classes: ['p'], badge: { kind: 'warning', count: 1 } },
      { target: { kind: 'step', id: 'x' }, classes: ['p', 'q'], badge: { kind: 'error', count: 3 } },
      { target: { kind: 'lane', id: 'x' }, classes: ['r'] },
    ]);
    assert.strictEqual(two.size, 2, 'a step and a lane with the same id are different targets');
    assert.deepStrictEqual([...two.get('step:x')!.classes], ['p', 'q']);
    assert.deepStrictEqual(two.get('step:x')!.badge, { kind: 'error', count: 3 });
  });
});
