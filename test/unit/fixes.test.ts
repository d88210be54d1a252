import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, editsOverlap } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import { DECIDER_PLACEHOLDER, fixesFor, type Fix } from '../../src/core/fixes';
import type { Diagnostic, Locale } from '../../src/core/types';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../fixtures/workspace/order-fulfilment.bizflow.yaml'), 'utf8');

/** Replaces each `[from, to]` exactly once (failing when `from` is not there exactly once). */
function change(text: string, replacements: [string, string][]): string {
  let out = text;
  for (const [from, to] of replacements) {
    assert.equal(out.split(from).length - 1, 1, `"${from}" should occur once`);
    out = out.replace(from, () => to);
  }
  return out;
}

function diagnostic(text: string, code: string, pick: (d: Diagnostic) => boolean = () => true): Diagnostic {
  const d = analyze(text).diagnostics.find((x) => x.code === code && pick(x));
  assert.ok(d, `no ${code} in ${analyze(text).diagnostics.map((x) => x.code).join(', ')}`);
  return d;
}

function fixes(text: string, code: string, pick?: (d: Diagnostic) => boolean, locale: Locale = 'en'): Fix[] {
  const r = analyze(text);
  const d = diagnostic(text, code, pick);
  return fixesFor(r.model, d, locale);
}

/** Applies the fix whose title matches, checking its edits do not overlap. */
function apply(text: string, code: string, title: RegExp, pick?: (d: Diagnostic) => boolean, locale: Locale = 'en'): string {
  const fs_ = fixes(text, code, pick, locale);
  const f = fs_.find((x) => title.test(x.title));
  assert.ok(f, `no fix ${title} for ${code}; have: ${fs_.map((x) => x.title).join(' | ')}`);
  assert.equal(editsOverlap(f.edits), false);
  return applyEdits(text, f.edits);
}

const codes = (text: string) => analyze(text).diagnostics.map((d) => d.code);

