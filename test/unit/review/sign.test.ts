import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../../src/core/engine';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import { fingerprintOf } from '../../../src/core/review/fingerprint';
import { agreementOf, readReviews } from '../../../src/core/review/read';
import { isIsoDate, scalarOut, signText, type SignRequest } from '../../../src/core/review/sign';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../../../examples/order-fulfilment.bizflow.yaml'), 'utf8');

const req = (r: Partial<SignRequest> = {}): SignRequest => ({ requirement: 'R1', role: 'fin', verdict: 'agree', on: '2026-12-06', ...r });

const file = (r1: string) => `bizflow: 1
process: { name: P }
roles:
  fin: { name: F }
  ops: { name: O }
steps:
  s: { name: S, type: start, role: fin, next: e }   # the start
  e: { name: E, type: end }
requirements:
  # a comment before R1
  R1:
${r1}  R2:
    title: other # keep
`;

function fp(text: string, id: string): string {
  const { model } = analyze(text);
  return fingerprintOf(model, model.requirements.byId.get(id)!).fingerprint;
}

function signed(text: string, r: Partial<SignRequest> = {}): string {
  const res = signText(text, req(r));
  assert.ok(res.ok, JSON.stringify(res));
  return res.text;
}

describe('review: sign (text edit)', () => {
  it('adds a reviews list after the last field, keeping every comment; the fingerprint matches the result', () => {
    const text = file('    title: x  # c1\n    sets: { s.mode: auto }\n');
    const out = signed(text, { note: 'ok: "fine" # yes' });
    const fingerprint = fp(text, 'R1');
    assert.equal(
      out,
      file(
        `    title: x  # c1\n    sets: { s.mode: auto }\n    reviews:\n      - role: fin\n        verdict: agree\n        on: 2026-12-06\n        fingerprint: ${fingerprint}\n        note: "ok: \\"fine\\" # yes"\n`,
      ),
    );
    assert.equal(fp(out, 'R1'), fingerprint);
    const { model } = analyze(out);
    assert.equal(agreementOf(model, model.requirements.byId.get('R1')!, 'fin').state, 'agreed');
  });

  it('appends to an existing block list in its own layout', () => {
    const text = file('    title: x\n    reviews:\n    -   role: ops\n        verdict: object\n');
    const out = signed(text, { verdict: 'question' });
    assert.ok(out.startsWith(text.slice(0, text.indexOf('  R2:'))));
    assert.match(out, /\n {4}- {3}role: ops\n {8}verdict: object\n {4}- {3}role: fin\n {8}verdict: question\n {8}on: 2026-12-06\n {8}fingerprint: [0-9a-f]{8}\n {2}R2:/);
  });

  it('turns `reviews: []`, `reviews: ~` and an empty `reviews:` into a block list, keeping a trailing comment', () => {
    for (const [v, comment] of [['[]  # none yet', '  # none yet'], ['~', ''], ['', '']]) {
      const text = file(`    title: x\n    reviews:${v ? ' ' + v : ''}\n`);
      const out = signed(text);
      assert.match(out, new RegExp(`\\n {4}reviews:${comment.replace('#', '#')}\\n {6}- role: fin\\n {8}verdict: agree\\n`), v);
      assert.equal(readReviews(analyze(out).model, analyze(out).model.requirements.byId.get('R1')!).length, 1);
    }
  });

  it('after a block scalar, in a CRLF file, at a file end without a line break, with 4-space indentation', () => {
    const block = signed(file('    title: x\n    acceptance: |\n      a\n      b\n'));
    assert.match(block, /\n {6}b\n {4}reviews:\n {6}- role: fin\n/);
    const crlf = file('    title: x\n').replace(/\n/g, '\r\n');
    const out = signed(crlf);
    assert.ok(!/[^\r]\n/.test(out), 'only CRLF line breaks');
    const noEol = 'roles: { fin: { name: F } }\nrequirements:\n    R1:\n        title: x';
    assert.equal(signed(noEol), `${noEol}\n        reviews:\n            - role: fin\n              verdict: agree\n              on: 2026-12-06\n              fingerprint: ${fp(noEol, 'R1')}\n`);
  });

  it('signs the example: a later edit of a touched step makes the agreement stale', () => {
    const out = signed(ORDER, { requirement: 'REQ-004', role: 'finance' });
    assert.ok(out.startsWith(ORDER.replace(/\n$/, '')), 'an append at the end');
    assert.match(out, /\n {4}reviews:\n {6}- role: finance\n {8}verdict: agree\n {8}on: 2026-12-06\n {8}fingerprint: 363bb00d\n$/);
    const m = analyze(out).model;
    assert.equal(agreementOf(m, m.requirements.byId.get('REQ-004')!, 'finance').state, 'agreed');
    const later = out.replace('    attributes:\n      approver: finance-lead', '    attributes:\n      approver: finance-manager');
    const m2 = analyze(later).model;
    assert.equal(agreementOf(m2, m2.requirements.byId.get('REQ-004')!, 'finance').state, 'stale');
  });

  it('refuses clearly: unknown requirement or role (with a suggestion), anchors, aliases, flow style, syntax errors, non-list reviews', () => {
    const base = file('    title: x\n');
    const cases: [string, Partial<SignRequest>, string, string?][] = [
      [base, { requirement: 'R3' }, 'no-requirement', 'R1'],
      [base, { role: 'fn' }, 'no-role', 'fin'],
      [base.replace('  R1:\n', '  R1: &a\n'), {}, 'anchor'],
      [base.replace('  R1:\n    title: x\n', '  R1: {title: x}\n'), {}, 'flow'],
      [base.replace('  R1:\n    title: x\n', '  R1: *x\n').replace('bizflow: 1', 'x: &x { title: y }\nbizflow: 1'), {}, 'alias'],
      [file('    title: x\n    reviews: [{ role: ops, verdict: agree }]\n'), {}, 'flow'],
      [file('    title: x\n    reviews: { role: ops }\n'), {}, 'reviews-not-list'],
      [file('    title: x\n    reviews: *r\n').replace('bizflow: 1', 'z: &r []\nbizflow: 1'), {}, 'alias'],
      [base + 'oops: [\n', {}, 'syntax'],
      [file('    title: x\n    reviews:\n      -\n        role: ops\n'), {}, 'layout'],
    ];
    for (const [text, r, reason, suggestion] of cases) {
      const res = signText(text, req(r));
      assert.equal(res.ok, false, reason);
      if (!res.ok) {
        assert.equal(res.reason, reason, text);
        if (suggestion) assert.equal(res.suggestion, suggestion);
      }
    }
  });

  it('scalarOut writes plain text where YAML reads it back as that text, else a double-quoted string', function () {
    this.timeout(10_000);
    assert.equal(scalarOut('fin'), 'fin');
    assert.equal(scalarOut('2026-12-06'), '2026-12-06');
    assert.equal(scalarOut('3f9a1c2e'), '3f9a1c2e');
    assert.equal(scalarOut('12345678'), '"12345678"');
    assert.equal(scalarOut('1e345678'), '"1e345678"');
    assert.equal(scalarOut('true'), '"true"');
    assert.equal(scalarOut('null'), '"null"');
    assert.equal(scalarOut('总监出差时谁审批？'), '总监出差时谁审批？');
    assert.equal(scalarOut('a: b'), '"a: b"');
    assert.equal(scalarOut('- x'), '"- x"');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20, unit: 'binary' })), (s) => {
        assert.equal(parse(`k: ${scalarOut(s)}`, { version: '1.2' }).k, s);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any note round-trips, the rest of the text is kept byte for byte, and the fingerprint holds', function () {
    this.timeout(30_000);
    const text = file('    title: x   # t\n    sets:\n      s.mode: auto   # m\n');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30, unit: 'binary' })), fc.constantFrom('agree', 'object', 'question') as fc.Arbitrary<SignRequest['verdict']>, (note, verdict) => {
        const res = signText(text, req({ note, verdict, role: 'ops' }));
        assert.ok(res.ok);
        const { edit } = res;
        assert.equal(edit.span.start, edit.span.end, 'an insertion');
        assert.equal(res.text.slice(0, edit.span.start) + res.text.slice(edit.span.start + edit.newText.length), text);
        const model = buildModel(parseText(res.text));
        const r = model.requirements.byId.get('R1')!;
        const last = readReviews(model, r).pop()!;
        assert.deepEqual([last.role?.id, last.verdict, last.note ?? ''], ['ops', verdict, note]);
        assert.equal(fingerprintOf(model, r).fingerprint, res.fingerprint);
      }),
      { numRuns: 60 },
    );
  });

  it('isIsoDate', () => {
    for (const d of ['2026-12-06', '2024-02-29']) assert.ok(isIsoDate(d), d);
    for (const d of ['2026-13-01', '2025-02-29', '2026-1-1', '26-12-06', 'today', '2026-12-06T00:00']) assert.ok(!isIsoDate(d), d);
  });
});
