import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { buildSymbolIndex, type SymbolIndex, type SymbolOccurrence } from '../../src/core/symbols';
import { itTiming } from './timing';

const repoRoot = path.resolve(__dirname, '../..');
const examples = path.resolve(repoRoot, 'examples');
const ORDER = fs.readFileSync(path.join(examples, 'order-fulfilment.bizflow.yaml'), 'utf8');
const P2P = fs.readFileSync(path.join(examples, 'procure-to-pay.bizflow.yaml'), 'utf8');

function indexOf(text: string): SymbolIndex {
  return buildSymbolIndex(buildModel(parseText(text)));
}

/** `kind id field text@line` for each occurrence, for compact comparisons. */
function describeOcc(text: string, o: SymbolOccurrence): string {
  const line = text.slice(0, o.span.start).split('\n').length;
  const flags = (o.isDefinition ? ' def' : '') + (o.duplicate ? ' dup' : '') + (o.implicit ? ' implicit' : '');
  return `${o.kind} ${o.id} ${o.field} "${text.slice(o.span.start, o.span.end)}"@${line}${flags}`;
}

/** Offset of the n-th (0-based) occurrence of `needle` in `text`; fails the test when absent. */
function at(text: string, needle: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${n} not in text`);
  }
  return i;
}

describe('symbols', () => {
  describe('order-fulfilment example', () => {
    it('finds the definition of each kind with its exact span', () => {
      const idx = indexOf(ORDER);
      const d = (kind: SymbolOccurrence['kind'], id: string) => {
        const o = idx.definition(kind, id);
        assert.ok(o, `${kind} ${id}`);
        return describeOcc(ORDER, o);
      };
      assert.equal(d('role', 'warehouse'), 'role warehouse roles "warehouse"@16 def');
      assert.equal(d('step', 'pick'), 'step pick steps "pick"@49 def');
      assert.equal(d('requirement', 'REQ-003'), 'requirement REQ-003 requirements "REQ-003"@93 def');
      assert.equal(d('attribute', 'pick.mode'), 'attribute pick.mode step.attributes "mode"@55 def');
      assert.equal(d('attribute', 'credit-check.approver'), 'attribute credit-check.approver step.attributes "approver"@45 def');
      // no data: section: the first producer stands in for the definition
      assert.equal(d('data', 'order'), 'data order step.produces "order"@37 def implicit');
      assert.equal(idx.definition('step', 'ghost'), undefined);
      assert.equal(idx.definition('data', 'credit-report'), undefined, 'needed but never produced: no definition');
    });

    it('lists every reference of a step, including `next` map targets and `sets` keys', () => {
      const idx = indexOf(ORDER);
      assert.deepEqual(
        idx.references('step', 'pick').map((o) => describeOcc(ORDER, o)),
        [
          'step pick step.next "pick"@47',
          'step pick requirement.sets "pick"@82',
          'step pick requirement.sets "pick"@90',
          'step pick requirement.steps "pick"@98',
        ],
      );
      const withDecl = idx.references('step', 'pick', { includeDeclaration: true }).map((o) => describeOcc(ORDER, o));
      assert.equal(withDecl.length, 5);
      assert.equal(withDecl[1], 'step pick steps "pick"@49 def');
    });

    it('lists every reference of a role across process, steps and requirements', () => {
      const idx = indexOf(ORDER);
      assert.deepEqual(
        idx.references('role', 'director').map((o) => o.field),
        ['process.owner', 'requirement.from', 'requirement.from'],
      );
      assert.deepEqual(
        idx.references('role', 'warehouse').map((o) => o.field),
        ['step.role', 'step.role', 'requirement.from'],
      );
    });

    it('indexes the attribute part of `sets` keys as attribute references', () => {
      const idx = indexOf(ORDER);
      const refs = idx.references('attribute', 'pick.mode');
      assert.deepEqual(
        refs.map((o) => describeOcc(ORDER, o)),
        ['attribute pick.mode requirement.sets "mode"@82', 'attribute pick.mode requirement.sets "mode"@90'],
      );
      assert.equal(refs[0].name, 'mode');
      assert.equal(refs[0].item?.id, 'REQ-001');
      assert.equal(refs[1].item?.id, 'REQ-002');
      assert.equal(refs[0].containerKind, 'requirement');
    });

    it('does not mistake ids inside longer words (order vs receive-order, order-fulfilment)', () => {
      const idx = indexOf(ORDER);
      const texts = idx.references('data', 'order', { includeDeclaration: true }).map((o) => ORDER.slice(o.span.start - 1, o.span.end + 1));
      assert.equal(texts.length, 6);
      for (const t of texts) assert.match(t, /^[[ ]order[,\]]$/);
    });

    it('returns all occurrences sorted by position, each span covering its name', () => {
      const idx = indexOf(ORDER);
      const all = idx.all();
      assert.equal(all.length, 59);
      for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].span.start <= all[i].span.start);
      for (const o of all) assert.equal(ORDER.slice(o.span.start, o.span.end), o.name);
    });
  });

  describe('symbolAt', () => {
    const pickKey = at(ORDER, '  pick:\n') + 2;

    it('finds an id from its first character to right after its last (inclusive end)', () => {
      const idx = indexOf(ORDER);
      for (const off of [pickKey, pickKey + 2, pickKey + 4]) {
        const o = idx.symbolAt(off);
        assert.equal(o?.kind, 'step', `offset ${off}`);
        assert.equal(o?.id, 'pick');
        assert.equal(o?.isDefinition, true);
      }
      assert.equal(idx.symbolAt(pickKey - 1), undefined);
      assert.equal(idx.symbolAt(pickKey + 5), undefined, 'past the colon');
    });

    it('tells the step part and the attribute part of a `sets` key apart', () => {
      const idx = indexOf(ORDER);
      const k = at(ORDER, 'pick.mode: automatic');
      assert.equal(idx.symbolAt(k)?.kind, 'step');
      assert.equal(idx.symbolAt(k + 4)?.kind, 'step', 'right after "pick", on the dot');
      const attr = idx.symbolAt(k + 5);
      assert.equal(attr?.kind, 'attribute');
      assert.equal(attr?.id, 'pick.mode');
      assert.equal(idx.symbolAt(k + 9)?.kind, 'attribute', 'right after "mode"');
    });

    it('finds references in flow lists, and nothing in names, comments or values that are not ids', () => {
      const idx = indexOf(ORDER);
      const o = idx.symbolAt(at(ORDER, 'delivery-status]') + 3);
      assert.equal(o?.kind, 'data');
      assert.equal(o?.field, 'role.needs');
      assert.equal(idx.symbolAt(at(ORDER, '拣货出库') + 1), undefined);
      assert.equal(idx.symbolAt(at(ORDER, '订单履约流程') + 1), undefined);
      assert.equal(idx.symbolAt(at(ORDER, 'manual') + 2), undefined, 'an attribute value');
      assert.equal(idx.symbolAt(at(ORDER, '通过') + 1), undefined, 'a branch label');
    });

    it('is safe on any offset', () => {
      const idx = indexOf(ORDER);
      for (const off of [-1, 0, ORDER.length, ORDER.length + 10, NaN, Infinity, -Infinity, 1.5]) idx.symbolAt(off);
      assert.equal(indexOf('').symbolAt(0), undefined);
    });
  });

  it('records every field the spec says holds an id, with its containing item', () => {
    const text = [
      'bizflow: 1',
      'process: { name: P, owner: r-owner }',
      'roles:',
      '  r1: { name: R, needs: [d-role-needs] }',
      'data:',
      '  d1: { owner: r-data-owner }',
      'steps:',
      '  s1:',
      '    role: r-step',
      '    needs: [d-step-needs]',
      '    produces: [d-produces]',
      '    attributes: { a1: x }',
      '    next: s-next-scalar',
      '  s2: { next: [s-next-list] }',
      '  s3: { type: decision, next: { yes: s-next-map } }',
      'requirements:',
      '  q1:',
      '    from: r-from',
      '    agreed: [r-agreed]',
      '    decidedBy: r-decided',
      '    steps: [s-steps]',
      '    adds: [s-adds]',
      '    removes: [s-removes]',
      '    depends: [q-depends]',
      '    overrides: [q-overrides]',
      '    sets: { s-sets.a-sets: v }',
    ].join('\n');
    const got = indexOf(text)
      .all()
      .map((o) => `${o.kind} ${o.id} ${o.field} ${o.containerKind}:${o.item?.id ?? '-'}${o.isDefinition ? ' def' : ''}`);
    assert.deepEqual(got, [
      'role r-owner process.owner process:-',
      'role r1 roles role:r1 def',
      'data d-role-needs role.needs role:r1',
      'data d1 data data:d1 def',
      'role r-data-owner data.owner data:d1',
      'step s1 steps step:s1 def',
      'role r-step step.role step:s1',
      'data d-step-needs step.needs step:s1',
      'data d-produces step.produces step:s1',
      'attribute s1.a1 step.attributes step:s1 def',
      'step s-next-scalar step.next step:s1',
      'step s2 steps step:s2 def',
      'step s-next-list step.next step:s2',
      'step s3 steps step:s3 def',
      'step s-next-map step.next step:s3',
      'requirement q1 requirements requirement:q1 def',
      'role r-from requirement.from requirement:q1',
      'role r-agreed requirement.agreed requirement:q1',
      'role r-decided requirement.decidedBy requirement:q1',
      'step s-steps requirement.steps requirement:q1',
      'step s-adds requirement.adds requirement:q1',
      'step s-removes requirement.removes requirement:q1',
      'requirement q-depends requirement.depends requirement:q1',
      'requirement q-overrides requirement.overrides requirement:q1',
      'step s-sets requirement.sets requirement:q1',
      'attribute s-sets.a-sets requirement.sets requirement:q1',
    ]);
  });

  it('with a data: section, data keys are the definitions and produces entries are references', () => {
    const idx = indexOf(P2P);
    const def = idx.definition('data', 'purchase-order');
    assert.equal(def?.field, 'data');
    assert.equal(def?.implicit, false);
    assert.deepEqual(
      idx.references('data', 'purchase-order').map((o) => `${o.field}:${o.item?.id}`),
      ['step.produces:source', 'step.needs:receive', 'step.needs:match'],
    );
    // flow-map values are references too
    assert.deepEqual(
      idx.references('role', 'requester').map((o) => `${o.field}:${o.item?.id}`),
      ['data.owner:purchase-request', 'data.owner:receipt', 'step.role:request', 'step.role:receive', 'requirement.agreed:REQ-101', 'requirement.from:REQ-102'],
    );
  });

  it('without a data: section, every producer is an implicit definition (none is a duplicate)', () => {
    const text = ['steps:', '  a: { produces: [x] }', '  b: { needs: [x], produces: [x] }', 'roles:', '  r: { needs: [x] }'].join('\n');
    const idx = indexOf(text);
    const defs = idx.definitions('data', 'x');
    assert.deepEqual(defs.map((d) => `${d.item?.id} ${d.implicit} ${d.duplicate}`), ['a true false', 'b true false']);
    assert.equal(idx.definition('data', 'x')?.item?.id, 'a');
    assert.deepEqual(idx.references('data', 'x').map((o) => o.field), ['step.needs', 'role.needs']);
    assert.equal(idx.references('data', 'x', { includeDeclaration: true }).length, 4);
  });

  it('records repeated keys as duplicate definitions and indexes what is inside them', () => {
    const text = [
      'roles:',
      '  sales: { name: A }',
      '  sales: { name: B }',
      'steps:',
      '  s1: { role: sales, next: s2 }',
      '  s1:',
      '    role: sales',
      '    attributes: { mode: a, mode: b }',
      '    next: [s2]',
      '  s2: { type: end }',
      'steps:',
      '  late: { role: sales }',
    ].join('\n');
    const idx = indexOf(text);
    assert.deepEqual(
      idx.definitions('role', 'sales').map((o) => describeOcc(text, o)),
      ['role sales roles "sales"@2 def', 'role sales roles "sales"@3 def dup'],
    );
    assert.equal(idx.definition('role', 'sales')?.duplicate, false);
    assert.deepEqual(
      idx.references('role', 'sales').map((o) => `${o.field}@${text.slice(0, o.span.start).split('\n').length}`),
      ['step.role@5', 'step.role@7', 'step.role@12'],
    );
    assert.deepEqual(idx.definitions('step', 's1').map((o) => o.duplicate), [false, true]);
    assert.deepEqual(idx.definitions('step', 'late').map((o) => o.duplicate), [true], 'under a repeated steps: key');
    assert.deepEqual(idx.definitions('attribute', 's1.mode').map((o) => o.duplicate), [false, true]);
    assert.deepEqual(idx.references('step', 's2').map((o) => o.item?.span.start), [at(text, 's1: {'), at(text, 's1:\n')]);
  });

  it('reads a duplicate item the way the model reads the first one', () => {
    // the same step written twice: the second copy is read without the model,
    // and must yield the same references at the same relative positions
    const body = [
      '    role: "sales"',
      '    needs: [a, \'b\']',
      '    produces: [c]',
      '    attributes: { m: 1, "n": 2 }',
      '    next: { x: t1, y: [t2], z: t3 }',
    ].join('\n');
    const req = ['    from: r', '    agreed: [r2]', '    decidedBy: r3', '    steps: [s]', '    adds: [s2]', '    removes: [s3]', '    depends: [q]', '    overrides: [q2]', '    sets: { "s.m": 1, s.n: [no], "nodot": 2 }'].join('\n');
    const text = `data: {}\nsteps:\n  dup:\n${body}\n  dup:\n${body}\nrequirements:\n  q:\n${req}\n  q:\n${req}\n`;
    const idx = indexOf(text);
    const half = (o: SymbolOccurrence) => o.span.start >= at(text, '  dup:', 1) && o.span.start < at(text, 'requirements:');
    const halfQ = (o: SymbolOccurrence) => o.span.start >= at(text, '  q:', 1);
    const shape = (list: readonly SymbolOccurrence[], shift: number) =>
      list.map((o) => `${o.kind} ${o.id} ${o.field} ${o.span.start - shift} ${o.span.end - shift}`);
    const stepsAll = idx.all().filter((o) => o.span.start < at(text, 'requirements:'));
    const first = stepsAll.filter((o) => !half(o) && o.span.start >= at(text, '  dup:'));
    const second = stepsAll.filter(half);
    // dup, sales, a, b, c, m, n, t1, t3 (a list under a decision label is not a target)
    assert.equal(first.length, 9);
    assert.deepEqual(shape(second, at(text, '  dup:', 1)), shape(first, at(text, '  dup:')));
    const reqFirst = idx.all().filter((o) => o.span.start >= at(text, '  q:') && !halfQ(o));
    const reqSecond = idx.all().filter(halfQ);
    assert.equal(reqFirst.length, 11); // q, r, r2, r3, s, s2, s3, q, q2, s, m (a list value in sets is skipped, like a key with no dot)
    assert.deepEqual(shape(reqSecond, at(text, '  q:', 1)), shape(reqFirst, at(text, '  q:')));
  });

  it('handles quoted ids (spans exclude the quotes) and keeps the raw key span for escaped sets keys', () => {
    const text = ['steps:', '  "pick": { role: \'sales\', next: ["done"] }', 'requirements:', '  q:', '    sets: { "pick.mode": a, "p\\x69ck.mode": b }'].join('\n');
    const idx = indexOf(text);
    const texts = idx.all().map((o) => `${o.kind}:${text.slice(o.span.start, o.span.end)}`);
    assert.deepEqual(texts, ['step:pick', 'role:sales', 'step:done', 'requirement:q', 'step:pick', 'attribute:mode', 'step:p\\x69ck.mode', 'attribute:p\\x69ck.mode']);
    const escaped = idx.references('step', 'pick')[1];
    assert.equal(escaped.id, 'pick');
    assert.notEqual(text.slice(escaped.span.start, escaped.span.end), escaped.name);
  });

  it('follows aliases to the aliased text (shared spans), and symbolAt prefers the definition', () => {
    const text = ['roles:', '  &r sales: { name: S }', 'steps:', '  s: { role: *r, needs: &n [x], next: e }', '  e: { type: end, needs: *n }'].join('\n');
    const idx = indexOf(text);
    const salesRefs = idx.references('role', 'sales', { includeDeclaration: true });
    assert.equal(salesRefs.length, 2);
    assert.deepEqual(salesRefs[0].span, salesRefs[1].span);
    assert.equal(idx.symbolAt(salesRefs[0].span.start)?.isDefinition, true);
    const x = idx.references('data', 'x');
    assert.deepEqual(x.map((o) => o.item?.id), ['s', 'e']);
    assert.deepEqual(x[0].span, x[1].span);
  });

  it('never throws on documents of the wrong shape, and finds nothing where there is nothing', () => {
    const inputs = [
      '',
      '- a\n- b',
      'just text',
      'roles: [a, b]\nsteps: 3\nrequirements: ~\ndata: x',
      'steps:\n  s:\n    next: { a: [b], c: { d: e } }\n    attributes: [x]\n    role: [r]',
      'requirements:\n  q:\n    sets: [a.b]\n    from: { x: y }\n    depends: q',
      'roles:\n  ? [complex]\n  : x\n  null: {}\n  "": {}\n  ~: {}',
      'steps:\n  s: { produces: [true, null, 1, 1.5, ""], next: "" }',
      'steps: &a\n  s: { next: *a }',
      'process: { owner: [x] }\nroles: *undefined',
    ];
    for (const text of inputs) {
      const idx = indexOf(text);
      for (const o of idx.all()) {
        assert.ok(o.span.start >= 0 && o.span.start <= o.span.end && o.span.end <= text.length, text);
        assert.notEqual(o.id, '');
      }
      for (let off = 0; off <= text.length; off++) idx.symbolAt(off);
    }
    const nums = indexOf('steps:\n  s: { produces: [true, null, 1, 1.5, ""] }');
    assert.deepEqual(nums.all().map((o) => o.id), ['s', '1', '1.5'], 'booleans, null and empty strings are not ids');
  });

  // Speed itself is measured by `npm run bench`; this test guards the curve, both sizes measured in this run:
  // the index of 10× the steps costs at most ~3× the linear share, and a lookup stays (near) logarithmic.
  itTiming('builds the index in time linear in the file, and looks up in logarithmic time (10,000 steps vs 1,000)', function () {
    this.timeout(120000);
    const file = (n: number) => {
      const lines = ['bizflow: 1', 'process: { name: P, owner: r0 }', 'roles:', '  r0: { name: R }', 'steps:'];
      for (let i = 0; i < n; i++) {
        lines.push(`  s${i}:`, `    role: r0`, `    needs: [d${i}]`, `    produces: [d${i + 1}]`, `    attributes: { mode: m }`, `    next: s${(i + 1) % n}`);
      }
      lines.push('requirements:');
      for (let i = 0; i < n; i += 10) lines.push(`  q${i}: { from: r0, sets: { s${i}.mode: x }, depends: [q${(i + 10) % n}] }`);
      const text = lines.join('\n');
      return { text, model: buildModel(parseText(text)) };
    };
    // Both sizes are timed in the same rounds, each over the same amount of work (ten builds of the
    // small index against one of the large), and the fastest round of each counts: a busy machine
    // slows both alike, so the ratio stays near 1 for a linear build.
    const buildTime = (f: ReturnType<typeof file>, times: number) => {
      const t0 = process.hrtime.bigint();
      let idx: ReturnType<typeof buildSymbolIndex> | undefined;
      for (let k = 0; k < times; k++) idx = buildSymbolIndex(f.model);
      return { idx: idx!, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
    };
    const lookupTime = (f: ReturnType<typeof file>, idx: ReturnType<typeof buildSymbolIndex>) => {
      let hits = 0;
      const t1 = process.hrtime.bigint();
      for (let off = 0; off < f.text.length; off += 7) if (idx.symbolAt(off)) hits++;
      return { hits, perLookup: Number(process.hrtime.bigint() - t1) / 1e6 / Math.ceil(f.text.length / 7) };
    };
    const n = 10000;
    const large = file(n);
    const small = file(n / 10);
    buildTime(small, 10); // warm up
    let smallTen = Infinity;
    let largeOne = Infinity;
    let smallLookup = Infinity;
    let largeLookup = Infinity;
    let l = { idx: buildSymbolIndex(large.model), hits: 0 };
    for (let round = 0; round < 5; round++) {
      const sb = buildTime(small, 10);
      const lb = buildTime(large, 1);
      smallTen = Math.min(smallTen, sb.ms);
      largeOne = Math.min(largeOne, lb.ms);
      smallLookup = Math.min(smallLookup, lookupTime(small, sb.idx).perLookup);
      const ll = lookupTime(large, lb.idx);
      largeLookup = Math.min(largeLookup, ll.perLookup);
      l = { idx: lb.idx, hits: ll.hits };
    }
    assert.equal(l.idx.references('role', 'r0').length, n + 1 + n / 10);
    assert.equal(l.idx.references('step', 's5001').length, 1);
    assert.equal(l.idx.references('step', 's5001', { includeDeclaration: true }).length, 2);
    assert.ok(l.hits > 10000);
    assert.ok(largeOne <= 3 * Math.max(smallTen, 5), `index: 10,000 steps ${largeOne.toFixed(1)} ms, 10 × 1,000 steps ${smallTen.toFixed(1)} ms`);
    assert.ok(largeLookup <= 5 * Math.max(smallLookup, 1e-4), `one lookup: ${largeLookup.toFixed(5)} ms at 10,000 steps, ${smallLookup.toFixed(5)} ms at 1,000`);
  });
});