describe('quick fixes', () => {
  describe('unknown references', () => {
    it('replaces a typo with the suggested id (preferred), giving back the original file', () => {
      const typo = change(ORDER, [['    role: finance\n    needs: [order, credit-report]', '    role: financ\n    needs: [order, credit-report]']]);
      const fs_ = fixes(typo, 'ref/unknown-role');
      assert.equal(fs_[0].title, "Change to 'finance'");
      assert.equal(fs_[0].isPreferred, true);
      assert.equal(applyEdits(typo, fs_[0].edits), ORDER);
      assert.equal(fixes(typo, 'ref/unknown-role', undefined, 'zh-CN')[0].title, '改为“finance”');
    });

    it('fixes the step part of a `sets` key', () => {
      const typo = change(ORDER, [['      pick.mode: automatic', '      pik.mode: automatic']]);
      assert.equal(apply(typo, 'ref/unknown-step', /Change to 'pick'/), ORDER);
    });

    it('creates a missing role as a stub at the end of `roles:`', () => {
      const text = change(ORDER, [['    role: sales\n    next: done', '    role: legal\n    next: done']]);
      const got = apply(text, 'ref/unknown-role', /Create role 'legal'/);
      assert.equal(got, change(text, [['    needs: [trace-log]\n', '    needs: [trace-log]\n  legal:\n    name: legal\n']]));
      assert.ok(!codes(got).includes('ref/unknown-role'));
    });

    it('creates a missing step as a stub at the end of `steps:`, in the lane of the step that names it', () => {
      const text = change(ORDER, [['    produces: [invoice]\n    next: done', '    produces: [invoice]\n    next: archive']]);
      const got = apply(text, 'ref/unknown-step', /Create step 'archive'/);
      assert.equal(got, change(text, [['    name: 交付完成\n    type: end\n', '    name: 交付完成\n    type: end\n  archive:\n    name: archive\n    role: finance\n']]));
    });

    it('creates the section when it is missing, and declares data when there is a dictionary', () => {
      const text = 'bizflow: 1\nprocess:\n  name: P\nsteps:\n  s:\n    name: S\n    type: start\n    role: boss\n    next: e\n  e:\n    name: E\n    type: end\n';
      assert.equal(apply(text, 'ref/unknown-role', /Create role/), text + 'roles:\n  boss:\n    name: boss\n');
      const withData = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  a:\n    name: A\n    needs: [ordr]\ndata:\n  order:\n    name: Order\n    external: true\nsteps:\n  s: {name: S, type: start, role: a, next: e}\n  e: {name: E, type: end}\n';
      assert.equal(apply(withData, 'ref/unknown-data', /Change to 'order'/), withData.replace('[ordr]', '[order]'));
      assert.equal(
        apply(withData, 'ref/unknown-data', /Declare data 'ordr'/),
        withData.replace('    external: true\n', '    external: true\n  ordr:\n    name: ordr\n'),
      );
    });

    it('keeps CRLF line ends', () => {
      const crlf = ORDER.replace(/\n/g, '\r\n');
      const text = crlf.replace('    role: sales\r\n    next: done', '    role: legal\r\n    next: done');
      const got = apply(text, 'ref/unknown-role', /Create role/);
      assert.equal(got, text.replace('    needs: [trace-log]\r\n', '    needs: [trace-log]\r\n  legal:\r\n    name: legal\r\n'));
    });
  });

  describe('conflict/unagreed-burden: add the burdened role to `agreed`', () => {
    it('creates the list when absent', () => {
      const got = apply(ORDER, 'conflict/unagreed-burden', /warehouse/, (d) => d.data?.requirements?.[0] === 'REQ-001');
      assert.equal(
        got,
        change(ORDER, [['      - 订单审核通过后 5 分钟内生成拣货单\n', '      - 订单审核通过后 5 分钟内生成拣货单\n    agreed: [warehouse]\n']]),
      );
      assert.ok(!analyze(got).diagnostics.some((d) => d.code === 'conflict/unagreed-burden' && d.data?.requirements?.[0] === 'REQ-001'));
    });

    it('appends to a flow list, an empty flow list, a block list and an empty key', () => {
      const pick = (d: Diagnostic) => d.data?.requirements?.[0] === 'REQ-003';
      const flow = change(ORDER, [['    adds: [double-check]', '    adds: [double-check]\n    agreed: [sales]  # signed 1 May']]);
      assert.equal(apply(flow, 'conflict/unagreed-burden', /warehouse/, pick), flow.replace('[sales]  #', '[sales, warehouse]  #'));
      const empty = change(ORDER, [['    adds: [double-check]', '    adds: [double-check]\n    agreed: []']]);
      assert.equal(apply(empty, 'conflict/unagreed-burden', /warehouse/, pick), empty.replace('agreed: []', 'agreed: [warehouse]'));
      const block = change(ORDER, [['    adds: [double-check]', '    adds: [double-check]\n    agreed:\n      - sales   # by mail\n      - finance']]);
      assert.equal(
        apply(block, 'conflict/unagreed-burden', /warehouse/, pick),
        block.replace('      - finance\n', '      - finance\n      - warehouse\n'),
      );
      const bare = change(ORDER, [['    adds: [double-check]', '    adds: [double-check]\n    agreed:']]);
      assert.equal(apply(bare, 'conflict/unagreed-burden', /warehouse/, pick), bare.replace('    agreed:\n', '    agreed: [warehouse]\n'));
    });
  });

  describe('req/no-acceptance', () => {
    it('adds an acceptance list with a placeholder at the end of the requirement', () => {
      const got = apply(ORDER, 'req/no-acceptance', /Add acceptance criteria to REQ-003/);
      assert.equal(
        got,
        change(ORDER, [['    steps: [receive-order, pick, invoice]\n', '    steps: [receive-order, pick, invoice]\n    acceptance:\n      - TODO acceptance criterion\n']]),
      );
      assert.ok(!codes(got).includes('req/no-acceptance'));
      const zh = apply(ORDER, 'req/no-acceptance', /REQ-003/, undefined, 'zh-CN');
      assert.match(zh, /\n {4}acceptance:\n {6}- 待补充验收标准\n/);
    });

    it('fills an empty `acceptance:` and works on flow-style requirements', () => {
      const bare = change(ORDER, [['    adds: [double-check]', '    acceptance:\n    adds: [double-check]']]);
      assert.equal(apply(bare, 'req/no-acceptance', /REQ-003/), bare.replace('    acceptance:\n    adds:', '    acceptance:\n      - TODO acceptance criterion\n    adds:'));
      const flow = ORDER + '  REQ-005: {title: 流式写法, from: sales, priority: must, steps: [pick]}\n';
      assert.equal(
        apply(flow, 'req/no-acceptance', /REQ-005/, (d) => d.data?.requirements?.[0] === 'REQ-005'),
        flow.replace('steps: [pick]}', 'steps: [pick], acceptance: [TODO acceptance criterion]}'),
      );
    });
  });

  describe('conflicts: record the decision', () => {
    const onReq001 = (d: Diagnostic) => d.data?.requirements?.[0] === 'REQ-001';

    it('offers both decisions, each adding `overrides` and `decidedBy: <process owner>` to the winner', () => {
      const fs_ = fixes(ORDER, 'conflict/contradiction', onReq001);
      assert.deepEqual(
        fs_.map((f) => f.title),
        [
          'Record the decision: REQ-001 wins over REQ-002 (overrides, decided by director)',
          'Record the decision: REQ-002 wins over REQ-001 (overrides, decided by director)',
        ],
      );
      const got = applyEdits(ORDER, fs_[0].edits);
      assert.equal(
        got,
        change(ORDER, [
          ['      - 订单审核通过后 5 分钟内生成拣货单\n', '      - 订单审核通过后 5 分钟内生成拣货单\n    overrides: [REQ-002]\n    decidedBy: director\n'],
        ]),
      );
      assert.ok(!codes(got).includes('conflict/contradiction'));
      const other = applyEdits(ORDER, fs_[1].edits);
      assert.equal(
        other,
        change(ORDER, [
          ['      - 金额超过 10 万的订单必须有复核人签字\n', '      - 金额超过 10 万的订单必须有复核人签字\n    overrides: [REQ-001]\n    decidedBy: director\n'],
        ]),
      );
      assert.ok(!codes(other).includes('conflict/contradiction'));
    });

    it('keeps an existing `decidedBy`, appends to existing `overrides`, and uses a placeholder without a process owner', () => {
      const text = change(ORDER, [
        ['    priority: should\n', '    priority: should\n    overrides: [REQ-004]\n    decidedBy: warehouse\n'],
        ['  owner: director\n', ''],
      ]);
      const fs_ = fixes(text, 'conflict/contradiction', onReq001);
      assert.equal(fs_[1].title, 'Record the decision: REQ-002 wins over REQ-001 (overrides, decided by warehouse)');
      assert.equal(applyEdits(text, fs_[1].edits), text.replace('overrides: [REQ-004]', 'overrides: [REQ-004, REQ-001]'));
      assert.equal(
        applyEdits(text, fs_[0].edits),
        text.replace('      - 订单审核通过后 5 分钟内生成拣货单\n', '      - 订单审核通过后 5 分钟内生成拣货单\n    overrides: [REQ-002]\n    decidedBy: TODO\n'),
      );
    });

    it(`writes \`decidedBy: ${DECIDER_PLACEHOLDER}\` when process.owner is undefined, empty, not an id, or names no role`, () => {
      const decided = (text: string) =>
        fixes(text, 'conflict/contradiction', onReq001).map((f) => {
          const got = applyEdits(text, f.edits);
          return [f.title.replace(/^.*decided by /, ''), /decidedBy: (.*)\n/.exec(got.slice(got.indexOf('overrides: [REQ-00')))?.[1]];
        });
      const placeholder = [
        [`${DECIDER_PLACEHOLDER})`, DECIDER_PLACEHOLDER],
        [`${DECIDER_PLACEHOLDER})`, DECIDER_PLACEHOLDER],
      ];
      for (const owner of ['', '  owner:\n', '  owner: ~\n', '  owner: [director]\n', '  owner: nobody\n', '  owner: 42\n']) {
        assert.deepEqual(decided(change(ORDER, [['  owner: director\n', owner]])), placeholder, JSON.stringify(owner));
      }
      assert.deepEqual(decided(ORDER), [
        ['director)', 'director'],
        ['director)', 'director'],
      ]);
      // the owner is any role of the file, not only the first one
      assert.deepEqual(decided(change(ORDER, [['  owner: director\n', '  owner: warehouse\n']])), [
        ['warehouse)', 'warehouse'],
        ['warehouse)', 'warehouse'],
      ]);
      const zh = fixesFor(analyze(change(ORDER, [['  owner: director\n', '']])).model, diagnostic(ORDER, 'conflict/contradiction', onReq001), 'zh-CN');
      assert.deepEqual(
        zh.map((f) => f.title),
        [`记录决定：以 REQ-001 为准，优先于 REQ-002（overrides，决定人 ${DECIDER_PLACEHOLDER}）`, `记录决定：以 REQ-002 为准，优先于 REQ-001（overrides，决定人 ${DECIDER_PLACEHOLDER}）`],
      );
    });

    it('offers nothing for a conflict whose other requirement is missing or is the same requirement', () => {
      const d = diagnostic(ORDER, 'conflict/contradiction', onReq001);
      const model = analyze(ORDER).model;
      assert.equal(fixesFor(model, d, 'en').length, 2);
      for (const other of ['REQ-404', 'REQ-001', 7, undefined]) {
        const changed = { ...d, data: { ...d.data, other } } as Diagnostic;
        assert.deepEqual(fixesFor(model, changed, 'en'), [], String(other));
      }
    });

    it('records decisions on removed-step conflicts too', () => {
      const text = change(ORDER, [['    adds: [double-check]\n', '    adds: [double-check]\n    removes: [pick]\n']]);
      const got = apply(text, 'conflict/removed-step', /REQ-003 wins over REQ-001/);
      assert.equal(
        got,
        text.replace('    steps: [receive-order, pick, invoice]\n', '    steps: [receive-order, pick, invoice]\n    overrides: [REQ-001]\n    decidedBy: director\n'),
      );
    });
  });

  describe('schema', () => {
    it('fixes the spelling of an unknown key, or removes it with its nested lines', () => {
      const text = change(ORDER, [
        ['    department: 业务部\n', '    departmen: 业务部\n'],
        ['    depends: [REQ-003]\n', '    notes:   # free notes\n      - a\n      - b\n    depends: [REQ-003]\n'],
      ]);
      assert.equal(apply(text, 'schema/unknown-key', /Change to 'department'/), text.replace('departmen:', 'department:'));
      assert.equal(apply(text, 'schema/unknown-key', /Remove 'departmen'/), text.replace('    departmen: 业务部\n', ''));
      assert.equal(
        apply(text, 'schema/unknown-key', /Remove 'notes'/, (d) => d.data?.name === 'notes'),
        text.replace('    notes:   # free notes\n      - a\n      - b\n', ''),
      );
      const flow = ORDER + '  REQ-005: {title: x, colour: red, from: sales, priority: could}\n';
      assert.equal(apply(flow, 'schema/unknown-key', /Remove 'colour'/), flow.replace('colour: red, ', ''));
      const last = ORDER + '  REQ-005: {title: x, from: sales, priority: could, colour: red}\n';
      assert.equal(apply(last, 'schema/unknown-key', /Remove 'colour'/), last.replace(', colour: red', ''));
    });

    it('wraps a scalar in a list when a list is expected', () => {
      const text = change(ORDER, [['    role: warehouse\n    needs: [order]\n    produces', '    role: warehouse\n    needs: order\n    produces']]);
      const f = fixes(text, 'schema/type');
      assert.equal(f[0].title, 'Wrap the value in a list');
      assert.equal(f[0].isPreferred, true);
      assert.equal(applyEdits(text, f[0].edits), ORDER);
      const quoted = change(ORDER, [['    concerns: [回款风险]', '    concerns: "回款风险"']]);
      assert.equal(apply(quoted, 'schema/type', /Wrap/), quoted.replace('"回款风险"', '["回款风险"]'));
    });

    it('replaces a misspelt word with the suggested one', () => {
      const text = change(ORDER, [['    priority: should', '    priority: shuold']]);
      assert.equal(apply(text, 'schema/enum', /Change to 'should'/), ORDER);
    });

    it('replaces an invalid id everywhere with the suggested one', () => {
      const text = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  a:\n    name: A\nsteps:\n  s:\n    name: S\n    type: start\n    role: a\n    next: credit check\n  credit check:\n    name: C\n    role: a\n    next: e\n  e:\n    name: E\n    type: end\n';
      const got = apply(text, 'schema/id', /credit-check/);
      assert.equal(got, text.replace('next: credit check', 'next: credit-check').replace('  credit check:', '  credit-check:'));
      assert.deepEqual(codes(got), []);
    });

    it('writes the format version', () => {
      const missing = ORDER.replace('bizflow: 1\n', '');
      assert.equal(apply(missing, 'schema/version', /bizflow: 1/), ORDER);
      const wrong = ORDER.replace('bizflow: 1', 'bizflow: 2');
      assert.equal(apply(wrong, 'schema/version', /version to 1/), ORDER);
    });
  });

  it('offers nothing for diagnostics without a safe fix, and never throws', () => {
    const r = analyze(ORDER);
    for (const d of r.diagnostics.filter((x) => x.code.startsWith('data/') || x.code.startsWith('handoff/'))) {
      assert.deepEqual(fixesFor(r.model, d), []);
    }
    assert.deepEqual(fixesFor(r.model, { code: 'ref/unknown-role', severity: 'error', message: '', span: { start: 0, end: 0 }, data: { name: 'x' } }).length, 1);
    assert.deepEqual(fixesFor(analyze('').model, { code: 'req/no-acceptance', severity: 'warning', message: '', span: { start: 0, end: 0 } }), []);
  });
});
