import { strict as assert } from 'assert';
import { isFromWebview, isPreviewState, isToWebview } from '../../src/shared/protocol';

const stamp = { uri: 'file:///a.bizflow.yaml', version: 3 };

describe('preview protocol', () => {
  it('accepts every well-formed message from the webview', () => {
    const good = [
      { type: 'ready', ...stamp, version: -1 },
      { type: 'rendered', ...stamp, report: { seq: 1, status: 'ok' } },
      { type: 'openStep', ...stamp, stepId: 'pick' },
      { type: 'setRole', ...stamp, role: 'sales' },
      { type: 'setRole', ...stamp },
      { type: 'setOnlyConflictLanes', ...stamp, value: true },
      { type: 'exported', ...stamp, requestId: 1, format: 'svg', data: '<svg/>' },
      { type: 'exported', ...stamp, requestId: 1, format: 'png', error: 'no canvas' },
      { type: 'runCommand', ...stamp, command: 'exportPng' },
      { type: 'probeResult', ...stamp, requestId: 2, ok: true },
      { type: 'getWithoutLanes', ...stamp, requestId: 3, seq: 7 },
      { type: 'getStepDetails', ...stamp, requestId: 4, seq: 7, stepId: 'pick' },
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
      { type: 'exported', ...stamp, requestId: 1, format: 'gif', data: '' },
      { type: 'runCommand', ...stamp, command: 'workbench.action.terminal.new' },
      { type: 'rendered', ...stamp, report: null },
      { type: 'probeResult', ...stamp, requestId: '1', ok: true },
      { type: 'getWithoutLanes', ...stamp, requestId: 3 },
      { type: 'getWithoutLanes', ...stamp, requestId: 3, seq: -1 },
      { type: 'getWithoutLanes', ...stamp, requestId: 3.5, seq: 1 },
      { type: 'getStepDetails', ...stamp, requestId: 4, seq: 7 },
      { type: 'getStepDetails', ...stamp, requestId: 4, seq: 7, stepId: '' },
      { type: 'getStepDetails', ...stamp, requestId: 4, seq: 7, stepId: 'x'.repeat(2000) },
      { type: 'getStepDetails', ...stamp, requestId: 4, seq: '7', stepId: 'pick' },
    ];
    for (const m of bad) assert.ok(!isFromWebview(m), JSON.stringify(m));
  });

  it('validates messages to the webview', () => {
    assert.ok(isToWebview({ type: 'render', ...stamp, seq: 1, model: { mermaid: '', steps: [] }, fit: true, locked: false }));
    assert.ok(isToWebview({ type: 'highlight', ...stamp, steps: [], lanes: [] }));
    assert.ok(isToWebview({ type: 'lock', ...stamp, locked: true }));
    assert.ok(isToWebview({ type: 'export', ...stamp, requestId: 1, format: 'png', scale: 2 }));
    assert.ok(isToWebview({ type: 'view', ...stamp, action: 'fit' }));
    assert.ok(isToWebview({ type: 'probe', ...stamp, requestId: 1, action: 'click', stepId: 'a' }));
    assert.ok(isToWebview({ type: 'withoutLanes', ...stamp, requestId: 1, seq: 2, text: 'flowchart LR' }));
    assert.ok(isToWebview({ type: 'withoutLanes', ...stamp, requestId: 1, seq: 2 }));
    assert.ok(isToWebview({ type: 'stepDetails', ...stamp, requestId: 1, seq: 2, stepId: 'a', diagnostics: [] }));
    assert.ok(!isToWebview({ type: 'withoutLanes', ...stamp, requestId: 1, seq: 2, text: 5 }));
    assert.ok(!isToWebview({ type: 'stepDetails', ...stamp, requestId: 1, seq: 2, stepId: 'a' }));
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
});
