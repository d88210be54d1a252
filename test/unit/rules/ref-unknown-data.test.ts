import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

describe('ref/unknown-data', () => {
  const file = (o: { roleNeeds?: string; needs?: string; produces?: string; data?: boolean } = {}) => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
        needs: [${o.roleNeeds ?? 'order'}]
    ${o.data === false ? 'x-no-data: 1' : 'data:'}
    ${o.data === false ? '' : '  order: { name: 订单, owner: sales }'}
    ${o.data === false ? '' : '  invoice: { name: 发票, external: true }'}
    steps:
      s1:
        name: 下单
        type: start
        role: sales
        needs: [${o.needs ?? 'invoice'}]
        produces: [${o.produces ?? 'order'}]
        next: e1
      e1:
        name: End
        type: end
  `;

  it('fires on a step `needs` entry not declared under `data:`, with a suggestion', () => {
    const found = only('ref/unknown-data', file({ needs: 'invoice, invoce' }));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'error');
    assert.equal(f.text, 'invoce');
    assert.equal(f.line, 16);
    assert.equal(f.column, 22);
    assert.equal(f.message, 'Step "s1" (下单) needs data "invoce", which is not declared under `data:`. Did you mean "invoice"?');
    assert.deepEqual(f.d.data, { name: 'invoce', suggestion: 'invoice', kind: 'data' });
  });

  it('fires on step `produces` and role `needs`, in Chinese too', () => {
    const text = file({ roleNeeds: 'report', produces: 'orders' });
    const found = only('ref/unknown-data', text);
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column]),
      [
        ['report', 7, 13],
        ['orders', 17, 16],
      ],
    );
    assert.match(found[0].message, /^Role "sales" \(销售\) needs data "report".*Declare it under `data:`/);
    const zh = only('ref/unknown-data', text, { locale: 'zh-CN' });
    assert.equal(zh[0].message, '角色“sales”（销售）需要的数据“report”未在 `data:` 中声明。请在 `data:` 下声明它，或改用已声明的数据。');
    assert.equal(zh[1].message, '步骤“s1”（下单）产出的数据“orders”未在 `data:` 中声明。是否想写“order”？');
  });

  it('stays quiet when every data id is declared', () => {
    assert.deepEqual(only('ref/unknown-data', file()), []);
  });

  it('stays quiet without a `data:` section: then any data id is fine', () => {
    assert.deepEqual(only('ref/unknown-data', file({ data: false, needs: 'anything', roleNeeds: 'report' })), []);
  });
});
