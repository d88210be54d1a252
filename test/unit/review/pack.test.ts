import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { applySignOff, verdictOf } from '../../../src/core/review/import';
import { buildPack, type ReviewPack } from '../../../src/core/review/pack';
import { esc, renderPackHtml, safeSvg } from '../../../src/core/review/pack-html';
import { md, renderPackMarkdown } from '../../../src/core/review/pack-md';
import { readReviews } from '../../../src/core/review/read';
import { sheetName } from '../../../src/node/review-xlsx';
import { smallProcess } from '../../support/small-process';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../../../examples/order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.resolve(__dirname, '../../../examples/procure-to-pay.bizflow.yaml'), 'utf8');

function pack(text: string, role?: string, locale: 'en' | 'zh-CN' = 'en'): ReviewPack {
  return buildPack(analyze(text, { locale }), { role, locale });
}

/** A small process: sales asks to remove a warehouse step, finance names it (contested unless decided). */
function small(extra = ''): string {
  return smallProcess({ acceptance: 'orders go straight to billing', extra });
}

describe('review pack: model', () => {
  it('order-fulfilment: summary counts, sign-off rows, decisions', () => {
    const p = pack(ORDER);
    assert.deepEqual(p.process, {
      name: '订单履约流程',
      id: 'order-fulfilment',
      owner: 'director',
      description: '从客户下单到交付回款，跨业务、仓储、财务三端',
      roles: 4,
      steps: 7,
      requirements: 4,
      live: 4,
      conflicts: 4,
      pending: 5,
    });
    assert.deepEqual(
      p.signOff.map((s) => [s.role, s.requirement, s.fingerprint, s.state]),
      [
        ['warehouse', 'REQ-001', 'bc2461ce', 'none'],
        ['sales', 'REQ-003', '190217e7', 'none'],
        ['warehouse', 'REQ-003', '190217e7', 'none'],
        ['finance', 'REQ-003', '190217e7', 'none'],
        ['finance', 'REQ-004', '363bb00d', 'none'],
      ],
    );
    assert.deepEqual(p.decisions, []);
    assert.deepEqual(p.roles.map((r) => r.id), ['sales', 'warehouse', 'finance', 'director']);
  });

  it('order-fulfilment: the warehouse section (lane today → after, contested attribute, asks, conflicts with both sides and who decides)', () => {
    const w = pack(ORDER).roles.find((r) => r.id === 'warehouse')!;
    assert.deepEqual(
      w.lane.map((s) => [s.id, s.name, s.type, s.fate, s.by, s.attributes]),
      [
        ['pick', '拣货出库', 'task', 'kept', [], [{ name: 'mode', today: 'manual', after: undefined, contested: ['automatic', 'manual-review'], requirements: ['REQ-001', 'REQ-002'] }]],
        ['double-check', '出库复核', 'task', 'added', ['REQ-003'], []],
      ],
    );
    assert.deepEqual(
      w.asks.map((a) => [a.requirement, a.from, a.priority, a.asks, a.state, a.fingerprint]),
      [
        ['REQ-001', 'sales', 'must', ['sets'], 'none', 'bc2461ce'],
        ['REQ-003', 'director', 'must', ['adds'], 'none', '190217e7'],
      ],
    );
    assert.deepEqual(
      w.conflicts.map((c) => [c.code, c.sides, c.decider, c.deciderFrom, c.deciderIsParty]),
      [
        ['conflict/contradiction', [{ role: 'sales', requirement: 'REQ-001' }, { role: 'warehouse', requirement: 'REQ-002' }], 'director', 'owner', false],
        ['conflict/unagreed-burden', [{ role: 'sales', requirement: 'REQ-001' }, { role: 'warehouse' }], 'director', 'owner', false],
        // the director decides on its own requirement: flagged
        ['conflict/unagreed-burden', [{ role: 'director', requirement: 'REQ-003' }, { role: 'warehouse' }], 'director', 'owner', true],
      ],
    );
  });

  it('order-fulfilment: the requirements table (affected roles, pending, conflicts, acceptance)', () => {
    const p = pack(ORDER);
    assert.deepEqual(
      p.requirements.map((r) => [r.id, r.from, r.priority, r.status, r.live, r.steps, r.affectedRoles, r.agreed, r.pending, r.conflicts.map((c) => [c.code, c.with]), r.acceptance.length]),
      [
        ['REQ-001', 'sales', 'must', 'accepted', true, ['pick'], ['warehouse'], [], ['warehouse'], [['conflict/contradiction', ['REQ-002']], ['conflict/unagreed-burden', []]], 1],
        ['REQ-002', 'warehouse', 'should', 'proposed', true, ['pick'], [], [], [], [['conflict/contradiction', ['REQ-001']]], 1],
        ['REQ-003', 'director', 'must', 'proposed', true, ['receive-order', 'pick', 'invoice', 'double-check'], ['sales', 'warehouse', 'finance'], [], ['sales', 'warehouse', 'finance'], [['conflict/unagreed-burden', []]], 0],
        ['REQ-004', 'director', 'could', 'proposed', true, ['credit-check'], ['finance'], [], ['finance'], [['conflict/unagreed-burden', []]], 0],
      ],
    );
  });

  it('procure-to-pay: decided conflicts, agreements on record, the rejected requirement asks nobody', () => {
    const p = pack(P2P);
    assert.equal(p.process.conflicts, 0);
    assert.equal(p.process.pending, 1);
    assert.deepEqual(p.decisions, [
      { requirement: 'REQ-102', from: 'requester', overrides: ['REQ-103'], decidedBy: 'cfo', decider: 'cfo', rationale: '小额采购比价成本高于节省', selfFavour: false, unrecorded: false },
    ]);
    assert.deepEqual(
      p.signOff.map((s) => [s.role, s.requirement, s.fingerprint, s.state]),
      [
        ['buyer', 'REQ-102', '3f387908', 'agreed'],
        ['ap', 'REQ-104', 'bc1dac32', 'none'],
      ],
    );
    assert.deepEqual(
      p.requirements.map((r) => [r.id, r.live, r.affectedRoles, r.standings.map((s) => [s.role, s.state])]),
      [
        ['REQ-101', true, [], [['requester', 'agreed']]],
        ['REQ-102', true, ['buyer'], [['buyer', 'agreed']]],
        ['REQ-103', false, [], []],
        ['REQ-104', true, ['ap'], [['ap', 'none']]],
      ],
    );
    const ap = p.roles.find((r) => r.id === 'ap')!;
    assert.deepEqual(ap.asks.map((a) => [a.requirement, a.asks, a.state]), [['REQ-104', ['steps'], 'none']]);
  });

  it('--role: one role section and its sign-off rows; the requirements and decisions stay whole', () => {
    const p = pack(ORDER, 'finance');
    assert.deepEqual(p.roles.map((r) => r.id), ['finance']);
    assert.deepEqual(p.signOff.map((s) => [s.role, s.requirement]), [['finance', 'REQ-003'], ['finance', 'REQ-004']]);
    assert.equal(p.requirements.length, 4);
  });

  it('decision log: a decision by the role whose own requirement wins is flagged; an unrecorded decider falls back to the owner', () => {
    const two = (decidedBy: string) =>
      small(`  R2:
    title: Keep checking
    from: warehouse
    priority: should
    steps: [b]
    overrides: [R1]
${decidedBy}`);
    const self = pack(two('    decidedBy: warehouse\n'));
    assert.deepEqual(self.decisions.map((d) => [d.requirement, d.overrides, d.decidedBy, d.selfFavour, d.unrecorded]), [['R2', ['R1'], 'warehouse', true, false]]);
    const other = pack(two('    decidedBy: boss\n'));
    assert.deepEqual(other.decisions.map((d) => [d.selfFavour, d.unrecorded, d.decider]), [[false, false, 'boss']]);
    const none = pack(two(''));
    assert.deepEqual(none.decisions.map((d) => [d.selfFavour, d.unrecorded, d.decider]), [[false, true, 'boss']]);
    const html = renderPackHtml(self);
    assert.match(html, /decided by the role that asked for the winning requirement/);
    assert.doesNotMatch(renderPackHtml(other), /in its own favour/);
  });
});

