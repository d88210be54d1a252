/**
 * The flow "today" (src/core/review/today.ts), one picture for the review
 * pack's "today" diagram and the preview's "Today" view: the steps a live
 * requirement adds left out, the arrows through them bypassed, the steps a
 * requirement removes still there, nothing marked; the preview keeps its
 * conflict and problem marks on the steps that exist today; "As written"
 * stays the file with every step.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../../src/core';
import { toMermaid } from '../../../src/core/mermaid';
import { LineIndex } from '../../../src/core/positions';
import { computeImpact } from '../../../src/core/review/impact';
import { buildPack } from '../../../src/core/review/pack';
import { todayView } from '../../../src/core/review/today';
import { drawPackPictures, type DrawRequest } from '../../../src/core/review/pack-pictures';
import { LEGEND_WORDS, legendItems, PALETTES } from '../../../src/shared/preview-theme';
import { buildRenderModel, type RenderOptions } from '../../../src/shared/preview-render';
import type { RenderModel } from '../../../src/shared/protocol';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const ORDER = fs.readFileSync(path.join(EXAMPLES, 'order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.join(EXAMPLES, 'procure-to-pay.bizflow.yaml'), 'utf8');

/** a → b → x → c → d; R1 (live) adds x; `status` and extra requirements vary. */
function flow(opts: { status?: string; extra?: string; xNext?: string } = {}): string {
  return `bizflow: 1
process: { name: Small, owner: boss }
roles:
  sales: { name: Sales }
  warehouse: { name: Warehouse }
  finance: { name: Finance }
  boss: { name: Boss }
steps:
  a: { name: Start, type: start, role: sales, next: b }
  b: { name: Check, role: warehouse, next: x }
  x: { name: Call, role: sales, next: ${opts.xNext ?? 'c'} }
  c: { name: Bill, role: finance, attributes: { terms: 30d }, next: d }
  d: { name: End, type: end, role: finance }
requirements:
  R1:
    title: Call first
    from: sales
    priority: must
${opts.status ? `    status: ${opts.status}\n` : ''}    adds: [x]
${opts.extra ?? ''}`;
}

function today(text: string) {
  const r = analyze(text);
  return todayView(r.model, computeImpact(r));
}

function render(text: string, options: Partial<RenderOptions> = {}): RenderModel {
  return buildRenderModel(analyze(text), new LineIndex(text), { fileName: 'f.bizflow.yaml', ...options });
}

/** The arrows of a Mermaid text between step ids (node ids mapped back), sorted. */
function arrows(text: string, nodeIds: ReadonlyMap<string, string>): string[] {
  const step = new Map([...nodeIds].map(([id, n]) => [n, id]));
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(n\d+) (?:-->|-\.->)(?:\|[^|]*\|)? (n\d+)$/gm)) out.push(`${step.get(m[1])}>${step.get(m[2])}`);
  return out.sort();
}

