import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { computeImpact, isManualValue, type RoleImpact } from '../../../src/core/review/impact';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../../../examples/order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.resolve(__dirname, '../../../examples/procure-to-pay.bizflow.yaml'), 'utf8');

function impact(text: string, role?: string) {
  const r = analyze(text);
  return { ...computeImpact(r, { role }), text };
}

function byRole(roles: RoleImpact[], id: string): RoleImpact {
  const r = roles.find((x) => x.role === id);
  assert.ok(r, id);
  return r;
}

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('review: role impact', () => {
  it('order-fulfilment, warehouse: the added step, the contested attribute, data, hand-offs, ledger, conflicts, pending', () => {
    const { roles, text } = impact(ORDER);
    const w = byRole(roles, 'warehouse');
    assert.deepEqual(
      w.stepsAdded.map((c) => [c.step, slice(text, c.span), c.by.map((a) => [a.requirement, a.from, a.priority, slice(text, a.span)]), c.contested]),
      [['double-check', 'double-check', [['REQ-003', 'director', 'must', 'double-check']], false]],
    );
    assert.deepEqual(w.stepsRemoved, []);
    assert.equal(w.stepsChanged.length, 1);
    const c = w.stepsChanged[0];
    assert.deepEqual([c.step, c.attribute, c.today], ['pick', 'mode', 'manual']);
    assert.deepEqual(c.after, { kind: 'contested', values: ['automatic', 'manual-review'] }, 'never picks a side');
    assert.deepEqual(
      c.asks.map((a) => [a.requirement, a.from, a.priority, a.value, slice(text, a.span)]),
      [
        ['REQ-001', 'sales', 'must', 'automatic', 'pick.mode: automatic'],
        ['REQ-002', 'warehouse', 'should', 'manual-review', 'pick.mode: manual-review'],
      ],
    );
    assert.deepEqual(w.needs, [{ data: 'order', step: 'double-check', requirements: ['REQ-003'] }]);
    assert.deepEqual(w.provides, []);
    assert.deepEqual(
      w.handoffsIn.map((h) => [h.from, h.to, h.change]),
      [['credit-check', 'pick', 'unchanged']],
    );
    assert.deepEqual(
      w.handoffsOut.map((h) => [h.from, h.to, h.toRole, h.change]),
      [
        ['pick', 'invoice', 'finance', 'removed'],
        ['double-check', 'invoice', 'finance', 'added'],
      ],
    );
    assert.deepEqual(w.ledger, {
      before: { steps: 1, decisions: 0, handoffs: 2, manual: 1 },
      after: { steps: 2, decisions: 0, handoffs: 2, manual: 0 },
      contested: 1,
    });
    assert.deepEqual(
      w.conflicts.map((x) => [x.code, x.requirements, x.spans.length, x.decider]),
      [
        ['conflict/contradiction', ['REQ-001', 'REQ-002'], 2, 'director'],
        ['conflict/unagreed-burden', ['REQ-001'], 1, 'director'],
        ['conflict/unagreed-burden', ['REQ-003'], 1, 'director'],
      ],
    );
    assert.deepEqual(
      w.agreements.map((a) => [a.requirement, a.asks, a.state, a.fingerprint, slice(text, a.span)]),
      [
        ['REQ-001', ['sets'], 'none', 'bc2461ce', 'REQ-001'],
        ['REQ-003', ['adds'], 'none', '190217e7', 'REQ-003'],
      ],
    );
    assert.deepEqual(w.pending, ['REQ-001', 'REQ-003']);
  });

  it('order-fulfilment, the other roles', () => {
    const { roles } = impact(ORDER);
    const sales = byRole(roles, 'sales');
    assert.deepEqual(sales.provides, [{ data: 'order', step: 'receive-order', requirements: ['REQ-003'], to: { step: 'double-check', role: 'warehouse' } }]);
    assert.deepEqual(sales.stepsChanged, []);
    assert.deepEqual(sales.pending, []);
    assert.deepEqual(sales.conflicts.map((c) => c.code), ['conflict/contradiction', 'conflict/unagreed-burden'], 'its own asks are party to them');
    const finance = byRole(roles, 'finance');
    assert.deepEqual(
      finance.stepsChanged.map((c) => [c.step, c.attribute, c.today, c.after]),
      [['credit-check', 'approver', 'finance-lead', { kind: 'value', value: 'director', requirement: 'REQ-004' }]],
    );
    assert.deepEqual(finance.pending, ['REQ-004']);
    assert.deepEqual(finance.ledger.before, { steps: 2, decisions: 1, handoffs: 4, manual: 0 });
    assert.deepEqual(
      finance.handoffsIn.map((h) => [h.from, h.to, h.change]),
      [
        ['receive-order', 'credit-check', 'unchanged'],
        ['pick', 'invoice', 'removed'],
        ['double-check', 'invoice', 'added'],
      ],
    );
    const director = byRole(roles, 'director');
    assert.deepEqual([director.stepsAdded, director.stepsChanged, director.pending], [[], [], []]);
    assert.deepEqual(director.conflicts.map((c) => c.requirements), [['REQ-003'], ['REQ-004']]);
  });

  it('--role computes one role only; the clean example has only agreed or own asks', () => {
    assert.deepEqual(impact(ORDER, 'finance').roles.map((r) => r.role), ['finance']);
    const { roles } = impact(P2P);
    const buyer = byRole(roles, 'buyer');
    // REQ-102 (from requester) sets source.quotes in buyer's lane, agreed by buyer; it overrides the rejected REQ-103
    assert.deepEqual(buyer.agreements.map((a) => [a.requirement, a.state]), [['REQ-102', 'agreed']]);
    assert.deepEqual(buyer.pending, []);
    assert.deepEqual(buyer.stepsChanged.map((c) => [c.step, c.attribute, c.today, c.after]), [['source', 'quotes', '3', { kind: 'value', value: '1', requirement: 'REQ-102' }]]);
    assert.deepEqual(roles.flatMap((r) => r.conflicts), []);
  });

  const small = (reqs: string, steps = '') => `bizflow: 1
process: { name: P, owner: boss }
roles:
  a: { name: A }
  b: { name: B }
  boss: { name: Boss }
steps:
  s0: { name: Start, type: start, role: a, next: s1 }
  s1: { name: One, role: b, attributes: { mode: 人工录入 }, produces: [d1], next: s2 }
  s2: { name: Two, role: b, needs: [d1], next: s3 }
  s3: { name: Three, role: a, next: e }
  e: { name: End, type: end }
${steps}requirements:
${reqs}`;

  it('a removal contested by a requirement that still names the step: after keeps it, marked, and hand-offs stay', () => {
    const text = small(`  R1: { title: drop, from: a, priority: must, removes: [s2] }
  R2: { title: keep, from: b, priority: must, steps: [s2] }
`);
    const { roles, steps } = impact(text);
    const b = byRole(roles, 'b');
    assert.deepEqual(b.stepsRemoved.map((c) => [c.step, c.by.map((x) => x.requirement), c.against.map((x) => x.requirement), c.contested]), [['s2', ['R1'], ['R2'], true]]);
    assert.equal(steps.find((s) => s.step === 's2')!.fate, 'contested');
    assert.deepEqual(b.ledger.before, b.ledger.after, 'the after view does not apply a contested removal');
    assert.equal(b.ledger.contested, 1);
    assert.deepEqual(b.pending, ['R1']);
  });

  it('an uncontested removal: the flow is bridged, hand-offs change, counts drop', () => {
    const text = small(`  R1: { title: drop, from: a, priority: must, removes: [s2], agreed: [b] }
`);
    const b = byRole(impact(text).roles, 'b');
    assert.deepEqual(b.stepsRemoved.map((c) => [c.step, c.contested]), [['s2', false]]);
    assert.deepEqual(b.handoffsOut.map((h) => [h.from, h.to, h.change]), [['s2', 's3', 'removed'], ['s1', 's3', 'added']]);
    assert.deepEqual(b.ledger, { before: { steps: 2, decisions: 0, handoffs: 2, manual: 1 }, after: { steps: 1, decisions: 0, handoffs: 2, manual: 1 }, contested: 0 });
    assert.deepEqual(b.pending, []);
  });

  it('a removal decided with overrides: the winner counts, both ways', () => {
    const removerWins = small(`  R1: { title: drop, from: a, priority: must, removes: [s2], overrides: [R2], decidedBy: boss }
  R2: { title: keep, from: b, priority: could, steps: [s2] }
`);
    assert.equal(impact(removerWins).steps.find((s) => s.step === 's2')!.fate, 'removed');
    const keeperWins = small(`  R1: { title: drop, from: a, priority: could, removes: [s2] }
  R2: { title: keep, from: b, priority: must, steps: [s2], overrides: [R1] }
`);
    assert.equal(impact(keeperWins).steps.find((s) => s.step === 's2')!.fate, 'kept');
  });

  it('a contradiction decided with overrides shows the winning value; a rejected requirement asks nothing', () => {
    const text = small(`  R1: { title: x, from: a, priority: must, sets: { s1.mode: auto }, overrides: [R2] }
  R2: { title: y, from: b, priority: must, sets: { s1.mode: manual-check } }
  R3: { title: z, from: a, priority: must, status: rejected, sets: { s2.sla: 1h } }
`);
    const b = byRole(impact(text).roles, 'b');
    assert.deepEqual(b.stepsChanged.map((c) => [c.step, c.attribute, c.today, c.after]), [['s1', 'mode', '人工录入', { kind: 'value', value: 'auto', requirement: 'R1' }]]);
    assert.deepEqual([b.ledger.before.manual, b.ledger.after.manual], [1, 0]);
    assert.deepEqual(b.pending, ['R1']);
  });

  it('a step that is both added and removed is contested; data asked of the producing lane', () => {
    const text = small(
      `  R1: { title: add, from: a, priority: must, adds: [s4] }
  R2: { title: drop, from: b, priority: should, removes: [s4] }
`,
      '',
    ).replace('  e: { name: End, type: end }\n', '  e: { name: End, type: end }\n  s4: { name: Four, role: a, needs: [d1], next: e }\n');
    const { roles, steps } = impact(text);
    assert.equal(steps.find((s) => s.step === 's4')!.fate, 'contested');
    const a = byRole(roles, 'a');
    assert.deepEqual(a.stepsAdded.map((c) => [c.step, c.contested, c.against.map((x) => x.requirement)]), [['s4', true, ['R2']]]);
    const b = byRole(roles, 'b');
    assert.deepEqual(b.provides, [{ data: 'd1', step: 's1', requirements: ['R1'], to: { step: 's4', role: 'a' } }]);
  });

  it('manual steps: the word manual or 人工/手工/手动 in an attribute value', () => {
    for (const v of ['manual', 'Manual', 'manual-review', 'semi manual', '人工', '人工录入', '手工', '手动审批']) assert.ok(isManualValue(v), v);
    for (const v of ['automatic', 'manually2x'.replace('ly2x', 'ity'), 'emanuel', '自动']) assert.ok(!isManualValue(v), v);
  });

  it('never throws on broken files', () => {
    for (const text of ['', ':', 'steps: 3', 'requirements:\n  R: { adds: [nowhere], removes: 3, sets: [a] }\n', 'steps:\n  a: { next: a, role: x }\nrequirements:\n  R: { from: y, removes: [a], adds: [a] }\n']) {
      assert.doesNotThrow(() => impact(text), text);
    }
  });
});