describe('review pack: today and after pictures', () => {
  it('the band of steps with no role is labelled in the pack\'s language (today, after and the role views)', () => {
    // step d (End) has no role: its band is "unassigned" / "未分配"
    const zh = pack(small(), undefined, 'zh-CN').diagrams;
    for (const text of [zh.today, zh.after]) {
      assert.match(text, /\n {2}subgraph unassigned\["未分配"\]\n/);
      assert.doesNotMatch(text, /"unassigned"/);
    }
    assert.match(zh.roles.find((r) => r.role === 'finance')!.text, /subgraph unassigned\["未分配"\]/, 'the finance view shows the end step next to its lane');
    const en = pack(small()).diagrams;
    for (const text of [en.today, en.after]) assert.match(text, /\n {2}subgraph unassigned\["unassigned"\]\n/);
  });

  it('order-fulfilment: today has no added step; after marks it added and the contested step as a conflict', () => {
    const { diagrams } = pack(ORDER);
    assert.doesNotMatch(diagrams.today, /出库复核/, 'double-check is added by REQ-003: not there today');
    assert.match(diagrams.today, /n2\["拣货出库"\]\n[\s\S]*n2 --> n3\n/, 'today pick leads straight to invoice');
    assert.doesNotMatch(diagrams.today, /classDef (added|removed|conflict)/);
    assert.match(diagrams.after, /n3\["出库复核"\]/);
    assert.match(diagrams.after, /\n {2}class n3 added\n/);
    assert.match(diagrams.after, /\n {2}class n2 conflictWarning\n/, 'pick.mode is contested');
    assert.match(diagrams.after, /\n {2}class n1 changed\n/, 'credit-check.approver changes (uncontested)');
    assert.doesNotMatch(diagrams.after, /class [^\n]*\bn2\b[^\n]* changed/, 'a contested step is not drawn changed');
    assert.doesNotMatch(diagrams.today, /changed/);
    assert.doesNotMatch(diagrams.after, /removed/);
    // a view per role that has steps (not the director's), drawn from the after picture
    assert.deepEqual(diagrams.roles.map((r) => r.role), ['sales', 'warehouse', 'finance']);
    const warehouse = diagrams.roles[1].text;
    assert.match(warehouse, /n3\["出库复核"\]/);
    assert.match(warehouse, /\n {2}class n3 added\n/);
    assert.doesNotMatch(warehouse, /接收客户订单/, 'not a neighbour of the warehouse lane');
    assert.deepEqual(pack(ORDER, 'finance').diagrams.roles.map((r) => r.role), ['finance']);
  });

  it('a removal: drawn dashed after; contested by another live requirement, not drawn removed but contested', () => {
    const removed = pack(small()).diagrams.after;
    assert.match(removed, /\n {2}class n1 removed\n/);
    assert.match(removed, /n0 -\.-> n1\n {2}n1 -\.-> n2\n/);
    assert.match(pack(small()).diagrams.today, /n1\["Check"\]/, 'today it is there');
    const contested = pack(
      small(`  R2:
    title: Keep checking
    from: finance
    priority: should
    steps: [b]
`),
    );
    assert.doesNotMatch(contested.diagrams.after, /class n1 removed/);
    assert.match(contested.diagrams.after, /\n {2}class n1 conflictWarning\n/);
    assert.equal(contested.roles.find((r) => r.id === 'warehouse')!.lane[0].fate, 'contested');
  });
});

