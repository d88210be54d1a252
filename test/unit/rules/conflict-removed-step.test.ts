import { strict as assert } from 'assert';
import { CONFLICT_HEAD } from '../../support/conflict-process';
import { MAX_OTHER_SIDES } from '../../../src/core/conflicts';
import { lint, only } from '../helpers';

const CODE = 'conflict/removed-step';

/** REQ-1 removes pick (line 33); REQ-2 names it in the way given by `naming`. */
function file(o: { p1?: string; p2?: string; naming?: string; extra1?: string; extra2?: string } = {}): string {
  return (
    CONFLICT_HEAD +
    [
      '  REQ-1:', // 28
      '    title: 取消拣货环节',
      '    from: sales',
      `    priority: ${o.p1 ?? 'must'}`,
      '    agreed: [warehouse]',
      '    removes: [pick]', // 33
      ...(o.extra1 ? [o.extra1] : []),
      '  REQ-2:',
      '    title: 拣货扫码',
      '    from: warehouse',
      `    priority: ${o.p2 ?? 'should'}`,
      o.naming ?? '    steps: [s1, pick]', // 38
      ...(o.extra2 ? [o.extra2] : []),
      '',
    ].join('\n')
  );
}

describe('conflict/removed-step', () => {
  it('fires on the removes entry, with related info pointing at the other requirement', () => {
    const text = file();
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column, f.severity]), [['pick', 33, 15, 'warning']]);
    const [f] = found;
    assert.equal(f.message, 'REQ-1 (must, 业务员) removes step pick, but REQ-2 (should, 仓库主管) is about it. REQ-1 outranks; record overrides: [REQ-2] + decidedBy.');
    assert.match(f.d.detail!, /^Removing step 拣货 "pick" takes away what "REQ-2" \(should, asked by 仓库主管 "warehouse"\) relies on: it is about the step \(`steps`\)\. /);
    assert.match(f.d.detail!, /"REQ-1" \(must\) outranks "REQ-2" \(should\).*`overrides: \[REQ-2\]` and `decidedBy: director`/);
    assert.equal(f.d.related![0].message, 'REQ-2 (should, 仓库主管) names step pick here.');
    const rel = f.d.related![0];
    assert.equal(text.slice(rel.span.start, rel.span.end), 'pick');
    assert.equal(rel.span.start, text.indexOf('steps: [s1, pick]') + 'steps: [s1, '.length);
    assert.deepEqual(f.d.data, { steps: ['pick'], requirements: ['REQ-1', 'REQ-2'], other: 'REQ-2' });
  });

  it('counts sets and adds as naming the step, once per other requirement; error when both are must', () => {
    const found = only(CODE, file({ p2: 'must', naming: '    adds: [pick]\n    sets:\n      pick.mode: scan' }));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].messageId, 'removed');
    assert.equal(found[0].data?.how, 'changes it and adds it');
    assert.equal(found[0].data?.decision, ' Same priority: the roles decide (overrides + decidedBy).');
    assert.match(found[0].d.detail!, /it changes how the step works \(`sets`\) and adds the step \(`adds`\)\. Neither outranks the other \(both are must\)/);
    assert.equal(found[0].d.related?.length, 2);
    const sets = only(CODE, file({ naming: '    sets:\n      pick.mode: scan' }));
    assert.equal(sets[0].data?.how, 'changes it');
  });

  it('speaks Chinese', () => {
    const [f] = only(CODE, file(), { locale: 'zh-CN' });
    assert.equal(f.message, 'REQ-1（must，业务员）要删除步骤 pick，但 REQ-2（should，仓库主管）涉及它。REQ-1 优先；请记录 overrides: [REQ-2] + decidedBy。');
    assert.match(f.d.detail!, /^删除步骤拣货“pick”会让“REQ-2”（should，由仓库主管“warehouse”提出）落空：它涉及该步骤（`steps`）。/);
  });

  it('stays quiet when a decision is recorded, the other is rejected, or nobody else names the step', () => {
    assert.deepEqual(only(CODE, file({ extra1: '    overrides: [REQ-2]' })), []);
    assert.deepEqual(only(CODE, file({ extra2: '    overrides: [REQ-1]' })), []);
    assert.deepEqual(only(CODE, file({ extra2: '    status: rejected' })), []);
    assert.deepEqual(only(CODE, file({ naming: '    steps: [s1]' })), []);
    // another requirement removing the same step agrees with it
    assert.deepEqual(only(CODE, file({ naming: '    removes: [pick]' })), []);
  });

  it('does not fire when a rejected requirement removes the step', () => {
    assert.deepEqual(only(CODE, file({ extra1: '    status: rejected' })), []);
  });
});

