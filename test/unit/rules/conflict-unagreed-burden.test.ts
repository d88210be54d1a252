import { strict as assert } from 'assert';
import { CONFLICT_HEAD } from '../../support/conflict-process';
import { lint, only } from '../helpers';

const CODE = 'conflict/unagreed-burden';

/** One requirement from `from`, its body lines starting on line 31. */
function file(from: string | undefined, body: string[]): string {
  return (
    CONFLICT_HEAD +
    [
      '  REQ-1:', // 28
      '    title: 追溯日志',
      '    priority: must',
      ...(from ? [`    from: ${from}`] : []),
      ...body,
      '',
    ].join('\n')
  );
}

describe('conflict/unagreed-burden', () => {
  it('fires on an adds entry that puts a step in the lane of a role that has not agreed', () => {
    const text = file('director', ['    adds: [pick]']);
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column, f.severity]), [['pick', 32, 12, 'warning']]);
    const [f] = found;
    assert.equal(f.message, 'REQ-1 (must, 运营总监) adds step pick to the lane of 仓库主管, who has not agreed. Add warehouse to `agreed` once it signs off, or drop the change.');
    assert.equal(f.messageId, 'addsStep');
    assert.equal(f.data?.role, 'warehouse');
    assert.match(f.d.detail!, /^"REQ-1" \(must, asked by 运营总监 "director"\) adds step 拣货 "pick" to the lane of 仓库主管 "warehouse": work is added to a team that has not signed off\./);
    assert.match(f.d.detail!, /add "warehouse" to the `agreed` list of "REQ-1"/);
    assert.equal(f.d.related![0].message, 'Step 拣货 "pick" is in the lane of 仓库主管 "warehouse", who has not agreed.');
    assert.deepEqual(f.d.data?.role, 'warehouse');
    assert.deepEqual(f.d.data?.steps, ['pick']);
    assert.deepEqual(f.d.data?.requirements, ['REQ-1']);
    assert.deepEqual(f.d.data?.roles, ['warehouse', 'director']);
    // related: the step's lane
    const rel = f.d.related![0];
    assert.equal(rel.span.start, text.indexOf('role: warehouse') + 'role: '.length);
    assert.equal(text.slice(rel.span.start, rel.span.end), 'warehouse');
  });

  it('fires on a sets entry that changes a step of another role, and speaks Chinese', () => {
    const text = file('sales', ['    sets:', '      pick.mode: automatic']);
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column]), [['pick.mode: automatic', 33, 7]]);
    assert.equal(found[0].messageId, 'changesStep');
    assert.deepEqual(
      [found[0].data?.key, found[0].data?.value, found[0].data?.laneName, found[0].data?.role],
      ['pick.mode', 'automatic', '仓库主管', 'warehouse'],
    );
    const [zh] = only(CODE, text, { locale: 'zh-CN' });
    assert.equal(zh.message, 'REQ-1（must，业务员）把仓库主管泳道中的 pick.mode 改为“automatic”，但仓库主管尚未同意。请征得同意后把 warehouse 加入 `agreed`，或放弃这项改动。');
    assert.match(zh.d.detail!, /^“REQ-1”（must，由业务员“sales”提出）把仓库主管“warehouse”泳道中步骤拣货“pick”的“pick\.mode”改为“automatic”：这是在未经同意的情况下改变该团队的工作方式。/);
  });

  it('stays quiet when the role agreed, asked itself, or is only named in steps', () => {
    assert.deepEqual(only(CODE, file('director', ['    adds: [pick]', '    agreed: [warehouse]'])), []);
    assert.deepEqual(only(CODE, file('warehouse', ['    adds: [pick]', '    sets:', '      pick.mode: scan'])), []);
    assert.deepEqual(only(CODE, file('director', ['    steps: [pick]'])), []);
    // someone else agreeing does not count
    assert.equal(only(CODE, file('director', ['    adds: [pick]', '    agreed: [sales]'])).length, 1);
  });

  it('skips requirements that are rejected or lack a known from, and steps without a known lane', () => {
    assert.deepEqual(only(CODE, file('director', ['    adds: [pick]', '    status: rejected'])), []);
    assert.deepEqual(only(CODE, file(undefined, ['    adds: [pick]'])), []);
    assert.deepEqual(only(CODE, file('warehuose', ['    adds: [pick]'])), []);
    assert.deepEqual(only(CODE, file('director', ['    adds: [e1, nowhere]'])), []);
    // and without failing
    const noLane = file('director', ['    adds: [e1, nowhere]', '    sets:', '      e1.mode: x', '      nowhere.mode: y']);
    assert.deepEqual(lint(noLane).filter((f) => f.code === CODE || f.code.startsWith('bizflow/')), []);
  });

  it('leaves a step in the lane of an unknown role to ref/unknown-role (one mistake, one finding)', () => {
    const text = file('director', ['    adds: [pick]', '    sets:', '      pick.mode: scan']);
    assert.equal(only(CODE, text).length, 2);
    const typo = text.replace('    role: warehouse\n', '    role: warehuose\n');
    assert.notEqual(typo, text);
    assert.deepEqual(only(CODE, typo), []);
    assert.deepEqual(only('ref/unknown-role', typo).map((f) => f.text), ['warehuose']);
  });
});
