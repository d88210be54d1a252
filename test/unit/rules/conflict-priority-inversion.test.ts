import { strict as assert } from 'assert';
import { CONFLICT_HEAD } from '../../support/conflict-process';
import { lint, only } from '../helpers';

const CODE = 'conflict/priority-inversion';

function file(p1: string, p2: string, status2 = 'proposed'): string {
  return (
    CONFLICT_HEAD +
    [
      '  REQ-1:', // 28
      '    title: 自动拣货',
      '    from: sales',
      `    priority: ${p1}`,
      '    sets:',
      '      pick.mode: automatic',
      '    agreed: [warehouse]',
      '    depends: [REQ-2]', // 35
      '  REQ-2:',
      '    title: 扫码枪',
      '    from: warehouse',
      `    priority: ${p2}`, // 39
      `    status: ${status2}`,
      '    steps: [pick]',
      '',
    ].join('\n')
  );
}

describe('conflict/priority-inversion', () => {
  it('fires on the depends entry of a must that depends on a could', () => {
    const text = file('must', 'could');
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column, f.severity]), [['REQ-2', 35, 15, 'warning']]);
    const [f] = found;
    assert.equal(f.message, 'Priority inversion: REQ-1 (must, 业务员) depends on REQ-2 (could, 仓库主管). Raise REQ-2 to must, lower REQ-1, or drop the dependency.');
    assert.match(
      f.d.detail!,
      /^"REQ-1" \(must, asked by 业务员 "sales"\) is a must but depends on "REQ-2" \(could, asked by 仓库主管 "warehouse"\), which is only a could: if "REQ-2" is postponed or dropped, "REQ-1" cannot be delivered\.$/,
    );
    assert.equal(f.messageId, 'inversion');
    assert.deepEqual([f.data?.r, f.data?.t, f.data?.rId, f.data?.tId], ['REQ-1 (must, 业务员)', 'REQ-2 (could, 仓库主管)', 'REQ-1', 'REQ-2']);
    assert.equal(f.d.related![0].message, 'REQ-2 has priority could here: if it is postponed, REQ-1 cannot be delivered.');
    const rel = f.d.related![0];
    assert.equal(text.slice(rel.span.start, rel.span.end), 'could');
    assert.equal(f.d.related![0].span.start, text.indexOf('priority: could') + 'priority: '.length);
    assert.deepEqual(f.d.data, { steps: ['pick'], requirements: ['REQ-1', 'REQ-2'], other: 'REQ-2' });
  });

  it('fires for a wont as well, and speaks Chinese', () => {
    const [zh] = only(CODE, file('must', 'wont'), { locale: 'zh-CN' });
    assert.equal(zh.message, '优先级倒置：REQ-1（must，业务员）依赖 REQ-2（wont，仓库主管）。请把 REQ-2 提升为 must，或降低 REQ-1，或删除这项依赖。');
    assert.match(zh.d.detail!, /^“REQ-1”（must，由业务员“sales”提出）是 must，却依赖仅为 wont 的“REQ-2”（wont，由仓库主管“warehouse”提出）/);
  });

  it('stays quiet for must → should, should → could, and a rejected dependency', () => {
    assert.deepEqual(only(CODE, file('must', 'should')), []);
    assert.deepEqual(only(CODE, file('should', 'could')), []);
    assert.deepEqual(only(CODE, file('must', 'could', 'rejected')), []);
  });

  it('lists in `data.steps` the steps both name through steps, sets keys, adds and removes, once each, skipping a sets key without a step', () => {
    const text = file('must', 'could')
      .replace('      pick.mode: automatic\n', '      pick.mode: automatic\n      nodot: x\n      e1.sla: 2h\n      pick.owner: w\n')
      .replace('    steps: [pick]\n', '    steps: [pick]\n    adds: [pack]\n    removes: [s1]\n');
    const found = lint(text).filter((f) => f.code === CODE || f.code.startsWith('bizflow/'));
    assert.deepEqual(found.map((f) => [f.code, f.d.data]), [[CODE, { steps: ['pick', 'e1', 'pack', 's1'], requirements: ['REQ-1', 'REQ-2'], other: 'REQ-2' }]]);
  });
});
