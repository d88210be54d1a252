import { strict as assert } from 'assert';
import { CONFLICT_HEAD } from '../../support/conflict-process';
import { only } from '../helpers';

const CODE = 'conflict/depends-rejected';

function file(o: { status1?: string; status2?: string } = {}): string {
  return (
    CONFLICT_HEAD +
    [
      '  REQ-1:', // 28
      '    title: 自动拣货',
      '    from: sales',
      '    priority: must',
      `    status: ${o.status1 ?? 'accepted'}`,
      '    steps: [s1]',
      '    depends: [REQ-2]', // 34
      '  REQ-2:',
      '    title: 扫码枪',
      '    from: warehouse',
      '    priority: should',
      `    status: ${o.status2 ?? 'rejected'}`, // 39
      '    steps: [pick]',
      '',
    ].join('\n')
  );
}

describe('conflict/depends-rejected', () => {
  it('fires on the depends entry of a live requirement that depends on a rejected one', () => {
    const text = file();
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.text, f.line, f.column, f.severity]), [['REQ-2', 34, 15, 'error']]);
    const [f] = found;
    assert.equal(f.message, 'REQ-1 (must, 业务员) depends on REQ-2 (should, 仓库主管), which was rejected. Drop the dependency, reopen REQ-2, or reject REQ-1 too.');
    assert.match(f.d.detail!, /^"REQ-1" \(must, asked by 业务员 "sales"\) depends on "REQ-2" \(should, asked by 仓库主管 "warehouse"\), which was rejected, so "REQ-1" cannot be delivered as written\./);
    assert.equal(f.d.related![0].message, 'REQ-2 was rejected here.');
    const rel = f.d.related![0];
    assert.equal(text.slice(rel.span.start, rel.span.end), 'rejected');
    assert.deepEqual(f.d.data, { steps: ['s1', 'pick'], requirements: ['REQ-1', 'REQ-2'], other: 'REQ-2' });
    const [zh] = only(CODE, text, { locale: 'zh-CN' });
    assert.equal(zh.message, 'REQ-1（must，业务员）依赖已被拒绝的 REQ-2（should，仓库主管）。请删除这项依赖，或重新启用 REQ-2，或一并拒绝 REQ-1。');
    assert.match(zh.d.detail!, /^“REQ-1”（must，由业务员“sales”提出）依赖“REQ-2”（should，由仓库主管“warehouse”提出），但后者已被拒绝/);
  });

  it('stays quiet when the dependency is live, or the dependent is rejected too', () => {
    assert.deepEqual(only(CODE, file({ status2: 'proposed' })), []);
    assert.deepEqual(only(CODE, file({ status2: 'done' })), []);
    assert.deepEqual(only(CODE, file({ status1: 'rejected' })), []);
  });
});
