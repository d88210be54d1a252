import { strict as assert } from 'assert';
import { applyEdits } from '../../../src/core/edits';
import { analyze } from '../../../src/core/engine';
import { fixesFor } from '../../../src/core/fixes';
import { parseText } from '../../../src/core/parse';
import { buildModel } from '../../../src/core/model';
import { fingerprintOf } from '../../../src/core/review/fingerprint';
import { scalarOut } from '../../../src/core/review/sign';
import { only, lint } from '../helpers';

/** A process where REQ-1 (from `from`, `priority`) changes the warehouse's step `pick`; its requirement body follows. */
function file(body: string[], opts: { priority?: string; status?: string; owner?: boolean; from?: string } = {}): string {
  return [
    'bizflow: 1',
    'process:',
    '  name: P',
    ...(opts.owner === false ? [] : ['  owner: director']),
    'roles:',
    '  sales: { name: 业务员 }',
    '  warehouse: { name: 仓库主管 }',
    '  director: { name: 运营总监 }',
    'steps:',
    '  s1: { name: 接单, type: start, role: sales, next: pick, produces: [order] }',
    '  pick: { name: 拣货, role: warehouse, attributes: { mode: manual }, next: e1, needs: [order] }',
    '  e1: { name: End, type: end }',
    'requirements:',
    '  REQ-1:', // line 14
    '    title: 自动拣货',
    `    from: ${opts.from ?? 'sales'}`,
    `    priority: ${opts.priority ?? 'must'}`,
    ...(opts.status ? [`    status: ${opts.status}`] : []),
    '    acceptance: [拣货单 5 分钟内生成]',
    '    sets:',
    '      pick.mode: automatic',
    ...body,
    '',
  ].join('\n');
}

/** Today's fingerprint of REQ-1 in `text`. */
function fp(text: string): string {
  const model = buildModel(parseText(text));
  return fingerprintOf(model, model.requirements.byId.get('REQ-1')!).fingerprint;
}

/** REQ-1 with the warehouse's review `entry` lines (the fingerprint written as FP is today's). */
function withReview(entry: string[], opts?: Parameters<typeof file>[1]): string {
  const draft = file(['    reviews:', ...entry], opts);
  return draft.includes('FP') ? draft.replace('FP', fp(draft.replace('FP', '00000000'))) : draft;
}

const summary = (code: string, text: string) => only(code, text).map((f) => [f.text, f.line, f.column, f.severity, f.messageId]);

