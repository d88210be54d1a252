import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

describe('data/not-produced', () => {
  const file = (opts: { produces?: string; data?: string } = {}) => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
        needs: [report]
    steps:
      s1:
        name: Start
        type: start
        role: sales
        produces: [${opts.produces ?? 'order'}]
        next: check
      check:
        name: 审核
        role: sales
        needs: [order, report]
        next: e1
      e1:
        name: End
        type: end
  ` + (opts.data ?? '');

  it('fires on a step need and a role need that no step produces, with exact ranges', () => {
    const found = only('data/not-produced', file());
    assert.equal(found.length, 2);
    const [role, step] = found;
    assert.equal(role.text, 'report');
    assert.equal(role.line, 7);
    assert.equal(role.column, 13);
    assert.equal(role.severity, 'warning');
    assert.match(role.message, /^Role 销售 "sales" needs "report", but no step produces it\./);
    assert.deepEqual(role.d.data?.roles, ['sales']);
    assert.equal(step.text, 'report');
    assert.equal(step.line, 18);
    assert.equal(step.column, 20);
    assert.equal(step.messageId, 'stepNeeds');
    assert.equal(step.data?.owner, '审核 "check"');
    assert.match(String(step.data?.fix), /`external: true`/);
    assert.deepEqual(step.d.data?.steps, ['check']);
  });

  it('speaks Chinese', () => {
    const [role] = only('data/not-produced', file(), { locale: 'zh-CN' });
    assert.match(role.message, /^角色销售“sales”需要“report”，但没有任何步骤产出它。/);
  });

  it('stays quiet once any step produces the data', () => {
    assert.deepEqual(only('data/not-produced', file({ produces: 'order, report' })), []);
  });

  it('stays quiet for external data, but not for declared data that is not external', () => {
    const dict = (ext: string) => yaml`
      data:
        order: { name: 订单 }
        report: { name: 信用报告${ext} }
    `;
    assert.deepEqual(only('data/not-produced', file({ data: dict(', external: true') })), []);
    const found = only('data/not-produced', file({ data: dict('') }));
    assert.equal(found.length, 2);
    assert.equal(found[0].messageId, 'roleNeeds');
    assert.equal(found[0].data?.data, '信用报告 "report"');
  });

  it('says how to fix it: produce it, or mark it external in the dictionary (or declare it there when there is none)', () => {
    const declare = ' Add it to the `produces` of the step that creates it, or declare it under `data:` as `external: true`.';
    const mark = ' Add it to the `produces` of the step that creates it, or mark it `external: true` if it comes from outside.';
    assert.deepEqual(only('data/not-produced', file()).map((f) => [f.messageId, f.data]), [
      ['roleNeeds', { owner: '销售 "sales"', data: '"report"', fix: declare }],
      ['stepNeeds', { owner: '审核 "check"', data: '"report"', fix: declare }],
    ]);
    const dict = yaml`
      data:
        order: { name: 订单 }
        report: { name: 信用报告 }
    `;
    assert.deepEqual(only('data/not-produced', file({ data: dict })).map((f) => [f.messageId, f.data, f.d.data]), [
      ['roleNeeds', { owner: '销售 "sales"', data: '信用报告 "report"', fix: mark }, { name: 'report', roles: ['sales'] }],
      ['stepNeeds', { owner: '审核 "check"', data: '信用报告 "report"', fix: mark }, { name: 'report', steps: ['check'] }],
    ]);
  });

  it('leaves undeclared data to ref/unknown-data when a dictionary is present', () => {
    const data = yaml`
      data:
        order: { name: 订单 }
    `;
    assert.deepEqual(only('data/not-produced', file({ data })), []);
  });
});
