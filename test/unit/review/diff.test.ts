import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { diffAnalyses, type RoleDiff } from '../../../src/core/review/diff';
import { fingerprintOf } from '../../../src/core/review/fingerprint';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../../../examples/order-fulfilment.bizflow.yaml'), 'utf8');

function diff(a: string, b: string, role?: string): RoleDiff[] {
  return diffAnalyses(analyze(a), analyze(b), { role }).roles;
}

function role(roles: RoleDiff[], id: string): RoleDiff {
  const r = roles.find((x) => x.role === id);
  assert.ok(r, id);
  return r;
}

/** The example after a round of work: REQ-002 rejected, warehouse signs REQ-003, a step renamed. */
function edited(): string {
  return ORDER.replace('    priority: should\n    sets:\n      pick.mode: manual-review\n', '    priority: should\n    status: rejected\n    sets:\n      pick.mode: manual-review\n')
    .replace('    adds: [double-check]\n', '    adds: [double-check]\n    agreed: [warehouse]\n')
    .replace('    name: 出库复核\n', '    name: 出库复核（抽检）\n');
}

describe('review: diff by role', () => {
  it('a file against itself: nothing for anyone', () => {
    const roles = diff(ORDER, ORDER);
    assert.deepEqual(roles.map((r) => r.role), ['sales', 'warehouse', 'finance', 'director']);
    for (const r of roles) assert.deepEqual([r.steps, r.requirements, r.conflicts, r.agreements], [[], [], [], []], r.role);
  });

  it('the example after a round of work, for warehouse', () => {
    const after = edited();
    assert.notEqual(after, ORDER);
    const w = role(diff(ORDER, after), 'warehouse');
    assert.deepEqual(w.steps, [{ step: 'double-check', change: 'changed', fields: ['name'], roleBefore: 'warehouse', roleAfter: 'warehouse' }]);
    const m0 = analyze(ORDER).model;
    const m1 = analyze(after).model;
    const f0 = fingerprintOf(m0, m0.requirements.byId.get('REQ-003')!).fingerprint;
    const f1 = fingerprintOf(m1, m1.requirements.byId.get('REQ-003')!).fingerprint;
    assert.notEqual(f0, f1, 'the renamed step is touched by REQ-003');
    assert.deepEqual(w.requirements, [
      { requirement: 'REQ-002', change: 'status', statusBefore: 'proposed', statusAfter: 'rejected' },
      { requirement: 'REQ-003', change: 'changed', fingerprintBefore: f0, fingerprintAfter: f1 },
    ]);
    assert.deepEqual(
      w.conflicts.map((c) => [c.change, c.code, c.requirements]),
      [
        ['resolved', 'conflict/contradiction', ['REQ-001', 'REQ-002']],
        ['resolved', 'conflict/unagreed-burden', ['REQ-003']],
      ],
    );
    assert.deepEqual(w.agreements, [{ requirement: 'REQ-003', change: 'gained', before: 'none', after: 'agreed' }]);
  });

  it('the reverse direction opens the conflicts again and withdraws the agreement', () => {
    const w = role(diff(edited(), ORDER), 'warehouse');
    assert.deepEqual(w.conflicts.map((c) => c.change), ['opened', 'opened']);
    assert.deepEqual(w.agreements, [{ requirement: 'REQ-003', change: 'withdrawn', before: 'agreed', after: 'none' }]);
    assert.deepEqual(w.requirements[0], { requirement: 'REQ-002', change: 'status', statusBefore: 'rejected', statusAfter: 'proposed' });
  });

  it('an agreement made stale by a later edit, and one gained by signing; --role', () => {
    const base = (mode: string, reviews: string) => `bizflow: 1
process: { name: P }
roles: { a: { name: A }, b: { name: B } }
steps:
  s: { name: S, type: start, role: b, next: e }
  e: { name: E, type: end }
requirements:
  R:
    title: x
    from: a
    priority: must
    sets: { s.mode: ${mode} }
${reviews}`;
    const v1 = base('auto', '');
    const fp = fingerprintOf(analyze(v1).model, analyze(v1).model.requirements.byId.get('R')!).fingerprint;
    const v2 = base('auto', `    reviews:\n      - { role: b, verdict: agree, fingerprint: ${fp} }\n`);
    const v3 = base('semi', `    reviews:\n      - { role: b, verdict: agree, fingerprint: ${fp} }\n`);
    assert.deepEqual(diff(v1, v2, 'b').map((r) => r.agreements), [[{ requirement: 'R', change: 'gained', before: 'none', after: 'agreed' }]]);
    const stale = diff(v2, v3, 'b');
    assert.deepEqual(stale.map((r) => r.role), ['b']);
    assert.deepEqual(stale[0].agreements, [{ requirement: 'R', change: 'stale', before: 'agreed', after: 'stale' }]);
    assert.equal(stale[0].requirements[0].change, 'changed');
    const objected = base('auto', '    reviews:\n      - { role: b, verdict: object, note: no }\n');
    assert.deepEqual(diff(v1, objected, 'b')[0].agreements, [{ requirement: 'R', change: 'objected', before: 'none', after: 'object' }]);
  });

  it('steps added, removed and moved between lanes; requirements added and removed', () => {
    const a = `roles: { a: { name: A }, b: { name: B } }
steps:
  s1: { name: One, role: a }
  s2: { name: Two, role: a }
requirements:
  R1: { title: x, from: b, steps: [s1] }
`;
    const b = `roles: { a: { name: A }, b: { name: B } }
steps:
  s1: { name: One, role: b }
  s3: { name: Three, role: b }
requirements:
  R2: { title: y, from: a, steps: [s3] }
`;
    const roles = diff(a, b);
    assert.deepEqual(role(roles, 'a').steps, [
      { step: 's1', change: 'changed', fields: ['role'], roleBefore: 'a', roleAfter: 'b' },
      { step: 's2', change: 'removed', roleBefore: 'a' },
    ]);
    assert.deepEqual(role(roles, 'b').steps, [
      { step: 's1', change: 'changed', fields: ['role'], roleBefore: 'a', roleAfter: 'b' },
      { step: 's3', change: 'added', roleAfter: 'b' },
    ]);
    assert.deepEqual(role(roles, 'a').requirements, [
      { requirement: 'R2', change: 'added' },
      { requirement: 'R1', change: 'removed' },
    ]);
    assert.deepEqual(role(roles, 'b').requirements, [
      { requirement: 'R2', change: 'added' },
      { requirement: 'R1', change: 'removed' },
    ]);
  });

  it('formatting and comments alone change nothing', () => {
    const reformatted = ORDER.replace(/^(\s+)(name: .*)$/gm, '$1$2   # 注释').replace('concerns: [赢单速度, 客户满意度]', 'concerns:\n      - 赢单速度\n      - 客户满意度');
    for (const r of diff(ORDER, reformatted)) assert.deepEqual([r.steps, r.requirements, r.conflicts, r.agreements], [[], [], [], []]);
  });
});