describe('review/stale-agreement', () => {
  const CODE = 'review/stale-agreement';

  it('fires on the reviews entry whose fingerprint no longer matches, with the recorded and today\'s fingerprint', () => {
    const text = withReview(['      - role: warehouse', '        verdict: agree', '        on: 2026-11-01', '        fingerprint: 0badf00d']);
    const found = only(CODE, text);
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column, f.severity, f.messageId]),
      [['role: warehouse\n        verdict: agree\n        on: 2026-11-01\n        fingerprint: 0badf00d', 22, 9, 'warning', 'stale']],
    );
    assert.deepEqual(found[0].data, {
      role: '仓库主管',
      who: 'REQ-1 (must, 业务员)',
      recorded: '0badf00d',
      current: fp(text),
    });
    assert.deepEqual(found[0].d.data, { requirements: ['REQ-1'], roles: ['warehouse'], role: 'warehouse', steps: ['pick'], recorded: '0badf00d', current: fp(text) });
  });

  it('does not fire when the fingerprint matches (either case, or written as a number), or when there is none', () => {
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: agree, fingerprint: FP }'])), []);
    const upper = withReview(['      - { role: warehouse, verdict: agree, fingerprint: FP }']);
    assert.deepEqual(summary(CODE, upper.replace(/fingerprint: (\w+)/, (_, f: string) => `fingerprint: ${f.toUpperCase()}`)), []);
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: agree }'])), []);
  });

  it('takes the role\'s last entry: a fresh agreement after a stale one is fine, a stale one after a fresh one is not', () => {
    const fresh = withReview(['      - { role: warehouse, verdict: agree, fingerprint: 0badf00d }', '      - { role: warehouse, verdict: agree, fingerprint: FP }']);
    assert.deepEqual(summary(CODE, fresh), []);
    const stale = withReview(['      - { role: warehouse, verdict: agree, fingerprint: FP }', '      - { role: warehouse, verdict: agree, fingerprint: 0badf00d }']);
    assert.deepEqual(summary(CODE, stale), [['{ role: warehouse, verdict: agree, fingerprint: 0badf00d }', 23, 9, 'warning', 'stale']]);
  });

  it('becomes stale when a signed field changes, not when an unsigned one does', () => {
    const signed = withReview(['      - { role: warehouse, verdict: agree, fingerprint: FP }']);
    assert.deepEqual(summary(CODE, signed), []);
    assert.equal(summary(CODE, signed.replace('title: 自动拣货', 'title: 自动拣货（含夜班）')).length, 1);
    assert.equal(summary(CODE, signed.replace('attributes: { mode: manual }', 'attributes: { mode: manual, sla: 2h }')).length, 1);
    assert.deepEqual(summary(CODE, signed.replace('priority: must', 'priority: should')), []);
    assert.deepEqual(summary(CODE, signed.replace('    sets:', '    status: accepted\n    sets:')), []);
  });

  it('is not reported for a rejected requirement or a role that is not defined', () => {
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: agree, fingerprint: 0badf00d }'], { status: 'rejected' })), []);
    const ghost = withReview(['      - { role: ghost, verdict: agree, fingerprint: 0badf00d }']);
    assert.deepEqual(summary(CODE, ghost), []);
    assert.deepEqual(summary('ref/unknown-role', ghost), [['ghost', 22, 17, 'error', 'unknownRole']]);
  });

  it('counts the agreement as not given, and conflict/unagreed-burden leaves it to this rule', () => {
    const stale = withReview(['      - { role: warehouse, verdict: agree, fingerprint: 0badf00d }']);
    assert.deepEqual(summary('conflict/unagreed-burden', stale), []);
    assert.equal(summary(CODE, stale).length, 1);
    // a stale review outranks the `agreed` shorthand
    assert.equal(summary(CODE, stale.replace('    reviews:', '    agreed: [warehouse]\n    reviews:')).length, 1);
  });

  it('re-signs with today\'s fingerprint and date (in place), after which nothing is reported', () => {
    const text = withReview(['      - role: warehouse', '        verdict: agree', '        on: 2026-11-01', '        fingerprint: 0badf00d', '        note: ok']);
    const r = analyze(text);
    const d = r.diagnostics.find((x) => x.code === CODE)!;
    const fixes = fixesFor(r.model, d, 'en', undefined, { today: '2026-12-07' });
    assert.deepEqual(fixes.map((f) => f.title), [`Re-sign with today's fingerprint (${fp(text)}, 2026-12-07)`]);
    const out = applyEdits(text, fixes[0].edits);
    assert.equal(out, text.replace('on: 2026-11-01', 'on: 2026-12-07').replace('fingerprint: 0badf00d', `fingerprint: ${scalarOut(fp(text))}`));
    assert.deepEqual(only(CODE, out), []);
    assert.deepEqual(only('conflict/unagreed-burden', out), []);
    assert.equal(fixesFor(r.model, d, 'zh-CN', undefined, { today: '2026-12-07' })[0].title, `以当前指纹重新签署（${fp(text)}，2026-12-07）`);
  });

  it('re-signing adds the date when the entry has none (block and flow style)', () => {
    for (const entry of [
      ['      - role: warehouse', '        verdict: agree', '        fingerprint: 0badf00d'],
      ['      - { role: warehouse, verdict: agree, fingerprint: 0badf00d }'],
    ]) {
      const text = withReview(entry);
      const r = analyze(text);
      const d = r.diagnostics.find((x) => x.code === CODE)!;
      const [fix] = fixesFor(r.model, d, 'en', undefined, { today: '2026-12-07' });
      const out = applyEdits(text, fix.edits);
      assert.deepEqual(only(CODE, out), [], out);
      assert.ok(out.includes('on: 2026-12-07'), out);
      assert.deepEqual(lint(out).filter((f) => f.code.startsWith('schema/') || f.code.startsWith('yaml/')), []);
    }
  });
});

