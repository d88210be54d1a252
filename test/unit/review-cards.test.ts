import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { complete } from '../../src/core/completion';
import { analyze } from '../../src/core/engine';
import { hoverAt } from '../../src/core/hover';
import { buildRoleTree } from '../../src/core/tree';
import { contextOf, describeKey } from '../../src/core/schema';
import type { Locale } from '../../src/core/types';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../fixtures/workspace/order-fulfilment.bizflow.yaml'), 'utf8');

/** REQ-001 with a source, a description and the warehouse's objection. */
const REVIEWED = ORDER.replace(
  '  REQ-001:\n',
  '  REQ-001:\n    source: { who: 张总, said: "拣货要快 *马上*", channel: 客户会议, on: 2026-11-01 }\n    description: 下推后自动生成拣货单\n    reviews:\n      - { role: warehouse, verdict: object, on: 2026-11-02, note: 人手不够 }\n      - { role: finance, verdict: agree, fingerprint: 0badf00d }\n',
);

function hover(text: string, needle: string, locale: Locale = 'en'): string[] {
  const r = analyze(text, { locale });
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return hoverAt(r.model, i + 3, locale, r.diagnostics)!.markdown.split('\n');
}

describe('review keys in hover and completion', () => {
  it('the requirement card shows the source (escaped), the description and each role\'s standing', () => {
    const en = hover(REVIEWED, '  REQ-001:');
    assert.ok(en.includes('**Source:** 张总 (客户会议, 2026-11-01): "拣货要快 \\*马上\\*"'), en.join('\n'));
    assert.ok(en.includes('下推后自动生成拣货单'));
    const reviews = en.slice(en.indexOf('**Reviews**') + 1, en.indexOf('**Reviews**') + 3);
    assert.equal(reviews[0], '- 仓库主管 `warehouse`: objects · 2026-11-02: "人手不够"');
    assert.match(reviews[1], /^- 财务专员 `finance`: agreed to an earlier version \(stale\) \(signed `0badf00d`, today `[0-9a-f]{8}`\)$/);
    const zh = hover(REVIEWED, '  REQ-001:', 'zh-CN');
    assert.ok(zh.includes('**来源：** 张总（客户会议，2026-11-01）：“拣货要快 \\*马上\\*”'), zh.join('\n'));
    assert.ok(zh.includes('- 仓库主管 `warehouse`：反对 · 2026-11-02：“人手不够”'));
  });

  it('a requirement without review keys shows none of them', () => {
    const lines = hover(ORDER, '  REQ-001:');
    assert.ok(!lines.some((l) => /Source|Reviews/.test(l)));
  });

  it('the role card lists what changes for it, with an objection among its pending agreements', () => {
    const lines = hover(REVIEWED, '  warehouse:');
    assert.deepEqual(lines.slice(lines.indexOf('**What changes for this role**') + 1), [
      '- Steps added: 出库复核 `double-check`',
      '- Changed: 拣货出库 `pick` `mode` manual → contested (automatic / manual-review)',
      '- Waiting for its agreement: `REQ-001` (objects), `REQ-003`',
    ]);
    // a role nothing changes for (the director asks, nobody asks of it) has no such section
    assert.ok(!hover(ORDER, '  director:').includes('**What changes for this role**'));
  });

  it('hover describes the new keys', () => {
    const r = analyze(REVIEWED);
    const h = (needle: string) => hoverAt(r.model, REVIEWED.indexOf(needle) + 1)!.markdown;
    assert.match(h('reviews:'), /^`reviews` — a list of maps\n\nEach role's verdict/);
    assert.match(h('source:'), /^`source` — a map of keys\n\nWhere the ask came from/);
    assert.match(h('description: 下推'), /^`description` — text\n\nWhat the requirement means/);
    assert.match(h('verdict: object'), /^`verdict` — one of agree, object, question · required/);
    assert.match(h('channel:'), /^`channel` — text/);
  });

  it('completion offers the keys of a review and of a source, and roles and verdicts as values', () => {
    const text = REVIEWED.replace('      - { role: finance, verdict: agree, fingerprint: 0badf00d }\n', '      - role: \n        verdict: \n        \n');
    const model = analyze(text).model;
    const labels = (needle: string, delta = 0) => complete(model, text.indexOf(needle) + needle.length + delta).map((e) => e.label);
    assert.deepEqual(labels('      - role: '), ['sales', 'warehouse', 'finance', 'director']);
    assert.deepEqual(labels('        verdict: '), ['agree', 'object', 'question']);
    assert.deepEqual(labels('        verdict: \n        '), ['on', 'fingerprint', 'note']);
    assert.equal(contextOf(['requirements', 'R', 'source']), 'source');
    assert.equal(contextOf(['requirements', 'R', 'reviews', 0]), 'review');
    assert.equal(contextOf(['requirements', 'R', 'reviews']), undefined);
    assert.equal(describeKey(['requirements', 'R', 'reviews', 2, 'fingerprint'])?.type.kind, 'string');
  });

  it('completing `reviews` starts an entry with its role', () => {
    const text = ORDER.replace('  REQ-002:\n', '  REQ-002:\n    rev\n');
    const model = analyze(text).model;
    const e = complete(model, text.indexOf('    rev\n') + 7).find((x) => x.label === 'reviews');
    assert.ok(e);
    assert.equal(e.insertText, 'reviews:\n      - role: $0');
  });
});

describe('Roles tree: what changes and agreement states', () => {
  it('a stale agreement or an objection stays pending (with its state); a current one is no longer pending and the burden counts as agreed', () => {

    const r = analyze(REVIEWED);
    const finance = buildRoleTree(r.model, r.diagnostics).find((x) => x.roleId === 'warehouse')!;
    const changes = finance.children.find((s) => s.section === 'changes')!.children;
    assert.deepEqual(
      changes.filter((c) => c.kind === 'change' && c.change === 'pending').map((c) => c.kind === 'change' && c.change === 'pending' && [c.requirement, c.state]),
      [['REQ-001', 'object'], ['REQ-003', 'none']],
    );
    const agreedText = ORDER.replace('  REQ-001:\n', '  REQ-001:\n    reviews: [{ role: warehouse, verdict: agree }]\n');
    const a = analyze(agreedText);
    const w = buildRoleTree(a.model, a.diagnostics).find((x) => x.roleId === 'warehouse')!;
    const burden = w.children.find((s) => s.section === 'burden')!.children;
    assert.deepEqual(burden.map((b) => b.kind === 'burden' && [b.req.reqId, b.agreed]), [['REQ-001', true], ['REQ-003', false]]);
    assert.equal(w.unagreed, 1);
  });
});
