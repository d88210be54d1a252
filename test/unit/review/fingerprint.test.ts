import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { analyze } from '../../../src/core/engine';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import { canonicalJson, canonicalValue, fingerprintOf, shortSha256 } from '../../../src/core/review/fingerprint';
import { agreementOf, agreements, readDescription, readReviews, readSource } from '../../../src/core/review/read';

const ROOT = path.resolve(__dirname, '../../..');
const FORMAT_MD = fs.readFileSync(path.join(ROOT, 'docs/format.md'), 'utf8');
const ORDER = fs.readFileSync(path.join(ROOT, 'examples/order-fulfilment.bizflow.yaml'), 'utf8');

function fp(text: string, id: string) {
  const model = buildModel(parseText(text));
  const req = model.requirements.byId.get(id);
  assert.ok(req, `requirement ${id}`);
  return fingerprintOf(model, req);
}

/** The test vectors of docs/format.md: file (when given), canonical JSON and fingerprint. */
function vectors(): { title: string; yaml?: string; canonical: string; id: string; fingerprint: string }[] {
  const start = FORMAT_MD.indexOf('### Fingerprints');
  const section = FORMAT_MD.slice(start, FORMAT_MD.indexOf('\n## ', start));
  const parts = section.split(/^#### /m).slice(1);
  return parts.map((p) => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(p)?.[1];
    const canonical = /```json\n([\s\S]*?)\n```/.exec(p)![1];
    const [, id, fingerprint] = /Fingerprint of `([^`]+)`: `([0-9a-f]{8})`/.exec(p)!;
    return { title: p.split('\n')[0], yaml, canonical, id, fingerprint };
  });
}

describe('review: fingerprint', () => {
  it('docs/format.md has three test vectors, and each one holds', () => {
    const vs = vectors();
    assert.equal(vs.length, 3);
    for (const v of vs) {
      const text = v.yaml ?? ORDER;
      const got = fp(text, v.id);
      assert.equal(got.canonical, v.canonical, v.title);
      assert.equal(got.fingerprint, v.fingerprint, v.title);
      assert.equal(shortSha256(v.canonical), v.fingerprint, v.title);
    }
  });

  it('SHA-256 is the real one (FIPS 180-2 "abc" vector, UTF-8 of Chinese text)', () => {
    assert.equal(shortSha256('abc'), 'ba7816bf');
    assert.equal(shortSha256(''), 'e3b0c442');
    // sha256("需求") = 8e6c...: computed by Node's crypto in the test only
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeCrypto = require('node:crypto') as typeof import('node:crypto');
    for (const s of ['需求', 'a\u2028b', '\u{1F600}', '"quoted"\\']) {
      assert.equal(shortSha256(s), nodeCrypto.createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 8));
    }
  });

  it('the fingerprints of the example requirements', () => {
    assert.deepEqual(
      ['REQ-001', 'REQ-002', 'REQ-003', 'REQ-004'].map((id) => fp(ORDER, id).fingerprint),
      ['bc2461ce', 'f78e3fcd', '190217e7', '363bb00d'],
    );
  });

  it('canonical JSON: keys sorted by UTF-16 code units, even integer-like keys; no white space', () => {
    assert.equal(canonicalJson({ b: '1', a: null, '10': ['x', { '2': 'y', '1': 'z' }], é: '', Z: '' }), '{"10":["x",{"1":"z","2":"y"}],"Z":"","a":null,"b":"1","é":""}');
    assert.equal(canonicalJson({ '\u{1F600}': 'a', '\uFF01': 'b' }), '{"\u{1F600}":"a","\uFF01":"b"}', 'a surrogate pair sorts before U+FF01');
  });

  it('scalars are their text: quoting does not matter, the written number form does', () => {
    const base = (v: string) => `requirements:\n  R:\n    title: ${v}\n`;
    assert.equal(fp(base('3'), 'R').fingerprint, fp(base('"3"'), 'R').fingerprint);
    assert.equal(fp(base('true'), 'R').fingerprint, fp(base("'true'"), 'R').fingerprint);
    assert.notEqual(fp(base('3'), 'R').fingerprint, fp(base('3.0'), 'R').fingerprint);
    assert.equal(fp(base('0x1F'), 'R').canonical, '{"requirement":{"title":"0x1F"},"steps":{}}');
    assert.equal(fp(base('~'), 'R').canonical, '{"requirement":{},"steps":{}}', 'a null title is left out');
    assert.equal(fp(base('|\n      a\n      b'), 'R').canonical, '{"requirement":{"title":"a\\nb\\n"},"steps":{}}');
  });

  it('empty lists and maps count as absent; aliases are followed; an undefined step is null', () => {
    const a = fp('requirements:\n  R:\n    title: t\n    adds: []\n    sets: {}\n', 'R');
    const b = fp('requirements:\n  R:\n    title: t\n', 'R');
    assert.equal(a.fingerprint, b.fingerprint);
    const withAlias = `x: &crit [a, b]\nsteps:\n  s: { name: S }\nrequirements:\n  R:\n    title: t\n    acceptance: *crit\n    steps: [s, ghost]\n`;
    assert.equal(fp(withAlias, 'R').canonical, '{"requirement":{"acceptance":["a","b"],"steps":["s","ghost"],"title":"t"},"steps":{"ghost":null,"s":{"name":"S"}}}');
  });

  it('is bounded on an alias bomb: at most 100,000 values of the 10^12 it names, the same fingerprint every time', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]\n`;
    text += 'requirements:\n  R:\n    title: t\n    acceptance: *a11\n';
    const r = fp(text, 'R');
    assert.match(r.fingerprint, /^[0-9a-f]{8}$/);
    const canonical = JSON.parse(r.canonical) as { requirement: { acceptance: unknown; title: string } };
    assert.equal(canonical.requirement.title, 't');
    // the values past the budget are null: what was expanded is a bounded prefix of the bomb
    const values = r.canonical.match(/"x"|null/g) ?? [];
    assert.ok(values.length > 1000 && values.length <= 100_000, `${values.length} values`);
    assert.ok(r.canonical.startsWith('{"requirement":{"acceptance":[[[[[[[[[[[["x","x"'), r.canonical.slice(0, 80));
    assert.equal(fp(text, 'R').fingerprint, r.fingerprint, 'deterministic');
  });

  // -------------------------------------------------------------------------
  // properties

  const word = fc.stringMatching(/^[a-z\u4e00-\u4e09]{1,6}$/);
  const ident = fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/);
  const scalar = fc.oneof(word, fc.integer({ min: 0, max: 999 }).map(String));

  /** A file with one requirement `R` touching steps `s1` (sets) and `s2` (steps), as a plain object. */
  const fileArb = fc.record({
    title: word,
    description: fc.option(word, { nil: undefined }),
    acceptance: fc.array(word, { maxLength: 3 }),
    depends: fc.array(ident, { maxLength: 2 }),
    setValue: scalar,
    attr: scalar,
    needs: fc.array(ident, { maxLength: 2 }),
    name1: word,
    name2: word,
  });
  type F = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

  function build(f: F, extra: Record<string, unknown> = {}, stepExtra: Record<string, unknown> = {}) {
    const req: Record<string, unknown> = { title: f.title, from: 'a', priority: 'must', sets: { 's1.mode': f.setValue }, steps: ['s2'] };
    if (f.description !== undefined) req.description = f.description;
    if (f.acceptance.length) req.acceptance = f.acceptance;
    if (f.depends.length) req.depends = f.depends;
    return {
      bizflow: 1,
      process: { name: 'P' },
      roles: { a: { name: 'A' }, b: { name: 'B' } },
      steps: {
        s1: { name: f.name1, role: 'b', attributes: { mode: f.attr }, needs: f.needs, next: 's2', ...stepExtra },
        s2: { name: f.name2, type: 'end' },
      },
      requirements: { R: { ...req, ...extra } },
    };
  }

  /** The same document written differently: other quoting, indentation, flow style, key order and comments. */
  function rewrite(doc: unknown, seed: number): string {
    const shuffle = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shuffle);
      if (v && typeof v === 'object') {
        const entries = Object.entries(v as Record<string, unknown>);
        if (seed % 2) entries.reverse();
        return Object.fromEntries(entries.map(([k, x]) => [k, shuffle(x)]));
      }
      return v;
    };
    const text = stringify(shuffle(doc), {
      lineWidth: 0,
      indent: 2 + (seed % 3),
      defaultStringType: seed % 3 === 0 ? 'QUOTE_DOUBLE' : seed % 3 === 1 ? 'QUOTE_SINGLE' : 'PLAIN',
      defaultKeyType: 'PLAIN',
      collectionStyle: seed % 4 === 0 ? 'flow' : 'any',
    });
    // a comment line before every other line, at that line's indentation, and one at the end of some lines
    return text
      .split('\n')
      .map((l, i) => {
        const indent = /^ */.exec(l)![0];
        const before = (i + seed) % 2 === 0 && l.trim() && seed % 4 !== 0 ? `${indent}# 注释 ${i}\n` : '';
        return before + l;
      })
      .join('\n');
  }

  it('property: comments, formatting, key order and the unsigned fields never change the fingerprint', function () {
    this.timeout(30_000);
    const unsigned = fc.record({
      status: fc.constantFrom('proposed', 'accepted', 'rejected', 'done'),
      priority: fc.constantFrom('must', 'should', 'could', 'wont'),
      agreed: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
      overrides: fc.array(ident, { maxLength: 2 }),
      decidedBy: fc.constantFrom('a', 'b'),
      reviews: fc.array(fc.record({ role: fc.constantFrom('a', 'b'), verdict: fc.constantFrom('agree', 'object', 'question'), fingerprint: fc.stringMatching(/^[0-9a-f]{8}$/) }), { maxLength: 2 }),
      rationale: word,
      from: fc.constantFrom('a', 'b'),
      source: fc.record({ who: word, said: word }),
    });
    fc.assert(
      fc.property(fileArb, unsigned, fc.nat(1000), fc.constantFrom('start', 'task', 'decision'), (f, u, seed, type) => {
        const plain = fp(stringify(build(f)), 'R');
        const other = fp(rewrite(build(f, u, { type }), seed), 'R');
        assert.equal(other.canonical, plain.canonical);
        assert.equal(other.fingerprint, plain.fingerprint);
      }),
      { numRuns: 80 },
    );
  });

  it('property: changing any signed field changes the fingerprint', function () {
    this.timeout(30_000);
    type Mut = (d: ReturnType<typeof build>) => void;
    const R = (d: ReturnType<typeof build>) => d.requirements.R as Record<string, unknown>;
    const S1 = (d: ReturnType<typeof build>) => d.steps.s1 as Record<string, unknown>;
    const mutations: Record<string, Mut> = {
      title: (d) => void (R(d).title = `${R(d).title}x`),
      description: (d) => void (R(d).description = `${R(d).description ?? ''}x`),
      sets: (d) => void (R(d).sets = { 's1.mode': `${(R(d).sets as Record<string, string>)['s1.mode']}x` }),
      setsKey: (d) => void ((R(d).sets as Record<string, string>)['s1.sla'] = '1d'),
      adds: (d) => void (R(d).adds = ['s2']),
      removes: (d) => void (R(d).removes = ['s2']),
      steps: (d) => void (R(d).steps = ['s2', 's1']),
      acceptance: (d) => void (R(d).acceptance = [...((R(d).acceptance as string[]) ?? []), 'new criterion']),
      depends: (d) => void (R(d).depends = [...((R(d).depends as string[]) ?? []), 'REQ-X']),
      'step.name': (d) => void (S1(d).name = `${S1(d).name}x`),
      'step.role': (d) => void (S1(d).role = 'a'),
      'step.attributes': (d) => void (S1(d).attributes = { mode: `${(S1(d).attributes as Record<string, string>).mode}x` }),
      'step.attributes.new': (d) => void ((S1(d).attributes as Record<string, string>).sla = '24h'),
      'step.needs': (d) => void (S1(d).needs = [...(S1(d).needs as string[]), 'extra']),
      'step.produces': (d) => void (S1(d).produces = ['made']),
      'step.next': (d) => void (S1(d).next = ['s2']),
      'touched step.name': (d) => void ((d.steps.s2 as Record<string, unknown>).name = 'other name'),
    };
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...Object.keys(mutations)), fc.nat(1000), (f, which, seed) => {
        const before = fp(stringify(build(f)), 'R');
        const doc = build(f);
        mutations[which](doc);
        const after = fp(rewrite(doc, seed), 'R');
        assert.notEqual(after.canonical, before.canonical, which);
        assert.notEqual(after.fingerprint, before.fingerprint, which);
      }),
      { numRuns: 120 },
    );
  });

  it('a step the requirement does not touch is not signed', () => {
    const text = (n: string) => `steps:\n  s: { name: S }\n  t: { name: ${n} }\nrequirements:\n  R: { title: x, steps: [s] }\n`;
    assert.equal(fp(text('one'), 'R').fingerprint, fp(text('two'), 'R').fingerprint);
  });
});

