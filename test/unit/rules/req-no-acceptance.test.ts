import { strict as assert } from 'assert';
import { BASE, lint, only, yaml } from '../helpers';

const CODE = 'req/no-acceptance';
// BASE is 15 lines; `requirements:` is line 16, the first requirement's key line 17
const file = (body: string) => BASE + 'requirements:\n' + body;

describe('req/no-acceptance', () => {
  const req = (priority: string, extra = '') => yaml`
      REQ-1:
        title: 一键下单
        from: sales
        priority: ${priority}
        steps: [s1]
  `.replace(/^(?=.)/gm, '  ') + extra;

  it('fires on the key of a live must without acceptance', () => {
    const found = only(CODE, file(req('must')));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.text, 'REQ-1');
    assert.equal(f.line, 17);
    assert.equal(f.column, 3);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Requirement "REQ-1" (must, asked by 销售 "sales") has no acceptance criteria: nobody can tell when it is done. Add an `acceptance:` list.');
    assert.deepEqual(f.d.data?.requirements, ['REQ-1']);
  });

  it('fires on a should with an empty list, and speaks Chinese', () => {
    const [f] = only(CODE, file(req('should', '    acceptance: []\n')), { locale: 'zh-CN' });
    assert.equal(f.text, 'REQ-1');
    assert.equal(f.message, '需求“REQ-1”（should，由销售“sales”提出）没有验收标准，无法判断何时算完成。请添加 `acceptance:` 列表，写明可检验的标准。');
    assert.equal(only(CODE, file(req('should', '    acceptance:\n'))).length, 1);
  });

  it('counts whitespace-only acceptance as none: a blank text, a list of blank items, blank and empty items', () => {
    for (const extra of ['    acceptance: "  "\n', '    acceptance: "\\t "\n', '    acceptance: ["  ", ""]\n', '    acceptance:\n      - "   "\n      -\n']) {
      assert.deepEqual(
        only(CODE, file(req('must', extra))).map((f) => [f.text, f.messageId, f.data]),
        [['REQ-1', 'noAcceptanceFrom', { id: 'REQ-1', priority: 'must', who: '销售 "sales"' }]],
        JSON.stringify(extra),
      );
    }
    // one real criterion among blank ones is enough
    assert.deepEqual(only(CODE, file(req('must', '    acceptance: ["  ", " 5 分钟内 "]\n'))), []);
  });

  it('names no role when the requirement has no `from`', () => {
    const text = file(req('should').replace('    from: sales\n', ''));
    assert.deepEqual(only(CODE, text).map((f) => [f.messageId, f.data]), [['noAcceptance', { id: 'REQ-1', priority: 'should' }]]);
  });

  it('stays quiet with criteria, for could/wont, for rejected requirements and for shapes it cannot read', () => {
    assert.deepEqual(only(CODE, file(req('must', '    acceptance:\n      - 5 分钟内生成拣货单\n'))), []);
    assert.deepEqual(only(CODE, file(req('could'))), []);
    assert.deepEqual(only(CODE, file(req('wont'))), []);
    assert.deepEqual(only(CODE, file(req('must', '    status: rejected\n'))), []);
    assert.deepEqual(only(CODE, file(req('must', '    acceptance: 5 分钟内生成拣货单\n'))), []);
  });

  it('counts `~`, an empty map and a list of blank entries as no criteria; any other shape as criteria it cannot read', () => {
    for (const extra of ['    acceptance: ~\n', '    acceptance: {}\n', '    acceptance: [~, ""]\n', '    acceptance:\n      -\n']) {
      assert.deepEqual(only(CODE, file(req('must', extra))).map((f) => [f.text, f.messageId]), [['REQ-1', 'noAcceptanceFrom']], JSON.stringify(extra));
    }
    for (const extra of ['    acceptance: {a: 1}\n', '    acceptance: 5\n', '    acceptance: true\n', '    acceptance: [{a: 1}]\n', '    acceptance: [[a]]\n', '    acceptance: [[]]\n', '    acceptance: [{}]\n', '    acceptance: ["", {a: 1}]\n']) {
      const all = lint(file(req('must', extra)));
      assert.deepEqual(all.filter((f) => f.code === CODE || f.code.startsWith('bizflow/')), [], JSON.stringify(extra));
    }
  });
});