describe('conflict/removed-step: several other sides, decisions and must-priority', () => {
  /** REQ-1 (must) removes pick; the others name it in `steps`; requirements given as [id, priority, extra lines]. */
  const text = (...rs: [string, string, string[]?][]) =>
    CONFLICT_HEAD +
    ['  REQ-1:', '    from: sales', '    priority: must', '    removes: [pick]', ...rs.flatMap(([id, p, extra]) => [`  ${id}:`, '    from: warehouse', `    priority: ${p}`, '    steps: [pick]', ...(extra ?? [])])].join('\n') +
    '\n';
  const summary = (t: string) => only(CODE, t).map((f) => ({ severity: f.severity, data: f.d.data, more: f.data?.more, related: f.d.related?.length }));

  it('names the first other side, lists all of them in the data, and counts the rest in "…and N more"', () => {
    const t = text(['REQ-2', 'should'], ['REQ-3', 'could'], ['REQ-4', 'should']);
    assert.deepEqual(summary(t), [
      {
        severity: 'warning',
        data: { steps: ['pick'], requirements: ['REQ-1', 'REQ-2'], other: 'REQ-2', others: ['REQ-2', 'REQ-3', 'REQ-4'] },
        more: ' …and 2 more.',
        related: 3,
      },
    ]);
  });

  it('leaves out the sides decided with it, also from the must count', () => {
    const decided = ['    overrides: [REQ-1]', '    decidedBy: director'];
    // REQ-2 (must) is decided with REQ-1; REQ-3 (should) is left: a warning
    assert.deepEqual(summary(text(['REQ-2', 'must', decided], ['REQ-3', 'should'])), [
      { severity: 'warning', data: { steps: ['pick'], requirements: ['REQ-1', 'REQ-3'], other: 'REQ-3' }, more: '', related: 1 },
    ]);
    // REQ-2 (should) is decided with REQ-1; REQ-3 (must) is left: an error
    assert.deepEqual(summary(text(['REQ-2', 'should', decided], ['REQ-3', 'must'])), [
      { severity: 'error', data: { steps: ['pick'], requirements: ['REQ-1', 'REQ-3'], other: 'REQ-3' }, more: '', related: 1 },
    ]);
    // both must and neither decided: an error, one more
    assert.deepEqual(summary(text(['REQ-2', 'must'], ['REQ-3', 'must'])).map((f) => [f.severity, f.more]), [['error', ' …and 1 more.']]);
  });
});

describe('conflict/removed-step: its own mentions, priorities, and the bounds of the related information', () => {
  const head = (p1: string, extra1: string[] = []) => CONFLICT_HEAD + ['  REQ-1:', '    from: sales', `    priority: ${p1}`, '    removes: [pick]', ...extra1].join('\n') + '\n';
  const req = (id: string, p: string, naming: string[]) => [`  ${id}:`, '    from: warehouse', `    priority: ${p}`, ...naming].join('\n') + '\n';

  it('a requirement naming the step it removes is not its own other side', () => {
    assert.deepEqual(only(CODE, head('must', ['    steps: [pick]'])), []);
    const found = only(CODE, head('must', ['    steps: [pick]']) + req('REQ-2', 'should', ['    steps: [pick]']));
    assert.deepEqual(found.map((f) => [f.d.data?.other, f.data?.more, f.d.related?.length]), [['REQ-2', '', 1]]);
  });

  it('no finding and no rule failure when every other side is decided with it', () => {
    const text = head('must', ['    overrides: [REQ-2, REQ-3]']) + req('REQ-2', 'must', ['    steps: [pick]']) + req('REQ-3', 'should', ['    adds: [pick]']);
    assert.deepEqual(lint(text).filter((f) => f.code === CODE || f.code.startsWith('bizflow/')), []);
  });

  it('a warning when the remover is not must, even against a must', () => {
    assert.deepEqual(only(CODE, head('should') + req('REQ-2', 'must', ['    steps: [pick]'])).map((f) => f.severity), ['warning']);
    assert.deepEqual(only(CODE, head('must') + req('REQ-2', 'must', ['    steps: [pick]'])).map((f) => f.severity), ['error']);
  });

  it('every place of the first other side (up to five), the first place of each further one', () => {
    const naming = ['    steps: [pick]', '    adds: [pick]', '    sets:', '      pick.mode: scan'];
    const text = head('must') + req('REQ-2', 'should', naming) + req('REQ-3', 'should', naming);
    const [f] = only(CODE, text);
    const at = (r: { span: { start: number; end: number } }) => `${text.slice(0, r.span.start).split('\n').length}:${text.slice(r.span.start, r.span.end)}`;
    // REQ-2 on lines 32-38 (steps 35, adds 36, sets 38), REQ-3 from line 39 (steps 42): REQ-2's places in the order
    // steps, sets, adds, then REQ-3's first
    assert.deepEqual(f.d.related?.map(at), ['35:pick', '38:pick.mode: scan', '36:pick', '42:pick']);
    assert.equal(f.data?.how, 'is about it, changes it and adds it');
  });

  it(`names at most ${MAX_OTHER_SIDES} other sides, and counts them all`, () => {
    let text = head('must');
    for (let i = 2; i <= 23; i++) text += req(`REQ-${i}`, 'could', ['    steps: [pick]']);
    const [f] = only(CODE, text);
    assert.deepEqual(f.d.data?.others, Array.from({ length: MAX_OTHER_SIDES }, (_, i) => `REQ-${i + 2}`));
    assert.equal(f.d.related?.length, MAX_OTHER_SIDES);
    assert.equal(f.data?.more, ' …and 21 more.');
  });
});