describe('review pack: HTML', () => {
  const hostile = `bizflow: 1
process: { name: "<script>alert('p')</script>", owner: r1 }
roles:
  r1: { name: "<img src=x onerror=alert(1)>", department: "A&B \\"dept\\"" }
  r2: { name: "</style><b>bold</b>" }
steps:
  s1: { name: "<iframe src='http://evil.example'>", type: start, role: r1, next: s2 }
  s2: { name: "a</td></tr></table>b", role: r2, next: s3 }
  s3: { name: End, type: end }
requirements:
  X1:
    title: "<a href='https://evil.example'>click</a>"
    from: r1
    priority: must
    sets: { s2.mode: "<svg onload=alert(1)>" }
    acceptance: ["<script>x</script>"]
    source: { who: "<b>who</b>", said: "\\"quote\\" & <more>", channel: email, on: 2026-12-01 }
`;
  it('every user text is escaped: no tag, attribute or URL from the file reaches the markup', () => {
    const html = renderPackHtml(pack(hostile), { file: '<f>.yaml' });
    assert.doesNotMatch(html, /<(script|img|iframe|svg|b>bold)/i);
    assert.equal(html.split('<style>').length, 2, 'one style element');
    assert.equal(html.split('</style>').length, 2, 'ended once');
    assert.doesNotMatch(html, /<a (?!href="#)/, 'links only to sections of the pack');
    assert.doesNotMatch(html, /(href|src)=["']?(https?:|\/\/)/i, 'no URL as an attribute');
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no event handler inside a tag');
    assert.match(html, /&lt;script&gt;alert\(&#39;p&#39;\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /&quot;quote&quot; &amp; &lt;more&gt;/, 'the source, escaped');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.equal(esc(`<>&"'`), '&lt;&gt;&amp;&quot;&#39;');
  });

  it('no script anywhere, print rules for A4 and one role per page, body text >= 9 pt', () => {
    const html = renderPackHtml(pack(ORDER));
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /\.role-section \{ break-before: page;/);
    assert.equal((html.match(/<section class="role-section"/g) ?? []).length, 4);
    const size = Number(/body \{[^}]*font: ([\d.]+)pt/.exec(html)![1]);
    assert.ok(size >= 9, `body ${size}pt`);
  });

  it('pictures: a safe SVG is inlined; without one, a note with the reason and the Mermaid text', () => {
    const p = pack(ORDER);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" id="x"><g class="node"><text>ok</text></g></svg>';
    const withPics = renderPackHtml(p, { pictures: { today: svg, after: svg } });
    assert.equal(withPics.split(svg).length - 1, 2);
    assert.doesNotMatch(withPics, /class="nopic"/);
    const without = renderPackHtml(p, { pictures: { error: 'Chromium was not found' } });
    assert.equal((without.match(/class="nopic"/g) ?? []).length, 2);
    assert.match(without, /The picture could not be drawn here \(Chromium was not found\)/);
    assert.match(without, /flowchart LR\n {2}subgraph lane0\[&quot;业务员 · 业务部&quot;\]/);
    assert.equal(safeSvg('<svg><script>alert(1)</script></svg>'), undefined);
    assert.equal(safeSvg('<svg onload="x()"></svg>'), undefined);
    assert.equal(safeSvg('<svg><image href="https://x.example/a.png"/></svg>'), undefined);
    assert.equal(safeSvg('<div>not svg</div>'), undefined);
    assert.equal(safeSvg(svg), svg);
  });

  it('both languages', () => {
    const zh = renderPackHtml(pack(ORDER, undefined, 'zh-CN'));
    assert.match(zh, /<html lang="zh-CN">/);
    assert.match(zh, /<h2>签字确认<\/h2>/);
    assert.match(zh, /⚠ 决定方本身是冲突的一方/);
    const en = renderPackHtml(pack(ORDER));
    assert.match(en, /<h2>Sign-off<\/h2>/);
    assert.match(en, /⚠ the one who decides is a party to this conflict/);
    assert.doesNotMatch(en, /签字确认|决定方|对您的影响/);
  });
});

describe('review pack: Markdown', () => {
  it('the diagrams in ```mermaid blocks, every role and requirement, sign-off rows', () => {
    const text = renderPackMarkdown(pack(ORDER), { file: 'order.bizflow.yaml' });
    assert.equal((text.match(/^```mermaid\n---\nconfig:\n  layout: swimlane\n---\nflowchart LR\n/gm) ?? []).length, 2);
    for (const r of ['sales', 'warehouse', 'finance', 'director']) assert.match(text, new RegExp(`^## For .*\\(\`${r}\`\\)$`, 'm'));
    for (const id of ['REQ-001', 'REQ-002', 'REQ-003', 'REQ-004']) assert.match(text, new RegExp(`^\\| \\*\\*${id}\\*\\* \\|`, 'm'));
    assert.equal((text.match(/^\| .* \| `[0-9a-f]{8}` \| not given \| ☐ agree ☐ object ☐ question \| \| \|$/gm) ?? []).length, 5);
  });

  it('user text cannot break a table or inject markup', () => {
    assert.equal(md('a|b <b>x</b> *y* [l](u)\nnext'), 'a\\|b \\<b\\>x\\</b\\> \\*y\\* \\[l\\](u) next');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = md(s);
        assert.ok(!/(^|[^\\])\|/.test(out), out);
        assert.ok(!/[\r\n]/.test(out));
        assert.ok(!/(^|[^\\])</.test(out));
      }),
    );
  });
});

describe('review pack: importing a returned sign-off sheet (core)', () => {
  const TODAY = '2026-12-07';
  it('writes each row as a reviews entry with the current fingerprint; comments and formatting stay', () => {
    const r = applySignOff(
      ORDER,
      [
        { row: 2, role: 'warehouse', requirement: 'REQ-001', verdict: 'agree', fingerprint: 'bc2461ce' },
        { row: 3, role: 'finance', requirement: 'REQ-004', verdict: ' Object ', note: '总监不了解授信', on: '2026-12-01' },
      ],
      TODAY,
    );
    assert.ok(r.ok);
    assert.equal(r.applied, 2);
    assert.ok(r.text.startsWith(ORDER.split('\nrequirements:')[0]), 'everything before the requirements is untouched');
    assert.match(r.text, /^# 订单履约流程 — a B2B order-to-delivery process/);
    const m = analyze(r.text).model;
    const rev = (id: string) => readReviews(m, m.requirements.byId.get(id)!).map((e) => [e.role?.id, e.verdict, e.on, e.fingerprint, e.note]);
    assert.deepEqual(rev('REQ-001'), [['warehouse', 'agree', TODAY, 'bc2461ce', undefined]]);
    assert.deepEqual(rev('REQ-004'), [['finance', 'object', '2026-12-01', '363bb00d', '总监不了解授信']]);
    // the agreement counts
    const after = buildPack(analyze(r.text));
    assert.deepEqual(after.signOff.map((s) => [s.role, s.requirement, s.state]).filter(([, q]) => q === 'REQ-001' || q === 'REQ-004'), [
      ['warehouse', 'REQ-001', 'agreed'],
      ['finance', 'REQ-004', 'object'],
    ]);
  });

  it('all or nothing: unknown roles and requirements, bad verdicts and dates, changed requirements are all reported, nothing applied', () => {
    const r = applySignOff(
      ORDER,
      [
        { row: 2, role: 'warehouse', requirement: 'REQ-001', verdict: 'agree' },
        { row: 3, role: 'warehose', requirement: 'REQ-001', verdict: 'agree' },
        { row: 4, role: 'finance', requirement: 'REQ-04', verdict: 'agree' },
        { row: 5, role: 'finance', requirement: 'REQ-004', verdict: 'maybe' },
        { row: 6, role: 'finance', requirement: 'REQ-004', verdict: 'agree', on: '2026-02-30' },
        { row: 7, role: 'finance', requirement: 'REQ-004', verdict: 'agree', fingerprint: '00000000' },
      ],
      TODAY,
    );
    assert.ok(!r.ok);
    assert.deepEqual(r.problems, [
      { row: 3, kind: 'unknown-role', value: 'warehose', suggestion: 'warehouse' },
      { row: 4, kind: 'unknown-requirement', value: 'REQ-04', suggestion: 'REQ-004' },
      { row: 5, kind: 'bad-verdict', value: 'maybe' },
      { row: 6, kind: 'bad-date', value: '2026-02-30' },
      { row: 7, kind: 'changed', requirement: 'REQ-004', recorded: '00000000', current: '363bb00d' },
    ]);
  });

  it('refusals of the sign edit stop the whole import; a file with syntax errors is refused', () => {
    const flow = ORDER.slice(0, ORDER.indexOf('  REQ-004:')) + '  REQ-004: { title: 信用审核改由总监审批, from: director, priority: could, sets: { credit-check.approver: director } }\n';
    assert.ok(analyze(flow).parsed.errors.length === 0, 'the flow-style variant parses');
    const r = applySignOff(
      flow,
      [
        { row: 2, role: 'warehouse', requirement: 'REQ-001', verdict: 'agree' },
        { row: 3, role: 'finance', requirement: 'REQ-004', verdict: 'agree' },
      ],
      TODAY,
    );
    assert.ok(!r.ok);
    assert.deepEqual(r.problems, [{ row: 3, kind: 'refused', requirement: 'REQ-004', reason: 'flow' }]);
    const bad = applySignOff('bizflow: 1\nroles: [\n', [{ row: 2, role: 'a', requirement: 'b', verdict: 'agree' }], TODAY);
    assert.deepEqual(bad, { ok: false, problems: [{ row: 0, kind: 'syntax' }] });
  });

  it('verdict words', () => {
    assert.deepEqual(['agree', ' AGREE ', 'agree 同意', 'object（反对）', 'question', '同意', '反对', '疑问', 'yes', '', 'agreed'].map(verdictOf), [
      'agree',
      'agree',
      'agree',
      'object',
      'question',
      'agree',
      'object',
      'question',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('review pack: xlsx sheet names', () => {
  it('valid in Excel and unique, whatever the role names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 20 }), (names) => {
        const used = new Set<string>(['requirements', 'sign-off']);
        const out = names.map((n) => sheetName(`Role ${n}`, used));
        for (const s of out) {
          assert.ok(s.length >= 1 && s.length <= 31, s);
          assert.ok(!/[[\]:*?/\\]/.test(s), s);
          assert.ok(!/^'|'$/.test(s), s);
          assert.notEqual(s.toLowerCase(), 'history');
        }
        assert.equal(new Set([...out.map((s) => s.toLowerCase()), 'requirements', 'sign-off']).size, out.length + 2);
      }),
    );
    const used = new Set<string>();
    assert.equal(sheetName('Role 仓库/主管:[A]*?', used), 'Role 仓库 主管 A');
    assert.equal(sheetName('Role 仓库/主管:[A]*?', used), 'Role 仓库 主管 A (2)');
    assert.equal(sheetName('x'.repeat(40), used), 'x'.repeat(31));
    assert.equal(sheetName('x'.repeat(40), used), 'x'.repeat(27) + ' (2)');
  });
});