describe('review: the flow today (core/review/today.ts)', () => {
  it('leaves out the step a live requirement adds, bypasses its arrows, re-indexes, draws no requirement', () => {
    const t = today(flow());
    assert.deepEqual(t.leftOut, ['x']);
    assert.deepEqual(t.model.steps.list.map((s) => `${s.index}:${s.id}`), ['0:a', '1:b', '2:c', '3:d']);
    assert.deepEqual(t.model.steps.byId.get('b')!.next.map((e) => e.target.id), ['c'], 'b → c (through x)');
    assert.equal(t.model.steps.byId.has('x'), false);
    assert.equal(t.model.requirements.list.length, 0);
    const m = toMermaid(t.model, [], {});
    assert.doesNotMatch(m.text, /\bclass .* (added|removed)\b/);
    assert.deepEqual(arrows(m.text, m.nodeIds), ['a>b', 'b>c', 'c>d']);
  });

  it('keeps the step when no live requirement adds it (a rejected one, none at all), and a removed step is there today', () => {
    assert.deepEqual(today(flow({ status: 'rejected' })).leftOut, []);
    assert.equal(today(flow({ status: 'rejected' })).model.steps.list.length, 5);
    const removes = flow({ extra: '  R2:\n    title: No check\n    from: finance\n    priority: should\n    removes: [b]\n' });
    const t = today(removes);
    assert.deepEqual(t.leftOut, ['x']);
    assert.ok(t.model.steps.byId.has('b'), 'a removed step still runs today');
  });

  it('a chain of added steps is bypassed as a whole; an arrow to an unknown step is kept as written', () => {
    const text = flow({ xNext: 'y' }).replace('  c: {', '  y: { name: Mail, role: sales, next: c }\n  c: {').replace('adds: [x]', 'adds: [x, y]');
    const t = today(text);
    assert.deepEqual(t.leftOut, ['x', 'y']);
    assert.deepEqual(t.model.steps.byId.get('b')!.next.map((e) => e.target.id), ['c']);
    const unknown = today(flow({ xNext: 'nowhere' }));
    assert.deepEqual(unknown.model.steps.byId.get('b')!.next.map((e) => e.target.id), [], 'x led nowhere known: b has no arrow today');
    const direct = today(flow().replace('next: x }', 'next: zzz }'));
    assert.deepEqual(direct.model.steps.byId.get('b')!.next.map((e) => e.target.id), ['zzz'], 'an unknown target is not bypassed');
  });

  it('the review pack draws its "today" from it', () => {
    for (const text of [flow(), ORDER, P2P]) {
      const r = analyze(text);
      const pack = buildPack(r);
      assert.equal(pack.diagrams.today, toMermaid(todayView(r.model, computeImpact(r)).model, [], { locale: pack.locale }).text);
    }
  });

  it('any process: today has exactly the steps not added by a live requirement, and every arrow joins two of them or an unknown id', function () {
    this.timeout(30_000);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arb = fc.record({
      next: fc.array(fc.array(fc.constantFrom(...ids, 'zz'), { maxLength: 3 }), { minLength: 6, maxLength: 6 }),
      adds: fc.subarray(ids),
      live: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ next, adds, live }) => {
        const steps = ids.map((id, i) => `  ${id}: { name: S${id}, role: r, next: [${next[i].join(', ')}] }`).join('\n');
        const text = `bizflow: 1\nprocess: { name: P }\nroles:\n  r: { name: R }\nsteps:\n${steps}\nrequirements:\n  R1:\n    title: T\n    from: r\n${live ? '' : '    status: rejected\n'}    adds: [${adds.join(', ')}]\n`;
        const r = analyze(text);
        const t = todayView(r.model, computeImpact(r));
        const expected = live ? ids.filter((id) => !adds.includes(id)) : ids;
        assert.deepEqual(t.model.steps.list.map((s) => s.id), expected);
        assert.deepEqual(t.leftOut, live ? ids.filter((id) => adds.includes(id)) : []);
        for (const s of t.model.steps.list) for (const e of s.next) assert.ok(t.model.steps.byId.has(e.target.id) || !r.model.steps.byId.has(e.target.id), `${s.id} → ${e.target.id}`);
      }),
      { numRuns: 80 },
    );
  });
});

