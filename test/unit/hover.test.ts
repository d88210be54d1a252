import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import { mdEscape } from '../../src/core/cards';
import { hoverAt } from '../../src/core/hover';
import type { Locale } from '../../src/core/types';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../fixtures/workspace/order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.resolve(__dirname, '../../examples/procure-to-pay.bizflow.yaml'), 'utf8');

function at(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not in text`);
  return i + delta;
}

function hover(text: string, offset: number, locale: Locale = 'en') {
  const r = analyze(text, { locale });
  return hoverAt(r.model, offset, locale, r.diagnostics);
}

describe('hover', () => {
  it('shows a step card: name, lane, department, data, attributes, next, requirements touching it and its conflicts', () => {
    const off = at(ORDER, '  pick:', 3);
    const h = hover(ORDER, off)!;
    assert.deepEqual(h.span, { start: at(ORDER, '  pick:', 2), end: at(ORDER, '  pick:', 6) });
    assert.equal(
      h.markdown,
      [
        '**拣货出库** `pick` — step (task)',
        '',
        '**Lane:** 仓库主管 `warehouse` · 物流部',
        '',
        '**Needs:** `order`',
        '',
        '**Produces:** `delivery-status`',
        '',
        '**Attributes:** `mode` = manual',
        '',
        '**Next:** 出库复核 `double-check`',
        '',
        '**Requirements**',
        '- `REQ-001` (must, accepted, from 业务员 `sales`): 订单一键下推仓库，自动拣货 — sets `mode` = automatic',
        '- `REQ-002` (should, proposed, from 仓库主管 `warehouse`): 高价值订单出库前人工复核 — sets `mode` = manual-review',
        '- `REQ-003` (must, proposed, from 运营总监 `director`): 每个环节写入追溯日志，三端数据拉通 — about it',
        '',
        '**Conflicts**',
        // the short message's first sentence, who decides, and the explanation below it
        '- ⚠️ `conflict/contradiction` Contradiction on pick.mode: REQ-001 (must, 业务员) sets "automatic", REQ-002 (should, 仓库主管) sets "manual-review". — decides: 运营总监 `director`',
        '  - Step 拣货出库 "pick" can only work one way. Today it is "manual". "REQ-001" (must, asked by 业务员 "sales") wants "automatic"; "REQ-002" (should, asked by 仓库主管 "warehouse") wants "manual-review". "REQ-001" (must) outranks "REQ-002" (should). If "REQ-001" wins, record the decision in it with `overrides: [REQ-002]` and `decidedBy: director`; otherwise change one of them so they agree.',
        '- ⚠️ `conflict/unagreed-burden` REQ-001 (must, 业务员) changes pick.mode to "automatic" in the lane of 仓库主管, who has not agreed.',
        '  - "REQ-001" (must, asked by 业务员 "sales") changes "pick.mode" to "automatic" on step 拣货出库 "pick", in the lane of 仓库主管 "warehouse": the way that team works is changed without its sign-off. Ask 仓库主管 "warehouse" to sign off and add "warehouse" to the `agreed` list of "REQ-001" (or record its agreement under `reviews`), or drop the change.',
      ].join('\n'),
    );
  });

  it('shows the same card on a reference (a `sets` key) as on the definition', () => {
    const onRef = hover(ORDER, at(ORDER, 'pick.mode: automatic', 1))!;
    assert.equal(onRef.markdown, hover(ORDER, at(ORDER, '  pick:', 3))!.markdown);
    assert.equal(ORDER.slice(onRef.span.start, onRef.span.end), 'pick');
  });

  it('shows a role card in Chinese: department, concerns, lane, requests and the conflicts of its lane and its asks', () => {
    const h = hover(ORDER, at(ORDER, '  warehouse:', 4), 'zh-CN')!;
    const lines = h.markdown.split('\n');
    assert.equal(lines[0], '**仓库主管** `warehouse` — 角色');
    assert.ok(lines.includes('**部门：** 物流部'));
    assert.ok(lines.includes('**关注点：** 出库效率、少返工'));
    assert.ok(lines.includes('**泳道步骤：** 拣货出库 `pick`、出库复核 `double-check`'));
    assert.ok(lines.includes('- `REQ-002`（should，proposed，由仓库主管 `warehouse`提出）：高价值订单出库前人工复核'));
    const section = lines.slice(lines.indexOf('**冲突**') + 1, lines.indexOf('**对该角色的变化**') - 1);
    // each conflict, with its explanation indented below it
    const conflicts = section.filter((l) => l.startsWith('- '));
    assert.equal(conflicts.length, 3, section.join('\n'));
    assert.deepEqual(section.map((l) => l.startsWith('  - ')), [false, true, false, true, false, true]);
    assert.ok(conflicts.every((l) => l.startsWith('- ⚠️ `conflict/')));
    // the contradiction is reported in both requirements but shown once, with who decides (the process owner)
    assert.deepEqual(conflicts.filter((l) => l.includes('conflict/contradiction')).map((l) => l.endsWith(' —— 决定人：运营总监 `director`')), [true]);
    // what changes for the warehouse: the step REQ-003 adds, the contested mode, the agreements it has not given
    assert.deepEqual(lines.slice(lines.indexOf('**对该角色的变化**') + 1), [
      '- 新增步骤：出库复核 `double-check`',
      '- 改变：拣货出库 `pick` `mode` manual → 有争议（automatic / manual-review）',
      '- 待其同意：`REQ-001`、`REQ-003`',
    ]);
  });

  it('shows a requirement card: who asked (with department), priority, status, steps, dependencies, acceptance, conflicts', () => {
    const h = hover(ORDER, at(ORDER, '  REQ-004:', 4))!;
    assert.equal(
      h.markdown,
      [
        '**信用审核改由总监审批** `REQ-004` — requirement',
        '',
        '**Asked by:** 运营总监 `director` · 管理层',
        '',
        '**Priority:** could · status proposed',
        '',
        '**Steps**',
        '- 信用审核 `credit-check` sets `approver` = director',
        '',
        '**Depends on:** `REQ-003`',
        '',
        '**Acceptance:** none yet',
        '',
        '**Conflicts**',
        '- ⚠️ `conflict/unagreed-burden` REQ-004 (could, 运营总监) changes credit-check.approver to "director" in the lane of 财务专员, who has not agreed.',
        '  - "REQ-004" (could, asked by 运营总监 "director") changes "credit-check.approver" to "director" on step 信用审核 "credit-check", in the lane of 财务专员 "finance": the way that team works is changed without its sign-off. Ask 财务专员 "finance" to sign off and add "finance" to the `agreed` list of "REQ-004" (or record its agreement under `reviews`), or drop the change.',
      ].join('\n'),
    );
    // on a reference in `depends`
    const dep = hover(ORDER, at(ORDER, 'depends: [REQ-003]', 'depends: ['.length + 2))!;
    assert.match(dep.markdown, /^\*\*每个环节写入追溯日志，三端数据拉通\*\* `REQ-003` — requirement/);
    assert.match(dep.markdown, /\*\*Acceptance:\*\* none yet/);
  });

  it('shows a decided conflict as decided, on the overridden requirement, its entry in `overrides` and the winner (both languages)', () => {
    const section = (markdown: string, title: string) => {
      const lines = markdown.split('\n');
      const i = lines.indexOf(title);
      assert.ok(i >= 0, markdown);
      const out: string[] = [];
      for (let k = i + 1; k < lines.length && lines[k].startsWith('- '); k++) out.push(lines[k]);
      return out;
    };
    const onLoser = hover(P2P, at(P2P, '  REQ-103:', 3))!;
    const onEntry = hover(P2P, at(P2P, 'overrides: [REQ-103]', 'overrides: ['.length + 2))!;
    const onWinner = hover(P2P, at(P2P, '  REQ-102:', 3))!;
    assert.equal(P2P.slice(onEntry.span.start, onEntry.span.end), 'REQ-103');
    assert.deepEqual(section(onLoser.markdown, '**Decisions**'), ['- `REQ-103` overridden by `REQ-102`, decided by 财务总监 `cfo`']);
    assert.equal(onEntry.markdown, onLoser.markdown);
    assert.deepEqual(section(onWinner.markdown, '**Decisions**'), ['- `REQ-103` overridden by `REQ-102`, decided by 财务总监 `cfo`']);
    const zh = hover(P2P, at(P2P, '  REQ-103:', 3), 'zh-CN')!;
    assert.deepEqual(section(zh.markdown, '**已记录的决定**'), ['- `REQ-103` 已被 `REQ-102` 覆盖，由财务总监 `cfo` 决定']);

    // no `decidedBy`: the process owner decides, and the card says so
    const byOwner = P2P.replace('    decidedBy: cfo\n', '');
    assert.notEqual(byOwner, P2P);
    assert.deepEqual(section(hover(byOwner, at(byOwner, '  REQ-103:', 3))!.markdown, '**Decisions**'), [
      '- `REQ-103` overridden by `REQ-102`, decided by the process owner, 财务总监 `cfo` (no `decidedBy`)',
    ]);
    assert.deepEqual(section(hover(byOwner, at(byOwner, '  REQ-102:', 3), 'zh-CN')!.markdown, '**已记录的决定**'), [
      '- `REQ-103` 已被 `REQ-102` 覆盖，由流程负责人财务总监 `cfo` 决定（未写 `decidedBy`）',
    ]);
    // neither: nobody is recorded as deciding
    const nobody = byOwner.replace('  owner: cfo\n', '');
    assert.notEqual(nobody, byOwner);
    assert.deepEqual(section(hover(nobody, at(nobody, '  REQ-103:', 3))!.markdown, '**Decisions**'), [
      '- `REQ-103` overridden by `REQ-102`, with nobody recorded as deciding (no `decidedBy`, no process `owner`)',
    ]);
    assert.deepEqual(section(hover(nobody, at(nobody, '  REQ-103:', 3), 'zh-CN')!.markdown, '**已记录的决定**'), [
      '- `REQ-103` 已被 `REQ-102` 覆盖，尚无决定人（未写 `decidedBy`，流程也没有 `owner`）',
    ]);
    // a rejected winner decides nothing; a requirement with no decision has no such section
    const rejected = P2P.replace('    decidedBy: cfo\n', '    decidedBy: cfo\n    status: rejected\n');
    assert.ok(!hover(rejected, at(rejected, '  REQ-103:', 3))!.markdown.includes('**Decisions**'));
    assert.ok(!hover(ORDER, at(ORDER, '  REQ-001:', 3))!.markdown.includes('**Decisions**'));
  });

  it('shows a data card: producers and consumers', () => {
    const h = hover(ORDER, at(ORDER, 'needs: [order, credit-report]', 'needs: ['.length + 1))!;
    assert.equal(
      h.markdown,
      [
        '`order` — data item',
        '',
        '**Produced by:** 接收客户订单 `receive-order`',
        '',
        '**Needed by steps:** 信用审核 `credit-check`, 拣货出库 `pick`, 出库复核 `double-check`',
        '',
        '**Needed by roles:** 业务员 `sales`, 仓库主管 `warehouse`',
      ].join('\n'),
    );
  });

  it('shows a step attribute: today\'s value and what each requirement wants', () => {
    const h = hover(ORDER, at(ORDER, 'pick.mode: manual-review', 'pick.'.length + 1))!;
    const lines = h.markdown.split('\n');
    assert.equal(lines[0], '`mode` — step attribute of 拣货出库 `pick`');
    assert.ok(lines.includes('**Today:** manual'));
    assert.ok(lines.includes('- `REQ-002` (should, proposed, from 仓库主管 `warehouse`): 高价值订单出库前人工复核 → manual-review'));
  });

  it('describes keys of the format and rule codes', () => {
    const h = hover(ORDER, at(ORDER, '    priority: must', 6))!;
    assert.equal(h.markdown, '`priority` — one of must, should, could, wont · required\n\nMoSCoW priority: must, should, could or wont.');
    assert.equal(ORDER.slice(h.span.start, h.span.end), 'priority');
    const zh = hover(ORDER, at(ORDER, '  owner: director', 3), 'zh-CN')!;
    assert.equal(zh.markdown, '`owner` — 角色 id\n\n对整个流程负责的角色（角色 id）。');
    const withRules = ORDER + 'rules:\n  handoff/no-data: off\n';
    const r = hover(withRules, at(withRules, 'handoff/no-data: off', 3))!;
    assert.match(r.markdown, /^`handoff\/no-data` — rule, default info/);
  });

  it('explains allowed words', () => {
    const h = hover(ORDER, at(ORDER, '    type: decision', 12))!;
    assert.equal(h.markdown, '`decision` — A branch: `next` maps branch labels to steps.');
    assert.equal(ORDER.slice(h.span.start, h.span.end), 'decision');
    assert.equal(hover(ORDER, at(ORDER, '    priority: must', 15), 'zh-CN')!.markdown, '`must` — 必须有：没有它流程就不成立。');
  });

  it('returns nothing on free text and unknown keys', () => {
    assert.equal(hover(ORDER, at(ORDER, '订单一键下推仓库', 2)), undefined);
    assert.equal(hover(ORDER, at(ORDER, '# 订单履约流程', 3)), undefined);
  });

  it('escapes Markdown and HTML in names', () => {
    assert.equal(mdEscape('a*b_[c]<script>&`'), 'a\\*b\\_\\[c\\]&lt;script&gt;&amp;\\`');
    const text = ORDER.replace('    name: 业务员', '    name: "<img src=x> **bold**"');
    const h = hover(text, at(text, '  sales:', 4))!;
    assert.match(h.markdown, /^\*\*&lt;img src=x&gt; \\\*\\\*bold\\\*\\\*\*\* `sales` — role/);
  });

  it('lists eight items of a section, then "… and N more" (never "and 0 more")', () => {
    // a role asking for n requirements
    const file = (n: number) => {
      let t = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  sales:\n    name: 销售\nsteps:\n  s1:\n    name: S\n    type: start\n    role: sales\n    next: e1\n  e1:\n    name: E\n    type: end\nrequirements:\n';
      for (let i = 1; i <= n; i++) t += `  R${i}:\n    title: T${i}\n    from: sales\n    priority: could\n    steps: [s1]\n`;
      return t;
    };
    const section = (n: number, locale: Locale) => {
      const t = file(n);
      const lines = hover(t, at(t, '  sales:', 3), locale)!.markdown.split('\n');
      return lines.slice(lines.findIndex((l) => /^\*\*(Asked for|提出的需求)\*\*$/.test(l)) + 1);
    };
    for (const n of [1, 7, 8]) {
      const got = section(n, 'en');
      assert.equal(got.length, n, String(n));
      assert.ok(got.every((l) => /^- `R\d+` \(could, proposed, from 销售 `sales`\): T\d+$/.test(l)), String(n));
    }
    assert.deepEqual(section(9, 'en').slice(7), ['- `R8` (could, proposed, from 销售 `sales`): T8', '- … and 1 more']);
    assert.deepEqual(section(11, 'en').slice(8), ['- … and 3 more']);
    assert.deepEqual(section(8, 'zh-CN').slice(7), ['- `R8`（could，proposed，由销售 `sales`提出）：T8']);
    assert.deepEqual(section(9, 'zh-CN').slice(8), ['- …… 另有 1 项']);
  });
});
