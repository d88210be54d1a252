import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

describe('role/unused', () => {
  /** `legal` is the role under test; each option names it in one place (all default to `sales`). */
  const file = (o: { owner?: string; stepRole?: string; from?: string; agreed?: string; decidedBy?: string; dataOwner?: string } = {}) => yaml`
    bizflow: 1
    process:
      name: P
      owner: ${o.owner ?? 'sales'}
    roles:
      sales:
        name: 销售
      legal:
        name: 法务
        needs: [contract]
    data:
      contract: { name: 合同, owner: ${o.dataOwner ?? 'sales'}, external: true }
    steps:
      s1:
        name: 开始
        type: start
        role: ${o.stepRole ?? 'sales'}
        next: e1
      e1:
        name: 结束
        type: end
    requirements:
      R1:
        title: T
        from: ${o.from ?? 'sales'}
        priority: could
        agreed: [${o.agreed ?? 'sales'}]
        decidedBy: ${o.decidedBy ?? 'sales'}
  `;

  it('fires on the key of a role nothing uses (its own `needs` is not a use)', () => {
    const text = file();
    const found = only('role/unused', text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'warning');
    assert.equal(f.text, 'legal');
    assert.equal(f.line, 8);
    assert.equal(f.column, 3);
    assert.equal(
      f.message,
      'Role "legal" (法务) is not used: no step is in its lane, and no requirement, data item or the process owner names it. Give it its steps with `role: legal`, or remove the role if it takes no part in this process.',
    );
    assert.deepEqual(f.d.data, { name: 'legal', roles: ['legal'] });
    const [z] = only('role/unused', text, { locale: 'zh-CN' });
    assert.equal(
      z.message,
      '角色“legal”（法务）未被使用：没有步骤在它的泳道中，也没有需求、数据或流程负责人引用它。请用 `role: legal` 把它负责的步骤分配给它；如果它不参与此流程，请删除该角色。',
    );
  });

  for (const [what, o] of [
    ['a step in its lane', { stepRole: 'legal' }],
    ['`process.owner`', { owner: 'legal' }],
    ['a requirement `from`', { from: 'legal' }],
    ['a requirement `agreed`', { agreed: 'sales, legal' }],
    ['a requirement `decidedBy`', { decidedBy: 'legal' }],
    ['a data `owner`', { dataOwner: 'legal' }],
  ] as const) {
    it(`stays quiet when ${what} names the role`, () => {
      assert.deepEqual(only('role/unused', file(o)), []);
    });
  }
});