describe('preview: "As written", "Today" and the pack\'s today', () => {
  it('Today draws the pack\'s today steps and arrows; As written draws every step, the added one marked', () => {
    for (const text of [flow(), ORDER, P2P]) {
      const r = analyze(text);
      const t = todayView(r.model, computeImpact(r));
      const pack = toMermaid(t.model, [], {});
      const shown = render(text, { mode: 'today' });
      assert.equal(shown.mode, 'today');
      assert.deepEqual(shown.steps.map((s) => s.id), t.model.steps.list.map((s) => s.id));
      assert.deepEqual(arrows(shown.mermaid, new Map(shown.steps.map((s) => [s.id, s.nodeId]))), arrows(pack.text, pack.nodeIds));
      assert.ok(shown.steps.every((s) => s.change === undefined));
      assert.doesNotMatch(shown.mermaid, /\bclass [^\n]* (added|removed|changed)\n/);
      const written = render(text);
      assert.equal(written.mode, undefined);
      assert.deepEqual(written.steps.map((s) => s.id), r.model.steps.list.map((s) => s.id));
    }
    const written = render(flow());
    const x = written.steps.find((s) => s.id === 'x')!;
    assert.match(written.mermaid, new RegExp(`\\n {2}class ${x.nodeId} added\\n`));
    assert.equal(render(flow(), { mode: 'written' }).mermaid, written.mermaid);
  });

  it('Today names the steps it does not draw; nothing is said when every step exists today', () => {
    assert.deepEqual(render(flow(), { mode: 'today' }).notices, ['Today: not drawn yet (a requirement adds them): Call.']);
    assert.deepEqual(render(flow(), { mode: 'today', texts: { todayLeftOut: '<{0}>' } }).notices, ['<Call>']);
    assert.deepEqual(render(flow({ status: 'rejected' }), { mode: 'today' }).notices, []);
    const many = flow().replace('adds: [x]', 'adds: [a, b, x, c, d]');
    assert.deepEqual(render(many, { mode: 'today' }).notices, ['Today: not drawn yet (a requirement adds them): Start, Check, Call, Bill, End.']);
  });

  it('Today keeps the conflict marks on the steps that exist today, drops those on the added steps', () => {
    // R2 and R3 disagree on c's terms (a conflict on c, which exists today); R4 and R5 disagree on x's channel (x is added)
    const text = flow({
      extra: [
        '  R2: { title: Ten days, from: finance, priority: must, sets: { c.terms: 10d } }',
        '  R3: { title: Sixty days, from: sales, priority: must, sets: { c.terms: 60d } }',
        '  R4: { title: By phone, from: sales, priority: must, sets: { x.channel: phone } }',
        '  R5: { title: By mail, from: finance, priority: must, sets: { x.channel: mail } }',
        '',
      ].join('\n'),
    });
    const written = render(text);
    const conflicted = (m: RenderModel) => m.steps.filter((s) => s.conflict).map((s) => s.id).sort();
    assert.deepEqual(conflicted(written), ['c', 'x'], 'the file as written: both conflicts drawn');
    const shown = render(text, { mode: 'today' });
    assert.deepEqual(conflicted(shown), ['c']);
    const c = shown.steps.find((s) => s.id === 'c')!;
    assert.match(shown.mermaid, new RegExp(`\\n {2}class ${c.nodeId} conflictError\\n`));
    assert.deepEqual(shown.conflictCounts, written.conflictCounts, 'the toolbar counts the file\'s conflicts');
  });

  it('Today with the lane filter and with a role view: the same left-out step', () => {
    const text = flow({
      extra: '  R2: { title: Ten days, from: finance, priority: must, sets: { c.terms: 10d } }\n  R3: { title: Sixty days, from: sales, priority: must, sets: { c.terms: 60d } }\n',
    });
    const lanes = render(text, { mode: 'today', onlyConflictLanes: true });
    assert.deepEqual(lanes.lanes.map((l) => l.roleId), ['finance']);
    assert.ok(!lanes.steps.some((s) => s.id === 'x'));
    const role = render(text, { mode: 'today', role: 'sales' });
    assert.equal(role.role, 'sales');
    assert.ok(!role.steps.some((s) => s.id === 'x'), 'x is in the sales lane but does not exist today');
    assert.ok(render(text, { role: 'sales' }).steps.some((s) => s.id === 'x'));
  });
});

describe('the legend of a today picture', () => {
  it('leaves out "added" and "removed" (nothing is yet), keeps them elsewhere; the pack frames its today picture so', async () => {
    const keys = (o: { changes?: boolean; today?: boolean }) => legendItems(LEGEND_WORDS.en, PALETTES.light, o).map((i) => i.key);
    assert.ok(keys({}).includes('added') && keys({}).includes('removed'));
    assert.ok(keys({ changes: true }).includes('added'));
    assert.deepEqual(
      keys({ today: true }),
      keys({}).filter((k) => k !== 'added' && k !== 'removed'),
    );
    const asked: DrawRequest[] = [];
    const frame = { title: 'P', locale: 'en' as const, today: 'Today', after: 'After', roles: {} };
    await drawPackPictures({ today: 'T', after: 'A', roles: [] }, async (r) => (asked.push(r), { svg: '<svg/>' }), frame);
    assert.deepEqual(
      asked.map((r) => [r.text, r.subtitle, !!r.changes, !!r.today]),
      [
        ['T', 'Today', false, true],
        ['A', 'After', true, false],
      ],
    );
  });
});
