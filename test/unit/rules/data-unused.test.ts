import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

describe('data/unused', () => {
  const file = (roleNeeds: string, stepNeeds: string, data = '') => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
        needs: [${roleNeeds}]
    steps:
      s1:
        name: 接单
        type: start
        role: sales
        produces: [order, receipt]
        next: s2
      s2:
        name: Ship
        role: sales
        needs: [${stepNeeds}]
        next: e1
      e1:
        name: End
        type: end
  ` + data;

  it('fires on the reference in produces when nobody needs the data', () => {
    const found = only('data/unused', file('order', 'order'));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.text, 'receipt');
    assert.equal(f.line, 13);
    assert.equal(f.column, 23);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /^Step 接单 "s1" produces "receipt", but no step or role needs it\./);
    assert.deepEqual(f.d.data?.steps, ['s1']);
  });

  it('speaks Chinese', () => {
    const [f] = only('data/unused', file('order', 'order'), { locale: 'zh-CN' });
    assert.match(f.message, /^步骤接单“s1”产出“receipt”，但没有任何步骤或角色需要它。/);
  });

  it('stays quiet when a role or a step needs the data', () => {
    assert.deepEqual(only('data/unused', file('order, receipt', 'order')), []);
    assert.deepEqual(only('data/unused', file('order', 'receipt, order')), []);
  });

  it('leaves undeclared data to ref/unknown-data when a dictionary is present', () => {
    const data = yaml`
      data:
        order: { name: 订单 }
    `;
    assert.deepEqual(only('data/unused', file('order', 'order', data)), []);
  });
});
