/**
 * diagnosticLineRanges: the findings' line/character ranges computed where the text is (the analysis worker),
 * read back on the extension host with lineRangeAt. Exact ranges for LF, CRLF and lone-CR texts, the order
 * (each finding's span, then its related spans), and agreement with LineIndex on random texts and spans.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/engine';
import { diagnosticLineRanges, LineIndex, lineRangeAt, lineRangeCount } from '../../src/core/positions';
import type { Diagnostic, Span } from '../../src/core/types';

const diag = (span: Span, related: Span[] = []): Diagnostic => ({
  code: 'x/y',
  severity: 'error',
  message: 'm',
  span,
  ...(related.length ? { related: related.map((r) => ({ span: r, message: 'r' })) } : {}),
});

/** The ranges as [startLine, startChar, endLine, endChar] tuples. */
const tuples = (ranges: Uint32Array): number[][] =>
  Array.from({ length: ranges.length / 4 }, (_, k) => {
    const r = lineRangeAt(ranges, k);
    return [r.start.line, r.start.character, r.end.line, r.end.character];
  });

describe('diagnosticLineRanges (positions computed in the analysis worker)', () => {
  it('LF: exact ranges of spans on one line, across lines, at the very end, and an empty span', () => {
    const text = 'ab\ncde\n\nfg'; // line starts 0, 3, 7, 8; length 10 (offset 11 is clamped)
    const ranges = diagnosticLineRanges(text, [diag({ start: 3, end: 6 }), diag({ start: 1, end: 9 }), diag({ start: 11, end: 11 }), diag({ start: 0, end: 0 })]);
    assert.deepEqual(tuples(ranges), [
      [1, 0, 1, 3],
      [0, 1, 3, 1],
      [3, 2, 3, 2],
      [0, 0, 0, 0],
    ]);
  });

  it('CRLF: a span ending on the CR or the LF ends at the end of its line, never one column past it', () => {
    const text = 'ab\r\ncd\r\nef'; // CR at 2 and 6, LF at 3 and 7
    const ranges = diagnosticLineRanges(text, [diag({ start: 0, end: 2 }), diag({ start: 0, end: 3 }), diag({ start: 4, end: 6 }), diag({ start: 5, end: 9 })]);
    assert.deepEqual(tuples(ranges), [
      [0, 0, 0, 2],
      [0, 0, 0, 2], // offset 3 is between CR and LF: the end of line 0
      [1, 0, 1, 2],
      [1, 1, 2, 1],
    ]);
  });

  it('lone CR line breaks (YAML 1.2) count as line breaks', () => {
    const text = 'a\rbc\rd';
    assert.deepEqual(tuples(diagnosticLineRanges(text, [diag({ start: 2, end: 4 }), diag({ start: 5, end: 6 })])), [
      [1, 0, 1, 2],
      [2, 0, 2, 1],
    ]);
  });

  it("UTF-16 units, as VS Code counts: a CJK character is one, an emoji two", () => {
    const text = '名称: 发货😀x\n';
    const at = text.indexOf('x');
    assert.deepEqual(tuples(diagnosticLineRanges(text, [diag({ start: 4, end: at + 1 })])), [[0, 4, 0, 9]]);
  });

  it('order: each finding\'s span, then its related spans, then the next finding; clamped offsets', () => {
    const text = 'one\ntwo\nthree\n';
    const ds = [diag({ start: 4, end: 7 }, [{ start: 8, end: 13 }, { start: 0, end: 3 }]), diag({ start: 8, end: 9 }), diag({ start: 0, end: 999 })];
    const ranges = diagnosticLineRanges(text, ds);
    assert.equal(ranges.length, lineRangeCount(ds) * 4);
    assert.equal(lineRangeCount(ds), 5);
    assert.deepEqual(tuples(ranges), [
      [1, 0, 1, 3],
      [2, 0, 2, 5],
      [0, 0, 0, 3],
      [2, 0, 2, 1],
      [0, 0, 3, 0],
    ]);
  });

  it('no findings: an empty array, without indexing the text', () => {
    assert.equal(diagnosticLineRanges('a\nb', []).length, 0);
  });

  it('a real analysis of a CRLF file: every range equals LineIndex.position of its span', () => {
    const lf = 'bizflow: 1\nprocess:\n  id: p\n  name: P\nroles:\n  a: { name: A }\nsteps:\n  s: { name: S, role: nobody, type: start, next: [e, gone] }\n  e: { name: E, role: a, type: end }\n';
    const text = lf.replace(/\n/g, '\r\n');
    const { diagnostics } = analyze(text, { locale: 'en' });
    assert.ok(diagnostics.length >= 2, diagnostics.map((d) => d.code).join(', '));
    const ranges = diagnosticLineRanges(text, diagnostics);
    const idx = new LineIndex(text);
    const spans = diagnostics.flatMap((d) => [d.span, ...(d.related ?? []).map((r) => r.span)]);
    spans.forEach((s, k) => assert.deepEqual(lineRangeAt(ranges, k), { start: idx.position(s.start), end: idx.position(s.end) }));
    const role = diagnostics.find((d) => d.code === 'ref/unknown-role')!;
    const line = text.split('\r\n').findIndex((l) => l.includes('nobody'));
    const r = lineRangeAt(ranges, spans.indexOf(role.span));
    assert.deepEqual(r, { start: { line, character: text.split('\r\n')[line].indexOf('nobody') }, end: { line, character: text.split('\r\n')[line].indexOf('nobody') + 6 } });
  });

  it('property: agrees with LineIndex for random texts (LF, CRLF, CR, non-ASCII) and spans', () => {
    const piece = fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', '名', '😀', ' ');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        fc.array(fc.tuple(fc.nat(60), fc.nat(60), fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 2 })), { maxLength: 6 }),
        (text, raw) => {
          const sp = ([a, b]: [number, number]): Span => ({ start: Math.min(a, b), end: Math.max(a, b) });
          const ds = raw.map(([a, b, rel]) => diag(sp([a, b]), rel.map(sp)));
          const ranges = diagnosticLineRanges(text, ds);
          const idx = new LineIndex(text);
          const spans = ds.flatMap((d) => [d.span, ...(d.related ?? []).map((r) => r.span)]);
          assert.equal(ranges.length, spans.length * 4);
          spans.forEach((s, k) => assert.deepEqual(lineRangeAt(ranges, k), { start: idx.position(s.start), end: idx.position(s.end) }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
