import { strict as assert } from 'assert';
import { isFromWebview, isPreviewState, isToWebview } from '../../src/shared/protocol';

const stamp = { uri: 'file:///a.bizflow.yaml', version: 3 };

describe('preview protocol', () => {
  it('accepts every well-formed message from the webview', () => {
    const good = [
      { type: 'ready', ...stamp, version: -1 },
      { type: 'rendered', ...stamp, outcome: { seq: 1, status: 'ok' } },
      { type: 'rendered', ...stamp, outcome: { seq: 1, status: 'error', error: 'Parse error' } },
      { type: 'openStep', ...stamp, stepId: 'pick' },
      { type: 'setRole', ...stamp, role: 'sales' },
      { type: 'setRole', ...stamp },
      { type: 'setOnlyConflictLanes', ...stamp, value: true },
      { type: 'runCommand', ...stamp, command: 'exportPng' },
      { type: 'response', id: 1, result: { data: '<svg/>' } },
      { type: 'response', id: 1, error: 'no canvas' },
      { type: 'request', id: 4, method: 'getStepDetails', params: { ...stamp, seq: 7, stepId: 'pick' } },
    ];
    for (const m of good) assert.ok(isFromWebview(m), JSON.stringify(m));
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'pwned', ...stamp },
      { type: 'ready' },
      { type: 'ready', uri: 1, version: 1 },
      { type: 'ready', uri: 'x', version: NaN },
      { type: 'openStep', ...stamp },
      { type: 'openStep', ...stamp, stepId: '' },
      { type: 'openStep', ...stamp, stepId: 'x'.repeat(2000) },
      { type: 'setRole', ...stamp, role: 5 },
      { type: 'setOnlyConflictLanes', ...stamp, value: 'yes' },
      { type: 'runCommand', ...stamp, command: 'workbench.action.terminal.new' },
      { type: 'rendered', ...stamp, report: { seq: 1, status: 'ok' } },
      { type: 'rendered', ...stamp, outcome: null },
      { type: 'rendered', ...stamp, outcome: { seq: 1, status: 'pwned' } },
      { type: 'rendered', ...stamp, outcome: { seq: -1, status: 'ok' } },
      { type: 'response', id: '1', result: {} },
      { type: 'response', id: 1, error: 5 },
      { type: 'request', id: 3, method: 'getWithoutLanes', params: { ...stamp, seq: 7 } },
      { type: 'request', id: 3, method: 'getStepDetails', params: { ...stamp, seq: -1, stepId: 'pick' } },
      { type: 'request', id: 3.5, method: 'getStepDetails', params: { ...stamp, seq: 1, stepId: 'pick' } },
      { type: 'request', id: 3, method: 'getStepDetails' },
      { type: 'request', id: 4, method: 'getStepDetails', params: { ...stamp, seq: 7 } },
      { type: 'request', id: 4, method: 'getStepDetails', params: { ...stamp, seq: 7, stepId: '' } },
      { type: 'request', id: 4, method: 'getStepDetails', params: { ...stamp, seq: 7, stepId: 'x'.repeat(2000) } },
      { type: 'request', id: 4, method: 'getStepDetails', params: { ...stamp, seq: '7', stepId: 'pick' } },
      // requests the webview may not make: those of the extension, and anything else
      { type: 'request', id: 5, method: 'export', params: { format: 'svg', scale: 1 } },
      { type: 'request', id: 5, method: 'inspect', params: {} },
      { type: 'request', id: 5, method: 'constructor', params: {} },
      { type: 'request', id: 5, method: '__proto__', params: {} },
    ];
    for (const m of bad) assert.ok(!isFromWebview(m), JSON.stringify(m));
  });

  it('validates messages to the webview', () => {
    assert.ok(isToWebview({ type: 'render', ...stamp, seq: 1, model: { mermaid: '', steps: [] }, fit: true, locked: false }));
    assert.ok(isToWebview({ type: 'highlight', ...stamp, steps: [], lanes: [] }));
    assert.ok(isToWebview({ type: 'lock', ...stamp, locked: true }));
    assert.ok(isToWebview({ type: 'view', ...stamp, action: 'fit' }));
    assert.ok(isToWebview({ type: 'request', id: 1, method: 'export', params: { format: 'png', scale: 2 } }));
    assert.ok(isToWebview({ type: 'request', id: 1, method: 'inspect', params: {} }));
    assert.ok(isToWebview({ type: 'request', id: 1, method: 'simulate', params: { gesture: 'click', stepId: 'a' } }));
    assert.ok(isToWebview({ type: 'response', id: 1, result: { text: 'flowchart LR' } }));
    assert.ok(isToWebview({ type: 'response', id: 1, result: { diagnostics: [] } }));
    assert.ok(!isToWebview({ type: 'request', id: 1, method: 'export', params: { format: 'gif', scale: 2 } }));
    assert.ok(!isToWebview({ type: 'request', id: 1, method: 'simulate', params: { gesture: 'drag', stepId: 'a' } }));
    assert.ok(!isToWebview({ type: 'request', id: 1, method: 'getStepDetails', params: { ...stamp, seq: 1, stepId: 'a' } }));
    assert.ok(!isToWebview({ type: 'export', ...stamp, requestId: 1, format: 'png', scale: 2 }));
    assert.ok(!isToWebview({ type: 'render', ...stamp, seq: 1 }));
    assert.ok(!isToWebview({ type: 'view', ...stamp, action: 'explode' }));
    assert.ok(!isToWebview({ type: 'eval', ...stamp }));
  });

  it('validates the state the serializer restores', () => {
    assert.ok(isPreviewState({ uri: 'file:///a', locked: false }));
    assert.ok(isPreviewState({ uri: 'file:///a', locked: true, role: 'sales', onlyConflictLanes: true, view: { scale: 1, x: 0, y: 0 } }));
    assert.ok(!isPreviewState(undefined));
    assert.ok(!isPreviewState({ uri: '', locked: false }));
    assert.ok(!isPreviewState({ uri: 'file:///a' }));
    assert.ok(!isPreviewState({ uri: 'file:///a', locked: false, view: { scale: 'big', x: 0, y: 0 } }));
    assert.ok(!isPreviewState({ uri: 'file:///a', locked: false, view: { scale: Infinity, x: 0, y: 0 } }));
  });

  it('validates a kept view and diff (its source and name, never its text)', () => {
    const base = { uri: 'file:///a', locked: false };
    for (const mode of ['written', 'today', 'after', 'diff']) assert.ok(isPreviewState({ ...base, mode }), mode);
    assert.ok(!isPreviewState({ ...base, mode: 'before' }));
    const git = { source: { kind: 'git', revision: 'HEAD~1', path: 'flows/order.bizflow.yaml' }, label: 'HEAD~1:flows/order.bizflow.yaml' };
    const file = { source: { kind: 'file', uri: 'file:///old.bizflow.yaml' }, label: 'old.bizflow.yaml' };
    assert.ok(isPreviewState({ ...base, mode: 'diff', diff: git }));
    assert.ok(isPreviewState({ ...base, mode: 'written', diff: file }));
    for (const bad of [
      { ...git, label: '' },
      { ...git, label: 3 },
      { source: { kind: 'git', revision: '', path: 'a' }, label: 'x' },
      { source: { kind: 'git', revision: 'HEAD' }, label: 'x' },
      { source: { kind: 'file' }, label: 'x' },
      { source: { kind: 'file', uri: 'x'.repeat(5000) }, label: 'x' },
      { source: { kind: 'svn', uri: 'a' }, label: 'x' },
      { source: 'file:///old', label: 'x' },
      { label: 'x' },
      'HEAD:a',
    ]) {
      assert.ok(!isPreviewState({ ...base, diff: bad }), JSON.stringify(bad).slice(0, 80));
    }
  });
});
