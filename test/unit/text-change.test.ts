/** The helper that puts a document back by the smallest edit (test/integration/util/text-change.ts). */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { splits, textChange } from '../integration/util/text-change';

const apply = (from: string, c: { start: number; end: number; text: string }) => from.slice(0, c.start) + c.text + from.slice(c.end);

describe('textChange (putting a document back by the smallest edit)', () => {
  it('replaces only what differs', () => {
    assert.deepEqual(textChange('a\nbroken: [unclosed\n', 'a\n'), { start: 2, end: 20, text: '' });
    assert.deepEqual(textChange('priority: must\n', 'priority: should\n'), { start: 10, end: 14, text: 'should' });
    assert.deepEqual(textChange('same', 'same'), { start: 4, end: 4, text: '' });
    assert.deepEqual(textChange('', 'new'), { start: 0, end: 0, text: 'new' });
    assert.deepEqual(textChange('aa', 'aaa'), { start: 2, end: 2, text: 'a' });
  });

  it('does not split a surrogate pair', () => {
    assert.equal(splits('😀', 1), true);
    assert.equal(splits('\ud83da', 1), false);
    // 😀 (d83d de00) and 😃 (d83d de03) share their high half
    const c = textChange('x😀y', 'x😃y');
    assert.deepEqual(c, { start: 1, end: 3, text: '😃' });
  });

  it('turns any text into any other, within the span that differs, never inside a surrogate pair', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '😀', '😃', '\ud83d'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (from, to) => {
        const c = textChange(from, to);
        assert.equal(apply(from, c), to);
        assert.ok(0 <= c.start && c.start <= c.end && c.end <= from.length);
        const newEnd = c.start + c.text.length; // where the span ends in `to`
        assert.ok(!splits(from, c.start) && !splits(from, c.end) && !splits(to, c.start) && !splits(to, newEnd), JSON.stringify({ from, to, c }));
        // the smallest such span: it cannot start later or end earlier without splitting a pair
        const later = c.start < c.end && c.text.length > 0 && from[c.start] === c.text[0] && !splits(from, c.start + 1) && !splits(to, c.start + 1);
        const earlier = c.start < c.end && c.text.length > 0 && from[c.end - 1] === to[newEnd - 1] && !splits(from, c.end - 1) && !splits(to, newEnd - 1);
        assert.ok(!later && !earlier, `a smaller span: ${JSON.stringify({ from, to, c })}`);
      }),
      { numRuns: 2000 },
    );
  });
});
