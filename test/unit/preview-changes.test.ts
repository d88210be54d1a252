/**
 * The preview's "After the requirements" and diff views as overlays
 * (src/shared/preview-overlays.ts `changeOverlays`) on the render model
 * (src/shared/preview-render.ts): the exact classes and badges per step on
 * the examples and on small processes, both directions (what changes is
 * marked, what does not is not), the role view's lane and its "what changes
 * for you" line, and the Mermaid text the picture is drawn from.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import { LineIndex } from '../../src/core/positions';
import { diffView } from '../../src/core/review/diff-view';
import { buildRenderModel, type RenderOptions } from '../../src/shared/preview-render';
import { changeOverlays, mergeOverlays, overlaysOf } from '../../src/shared/preview-overlays';
import type { RenderModel } from '../../src/shared/protocol';
import { smallProcess } from '../support/small-process';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../../examples/order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.resolve(__dirname, '../../examples/procure-to-pay.bizflow.yaml'), 'utf8');

function render(text: string, options: Partial<RenderOptions> = {}): RenderModel {
  return buildRenderModel(analyze(text), new LineIndex(text), { fileName: 'f.bizflow.yaml', ...options });
}

/** Step id → its change classes and badge text, from the overlay model. */
function marks(model: RenderModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of mergeOverlays(changeOverlays(model)).values()) {
    if (m.target.kind !== 'step') continue;
    out[m.target.id] = [...m.classes].join(' ') + ' ' + [...m.badges.values()].map((b) => `${b.slot}:${b.kind}:${b.text}`).join(' ');
  }
  return out;
}

/** Sales removes the warehouse check; finance (optionally) still names it. */
function small(extra = ''): string {
  return smallProcess({ billAttributes: '{ terms: 30d }', extra });
}

describe('preview: the "After the requirements" view (overlays)', () => {
  it('order-fulfilment: the added step +, the changed attribute Δ, the contested step ? (never a side), nothing else', () => {
    const model = render(ORDER, { mode: 'after' });
    assert.equal(model.mode, 'after');
    assert.deepEqual(marks(model), {
      'credit-check': 'bf-changed change:changed:Δ',
      pick: 'bf-contested change:contested:?',
      'double-check': 'bf-added change:added:+',
    });
    assert.deepEqual(model.steps.find((s) => s.id === 'credit-check')!.change, { kind: 'changed', fields: ['approver'] });
    assert.deepEqual(model.steps.find((s) => s.id === 'pick')!.change, { kind: 'contested', fields: ['mode'] });
    // the picture: the added step in the added class, the contested one a conflict, nothing removed
    assert.match(model.mermaid, /\n {2}class n3 added\n/);
    assert.match(model.mermaid, /\n {2}class n1 changed\n/, 'credit-check: its approver changes');
    assert.match(model.mermaid, /\n {2}class n1,n2,n3 conflictWarning\n/);
    assert.doesNotMatch(model.mermaid, /removed/);
    // the diagram is marked as the after view
    assert.ok(changeOverlays(model).some((o) => o.target.kind === 'diagram' && o.classes.includes('bf-mode-after')));
  });

  it('procure-to-pay: only the step whose attribute a requirement sets is changed', () => {
    assert.deepEqual(marks(render(P2P, { mode: 'after' })), { source: 'bf-changed change:changed:Δ' });
  });

  it('the file as written (the default) and today have no change overlay; as written is the picture it always was', () => {
    const written = render(ORDER);
    assert.equal(written.mode, undefined);
    assert.deepEqual(changeOverlays(written), []);
    assert.ok(written.steps.every((s) => s.change === undefined));
    assert.equal(render(ORDER, { mode: 'written' }).mermaid, written.mermaid);
    const today = render(ORDER, { mode: 'today' });
    assert.equal(today.mode, 'today');
    assert.deepEqual(changeOverlays(today), []);
    assert.ok(today.steps.every((s) => s.change === undefined));
  });

  it('a removal is drawn removed (dashed, −) after; contested by a live requirement it is contested, not removed', () => {
    const removed = render(small(), { mode: 'after' });
    assert.deepEqual(marks(removed), { b: 'bf-removed change:removed:−' });
    assert.match(removed.mermaid, /\n {2}class n1 removed\n/);
    assert.match(removed.mermaid, /n0 -\.-> n1\n {2}n1 -\.-> n2\n/);
    const contested = render(
      small(`  R2:
    title: Keep checking
    from: finance
    priority: should
    steps: [b]
`),
      { mode: 'after' },
    );
    assert.deepEqual(marks(contested), { b: 'bf-contested change:contested:?' });
    assert.doesNotMatch(contested.mermaid, /class n1 removed/);
    assert.match(contested.mermaid, /class n1 conflictWarning/);
    // decided (R2 overrides R1): kept, so not marked at all
    const decided = render(
      small(`  R2:
    title: Keep checking
    from: finance
    priority: should
    steps: [b]
    overrides: [R1]
    decidedBy: boss
`),
      { mode: 'after' },
    );
    assert.deepEqual(marks(decided), {});
  });

  it('combines with the role view: the role\'s lane focused, its "what changes for you" line, only its view\'s steps', () => {
    const model = render(ORDER, { mode: 'after', role: 'warehouse' });
    assert.equal(model.role, 'warehouse');
    assert.deepEqual(marks(model), {
      'credit-check': 'bf-changed change:changed:Δ',
      pick: 'bf-contested change:contested:?',
      'double-check': 'bf-added change:added:+',
    });
    assert.ok(!model.steps.some((s) => s.id === 'receive-order'), 'not a neighbour of the warehouse lane');
    assert.deepEqual(
      changeOverlays(model).filter((o) => o.target.kind === 'lane'),
      [{ target: { kind: 'lane', id: 'warehouse' }, classes: ['bf-lane-focus'] }],
    );
    assert.deepEqual(model.roleChanges, ['What changes for 仓库主管 after the requirements:', '1 step(s) added, 0 removed, 0 changed, 1 contested']);
    assert.ok(model.notices.includes(model.roleChanges!.join(' ')));
    // a role nothing changes for
    const sales = render(small(), { mode: 'after', role: 'finance', texts: { roleChanges: '{0}:', roleChangeCounts: '{0}/{1}/{2}/{3}' } });
    assert.deepEqual(sales.roleChanges, ['Finance:', '0/0/0/0']);
    const none = render(small(), { mode: 'after', role: 'finance', texts: { roleNoChange: 'nothing for {0}' } });
    assert.deepEqual(none.roleChanges, ['nothing for Finance'], 'one line when nothing changes and the texts say so');
    assert.equal(render(ORDER, { role: 'warehouse' }).roleChanges, undefined, 'the file as written has no such line');
  });

  it('a highlight never dims a changed step', () => {
    const model = render(ORDER, { mode: 'after' });
    const all = overlaysOf(model, { type: 'highlight', uri: 'u', version: 1, steps: ['receive-order'], lanes: [] });
    const dimmed = all.filter((o) => o.classes.includes('bf-dim')).map((o) => (o.target.kind === 'step' ? o.target.id : ''));
    assert.ok(!dimmed.includes('double-check') && !dimmed.includes('credit-check'));
    assert.ok(dimmed.includes('notify-customer'));
  });
});

