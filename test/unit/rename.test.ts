import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, editsOverlap, normalizeEdits, type TextEdit } from '../../src/core/edits';
import { prepareRename, renameSymbol } from '../../src/core/rename';
import type { Locale } from '../../src/core/types';
import { nthOffset as at, symbolSetup as setup } from './helpers';

const repoRoot = path.resolve(__dirname, '../..');
const examples = path.resolve(repoRoot, 'examples');
const ORDER = fs.readFileSync(path.join(examples, 'order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.join(examples, 'procure-to-pay.bizflow.yaml'), 'utf8');

/** Renames the symbol at `offset` and returns the new text; fails the test on a refusal. */
function renamed(text: string, offset: number, newName: string): string {
  const { model, index } = setup(text);
  const r = renameSymbol(model, index, offset, newName);
  if ('error' in r) assert.fail(r.error);
  assert.equal(editsOverlap(r.edits), false);
  return applyEdits(text, r.edits);
}

function refusal(text: string, offset: number, newName: string, locale: Locale = 'en'): string {
  const { model, index } = setup(text);
  const r = renameSymbol(model, index, offset, newName, locale);
  assert.ok('error' in r, `expected a refusal, got ${JSON.stringify(r)}`);
  return r.error;
}

/** Replaces each `[from, to]` exactly `count` times (default 1), failing when the text has a different number. */
function expect(text: string, replacements: [string, string, number?][]): string {
  let out = text;
  for (const [from, to, count = 1] of replacements) {
    assert.equal(out.split(from).length - 1, count, `"${from}" should occur ${count} time(s) in the expected base`);
    out = out.split(from).join(to);
  }
  return out;
}

describe('rename', () => {
  describe('on the order-fulfilment example (comments, CJK, flow lists, sets keys)', () => {
    it('renames a step from its key: the key, the `next` map target, both parts of `sets` keys and `steps`', () => {
      const got = renamed(ORDER, at(ORDER, '  pick:', 0, 4), 'picking');
      assert.equal(
        got,
        expect(ORDER, [
          ['      通过: pick\n', '      通过: picking\n'],
          ['  pick:\n    name: 拣货出库', '  picking:\n    name: 拣货出库'],
          ['pick.mode', 'picking.mode', 2],
          ['steps: [receive-order, pick, invoice]', 'steps: [receive-order, picking, invoice]'],
        ]),
      );
      assert.ok(got.startsWith('# 订单履约流程 — a B2B order-to-delivery process'), 'the comment is kept');
    });

    it('renames a step from a reference (the step part of a sets key) exactly the same way', () => {
      const fromKey = renamed(ORDER, at(ORDER, '  pick:', 0, 2), 'picking');
      const fromSets = renamed(ORDER, at(ORDER, 'pick.mode: manual-review'), 'picking');
      const fromEnd = renamed(ORDER, at(ORDER, 'pick, invoice]', 0, 4), 'picking');
      assert.equal(fromSets, fromKey);
      assert.equal(fromEnd, fromKey);
    });

    it('renames an attribute: its key under the step and the attribute part of every sets key', () => {
      const expected = expect(ORDER, [
        ['      mode: manual\n', '      approach: manual\n'],
        ['pick.mode', 'pick.approach', 2],
      ]);
      assert.equal(renamed(ORDER, at(ORDER, 'mode: manual\n'), 'approach'), expected);
      assert.equal(renamed(ORDER, at(ORDER, 'pick.mode: automatic', 0, 7), 'approach'), expected);
    });

    it('renames an attribute without touching the same attribute name of another step', () => {
      const text = ORDER.replace('credit-check.approver: director', 'credit-check.mode: director').replace('      approver: finance-lead', '      mode: finance-lead');
      const got = renamed(text, at(text, 'pick.mode'), 'picking');
      assert.ok(got.includes('credit-check.mode: director'));
      assert.ok(got.includes('      mode: finance-lead'));
      assert.equal(got.split('picking.mode').length - 1, 2);
      const attr = renamed(text, at(text, 'credit-check.mode', 0, 13), 'who');
      assert.equal(attr, expect(text, [['      mode: finance-lead', '      who: finance-lead'], ['credit-check.mode', 'credit-check.who']]));
    });

    it('renames a role everywhere it is used, and nowhere else', () => {
      const got = renamed(ORDER, at(ORDER, 'role: warehouse', 0, 6), 'logistics');
      assert.equal(
        got,
        expect(ORDER, [
          ['  warehouse:\n    name: 仓库主管', '  logistics:\n    name: 仓库主管'],
          ['role: warehouse', 'role: logistics', 2],
          ['from: warehouse', 'from: logistics'],
        ]),
      );
    });

    it('renames a data id without touching ids that contain it (receive-order, order-fulfilment)', () => {
      const got = renamed(ORDER, at(ORDER, 'produces: [order]', 0, 11), 'sales-order');
      assert.equal(
        got,
        expect(ORDER, [
          ['needs: [order, delivery-status]', 'needs: [sales-order, delivery-status]'],
          ['needs: [order]\n', 'needs: [sales-order]\n', 3],
          ['produces: [order]', 'produces: [sales-order]'],
          ['needs: [order, credit-report]', 'needs: [sales-order, credit-report]'],
        ]),
      );
      assert.ok(got.includes('receive-order') && got.includes('order-fulfilment'));
    });

    it('renames a requirement: its key and `depends` entries', () => {
      assert.equal(
        renamed(ORDER, at(ORDER, '[REQ-003]', 0, 1), 'TRACE-1'),
        expect(ORDER, [
          ['  REQ-003:', '  TRACE-1:'],
          ['depends: [REQ-003]', 'depends: [TRACE-1]'],
        ]),
      );
    });

    it('renames the process owner role too', () => {
      const got = renamed(ORDER, at(ORDER, 'owner: director', 0, 7), 'coo');
      assert.equal(
        got,
        expect(ORDER, [
          ['owner: director', 'owner: coo'],
          ['  director:\n    name: 运营总监', '  coo:\n    name: 运营总监'],
          ['from: director', 'from: coo', 2],
        ]),
      );
      // credit-check.approver's value `director` is free text, not a role reference
      assert.ok(got.includes('credit-check.approver: director'));
    });
  });

  describe('flow style and quotes', () => {
    it('edits ids inside flow maps `{ name: x, owner: y }` and flow lists, keeping everything else', () => {
      const got = renamed(P2P, at(P2P, '  requester:', 0, 2), 'requisitioner');
      assert.equal(
        got,
        expect(P2P, [
          ['  requester:\n    name: 请购人', '  requisitioner:\n    name: 请购人'],
          ['{ name: 请购单, owner: requester }', '{ name: 请购单, owner: requisitioner }'],
          ['{ name: 收货单, owner: requester }', '{ name: 收货单, owner: requisitioner }'],
          ['role: requester', 'role: requisitioner', 2],
          ['agreed: [requester]', 'agreed: [requisitioner]'],
          ['from: requester', 'from: requisitioner'],
        ]),
      );
    });

    it('renames a data key written in a flow map and its references in flow lists', () => {
      const got = renamed(P2P, at(P2P, '  po-status: {', 0, 2), 'order-status');
      assert.equal(
        got,
        expect(P2P, [
          ['needs: [po-status]', 'needs: [order-status]'],
          ['  po-status: { name: 订单状态', '  order-status: { name: 订单状态'],
          ['produces: [purchase-order, po-status]', 'produces: [purchase-order, order-status]'],
          ['produces: [po-status]', 'produces: [order-status]'],
        ]),
      );
    });

    it('edits only the text inside quotes, whatever the quote style', () => {
      const text = [
        'roles:',
        '  "sales": { name: S }   # the lane',
        'steps:',
        "  a: { role: 'sales', next: [\"b\", 'c'] }",
        '  "b": { role: sales, next: c }',
        "  'c': { type: end }",
        'requirements:',
        '  q:',
        "    from: \"sales\"",
        "    sets: { \"b.x\": 1, 'b.y': 2, b.z: 3 }",
      ].join('\n');
      assert.equal(
        renamed(text, at(text, 'sales'), 'biz'),
        text.replace('"sales": {', '"biz": {').replace("role: 'sales'", "role: 'biz'").replace('role: sales', 'role: biz').replace('from: "sales"', 'from: "biz"'),
      );
      assert.equal(
        renamed(text, at(text, '"b"', 0, 1), 'bee'),
        text
          .replace('["b",', '["bee",')
          .replace('  "b": {', '  "bee": {')
          .replace('"b.x"', '"bee.x"')
          .replace("'b.y'", "'bee.y'")
          .replace('b.z', 'bee.z'),
      );
    });

    it('keeps comments, blank lines, CRLF line endings and key order untouched', () => {
      const text = 'steps:\r\n  # first\r\n  a:   { next: b }  # to b\r\n\r\n  b:\r\n    type: end # done\r\n';
      assert.equal(renamed(text, at(text, 'b:'), 'finish'), text.replace('next: b }', 'next: finish }').replace('  b:\r\n', '  finish:\r\n'));
    });
  });

  describe('duplicates, aliases, implicit data', () => {
    it('renames every definition of a repeated key and the references inside the repeated item', () => {
      const text = ['roles:', '  sales: { name: A }', 'steps:', '  s: { role: sales }', '  s: { role: sales, next: s }', 'roles:', '  sales: {}'].join('\n');
      assert.equal(renamed(text, at(text, 'sales'), 'biz'), text.split('sales').join('biz'));
      assert.equal(renamed(text, at(text, 'next: s', 0, 6), 't'), text.replace(/  s: /g, '  t: ').replace('next: s', 'next: t'));
    });

    it('without a data: section, renames every producer and consumer', () => {
      const text = ['roles:', '  r: { needs: [x] }', 'steps:', '  a: { produces: [x], next: b }', '  b: { needs: [x], produces: [x] }'].join('\n');
      assert.equal(renamed(text, at(text, 'needs: [x]', 0, 8), 'y'), text.replace(/\[x\]/g, '[y]'));
    });

    it('edits an aliased id once, through its anchor', () => {
      const text = ['roles:', '  sales: {}', 'steps:', '  a: { role: &r sales, next: b }', '  b: { role: *r }'].join('\n');
      assert.equal(renamed(text, at(text, 'sales'), 'biz'), text.split('sales').join('biz'));
    });

    it('refuses when an alias shares the text with a symbol of another kind', () => {
      const text = ['process: { name: P, owner: &d sales }', 'roles:', '  sales: { needs: [*d] }'].join('\n');
      const msg = refusal(text, at(text, 'sales'), 'biz');
      assert.match(msg, /alias/);
      assert.match(msg, /data item "sales"/);
      assert.match(refusal(text, at(text, 'sales'), 'biz', 'zh-CN'), /别名/);
    });
  });

  describe('refusals, in English and Chinese', () => {
    const pickKey = at(ORDER, '  pick:', 0, 2);

    it('refuses names that are not ids', () => {
      for (const bad of ['', '1st', 'a b', 'a.b', '-x', '拣货', 'pick!', ' pick', 'a:b', '#x']) {
        const msg = refusal(ORDER, pickKey, bad);
        assert.match(msg, /is not a valid step id/, bad);
        assert.ok(msg.includes(`"${bad}"`));
      }
      assert.match(refusal(ORDER, at(ORDER, 'mode: manual'), 'a.b'), /not a valid attribute name/);
      assert.match(refusal(ORDER, pickKey, 'a b', 'zh-CN'), /“a b”不是合法的步骤 ID/);
    });

    it('refuses words YAML reads as booleans or null', () => {
      assert.match(refusal(ORDER, pickKey, 'true'), /boolean/);
      assert.match(refusal(ORDER, pickKey, 'NULL'), /null/);
      assert.match(refusal(ORDER, pickKey, 'False', 'zh-CN'), /布尔值/);
    });

    it('refuses an id already defined in the same kind, naming its line', () => {
      const msg = refusal(ORDER, pickKey, 'invoice');
      assert.match(msg, /step "invoice" already exists \(line 62\)/);
      assert.match(refusal(ORDER, pickKey, 'invoice', 'zh-CN'), /步骤“invoice”已存在（第 62 行）/);
      // the same id in another kind is fine: data `invoice` and step `invoice` coexist already
      assert.ok(!('error' in renameSymbol(setup(ORDER).model, setup(ORDER).index, at(ORDER, 'warehouse'), 'invoice')));
      // an attribute name taken in the same step
      const text = ORDER.replace('      mode: manual\n', '      mode: manual\n      speed: fast\n');
      assert.match(refusal(text, at(text, 'mode: manual'), 'speed'), /attribute "pick.speed" already exists/);
    });

    it('refuses an id that is only referenced (it would merge two symbols)', () => {
      const text = ['roles:', '  sales: {}', 'steps:', '  a: { role: slaes }'].join('\n');
      assert.match(refusal(text, at(text, 'sales'), 'slaes'), /role "slaes" is already used on line 4, and renaming would merge/);
      assert.match(refusal(text, at(text, 'sales'), 'slaes', 'zh-CN'), /已在第 4 行使用/);
      // an attribute only set by a requirement counts as taken too
      const sets = ORDER.replace('pick.mode: manual-review', 'pick.speed: manual-review');
      assert.match(refusal(sets, at(sets, 'mode: manual\n'), 'speed'), /attribute "pick.speed" is already used/);
    });

    it('refuses ids written with escapes or across lines rather than corrupting them', () => {
      const escaped = ['steps:', '  pick: {}', 'requirements:', '  q: { sets: { "p\\x69ck.mode": a } }'].join('\n');
      const msg = refusal(escaped, at(escaped, 'pick'), 'picking');
      assert.match(msg, /on line 4 it is not written as the plain id \(escape sequences/);
      assert.match(refusal(escaped, at(escaped, 'pick'), 'picking', 'zh-CN'), /第 4 行不是以普通 ID 的形式写出的/);
      const { model, index } = setup(escaped);
      assert.ok('error' in prepareRename(model, index, at(escaped, 'pick')));
      const dq = ['roles:', '  sales: {}', 'steps:', '  a: { role: "s\\u0061les" }'].join('\n');
      assert.match(refusal(dq, at(dq, 'sales'), 'biz'), /escape/);
      const single = ["roles:", "  it's: {}", "steps:", "  a: { role: 'it''s' }"].join('\n');
      assert.match(refusal(single, at(single, "it's"), 'its'), /escape/);
      const folded = ['roles:', '  sales: {}', 'steps:', '  a:', '    role: >-', '      sales'].join('\n');
      assert.match(refusal(folded, at(folded, 'sales'), 'biz'), /across lines/);
      // a step id with a dot makes `a.b.m` ambiguous: the attribute `m` of `a.b`, written `b.m` after the first dot
      const dotted = ['steps:', '  a.b: { attributes: { m: 1 } }', 'requirements:', '  q: { sets: { a.b.m: 2 } }'].join('\n');
      assert.match(refusal(dotted, at(dotted, 'm: 1'), 'n'), /on line 4 .*a step id containing a dot/);
    });

    it('refuses where there is nothing to rename', () => {
      assert.match(refusal(ORDER, at(ORDER, '拣货出库'), 'x'), /Nothing to rename here/);
      assert.match(refusal(ORDER, at(ORDER, '拣货出库'), 'x', 'zh-CN'), /此处没有可重命名的内容/);
      const { model, index } = setup(ORDER);
      assert.ok('error' in prepareRename(model, index, at(ORDER, '# 订单')));
      assert.ok('error' in prepareRename(model, index, -5));
    });

    it('accepts renaming to the same name as a no-op', () => {
      const { model, index } = setup(ORDER);
      assert.deepEqual(renameSymbol(model, index, pickKey, 'pick'), { edits: [] });
    });
  });

  describe('prepareRename', () => {
    it('returns the id span and the placeholder for each kind of position', () => {
      const { model, index } = setup(ORDER);
      const k = at(ORDER, 'pick.mode: automatic');
      assert.deepEqual(prepareRename(model, index, k + 2), { span: { start: k, end: k + 4 }, placeholder: 'pick', kind: 'step', id: 'pick' });
      assert.deepEqual(prepareRename(model, index, k + 9), { span: { start: k + 5, end: k + 9 }, placeholder: 'mode', kind: 'attribute', id: 'pick.mode' });
      const def = at(ORDER, 'approver: finance-lead');
      assert.deepEqual(prepareRename(model, index, def), {
        span: { start: def, end: def + 8 },
        placeholder: 'approver',
        kind: 'attribute',
        id: 'credit-check.approver',
      });
      const role = at(ORDER, 'from: director', 0, 6);
      assert.deepEqual(prepareRename(model, index, role + 8), { span: { start: role, end: role + 8 }, placeholder: 'director', kind: 'role', id: 'director' });
    });
  });

  it('after a rename, the new id has exactly the occurrences the old one had, and the old one has none', () => {
    for (const text of [ORDER, P2P]) {
      const { index } = setup(text);
      const seen = new Set<string>();
      for (const o of index.all()) {
        const k = `${o.kind}\u0000${o.id}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const before = index.references(o.kind, o.id, { includeDeclaration: true }).length;
        const after = setup(renamed(text, o.span.start, 'zzRenamed')).index;
        const newId = o.kind === 'attribute' ? o.id.slice(0, o.id.length - o.name.length) + 'zzRenamed' : 'zzRenamed';
        assert.equal(after.references(o.kind, newId, { includeDeclaration: true }).length, before, `${o.kind} ${o.id}`);
        assert.equal(after.references(o.kind, o.id, { includeDeclaration: true }).length, 0, `${o.kind} ${o.id}`);
        assert.equal(after.all().length, index.all().length);
      }
      assert.ok(seen.size > 20);
    }
  });
});

describe('edits', () => {
  const text = 'abcdefghij';
  const e = (start: number, end: number, newText: string): TextEdit => ({ span: { start, end }, newText });

  it('applies edits given in any order, measured on the original text', () => {
    assert.equal(applyEdits(text, [e(8, 10, 'IJ'), e(0, 1, 'AA'), e(4, 4, '+')]), 'AAbcd+efghIJ');
    assert.equal(applyEdits(text, []), text);
  });

  it('removes exact repeats and skips an edit overlapping an earlier one', () => {
    assert.deepEqual(normalizeEdits([e(2, 3, 'x'), e(0, 1, 'y'), e(2, 3, 'x')]), [e(0, 1, 'y'), e(2, 3, 'x')]);
    assert.equal(applyEdits(text, [e(2, 3, 'x'), e(2, 3, 'x')]), 'abxdefghij');
    assert.equal(editsOverlap([e(2, 5, 'x'), e(4, 6, 'y')]), true);
    assert.equal(editsOverlap([e(2, 4, 'x'), e(4, 6, 'y')]), false);
    assert.equal(editsOverlap([e(3, 3, 'x'), e(3, 3, 'y')]), true);
    assert.equal(applyEdits(text, [e(2, 5, 'X'), e(4, 6, 'Y')]), 'abXfghij');
  });

  it('clamps spans into the text and ignores spans that are not numbers', () => {
    assert.equal(applyEdits(text, [e(-5, 1, 'A'), e(9, 99, 'J!')]), 'AbcdefghiJ!');
    assert.equal(applyEdits(text, [e(NaN, 2, 'z')]), text);
  });
});