describe('review: reading reviews, source and description', () => {
  const file = (reviews: string, extra = '') => `roles:
  a: { name: A }
  b: { name: B }
steps:
  s: { name: S, role: b }
requirements:
  R:
    title: x
    from: a
    sets: { s.mode: auto }${extra}
    reviews:
${reviews}`;

  it('reads the entries tolerantly, with their spans', () => {
    const text = file('      - { role: b, verdict: agree, on: 2026-12-01, fingerprint: 1234ABCD, note: fine }\n      - just text\n      - { verdict: maybe }\n');
    const { model } = analyze(text);
    const req = model.requirements.byId.get('R')!;
    const rs = readReviews(model, req);
    assert.equal(rs.length, 2);
    assert.deepEqual(
      rs.map((r) => [r.index, r.role?.id, r.verdict, r.verdictText, r.on, r.fingerprint, r.note]),
      [
        [0, 'b', 'agree', 'agree', '2026-12-01', '1234ABCD', 'fine'],
        [2, undefined, undefined, 'maybe', undefined, undefined, undefined],
      ],
    );
    assert.equal(text.slice(rs[0].fingerprintSpan!.start, rs[0].fingerprintSpan!.end), '1234ABCD');
    assert.equal(readDescription(model, req), undefined);
  });

  it('agreement states: agreed, stale, object, question, none; the last entry wins; reviews outrank `agreed`', () => {
    const text0 = file('      - { role: b, verdict: agree }\n');
    const { model: m0 } = analyze(text0);
    const current = fingerprintOf(m0, m0.requirements.byId.get('R')!).fingerprint;
    const state = (reviews: string, extra = '', role = 'b') => {
      const { model } = analyze(file(reviews, extra));
      return agreementOf(model, model.requirements.byId.get('R')!, role).state;
    };
    assert.equal(state(`      - { role: b, verdict: agree, fingerprint: ${current} }\n`), 'agreed');
    assert.equal(state(`      - { role: b, verdict: agree, fingerprint: "${current.toUpperCase()}" }\n`), 'agreed', 'either case');
    assert.equal(state('      - { role: b, verdict: agree, fingerprint: "00000000" }\n'), 'stale');
    assert.equal(state('      - { role: b, verdict: agree }\n'), 'agreed', 'no fingerprint: like `agreed`');
    assert.equal(state('      - { role: b, verdict: object, note: no }\n'), 'object');
    assert.equal(state('      - { role: b, verdict: question }\n'), 'question');
    assert.equal(state('      - { role: b, verdict: object }\n      - { role: b, verdict: agree }\n'), 'agreed', 'the last entry wins');
    assert.equal(state('      - { role: b, verdict: agree }\n      - { role: b, verdict: object }\n'), 'object');
    assert.equal(state('      - { role: b, verdict: object }\n', '\n    agreed: [b]'), 'object', 'reviews outrank agreed');
    assert.equal(state('      []\n', '\n    agreed: [b]'), 'agreed');
    assert.equal(state('      - { role: a, verdict: object }\n'), 'none');
    const { model } = analyze(file('      - { role: b, verdict: agree, fingerprint: "00000000" }\n'));
    const st = agreements(model, model.requirements.byId.get('R')!).get('b')!;
    assert.deepEqual([st.recorded, st.current], ['00000000', current]);
  });

  it('a stale agreement becomes current again when the change is undone; a status change never makes it stale', () => {
    const base = `roles: { a: { name: A }, b: { name: B } }\nsteps:\n  s: { name: S, role: b }\nrequirements:\n  R:\n    title: x\n    from: a\n    status: STATUS\n    sets: { s.mode: MODE }\n    reviews: [{ role: b, verdict: agree, fingerprint: FP }]\n`;
    const fpAuto = fp(base.replace('MODE', 'auto').replace('STATUS', 'proposed').replace('FP', '"00000000"'), 'R').fingerprint;
    const st = (mode: string, status: string) => {
      const { model } = analyze(base.replace('MODE', mode).replace('STATUS', status).replace('FP', fpAuto));
      return agreementOf(model, model.requirements.byId.get('R')!, 'b').state;
    };
    assert.equal(st('auto', 'proposed'), 'agreed');
    assert.equal(st('auto', 'accepted'), 'agreed');
    assert.equal(st('manual', 'proposed'), 'stale');
  });

  it('reads `source` and `description`', () => {
    const text = `requirements:\n  R:\n    title: x\n    description: |\n      two\n      lines\n    source: { who: 王总, said: "我要亲自看", channel: 周会, on: 2026-11-20, extra: 1 }\n`;
    const { model } = analyze(text);
    const req = model.requirements.byId.get('R')!;
    const s = readSource(model, req)!;
    assert.deepEqual([s.who, s.said, s.channel, s.on], ['王总', '我要亲自看', '周会', '2026-11-20']);
    assert.equal(readDescription(model, req), 'two\nlines\n');
    const none = analyze('requirements:\n  R: { title: x, source: just words }\n');
    assert.equal(readSource(none.model, none.model.requirements.byId.get('R')!), undefined);
  });

  it('canonicalValue never throws on odd shapes', () => {
    for (const text of ['requirements:\n  R:\n', 'requirements:\n  R: 3\n', 'requirements:\n  R: [a]\n', 'requirements:\n  R: { title: [a, {b: c}], sets: [x] }\n', 'requirements:\n  R: { title: { ? [a] : b } }\n']) {
      const { model } = analyze(text);
      const req = model.requirements.byId.get('R')!;
      assert.doesNotThrow(() => canonicalValue(model, req), text);
      assert.match(fingerprintOf(model, req).fingerprint, /^[0-9a-f]{8}$/);
    }
  });
});