describe('preview: the diff on the swimlane (overlays)', () => {
  // the newer version: notify-customer removed, archive added, invoice's name changed
  const NEWER = ORDER.replace(/ {2}notify-customer:\n {4}name: 通知客户\n {4}role: sales\n {4}next: done\n/, '')
    .replace('拒绝: notify-customer', '拒绝: done')
    .replace('    name: 开票\n    role: finance\n    produces: [invoice]\n    next: done', '    name: 开具发票\n    role: finance\n    produces: [invoice]\n    next: archive\n  archive:\n    name: 归档\n    role: finance\n    next: done');

  it('added +, removed − (put back in its old lane, its arrows dotted), changed Δ with the fields; nothing else', () => {
    assert.notEqual(NEWER, ORDER);
    const before = analyze(ORDER);
    const model = render(NEWER, { mode: 'diff', diff: { before, label: 'HEAD:order.bizflow.yaml' } });
    assert.equal(model.mode, 'diff');
    assert.equal(model.diffWith, 'HEAD:order.bizflow.yaml');
    assert.deepEqual(marks(model), {
      'credit-check': 'bf-changed change:changed:Δ',
      invoice: 'bf-changed change:changed:Δ',
      archive: 'bf-added change:added:+',
      'notify-customer': 'bf-removed change:removed:−',
    });
    assert.deepEqual(model.steps.find((s) => s.id === 'invoice')!.change, { kind: 'changed', fields: ['name', 'next'] });
    assert.deepEqual(model.steps.find((s) => s.id === 'credit-check')!.change, { kind: 'changed', fields: ['next'] });
    const removed = model.steps.find((s) => s.id === 'notify-customer')!;
    assert.equal(removed.role, 'sales');
    // drawn in the sales band, with the removed class, its arrows dotted
    const sales = /subgraph lane0\[[^\n]*\]\n((?: {4}[^\n]*\n)*) {2}end/.exec(model.mermaid)![1];
    assert.match(sales, new RegExp(`${removed.nodeId}\\["通知客户"\\]`));
    assert.match(model.mermaid, new RegExp(`\\n {2}class ${removed.nodeId} removed\\n`));
    assert.match(model.mermaid, new RegExp(` -\\.->\\|"拒绝"\\| ${removed.nodeId}\\n`));
    assert.match(model.mermaid, new RegExp(`${removed.nodeId} -\\.-> `));
    const changedNodes = ['credit-check', 'invoice'].map((id) => model.steps.find((s) => s.id === id)!.nodeId);
    assert.match(model.mermaid, new RegExp(`\\n {2}class ${changedNodes.join(',')} changed\\n`));
    assert.ok(model.notices.some((n) => n.includes('HEAD:order.bizflow.yaml')));
  });

  it('the same version: nothing marked; without a diff loaded the diff mode is the today view', () => {
    const before = analyze(ORDER);
    assert.deepEqual(marks(render(ORDER, { mode: 'diff', diff: { before, label: 'x' } })), {});
    const noDiff = render(ORDER, { mode: 'diff' });
    assert.equal(noDiff.mode, undefined);
    assert.equal(noDiff.mermaid, render(ORDER).mermaid);
  });

  it('diffView: a removed step whose lane is gone keeps its lane; put back after the step before it', () => {
    const older = analyze(small()).model;
    const newer = analyze(small().replace('  b: { name: Check, role: warehouse, next: c }\n', '').replace('next: b }', 'next: c }').replace('  warehouse: { name: Warehouse }\n', '')).model;
    const v = diffView(older, newer);
    assert.deepEqual(v.changes, { added: [], removed: ['b'], changed: ['a'] }, 'a now leads to c');
    assert.deepEqual(v.model.steps.list.map((s) => s.id), ['a', 'b', 'c', 'd']);
    assert.deepEqual(v.model.steps.list.map((s) => s.index), [0, 1, 2, 3]);
    assert.deepEqual(v.model.roles.list.map((r) => r.id), ['sales', 'finance', 'boss', 'warehouse']);
    assert.deepEqual(v.model.steps.byId.get('a')!.next.map((e) => e.target.id), ['c', 'b']);
  });
});
