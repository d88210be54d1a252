import { strict as assert } from 'assert';
import { only, yaml } from '../helpers';

describe('ref/unknown-role', () => {
  const file = (role: string) => yaml`
    bizflow: 1
    process:
      name: P
      owner: sales
    roles:
      sales:
        name: 销售
    steps:
      s1:
        name: Start
        type: start
        role: ${role}
        next: e1
      e1:
        name: End
        type: end
  `;

  it('fires on a step role that is not defined, with the exact range and a suggestion', () => {
    const found = only('ref/unknown-role', file('slaes'));
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'slaes');
    assert.equal(found[0].line, 12);
    assert.equal(found[0].column, 11);
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].d.data?.suggestion, 'sales');
    assert.equal(found[0].messageId, 'unknownRole');
    assert.deepEqual(found[0].data, { role: 'slaes', hint: ' Did you mean "sales"?' });
  });

  it('stays quiet when the role exists', () => {
    assert.deepEqual(only('ref/unknown-role', file('sales')), []);
  });

  it('words the message in English and in Chinese', () => {
    assert.equal(only('ref/unknown-role', file('slaes'))[0].message, 'Unknown role "slaes". Did you mean "sales"?');
    const [f] = only('ref/unknown-role', file('slaes'), { locale: 'zh-CN' });
    assert.equal(f.message, '未知角色“slaes”。是否想写“sales”？');
  });

  it('excludes quotes from the range of a quoted reference', () => {
    const [f] = only('ref/unknown-role', file('"nobody"'));
    assert.equal(f.text, 'nobody');
    assert.equal(f.d.data?.suggestion, undefined);
  });
});