describe('review/objection', () => {
  const CODE = 'review/objection';

  it('is an error on a live must when a role objects, naming its note and who decides', () => {
    const text = withReview(['      - { role: warehouse, verdict: object, note: 夜班没人 }']);
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column, f.severity, f.messageId]), [
      ['{ role: warehouse, verdict: object, note: 夜班没人 }', 22, 9, 'error', 'objects'],
    ]);
    assert.deepEqual(found[0].data, { role: '仓库主管', who: 'REQ-1 (must, 业务员)', note: ': "夜班没人"', decider: '运营总监' });
    assert.deepEqual(found[0].d.data, { requirements: ['REQ-1'], roles: ['warehouse'], role: 'warehouse', steps: ['pick'], verdict: 'object' });
  });

  it('is a warning below must, and for an open question', () => {
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: object }'], { priority: 'should' })), [
      ['{ role: warehouse, verdict: object }', 22, 9, 'warning', 'objects'],
    ]);
    const q = only(CODE, withReview(['      - { role: warehouse, verdict: question }'], { priority: 'could' }));
    assert.deepEqual(q.map((f) => [f.severity, f.messageId, f.data]), [['warning', 'question', { role: '仓库主管', who: 'REQ-1 (could, 业务员)', note: '' }]]);
    // a question on a must is an error too
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: question }'])).map((x) => x[3]), ['error']);
  });

  it('who decides: decidedBy, else the process owner, else nobody yet', () => {
    const base = ['      - { role: warehouse, verdict: object }'];
    const decided = withReview(base).replace('    sets:', '    decidedBy: warehouse\n    sets:');
    assert.equal(only(CODE, decided)[0].data!.decider, '仓库主管');
    assert.equal(only(CODE, withReview(base, { owner: false }))[0].data!.decider, 'nobody yet, no `decidedBy` or `owner`');
  });

  it('does not fire once the role agrees (its last entry counts), on a rejected requirement, or for an unknown role', () => {
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: object }', '      - { role: warehouse, verdict: agree, fingerprint: FP }'])), []);
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: object }'], { status: 'rejected' })), []);
    assert.deepEqual(summary(CODE, withReview(['      - { role: ghost, verdict: object }'])), []);
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: agree }'])), []);
  });

  it('an objection is no agreement: conflict/unagreed-burden still reports the burden', () => {
    assert.equal(only('conflict/unagreed-burden', withReview(['      - { role: warehouse, verdict: object }'])).length, 1);
  });
});

describe('conflict/unagreed-burden with reviews', () => {
  const CODE = 'conflict/unagreed-burden';

  it('a current agreement in reviews (or one without a fingerprint) counts; none does not', () => {
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: agree, fingerprint: FP }'])), []);
    assert.deepEqual(summary(CODE, withReview(['      - { role: warehouse, verdict: agree }'])), []);
    assert.deepEqual(summary(CODE, file([])), [['pick.mode: automatic', 20, 7, 'warning', 'changesStep']]);
    // another role's review does not count for the warehouse
    assert.deepEqual(summary(CODE, withReview(['      - { role: director, verdict: agree }'])), [['pick.mode: automatic', 20, 7, 'warning', 'changesStep']]);
  });

  it('offers to record the agreement in reviews with today\'s fingerprint, which clears it', () => {
    const text = file([]);
    const r = analyze(text);
    const d = r.diagnostics.find((x) => x.code === CODE)!;
    const fixes = fixesFor(r.model, d, 'en', undefined, { today: '2026-12-07' });
    const f = fixes.find((x) => /reviews/.test(x.title));
    assert.ok(f, fixes.map((x) => x.title).join(' | '));
    assert.equal(f.title, `Record that 'warehouse' agreed to REQ-1 (reviews, with fingerprint ${fp(text)})`);
    const out = applyEdits(text, f.edits);
    assert.ok(out.includes(`    reviews:\n      - role: warehouse\n        verdict: agree\n        on: 2026-12-07\n        fingerprint: `), out);
    assert.deepEqual(only(CODE, out), []);
    assert.deepEqual(only('review/stale-agreement', out), []);
    // the `agreed` shorthand stays offered first
    assert.match(fixes[0].title, /add it to 'agreed'/);
  });
});

describe('role/unused and ref/unknown-role see reviews', () => {
  it('a role named only by a review is used', () => {
    const text = withReview(['      - { role: director, verdict: question }'], { owner: false, from: 'sales' });
    assert.deepEqual(summary('role/unused', text), []);
    assert.deepEqual(summary('role/unused', file([], { owner: false })), [['director', 7, 3, 'warning', 'unused']]);
  });

  it('an unknown role in a review is reported with a suggestion', () => {
    const f = only('ref/unknown-role', withReview(['      - { role: warehous, verdict: agree }']));
    assert.deepEqual(f.map((x) => [x.text, x.line, x.column, x.d.data?.suggestion]), [['warehous', 22, 17, 'warehouse']]);
  });
});
